// 进销存汇总表: per item for a period, opening / in by kind / out by kind / closing, quantity and
// amount, with the totals row. The kinds are those that moved (a reversal counted, red, under the
// kind it reverses); the figures agree with the stock cards (reports.stockSummary).

import { useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { StockSummaryRow, SummaryKind } from '../../../../shared/contract';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { ExportButton } from '../../components/ExportButton';
import { useI18n, type MsgKey } from '../../i18n';
import { useOfficeToday } from '../../i18n/clock';
import { fen, PeriodFields } from '../Finance/common';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';
import { useCategories } from '../Items/useCategories';

type Row = StockSummaryRow & { total?: boolean };
type QA = { qty: number; amountFen: number };
const KIND_KEYS = ['opening', 'inbound', 'return', 'dispatch'];

/** A quantity and an amount column of one figure of the row. */
function pair(id: string, header: string, get: (r: Row) => QA | undefined, t: (k: MsgKey) => string): ColDef<Row>[] {
  return [
    qtyCol<Row>({ colId: `${id}Qty`, headerName: `${header} ${t('rp.qty')}`, width: 92, valueGetter: (x) => (x.data ? get(x.data)?.qty : undefined) }),
    moneyCol<Row>({
      colId: `${id}Fen`,
      headerName: `${header} ${t('rp.amount')}`,
      width: 112,
      valueGetter: (x) => (x.data ? get(x.data)?.amountFen : undefined),
    }),
  ];
}

function useColumns(kinds: SummaryKind[]): ColDef<Row>[] {
  const { t } = useI18n();
  return useMemo(() => {
    const kindName = (k: SummaryKind) => (KIND_KEYS.includes(k.kind) ? t(`rp.kind.${k.kind}` as MsgKey) : k.kind);
    const byKind = kinds.flatMap((k, i) => pair(`k${i}`, `${t(k.direction === 'in' ? 'rp.in' : 'rp.out')}·${kindName(k)}`, (r) => r.byKind[i], t));
    return [
      { field: 'code', headerName: t('rp.code'), width: 110, pinned: 'left' },
      { field: 'name', headerName: t('rp.name'), width: 150, pinned: 'left' },
      { field: 'spec', headerName: t('rp.spec'), width: 90 },
      { field: 'unit', headerName: t('rp.unit'), width: 56 },
      ...pair('opening', t('rp.opening'), (r) => r.opening, t),
      ...byKind,
      ...pair('inTotal', t('rp.inTotal'), (r) => r.inTotal, t),
      ...pair('outTotal', t('rp.outTotal'), (r) => r.outTotal, t),
      ...pair('closing', t('rp.closing'), (r) => r.closing, t),
    ];
  }, [t, kinds]);
}

export function StockSummaryTab() {
  const { t } = useI18n();
  const today = useOfficeToday();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [category, setCategory] = useState<string | null>(null);
  const categories = useCategories();
  const { data, error } = useReport('reports.stockSummary', from && to ? { from, to, ...(category === null ? {} : { category }) } : null);
  const grid = useRef<AgGridReact<Row>>(null);
  const cols = useColumns(data?.kinds ?? []);
  const totals: Row[] = data ? [{ ...data.totals, total: true, itemId: 0, code: t('rp.total'), name: '', spec: '', unit: '' }] : [];
  return (
    <div className="screen-col">
      <Toolbar
        title={t('rp.stock.title')}
        sub={data ? t('rp.stock.sub', { from: data.from, to: data.to, n: data.rows.length, fen: fen(data.totals.closing.amountFen) }) : undefined}
      >
        <ReportTabs on="stock" />
        <PeriodFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <Field label={t('rp.key.category')}>
          <select
            className="input"
            value={category ?? '*'}
            onChange={(e) => setCategory(e.target.value === '*' ? null : e.target.value)}
            data-testid="rp-category"
          >
            <option value="*">{t('rp.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option value="">{t('rp.noCategory')}</option>
          </select>
        </Field>
        <ExportButton
          title={t('rp.stock.title')}
          grid={grid}
          filters={[
            { label: t('rp.tab.stock'), value: `${from} ~ ${to}` },
            { label: t('rp.key.category'), value: category === null ? '' : category || t('rp.noCategory') },
          ]}
        />
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<Row> ref={grid} rowData={data?.rows ?? []} columnDefs={cols} getRowId={(x) => String(x.data.itemId)} pinnedBottomRowData={totals} />
      </div>
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
