// The columns of the 维修 tab's grids: defective stock, the repair records, 产品质量问题.

import type { ColDef } from 'ag-grid-community';
import type { DefectiveRow, QualityRow, Repair } from '../../../../shared/contract';
import { moneyCol, qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';

type T = I18n['t'];

export function defectiveColumns(t: T): ColDef<DefectiveRow>[] {
  return [
    { field: 'location', headerName: t('rep.location'), width: 90, cellClass: 'mono' },
    { field: 'code', headerName: t('rep.code'), width: 120, cellClass: 'mono' },
    { field: 'name', headerName: t('rep.name'), flex: 1, minWidth: 160 },
    { field: 'spec', headerName: t('rep.spec'), width: 110 },
    { field: 'unit', headerName: t('rep.unit'), width: 64 },
    qtyCol<DefectiveRow>({ field: 'defectiveQty', headerName: t('rep.defectiveQty'), width: 90 }),
    qtyCol<DefectiveRow>({ field: 'pendingQty', headerName: t('rep.pendingQty'), width: 150 }),
    qtyCol<DefectiveRow>({ field: 'availableQty', headerName: t('rep.availableQty'), width: 90 }),
  ];
}

export function recordColumns(t: T): ColDef<Repair>[] {
  return [
    { field: 'no', headerName: t('rep.no'), width: 130, cellClass: 'mono' },
    { field: 'businessDate', headerName: t('rep.date'), width: 96 },
    { field: 'itemCode', headerName: t('rep.code'), width: 100, cellClass: 'mono' },
    { field: 'itemName', headerName: t('rep.name'), flex: 1, minWidth: 120 },
    qtyCol<Repair>({ field: 'qty', headerName: t('rep.qty'), width: 60 }),
    { field: 'fault', headerName: t('rep.fault'), flex: 1, minWidth: 100, tooltipField: 'fault' },
    { field: 'repairedBy', headerName: t('rep.repairedBy'), width: 80 },
    { colId: 'outcome', headerName: t('rep.outcome'), width: 96, valueGetter: (x) => (x.data ? t(`rep.short.${x.data.outcome}`) : '') },
    { field: 'slipNo', headerName: t('rep.slip'), width: 130, cellClass: 'mono link-cell' },
    { colId: 'state', headerName: t('rep.state'), width: 76, valueGetter: (x) => (x.data ? t(`state.${x.data.slipState}`) : '') },
    moneyCol<Repair>({ field: 'amountFen', headerName: t('rep.amount'), width: 90 }),
    { colId: 'by', headerName: t('rep.by'), width: 70, valueGetter: (x) => x.data?.createdBy.name ?? '' },
  ];
}

export function qualityColumns(t: T): ColDef<QualityRow>[] {
  return [
    { field: 'code', headerName: t('rep.code'), width: 110, cellClass: 'mono' },
    { field: 'name', headerName: t('rep.name'), flex: 1, minWidth: 150 },
    { field: 'spec', headerName: t('rep.spec'), width: 124 },
    qtyCol<QualityRow>({ field: 'returnedQty', headerName: t('rep.returnedQty'), width: 90 }),
    qtyCol<QualityRow>({ field: 'returnCount', headerName: t('rep.returnCount'), width: 84 }),
    qtyCol<QualityRow>({ field: 'repairedQty', headerName: t('rep.repairedQty'), width: 70 }),
    qtyCol<QualityRow>({ field: 'scrappedQty', headerName: t('rep.scrappedQty'), width: 70 }),
    qtyCol<QualityRow>({ field: 'hqReturnQty', headerName: t('rep.hqReturnQty'), width: 84 }),
    {
      colId: 'faults',
      headerName: t('rep.faults'),
      flex: 1,
      minWidth: 160,
      valueGetter: (x) => (x.data?.faults ?? []).map((f) => `${f.fault}×${f.qty}`).join('、'),
    },
  ];
}
