// The columns of the 盘点 grids: the count list, the entry grid (by location; the book only where the
// core sends it, 明盘 or the manager) and the variance report.

import type { ColDef } from 'ag-grid-community';
import type { Count, CountLine, VarianceLine } from '../../../../shared/contract';
import { moneyCol, qtyCol } from '../../components/grid';
import type { MsgKey } from '../../i18n';

type T = (k: MsgKey, v?: Record<string, string | number>) => string;

export const causeName = (t: T, c: string | null) => (c ? t(`ct.cause.${c}` as MsgKey) : '');

/** who counted the line (each name once) */
const counterNames = (l: CountLine | undefined) => [...new Set(l?.entries.map((e) => e.by.name))].join('、');

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
    // in the core's order (库位, then item code) with no sort stage: a scan's row transaction in a
    // 20,000-line count would otherwise sort every line again
    { field: 'location', headerName: t('ct.location'), width: 100 },
    { field: 'itemCode', headerName: t('ct.item'), width: 110 },
    { field: 'itemName', headerName: '', flex: 1, minWidth: 160 },
    { field: 'spec', headerName: '', width: 100 },
    { field: 'unit', headerName: '', width: 50 },
  ];
  if (showBook) cols.push(qtyCol<CountLine>({ field: 'bookQty', headerName: t('ct.book') }));
  cols.push(
    qtyCol<CountLine>({ field: 'countedQty', headerName: t('ct.countedQty') }),
    qtyCol<CountLine>({ field: 'recountQty', headerName: t('ct.recount') }),
    { colId: 'who', headerName: t('ct.who'), width: 130, valueGetter: (x) => counterNames(x.data) },
    { colId: 'found', headerName: t('ct.found'), width: 80, valueGetter: (x) => (x.data?.found ? '✓' : '') },
  );
  return cols;
}

/** A variance line with its count line (who counted — shown in the recount dialog —, the recount, the manager's unit cost). */
export type VarianceRow = VarianceLine & { line?: CountLine };

export function varianceColumns(t: T, recount: boolean): ColDef<VarianceRow>[] {
  const q = { width: 84 }; // room for English headers (Counted, Difference) on one line
  const cols: ColDef<VarianceRow>[] = [
    { field: 'location', headerName: t('ct.location'), width: 80 },
    { field: 'itemCode', headerName: t('ct.item'), width: 96 },
    { field: 'itemName', headerName: '', flex: 1, minWidth: 110 },
    qtyCol<VarianceRow>({ field: 'bookQty', headerName: t('ct.book'), ...q }),
    qtyCol<VarianceRow>({ field: 'countedQty', headerName: t('ct.countedQty'), ...q }),
    qtyCol<VarianceRow>({ field: 'diffQty', headerName: t('ct.diff'), width: 100 }),
    moneyCol<VarianceRow>({ field: 'diffFen', headerName: t('ct.diffFen'), width: 104 }),
    moneyCol<VarianceRow>({ colId: 'unitCost', headerName: t('ctm.costShown'), width: 86, valueGetter: (x) => x.data?.line?.unitCostFen ?? null }),
    { colId: 'cause', headerName: t('ct.cause'), width: 90, valueGetter: (x) => causeName(t, x.data?.cause ?? null) },
    { field: 'causeText', headerName: t('ct.causeText'), flex: 1, minWidth: 80 },
  ];
  if (recount)
    cols.push(qtyCol<VarianceRow>({ colId: 'recountQty', headerName: t('ct.recount'), ...q, valueGetter: (x) => x.data?.line?.recountQty ?? null }), {
      colId: 'recountBy',
      headerName: t('ctm.recountBy'),
      width: 76,
      valueGetter: (x) => x.data?.line?.recountBy?.name ?? '',
    });
  return cols;
}
