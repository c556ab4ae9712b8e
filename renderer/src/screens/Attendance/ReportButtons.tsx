// Report B's paper and sheet for the manager and finance: PDF (A4 landscape, signed boxes 制表 /
// 财务主管 / 经理) and Excel; the manager's 作息时间 (working hours, deduction).

import { useState } from 'react';
import type { AttendanceSettings } from '../../../../shared/contract';
import { call, showPdf, type DeskErr } from '../../api';
import { saveXlsx } from '../../components/ExportButton';
import { Btn } from '../../components/ui';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { SettingsDialog } from './SettingsDialog';
import type { Month } from './attendance';

export function ReportButtons(p: { report: Month; onError(e: DeskErr | null): void; onSaved(msg: string): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [settings, setSettings] = useState<AttendanceSettings | null>(null);
  const month = p.report.month;
  const pdf = async () => {
    setBusy(true);
    const r = await call('attendance.pdf', { month });
    setBusy(false);
    if (!r.ok) return p.onError(r.error);
    const doc = { ...r.value, mime: 'application/pdf' as const, bytes: 0, paper: 'A4' as const, copies: [], printId: null, printNo: null };
    p.onError(await showPdf(doc, true));
  };
  const xlsx = async () => {
    setBusy(true);
    const r = await call('attendance.xlsx', { month });
    setBusy(false);
    p.onError(r.ok ? await saveXlsx(r.value) : r.error);
  };
  return (
    <>
      <Btn onClick={() => void pdf()} disabled={busy} data-testid="att-pdf">
        {t('att.pdf')}
      </Btn>
      <Btn onClick={() => void xlsx()} disabled={busy} data-testid="att-xlsx">
        {t('att.xlsx')}
      </Btn>
      {session.can('attendance.setSettings') ? (
        <Btn onClick={() => setSettings(p.report.settings)} data-testid="att-settings">
          {t('att.settings')}
        </Btn>
      ) : null}
      {settings ? (
        <SettingsDialog
          settings={settings}
          onCancel={() => setSettings(null)}
          onDone={() => {
            setSettings(null);
            p.onSaved(t('att.settingsDone'));
          }}
        />
      ) : null}
    </>
  );
}
