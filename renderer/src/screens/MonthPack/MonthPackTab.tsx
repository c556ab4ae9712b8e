// 月报 (#/aging/monthPack, a tab of 报表): the month pack to HQ. Before signing, what the month still
// lacks; the manager signs with the PIN once nothing blocks; after, the signed record and the pack
// as PDF (logged as printed), Excel and the JSON file HQ checks offline — all from what was signed.

import { useCallback, useEffect, useState } from 'react';
import type { MonthPackStatus } from '../../../../shared/contract';
import { call, downloadBlob, showPdf, type DeskErr } from '../../api';
import { saveXlsx } from '../../components/ExportButton';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { formatDateTime, today } from '../../i18n/clock';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ReportTabs } from '../Reports/ReportTabs';
import { OpenMonth, SignPackDialog, SignedRecord } from './MonthPackParts';
import { dueMonth } from './dueMonth';
import './monthpack.css';

function useStatus(month: string) {
  const [status, setStatus] = useState<MonthPackStatus | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    const r = await call('monthPack.status', { month });
    if (r.ok) (setStatus(r.value), setError(null));
    else setError(r.error);
  }, [month]);
  useEffect(() => void load(), [load]);
  useHotkeys({ F5: () => void load() });
  return { status: status?.month === month ? status : null, setStatus, error, setError };
}

function PackFiles({ month, onError, onNote }: { month: string; onError(e: DeskErr | null): void; onNote(s: string): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<DeskErr | null>) => (setBusy(true), onError(await f()), setBusy(false));
  const pdf = async () => {
    const logged = await call('monthPack.recordPrint', { month });
    if (!logged.ok) return logged.error;
    const r = await call('monthPack.pdf', { month });
    if (!r.ok) return r.error;
    return showPdf({ ...r.value, mime: 'application/pdf', bytes: 0, paper: 'A4', copies: [], printId: null, printNo: logged.value.printNo }, false);
  };
  const xlsx = async () => {
    const r = await call('monthPack.xlsx', { month });
    return r.ok ? saveXlsx(r.value) : r.error;
  };
  const file = async () => {
    const r = await call('monthPack.export', { month });
    if (!r.ok) return r.error;
    const name = `月报_${month}.json`;
    downloadBlob(new Blob([JSON.stringify(r.value, null, 1)], { type: 'application/json' }), name);
    onNote(t('mp.exported', { file: name }));
    return null;
  };
  return (
    <>
      <Btn onClick={() => void run(pdf)} disabled={busy} data-testid="mp-pdf">
        {t('mp.pdf')}
      </Btn>
      <Btn onClick={() => void run(xlsx)} disabled={busy} data-testid="mp-xlsx">
        {t('mp.xlsx')}
      </Btn>
      <Btn onClick={() => void run(file)} disabled={busy} data-testid="mp-export">
        {t('mp.export')}
      </Btn>
    </>
  );
}

export function MonthPackTab() {
  const { t } = useI18n();
  const session = useSession();
  const [month, setMonth] = useState(() => dueMonth(today()));
  const { status, setStatus, error, setError } = useStatus(month);
  const [signing, setSigning] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const signed = status?.signed ?? null;
  const sub = signed ? t('mp.sub.signed', { month, name: signed.signedBy.name, at: formatDateTime(signed.signedAt) }) : t('mp.sub.open', { month });
  return (
    <div className="screen-col">
      <Toolbar title={t('mp.title')} sub={status ? sub : undefined}>
        <ReportTabs on="monthPack" />
        <Field label={t('mp.month')}>
          <input className="input" type="month" value={month} onChange={(e) => (setMonth(e.target.value), setNote(null))} data-testid="mp-month" />
        </Field>
        {signed ? <PackFiles month={month} onError={setError} onNote={setNote} /> : null}
        {!signed && session.can('monthPack.sign') ? (
          <Btn variant="primary" onClick={() => setSigning(true)} disabled={!status?.canSign} data-testid="mp-sign">
            {t('mp.sign')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {note ? <Notice kind="ok">{note}</Notice> : null}
      {status ? signed ? <SignedRecord month={month} signed={signed} /> : <OpenMonth status={status} /> : null}
      {signing ? <SignPackDialog month={month} onCancel={() => setSigning(false)} onSigned={(s) => (setSigning(false), setStatus(s), setError(null))} /> : null}
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
