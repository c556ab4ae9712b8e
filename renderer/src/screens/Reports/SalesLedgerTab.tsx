// 销售收入明细账: each posted sale, return and reversal line of a period (one customer or all), in
// posting order, 500 lines a page, with the period's totals; cost for who sees costs
// (reports.salesLedger). Enter or a double click opens the slip.

import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Customer, SalesLedgerRow } from '../../../../shared/contract';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { Btn, ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { ExportButton } from '../../components/ExportButton';
import { CustomerPicker } from '../../components/pickers';
import { navigate } from '../../hooks/router';
import { useI18n, type MsgKey } from '../../i18n';
import { useOfficeToday } from '../../i18n/clock';
import { useSession } from '../../session';
import { fen, PeriodFields } from '../Finance/common';
import { ReportTabs } from './ReportTabs';
import { useReport } from './common';

type Row = SalesLedgerRow & { total?: boolean };
const PAGE = 500;

function useColumns(costs: boolean): ColDef<Row>[] {
  const { t } = useI18n();
  return useMemo(
    () => [
      { field: 'date', headerName: t('rp.date'), width: 96 },
      { field: 'slipNo', headerName: t('rp.slipNo'), width: 140, cellClass: 'mono' },
      { field: 'kind', headerName: t('rp.slipKind'), width: 72, valueFormatter: (x) => (x.value ? t(`rp.sk.${x.value as string}` as MsgKey) : '') },
      { field: 'customer', headerName: t('rp.customer'), flex: 1, minWidth: 150 },
      { field: 'itemCode', headerName: t('rp.code'), width: 96 },
      { field: 'itemName', headerName: t('rp.name'), width: 130 },
      { field: 'unit', headerName: t('rp.unit'), width: 56 },
      qtyCol<Row>({ field: 'qty', headerName: t('rp.qty'), width: 72 }),
      moneyCol<Row>({ field: 'priceFen', headerName: t('rp.price'), width: 90 }),
      moneyCol<Row>({ field: 'amountFen', headerName: t('rp.amount'), width: 110 }),
      ...(costs ? [moneyCol<Row>({ field: 'costFen', headerName: t('rp.cost'), width: 110 })] : []),
    ],
    [t, costs],
  );
}

export function SalesLedgerTab() {
  const { t } = useI18n();
  const session = useSession();
  const today = useOfficeToday();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [offset, setOffset] = useState(0);
  const input = from && to ? { from, to, customerId: customer?.id, limit: PAGE, offset } : null;
  const { data, error } = useReport('reports.salesLedger', input);
  const cols = useColumns(session.scope.seesCosts);
  const totals: Row[] = data
    ? [
        {
          ...data.totals,
          total: true,
          lineId: 0,
          slipId: 0,
          // 合计 under the slip no.: ag-grid reads the date column as dates and would blank a word there
          slipNo: t('rp.total'),
          date: '',
          kind: null as never,
          customer: null,
          itemCode: '',
          itemName: '',
          unit: '',
          priceFen: null,
        },
      ]
    : [];
  const open = (r?: Row) => r && !r.total && navigate(`/slips/${r.slipId}`);
  const period = (f: (d: string) => void) => (d: string) => (f(d), setOffset(0));
  return (
    <div className="screen-col">
      <Toolbar title={t('rp.ledger.title')} sub={data ? t('rp.ledger.sub', { from, to, n: data.total, fen: fen(data.totals.amountFen) }) : undefined}>
        <ReportTabs on="ledger" />
        <PeriodFields from={from} to={to} onFrom={period(setFrom)} onTo={period(setTo)} />
        <Field label={t('rp.customer')}>
          <span className="inline-field">
            <CustomerPicker value={customer} onPick={(c) => (setCustomer(c), setOffset(0))} />
            {customer ? <Btn onClick={() => (setCustomer(null), setOffset(0))}>{t('rp.allCustomers')}</Btn> : null}
          </span>
        </Field>
        {/* the whole period, every page: the core reads it (export.grid), not the 500 lines shown */}
        <ExportButton query={() => (from && to ? { grid: 'salesLedger', filters: { from, to, customerId: customer?.id } } : null)} />
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<Row>
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.lineId)}
          pinnedBottomRowData={totals}
          onRowDoubleClicked={(e) => open(e.data)}
          onCellKeyDown={(e) => (e.event as KeyboardEvent | undefined)?.key === 'Enter' && open(e.data)}
        />
      </div>
      {data && data.total > PAGE ? (
        <div className="inline-field">
          <Btn disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('rp.prevPage')}
          </Btn>
          <span>{t('rp.page', { a: offset + 1, b: Math.min(offset + PAGE, data.total), n: data.total })}</span>
          <Btn disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('rp.nextPage')}
          </Btn>
        </div>
      ) : null}
      <KeyHints
        items={[
          ['Enter', t('rp.openSlip')],
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}
