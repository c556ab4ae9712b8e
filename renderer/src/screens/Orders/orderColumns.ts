// The columns of 订货规划表 and of 要货单 (the list and one requisition's lines). Figures are
// integers; the average per day comes in thousandths and shows with two decimals — display only.

import type { ColDef } from 'ag-grid-community';
import type { OrderPlanFigures, Requisition, RequisitionSummary } from '../../../../shared/contract';
import { qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';
import { milliText } from '../Safety/safetyColumns';

type Translate = I18n['t'];
export type PlanGridRow = OrderPlanFigures & { qty: number };

export function planColumns(t: Translate, windowDays: number, editable: boolean): ColDef<PlanGridRow>[] {
  return [
    { field: 'itemCode', headerName: t('opl.code'), width: 110, cellClass: 'mono' },
    { field: 'itemName', headerName: t('opl.name'), flex: 2, minWidth: 130 },
    { field: 'unit', headerName: t('opl.unit'), width: 60 },
    qtyCol<PlanGridRow>({ field: 'onHand', headerName: t('opl.onHand'), width: 84 }),
    qtyCol<PlanGridRow>({ field: 'onOrder', headerName: t('opl.onOrder'), width: 88 }),
    qtyCol<PlanGridRow>({ field: 'soldQty', headerName: t('opl.sold', { n: windowDays }), width: 92 }),
    { colId: 'avg', headerName: t('opl.avg'), width: 80, type: 'rightAligned', valueGetter: (x) => (x.data ? milliText(x.data.avgDailyMilli) : '') },
    qtyCol<PlanGridRow>({ field: 'daysOfCover', headerName: t('opl.cover2'), width: 80 }),
    qtyCol<PlanGridRow>({ field: 'safetyStock', headerName: t('opl.safety'), width: 80 }),
    qtyCol<PlanGridRow>({ field: 'leadDays', headerName: t('opl.lead'), width: 76 }),
    { colId: 'pack', headerName: t('opl.pack'), width: 60, type: 'rightAligned', valueGetter: (x) => (x.data && x.data.packQty > 1 ? x.data.packQty : '') },
    qtyCol<PlanGridRow>({ field: 'suggested', headerName: t('opl.suggested'), width: 86 }),
    qtyCol<PlanGridRow>({
      field: 'qty',
      headerName: t('opl.qty'),
      width: 86,
      editable,
      cellClass: editable ? 'cell-editable' : undefined,
    }),
  ];
}

export function requisitionListColumns(t: Translate): ColDef<RequisitionSummary>[] {
  return [
    { field: 'no', headerName: t('rq.no'), width: 150, cellClass: 'mono' },
    { field: 'businessDate', headerName: t('rq.date'), width: 100 },
    { colId: 'state', headerName: t('rq.state'), width: 110, valueGetter: (x) => (x.data ? t(`rq.state.${x.data.state}`) : '') },
    qtyCol<RequisitionSummary>({ field: 'lineCount', headerName: t('rq.lines'), width: 64 }),
    qtyCol<RequisitionSummary>({ field: 'totalQty', headerName: t('rq.ordered'), width: 84 }),
    qtyCol<RequisitionSummary>({ field: 'received', headerName: t('rq.received'), width: 84 }),
    qtyCol<RequisitionSummary>({ field: 'outstanding', headerName: t('rq.outstanding'), width: 84 }),
    qtyCol<RequisitionSummary>({ field: 'lateLines', headerName: t('rq.late'), width: 64 }),
    { colId: 'by', headerName: t('rq.signedBy'), width: 90, valueGetter: (x) => x.data?.signedBy?.name ?? '' },
    { field: 'memo', headerName: t('rq.memo'), flex: 1, minWidth: 100 },
  ];
}

type Line = Requisition['lines'][number];

export function requisitionLineColumns(t: Translate): ColDef<Line>[] {
  return [
    { field: 'lineNo', headerName: '#', width: 56 },
    { field: 'itemCode', headerName: t('opl.code'), width: 110, cellClass: 'mono' },
    { field: 'itemName', headerName: t('opl.name'), flex: 2, minWidth: 130 },
    { field: 'unit', headerName: t('opl.unit'), width: 60 },
    qtyCol<Line>({ field: 'qty', headerName: t('rq.ordered'), width: 84 }),
    qtyCol<Line>({ field: 'received', headerName: t('rq.received'), width: 84 }),
    qtyCol<Line>({ field: 'outstanding', headerName: t('rq.outstanding'), width: 84 }),
    { field: 'expectedDate', headerName: t('rq.expected'), width: 100 },
    { colId: 'late', headerName: t('rq.late'), width: 70, valueGetter: (x) => (x.data?.late ? t('rq.lateYes') : ''), cellClass: 'late-cell' },
  ];
}
