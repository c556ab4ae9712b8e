// 客户往来 · 应收账龄: open amounts per customer by age (0–30, 31–60, 61–90, 91–180, over 180 days by
// default; the buckets are the user's to set), with totals. Enter opens the customer's ledger and statement.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, moneyCol } from '../../components/grid';
import { ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { ExportButton } from '../../components/ExportButton';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { toHalfWidth } from '../../numbers';
import { fen } from './common';
import { ReportTabs } from '../Reports/ReportTabs';

type Aging = Output<'receivables.aging'>;
type ARow = Aging['rows'][number];
type VRow = ARow & { total?: boolean };

export function AgingScreen() {
  const { t } = useI18n();
  // '' until the user picks a day: the core ages as of its own business date (the office's today)
  const [asOf, setAsOf] = useState('');
  const [settled, setSettled] = useState(false);
  const [data, setData] = useState<Aging | null>(null);
  const [boundsText, setBoundsText] = useState('30,60,90,180');
  const bounds = useMemo(() => parseBounds(boundsText), [boundsText]);
  const [error, setError] = useState<DeskErr | null>(null);
  const grid = useRef<AgGridReact<VRow>>(null);

  const load = useCallback(async () => {
    if (!bounds) return;
    const r = await call('receivables.aging', { asOf: asOf || undefined, includeSettled: settled, buckets: bounds });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
  }, [asOf, settled, bounds]);
  useEffect(() => {
    void load();
  }, [load]);
  useHotkeys({ F5: () => void load() });

  const cols = useMemo<ColDef<VRow>[]>(
    () => [
      { field: 'code', headerName: t('ag.code'), width: 80 },
      {
        field: 'name',
        headerName: t('ag.customer'),
        flex: 1,
        minWidth: 140,
        valueGetter: (x) => (x.data ? x.data.name + (x.data.overLimit ? ` (${t('ag.overLimit')})` : '') : ''),
        cellClassRules: { 'bad-text': (x) => !!x.data?.overLimit },
      },
      moneyCol<VRow>({ field: 'creditLimitFen', headerName: t('ag.limit'), width: 100 }),
      ...(data?.buckets ?? []).map((b, i, all) =>
        moneyCol<VRow>({
          colId: 'b' + i,
          headerName: b.toDays == null ? t('ag.over', { n: b.fromDays - 1 }) : t('ag.range', { from: b.fromDays, to: b.toDays }),
          width: 92,
          valueGetter: (x) => x.data?.buckets[i] ?? 0,
          // the oldest two buckets are the ones to chase
          cellClassRules: i >= all.length - 2 ? { 'bad-text': (x) => (x.value ?? 0) > 0 } : undefined,
        }),
      ),
      moneyCol<VRow>({ field: 'openFen', headerName: t('ag.open'), width: 105 }),
      moneyCol<VRow>({ field: 'prepaymentFen', headerName: t('ag.prepaid'), width: 90 }),
      moneyCol<VRow>({ field: 'balanceFen', headerName: t('ag.balance'), width: 110, cellClassRules: { 'bad-text': (x) => !!x.data?.overLimit } }),
      { field: 'oldestDate', headerName: t('ag.oldest'), width: 100 },
    ],
    [t, data?.buckets],
  );

  const open = (r?: VRow) => r && !r.total && navigate(`/aging/${r.customerId}`);
  return (
    <div className="screen-col">
      <Toolbar title={t('ag.title')} sub={data ? t('ag.sub', { n: data.rows.length, fen: fen(data.totals.balanceFen) }) : undefined}>
        <ReportTabs on="aging" />
        <Field label={t('ag.asOf')}>
          <input className="input date" type="date" value={asOf || data?.asOf || ''} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </Field>
        <Field label={t('ag.bounds')}>
          <input className="input" style={{ width: 130 }} value={boundsText} onChange={(e) => setBoundsText(e.target.value)} />
        </Field>
        <ExportButton title={t('ag.title')} grid={grid} filters={[{ label: t('ag.asOf'), value: asOf || data?.asOf || '' }]} />
        <label className="check">
          <input type="checkbox" checked={settled} onChange={(e) => setSettled(e.target.checked)} />
          {t('ag.includeSettled')}
        </label>
      </Toolbar>
      {bounds ? null : <div className="error-line">{t('ag.boundsBad')}</div>}
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<VRow>
          ref={grid}
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.customerId)}
          pinnedBottomRowData={
            data
              ? [
                  {
                    total: true,
                    customerId: 0,
                    code: t('fin.total'),
                    name: '',
                    creditLimitFen: null as unknown as number,
                    openFen: data.totals.openFen,
                    prepaymentFen: data.totals.prepaymentFen,
                    balanceFen: data.totals.balanceFen,
                    buckets: data.totals.buckets,
                    oldestDate: null,
                    overLimit: false,
                  },
                ]
              : []
          }
          onRowDoubleClicked={(e) => open(e.data)}
          onCellKeyDown={(e) => (e.event as KeyboardEvent | undefined)?.key === 'Enter' && open(e.data)}
        />
      </div>
      <KeyHints
        items={[
          ['Enter', t('ag.openCustomer')],
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}

/** "30,60,90,180" (or full-width ３０，６０) → [30, 60, 90, 180]; null unless strictly increasing whole days (1–3650, at most 12). */
export function parseBounds(text: string): number[] | null {
  const parts = toHalfWidth(text)
    .split(/[,\s]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 12) return null;
  const days = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  if (days.some((d, i) => !(d >= 1 && d <= 3650) || (i > 0 && d <= days[i - 1]))) return null;
  return days;
}
