// Slips in an ag-grid on the infinite row model: pages of slips.list load as the list scrolls.

import { forwardRef, useMemo } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef, IDatasource } from 'ag-grid-community';
import type { Input, SlipKind, SlipSummary } from '../../../../shared/contract';
import { call } from '../../api';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import { useI18n } from '../../i18n';
import { SignatureBadges } from '../../slip/parts';
import { useSession } from '../../session';

export type SlipFilter = Omit<Input<'slips.list'>, 'limit' | 'offset'>;

export const SlipTable = forwardRef<
  AgGridReact<SlipSummary>,
  { filter: SlipFilter; fixedKind?: SlipKind; onOpen(s: SlipSummary): void; onLoaded?(total: number): void }
>(function SlipTable(p, ref) {
  const { t, kind, state, pay } = useI18n();
  const showSig = !p.fixedKind || p.fixedKind === 'dispatch' || p.fixedKind === 'return';
  // 保密制度: who sees no prices (driver, shipper) gets no amount column (the core sends null)
  const seesPrices = useSession().scope.seesPrices;

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        void call('slips.list', { ...p.filter, offset: params.startRow, limit: params.endRow - params.startRow }).then((r) => {
          if (!r.ok) return params.failCallback();
          p.onLoaded?.(r.value.total);
          params.successCallback(r.value.rows, r.value.total);
        });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(p.filter)],
  );

  const cols = useMemo<ColDef<SlipSummary>[]>(() => {
    const c: ColDef<SlipSummary>[] = [
      { field: 'no', headerName: t('slip.no'), width: 170, cellClass: 'mono' },
      { field: 'businessDate', headerName: t('slip.date'), width: 110 },
    ];
    if (!p.fixedKind) c.push({ field: 'kind', headerName: t('slip.kind'), width: 110, valueFormatter: (x) => (x.value ? kind(x.value) : '') });
    c.push({
      field: 'state',
      headerName: t('slip.state'),
      width: 96,
      valueFormatter: (x) => (x.value ? state(x.value) : ''),
      cellClassRules: {
        'state-cell-draft': (x) => x.value === 'draft',
        'state-cell-void': (x) => x.value === 'void',
        'state-cell-posted': (x) => x.value === 'posted',
      },
    });
    c.push({
      colId: 'party',
      headerName: p.fixedKind === 'inbound' ? t('inbound.supplier') : p.fixedKind ? t('dispatch.customer') : t('slip.party'),
      flex: 2,
      minWidth: 170,
      valueGetter: (x) => x.data?.customerName ?? x.data?.supplierName ?? '',
    });
    if (!p.fixedKind || p.fixedKind === 'inbound')
      c.push({ field: 'deliveryNoteNo', headerName: t('inbound.deliveryNoteShort'), width: 140, cellClass: 'mono' });
    if (!p.fixedKind || p.fixedKind === 'return')
      c.push({
        field: 'sourceSlipNo',
        headerName: t('slip.sourceNo'),
        width: 160,
        cellClass: 'mono',
        // a return without a dispatch (goods sold before go-live) says so where the dispatch would be
        valueGetter: (x) => (x.data?.preGoLive ? t('oldret.mark') : (x.data?.sourceSlipNo ?? null)),
      });
    if (p.fixedKind !== 'reversal' && p.fixedKind !== 'opening')
      c.push({ colId: 'carrier', headerName: t('carrier.label'), width: 96, valueGetter: (x) => x.data?.carrier?.name ?? '' });
    if (!p.fixedKind || p.fixedKind === 'dispatch')
      c.push({ field: 'paymentMode', headerName: t('dispatch.payment'), width: 110, valueFormatter: (x) => pay(x.value) });
    if (showSig)
      c.push({
        colId: 'sig',
        headerName: t('sign.status'),
        width: 150,
        cellRenderer: (x: { data?: SlipSummary }) =>
          x.data && (x.data.kind === 'dispatch' || x.data.kind === 'return') && x.data.state === 'draft' ? (
            <SignatureBadges kind={x.data.kind} missing={x.data.missingSignatures} short />
          ) : null,
      });
    c.push(qtyCol<SlipSummary>({ field: 'lineCount', headerName: t('slip.lines'), width: 70 }));
    // a reversal (红字) shows its quantities and amounts negative, in red
    const sign = (x: { data?: SlipSummary }) => (x.data?.kind === 'reversal' ? -1 : 1);
    c.push(
      qtyCol<SlipSummary>({ colId: 'totalQty', headerName: t('slip.totalQty'), width: 90, valueGetter: (x) => (x.data ? x.data.totalQty * sign(x) : null) }),
    );
    if (seesPrices)
      c.push(
        moneyCol<SlipSummary>({
          colId: 'totalAmountFen',
          headerName: t('slip.totalAmount'),
          width: 130,
          valueGetter: (x) => (x.data?.totalAmountFen != null ? x.data.totalAmountFen * sign(x) : null),
        }),
      );
    c.push({ field: 'postedAt', headerName: t('slip.postedAt'), width: 140, valueFormatter: (x) => formatDateTime(x.value) });
    c.push({ colId: 'rev', headerName: t('slip.reversedBy'), width: 160, cellClass: 'mono neg-amount', valueGetter: (x) => x.data?.reversedBy?.no ?? '' });
    return c;
  }, [t, kind, state, pay, p.fixedKind, showSig, seesPrices]);

  return (
    <Grid<SlipSummary>
      ref={ref}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={100}
      maxBlocksInCache={50}
      columnDefs={cols}
      getRowId={(x) => String(x.data.id)}
      onRowDoubleClicked={(e) => e.data && p.onOpen(e.data)}
      onCellKeyDown={(e) => {
        const k = (e.event as KeyboardEvent | undefined)?.key;
        if (k === 'Enter' && e.data) p.onOpen(e.data);
      }}
    />
  );
});
