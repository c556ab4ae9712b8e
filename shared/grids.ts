// The grids exported by query (export.grid): each one's title and columns as the screen heads
// them, in Chinese (the sheet's headers) and English. The core writes the sheet from these; the
// screens' own headers say the same words (tests/export/grids.test.ts holds them to it).

import type { ExportGrid } from './schemas/export';
import type { SheetFormat } from './sheets';

export interface GridColumn {
  key: string;
  zh: string;
  en: string;
  format: SheetFormat;
}

const col = <K extends string>(key: K, zh: string, en: string, format: SheetFormat = 'text') => ({ key, zh, en, format }) as const;

export const STOCK_CARD_COLUMNS = [
  col('date', '日期', 'Date'),
  col('slipNo', '单号', 'No.'),
  col('summary', '摘要', 'Summary'),
  col('inQty', '收入数量', 'In qty', 'int'),
  col('inUnitFen', '收入单价', 'In unit cost', 'yuan'),
  col('inAmountFen', '收入金额', 'In amount', 'yuan'),
  col('outQty', '发出数量', 'Out qty', 'int'),
  col('outUnitFen', '发出单价', 'Out unit cost', 'yuan'),
  col('outAmountFen', '发出金额', 'Out amount', 'yuan'),
  col('balanceQty', '结存数量', 'Balance qty', 'int'),
  col('balanceUnitFen', '结存单价', 'Balance unit cost', 'yuan'),
  col('balanceAmountFen', '结存金额', 'Balance amount', 'yuan'),
] as const;

export const SLIPS_COLUMNS = [
  col('no', '单号', 'No.'),
  col('businessDate', '日期', 'Date'),
  col('kind', '单据类型', 'Kind'),
  col('state', '状态', 'State'),
  col('party', '客户 / 供应商', 'Customer / supplier'),
  col('deliveryNoteNo', '随货同行联', 'Delivery note'),
  col('sourceSlipNo', '原发货单', 'Original slip'),
  col('carrier', '承运人', 'Carrier'),
  col('paymentMode', '结算方式', 'Payment'),
  col('signatures', '签字状态', 'Signatures'),
  col('lineCount', '行数', 'Lines', 'int'),
  col('totalQty', '数量', 'Quantity', 'int'),
  col('totalAmountFen', '金额', 'Amount', 'yuan'),
  col('postedAt', '过账时间', 'Posted'),
  col('reversedBy', '红字冲销单', 'Reversed by'),
] as const;

export const CASH_JOURNAL_COLUMNS = [
  col('date', '日期', 'Date'),
  col('voucherNo', '凭证号', 'Voucher'),
  col('summary', '摘要', 'Summary'),
  col('contra', '对方科目', 'Contra'),
  col('receiptFen', '收入', 'Receipt', 'yuan'),
  col('paymentFen', '支出', 'Payment', 'yuan'),
  col('balanceFen', '余额', 'Balance', 'yuan'),
  col('user', '经办人', 'By'),
] as const;

export const RECEIVABLES_COLUMNS = [
  col('date', '日期', 'Date'),
  col('docNo', '单号/凭证', 'Slip / voucher'),
  col('summary', '摘要', 'Summary'),
  col('debitFen', '借方(应收)', 'Debit (owed)', 'yuan'),
  col('creditFen', '贷方(已收)', 'Credit (paid)', 'yuan'),
  col('balanceFen', '欠款余额', 'Balance', 'yuan'),
  col('override', '经理授权', 'Override'),
  col('user', '经办人', 'By'),
] as const;

/** 销售收入明细账 (reports.salesLedger): 成本 only for who sees costs */
export const SALES_LEDGER_COLUMNS = [
  col('date', '日期', 'Date'),
  col('slipNo', '单据号', 'Slip no.'),
  col('kind', '类别', 'Kind'),
  col('customer', '客户', 'Customer'),
  col('itemCode', '编码', 'Code'),
  col('itemName', '品名', 'Item'),
  col('unit', '单位', 'Unit'),
  col('qty', '数量', 'Qty', 'int'),
  col('priceFen', '单价', 'Price', 'yuan'),
  col('amountFen', '金额', 'Amount', 'yuan'),
  col('costFen', '成本', 'Cost', 'yuan'),
] as const;

export const GRID_COLUMNS: Record<ExportGrid, readonly GridColumn[]> = {
  stockCard: STOCK_CARD_COLUMNS,
  slips: SLIPS_COLUMNS,
  cashJournal: CASH_JOURNAL_COLUMNS,
  receivables: RECEIVABLES_COLUMNS,
  salesLedger: SALES_LEDGER_COLUMNS,
};

export const GRID_TITLE: Record<ExportGrid, readonly [zh: string, en: string]> = {
  stockCard: ['库存明细账', 'Stock card'],
  slips: ['单据查询', 'Slips'],
  cashJournal: ['现金日记账', 'Cash journal'],
  receivables: ['应收明细账', 'Customer ledger'],
  salesLedger: ['销售收入明细账', 'Sales ledger'],
};
