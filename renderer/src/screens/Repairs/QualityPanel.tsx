// 产品质量问题: per item over a period (this month by default), the defective returns, the repairs by
// outcome and their faults, for the manager's report to HQ; as PDF and as Excel.

import { useEffect, useMemo, useState } from 'react';
import type { QualityRow } from '../../../../shared/contract';
import { call, showPdf, type DeskErr } from '../../api';
import { saveXlsx } from '../../components/ExportButton';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useOfficeToday } from '../../i18n/clock';
import { useI18n } from '../../i18n';
import { qualityColumns } from './repairColumns';

export function QualityPanel() {
  const { t } = useI18n();
  const today = useOfficeToday();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [rows, setRows] = useState<QualityRow[] | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void call('repairs.quality', { from, to }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setRows(r.value.rows);
      setError(null);
    });
    return () => void (live = false);
  }, [from, to]);
  const cols = useMemo(() => qualityColumns(t), [t]);
  const pdf = async () => {
    setBusy(true);
    const r = await call('repairs.qualityPdf', { from, to });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(await showPdf({ ...r.value, mime: 'application/pdf', bytes: 0, paper: 'A4', copies: [], printId: null, printNo: null }, true));
  };
  const xlsx = async () => {
    setBusy(true);
    const r = await call('repairs.qualityXlsx', { from, to });
    setBusy(false);
    setError(r.ok ? await saveXlsx(r.value) : r.error);
  };
  return (
    <>
      <div className="filter-bar">
        <label>
          {t('rep.from')}{' '}
          <input className="input" type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} data-testid="quality-from" />
        </label>
        <label>
          {t('rep.to')} <input className="input" type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <Btn onClick={() => void pdf()} disabled={busy} data-testid="quality-pdf">
          {t('rep.pdf')}
        </Btn>
        <Btn onClick={() => void xlsx()} disabled={busy} data-testid="quality-xlsx">
          {t('rep.xlsx')}
        </Btn>
      </div>
      <ErrorLine error={error} />
      {rows && rows.length === 0 ? <Notice kind="info">{t('rep.noQuality')}</Notice> : null}
      <div className="grid-fill">
        <Grid<QualityRow> rowData={rows ?? []} columnDefs={cols} getRowId={(x) => String(x.data.itemId)} />
      </div>
    </>
  );
}
