// 呆滞商品: items on hand with their last issue, the days since, what went out in the window and
// the days that stock lasts at that pace, slowest first (reports.slowMovers) — the keeper's
// storage advice (库位 shown, so the goods are found and moved).

import { useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { SlowMoverRow } from '../../../../shared/contract';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { ExportButton } from '../../components/ExportButton';
import { useI18n } from '../../i18n';
import { toHalfWidth } from '../../numbers';
import { fen } from '../Finance/common';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';

function useColumns(): ColDef<SlowMoverRow>[] {
  const { t } = useI18n();
  return useMemo(
    () => [
      { field: 'code', headerName: t('rp.code'), width: 110 },
      { field: 'name', headerName: t('rp.name'), width: 160 },
      { field: 'spec', headerName: t('rp.spec'), width: 100 },
      { field: 'location', headerName: t('rp.location'), width: 80 },
      qtyCol<SlowMoverRow>({ field: 'qty', headerName: t('rp.onHand') }),
      { field: 'unit', headerName: t('rp.unit'), width: 56 },
      moneyCol<SlowMoverRow>({ field: 'amountFen', headerName: t('rp.amount') }),
      { field: 'lastOutDate', headerName: t('rp.lastOut'), width: 100 },
      qtyCol<SlowMoverRow>({ field: 'idleDays', headerName: t('rp.idle'), cellClassRules: { 'bad-text': (x) => !!x.data?.stale } }),
      qtyCol<SlowMoverRow>({ field: 'outQty', headerName: t('rp.outWindow') }),
      qtyCol<SlowMoverRow>({ field: 'coverDays', headerName: t('rp.cover') }),
      // a mark, not ag-grid's checkbox for a boolean
      { field: 'stale', headerName: t('rp.stale'), width: 64, cellDataType: false, valueFormatter: (x) => (x.value ? '●' : ''), cellClass: 'bad-text' },
    ],
    [t],
  );
}

export function SlowMoversTab() {
  const { t } = useI18n();
  const [daysText, setDaysText] = useState('90');
  const [staleOnly, setStaleOnly] = useState(true);
  const typed = /^\d{1,4}$/.test(toHalfWidth(daysText.trim())) ? Number(toHalfWidth(daysText.trim())) : 0;
  const days = typed >= 1 && typed <= 3660 ? typed : 0;
  const { data, error } = useReport('reports.slowMovers', days ? { days } : null);
  const grid = useRef<AgGridReact<SlowMoverRow>>(null);
  const cols = useColumns();
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => !staleOnly || r.stale), [data, staleOnly]);
  const stale = (data?.rows ?? []).filter((r) => r.stale);
  const staleFen = stale.reduce((s, r) => s + (r.amountFen ?? 0), 0);
  return (
    <div className="screen-col">
      <Toolbar title={t('rp.slow.title')} sub={data ? t('rp.slow.sub', { asOf: data.asOf, n: stale.length, days: data.days, fen: fen(staleFen) }) : undefined}>
        <ReportTabs on="slow" />
        <Field label={t('rp.days')}>
          <input className="input" style={{ width: 70 }} value={daysText} onChange={(e) => setDaysText(e.target.value)} data-testid="rp-days" />
        </Field>
        <label className="check">
          <input type="checkbox" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} />
          {t('rp.staleOnly')}
        </label>
        <ExportButton title={t('rp.slow.title')} grid={grid} filters={[{ label: t('rp.days'), value: String(days) }]} />
      </Toolbar>
      {days ? null : <div className="error-line">{t('rp.daysBad')}</div>}
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<SlowMoverRow> ref={grid} rowData={rows} columnDefs={cols} getRowId={(x) => String(x.data.itemId)} />
      </div>
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
