// What finance's monthly report tabs share: the month (office time, this month to start with) and
// the report's PDF (A4, signed boxes 制表 / 财务主管 / 经理) and XLSX from the core
// (monthReports.pdf / monthReports.xlsx), for the month and account on show.

import { useState } from 'react';
import type { MoneyAccount, MonthReportKind } from '../../../../shared/contract';
import { call, showPdf, type DeskErr } from '../../api';
import { saveXlsx } from '../../components/ExportButton';
import { Btn, Field } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useOfficeToday } from '../../i18n/clock';

const MONTH = /^\d{4}-\d{2}$/;

/** The month picked (this month in the office's timezone to start with), and whether it is whole. */
export function useReportMonth(): [month: string, setMonth: (m: string) => void, valid: boolean] {
  const today = useOfficeToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  return [month, setMonth, MONTH.test(month)];
}

export function MonthField(p: { month: string; onChange(m: string): void }) {
  const { t } = useI18n();
  return (
    <Field label={t('mr.month')}>
      <input className="input date" type="month" value={p.month} onChange={(e) => e.target.value && p.onChange(e.target.value)} data-testid="mr-month" />
    </Field>
  );
}

export function MonthFiles(p: { report: MonthReportKind; month: string; account?: MoneyAccount; onError(e: DeskErr | null): void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const input = { report: p.report, month: p.month, lang, ...(p.account ? { account: p.account } : {}) };
  const pdf = async () => {
    setBusy(true);
    const r = await call('monthReports.pdf', input);
    setBusy(false);
    if (!r.ok) return p.onError(r.error);
    const doc = { ...r.value, mime: 'application/pdf' as const, bytes: 0, paper: 'A4' as const, copies: [], printId: null, printNo: null };
    // D is laid out on A4 landscape (showPdf's second argument), A and C on A4 portrait
    p.onError(await showPdf(doc, p.report === 'D'));
  };
  const xlsx = async () => {
    setBusy(true);
    const r = await call('monthReports.xlsx', input);
    setBusy(false);
    p.onError(r.ok ? await saveXlsx(r.value) : r.error);
  };
  return (
    <>
      <Btn onClick={() => void pdf()} disabled={busy || !MONTH.test(p.month)} data-testid="mr-pdf">
        {t('mr.pdf')}
      </Btn>
      <Btn onClick={() => void xlsx()} disabled={busy || !MONTH.test(p.month)} data-testid="mr-xlsx">
        {t('mr.xlsx')}
      </Btn>
    </>
  );
}
