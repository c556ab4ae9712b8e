// The words of issue #10's opening import slice: the item's storage location (库位), the opening
// import kinds' link from 期初建账, and the opening slip's reversal. Spread into zh.ts / en.ts.

export const openimpZh = {
  'item.location': '库位',
  'item.locationHint': '货架位置, 如 A-03-2',
  'imp.kind.openingStock': '期初库存',
  'imp.kind.openingReceivables': '期初应收',
  'imp.toOpening': '返回期初建账',
  'imp.signOpening': '经理签字: 导入 {n} 行期初库存并过账期初入库单',
  'op.fromExcel': '从Excel导入',
  'op.openSlip': '查看期初入库单(打印 / 冲销)',
};

export const openimpEn: Record<keyof typeof openimpZh, string> = {
  'item.location': 'Location',
  'item.locationHint': 'where it sits, e.g. A-03-2',
  'imp.kind.openingStock': 'Opening stock',
  'imp.kind.openingReceivables': 'Opening receivables',
  'imp.toOpening': 'Back to opening balances',
  'imp.signOpening': 'Manager signs: import {n} rows of opening stock and post the opening slip',
  'op.fromExcel': 'Import from Excel',
  'op.openSlip': 'Open the opening slip (print / reverse)',
};
