// The line grid's money columns of a return without a dispatch (无原单退货): 单位成本, typed only by
// the manager (prefilled with the item's latest unit cost, red while missing), and 退款单价.

import type { CellClassParams, ColDef, ValueParserParams } from 'ag-grid-community';
import { moneyCol } from '../components/grid';
import type { MsgKey } from '../i18n';
import { lineCostMissing, lineUnitCostFen, type EditLine } from './lines';

/** The editor's text, untouched: the grid's onRequest parses it (renderer/src/numbers.ts). */
export const asTyped = (x: ValueParserParams<EditLine>) => String(x.newValue ?? '');

const typed = (editable: boolean) => ({
  editable,
  cellEditor: 'agTextCellEditor',
  cellEditorParams: { useFormatter: true },
  valueParser: asTyped,
  cellClass: editable ? 'cell-editable' : undefined,
});

export function preGoLiveCols(t: (k: MsgKey) => string, edit: boolean, costEditable: boolean): ColDef<EditLine>[] {
  return [
    moneyCol<EditLine>({
      field: 'unitCostFen',
      headerName: t('oldret.unitCost'),
      width: 120,
      valueGetter: (x) => (x.data ? lineUnitCostFen(x.data) : null),
      ...typed(edit && costEditable),
      cellClassRules: { 'cell-missing': (x: CellClassParams<EditLine>) => !!x.data && lineCostMissing(x.data) },
    }),
    moneyCol<EditLine>({ field: 'priceFen', headerName: t('oldret.refundPrice'), width: 120, ...typed(edit) }),
  ];
}
