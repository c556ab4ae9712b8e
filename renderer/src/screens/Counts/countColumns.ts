// The columns of the 盘点 grids: the count list, the entry grid (by location; the book only where the
// core sends it, 明盘 or the manager) and the variance report.

import type { ColDef } from 'ag-grid-community';
import type { Count, CountLine, VarianceLine } from '../../../../shared/contract';
import { moneyCol, qtyCol } from '../../components/grid';
import type { MsgKey } from '../../i18n';

type T = (k: MsgKey, v?: Record<string, string | number>) => string;

export const causeName = (t: T, c: string | null) => (c ? t(`ct.cause.${c}` as MsgKey) : '');

export function listColumns(t: T): ColDef<Count>[] {
  return [
    { field: 'no', headerName: t('ct.no'), width: 160 },
    { field: 'businessDate', headerName: t('ct.date'), width: 110 },
    { colId: 'kind', headerName: t('ct.kind'), width: 130, valueGetter: (x) => (x.data ? t(`ct.kind.${x.data.kind}`) : '') },
    { field: 'scope', headerName: t('ct.scope'), flex: 1, minWidth: 180 },
    { colId: 'mode', headerName: '', width: 70, valueGetter: (x) => (x.data ? t(x.data.blind ? 'ct.blind' : 'ct.open') : '') },
    { colId: 'state', headerName: t('ct.state'), width: 90, valueGetter: (x) => (x.data ? t(`ct.st.${x.data.state}`) : '') },
    qtyCol<Count>({ field: 'lineCount', headerName: t('ct.lines'), width: 80 }),
    qtyCol<Count>({ field: 'countedLines', headerName: t('ct.counted'), width: 80 }),
    { colId: 'by', headerName: t('ct.createdBy'), width: 90, valueGetter: (x) => x.data?.createdBy.name ?? '' },
    { colId: 'appr', headerName: t('ct.approvedBy'), width: 90, valueGetter: (x) => x.data?.approvedBy?.name ?? '' },
  ];
}

export function entryColumns(t: T, showBook: boolean): ColDef<CountLine>[] {
  const cols: ColDef<CountLine>[] = [
    { field: 'location', headerName: t('ct.location'), width: 100, sort: 'asc' },
    { field: 'itemCode', headerName: t('ct.item'), width: 110 },
    { field: 'itemName', headerName: '', flex: 1, minWidth: 160 },
    { field: 'spec', headerName: '', width: 100 },
    { field: 'unit', headerName: '', width: 50 },
  ];
  if (showBook) cols.push(qtyCol<CountLine>({ field: 'bookQty', headerName: t('ct.book') }));
  cols.push(
    qtyCol<CountLine>({ field: 'countedQty', headerName: t('ct.countedQty') }),
    qtyCol<CountLine>({ field: 'recountQty', headerName: t('ct.recount') }),
    { colId: 'who', headerName: t('ct.who'), width: 130, valueGetter: (x) => [...new Set(x.data?.entries.map((e) => e.by.name))].join('、') },
    { colId: 'found', headerName: t('ct.found'), width: 80, valueGetter: (x) => (x.data?.found ? '✓' : '') },
  );
  return cols;
}

export function varianceColumns(t: T): ColDef<VarianceLine>[] {
  return [
    { field: 'location', headerName: t('ct.location'), width: 100 },
    { field: 'itemCode', headerName: t('ct.item'), width: 110 },
    { field: 'itemName', headerName: '', flex: 1, minWidth: 140 },
    qtyCol<VarianceLine>({ field: 'bookQty', headerName: t('ct.book') }),
    qtyCol<VarianceLine>({ field: 'countedQty', headerName: t('ct.countedQty') }),
    qtyCol<VarianceLine>({ field: 'diffQty', headerName: t('ct.diff') }),
    moneyCol<VarianceLine>({ field: 'diffFen', headerName: t('ct.diffFen') }),
    { colId: 'cause', headerName: t('ct.cause'), width: 100, valueGetter: (x) => causeName(t, x.data?.cause ?? null) },
    { field: 'causeText', headerName: t('ct.causeText'), width: 160 },
  ];
}
