// 月度销售统计表: a month's sales by item, customer or salesperson — quantity, amount, FIFO cost,
// gross margin (cost and margin only for who sees costs), returns netted — beside the previous
// month and the same month last year (reports.salesMonthly). A salesperson sees his own customers.

import { useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { SalesFigures, SalesGrouping, SalesMonthlyRow } from '../../../../shared/contract';
import { SALES_GROUPINGS } from '../../../../shared/contract';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { ExportButton } from '../../components/ExportButton';
import { useI18n, type MsgKey } from '../../i18n';
import { useOfficeToday } from '../../i18n/clock';
import { useSession } from '../../session';
import { fen } from '../Finance/common';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';

type Row = SalesMonthlyRow & { total?: boolean };

/** "+12.5%" from b to a; '' when there is nothing to compare with. */
export function change(a: number, b: number | null | undefined): string {
  if (b == null || b === 0) return '';
  const pct = ((a - b) / Math.abs(b)) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

const marginPct = (f: SalesFigures | undefined) => (f && f.marginFen !== null && f.amountFen !== 0 ? `${((f.marginFen / f.amountFen) * 100).toFixed(1)}%` : '');

/** The columns that name the group: an item's code and name, a customer's code and name, a salesperson. */
function keyColumns(by: SalesGrouping, t: (k: MsgKey) => string): ColDef<Row>[] {
  if (by === 'category')
    return [
      {
        field: 'name',
        headerName: t('rp.key.category'),
        width: 220,
        valueGetter: (x) => (x.data?.total ? x.data.code : x.data?.name || t('rp.noCategory')),
      },
    ];
  return by === 'item'
    ? [
        { field: 'code', headerName: t('rp.code'), width: 110 },
        { field: 'name', headerName: t('rp.name'), width: 170 },
      ]
    : [
        ...(by === 'customer' ? [{ field: 'code', headerName: t('rp.code'), width: 90 } as ColDef<Row>] : []),
        {
          field: 'name',
          headerName: t(by === 'customer' ? 'rp.key.customer' : 'rp.key.salesperson'),
          width: 220,
          // 合计 sits in the code column where there is one
          valueGetter: (x) => (x.data?.total ? (by === 'customer' ? '' : x.data.code) : x.data?.name || t('rp.noSalesperson')),
        },
      ];
}

function useColumns(by: SalesGrouping, costs: boolean): ColDef<Row>[] {
  const { t } = useI18n();
  return useMemo(() => {
    const cur = (f: keyof SalesFigures) => (x: { data?: Row }) => x.data?.current[f];
    return [
      ...keyColumns(by, t),
      qtyCol<Row>({ colId: 'qty', headerName: t('rp.qty'), valueGetter: cur('qty') }),
      moneyCol<Row>({ colId: 'amountFen', headerName: t('rp.amount'), valueGetter: cur('amountFen') }),
      ...(costs
        ? [
            moneyCol<Row>({ colId: 'costFen', headerName: t('rp.cost'), valueGetter: cur('costFen') }),
            moneyCol<Row>({ colId: 'marginFen', headerName: t('rp.margin'), valueGetter: cur('marginFen') }),
            {
              colId: 'marginPct',
              headerName: t('rp.marginPct'),
              width: 84,
              type: 'rightAligned',
              valueGetter: (x: { data?: Row }) => marginPct(x.data?.current),
            },
          ]
        : []),
      moneyCol<Row>({ colId: 'prevFen', headerName: `${t('rp.prev')} ${t('rp.amount')}`, valueGetter: (x) => x.data?.previousMonth?.amountFen }),
      {
        colId: 'change',
        headerName: t('rp.change'),
        width: 90,
        type: 'rightAligned',
        valueGetter: (x) => (x.data ? change(x.data.current.amountFen, x.data.previousMonth?.amountFen) : ''),
      },
      moneyCol<Row>({ colId: 'lastYearFen', headerName: `${t('rp.lastYear')} ${t('rp.amount')}`, valueGetter: (x) => x.data?.lastYear?.amountFen }),
      {
        colId: 'yoy',
        headerName: t('rp.yoy'),
        width: 90,
        type: 'rightAligned',
        valueGetter: (x) => (x.data ? change(x.data.current.amountFen, x.data.lastYear?.amountFen) : ''),
      },
    ];
  }, [t, by, costs]);
}

export function SalesMonthlyTab() {
  const { t } = useI18n();
  const session = useSession();
  const today = useOfficeToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [by, setBy] = useState<SalesGrouping>('item');
  const { data, error } = useReport('reports.salesMonthly', /^\d{4}-\d{2}$/.test(month) ? { month, by } : null);
  const grid = useRef<AgGridReact<Row>>(null);
  const cols = useColumns(by, session.scope.seesCosts);
  const totals: Row[] = data ? [{ ...data.totals, total: true, key: null, code: t('rp.total'), name: '' }] : [];
  return (
    <div className="screen-col">
      <Toolbar title={t('rp.sales.title')} sub={data ? t('rp.sales.sub', { month: data.month, fen: fen(data.totals.current.amountFen) }) : undefined}>
        <ReportTabs on="sales" />
        <Field label={t('rp.month')}>
          <input className="input date" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} data-testid="rp-month" />
        </Field>
        <Field label={t('rp.by')}>
          <select className="input" value={by} onChange={(e) => setBy(e.target.value as SalesGrouping)} data-testid="rp-by">
            {SALES_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`rp.by.${g}` as MsgKey)}
              </option>
            ))}
          </select>
        </Field>
        <ExportButton
          title={t('rp.sales.title')}
          grid={grid}
          filters={[
            { label: t('rp.month'), value: month },
            { label: t('rp.by'), value: t(`rp.by.${by}` as MsgKey) },
          ]}
        />
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<Row>
          ref={grid}
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => `${by}:${x.data.key ?? x.data.name}`}
          pinnedBottomRowData={totals}
        />
      </div>
      <KeyHints items={[['F5', t('keys.refresh')]]} />
    </div>
  );
}
