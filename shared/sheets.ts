// The sheets an office imports (items, customers, suppliers; the opening stock and receivables of
// 期初建账): each column's key and its Chinese and English header. The main process reads files by
// these headers, the templates are written from them, and the items / customers grids export with
// them, so an exported sheet imports again.

import type { Customer, Item, Supplier } from './contract';

export const IMPORT_KINDS = ['items', 'customers', 'suppliers', 'openingStock', 'openingReceivables'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** The kinds booked through the opening domain (期初建账) rather than created as master data. */
export type OpeningImportKind = Extract<ImportKind, 'openingStock' | 'openingReceivables'>;
export type MasterImportKind = Exclude<ImportKind, OpeningImportKind>;
export const isOpeningKind = (k: ImportKind): k is OpeningImportKind => k === 'openingStock' || k === 'openingReceivables';

/** Who may import a kind: whoever may call this method of the contract (its access). */
export const IMPORT_ACCESS_METHOD = {
  items: 'items.create',
  customers: 'customers.create',
  suppliers: 'suppliers.create',
  openingStock: 'opening.postStock',
  openingReceivables: 'opening.addReceivables',
} as const satisfies Record<ImportKind, string>;

/** text, a whole number, or yuan with at most two decimals (stored in fen) */
export type SheetFormat = 'text' | 'int' | 'yuan';

export interface SheetColumn {
  key: string;
  zh: string;
  en: string;
  format: SheetFormat;
  required?: boolean;
  max?: number;
  /** other headers a file may use for the column (金额 for 金额(元)) */
  aliases?: readonly string[];
}

const party: SheetColumn[] = [
  { key: 'kind', zh: '类别', en: 'Kind', format: 'text', max: 20 },
  { key: 'contact', zh: '联系人', en: 'Contact', format: 'text', max: 50 },
  { key: 'phone', zh: '电话', en: 'Phone', format: 'text', max: 30 },
  { key: 'address', zh: '地址', en: 'Address', format: 'text', max: 200 },
];

export const SHEET_COLUMNS: Record<ImportKind, readonly SheetColumn[]> = {
  items: [
    { key: 'code', zh: '商品编码', en: 'Item code', format: 'text', required: true, max: 32 },
    { key: 'name', zh: '品名', en: 'Name', format: 'text', required: true, max: 100 },
    { key: 'spec', zh: '规格', en: 'Spec', format: 'text', max: 100 },
    { key: 'unit', zh: '单位', en: 'Unit', format: 'text', required: true, max: 10 },
    { key: 'unitBarcode', zh: '单品条码', en: 'Unit barcode', format: 'text' },
    { key: 'caseBarcode', zh: '箱条码', en: 'Case barcode', format: 'text' },
    { key: 'packQty', zh: '每箱数量', en: 'Pack quantity', format: 'int' },
    { key: 'safetyStock', zh: '安全库存', en: 'Safety stock', format: 'int' },
    { key: 'location', zh: '库位', en: 'Location', format: 'text', max: 20 },
    { key: 'price', zh: '单价(元)', en: 'Price (yuan)', format: 'yuan' },
    { key: 'category', zh: '类别', en: 'Category', format: 'text', max: 20, aliases: ['商品类别'] },
  ],
  customers: [
    { key: 'code', zh: '客户编码', en: 'Customer code', format: 'text', required: true, max: 32 },
    { key: 'name', zh: '客户名称', en: 'Customer name', format: 'text', required: true, max: 100 },
    ...party,
    { key: 'creditLimit', zh: '信用额度(元)', en: 'Credit limit (yuan)', format: 'yuan' },
  ],
  suppliers: [
    { key: 'code', zh: '供应商编码', en: 'Supplier code', format: 'text', required: true, max: 32 },
    { key: 'name', zh: '供应商名称', en: 'Supplier name', format: 'text', required: true, max: 100 },
    ...party,
  ],
  openingStock: [
    { key: 'itemCode', zh: '商品编码', en: 'Item code', format: 'text', required: true, max: 32 },
    { key: 'qty', zh: '数量', en: 'Quantity', format: 'int', required: true },
    { key: 'amount', zh: '金额(元)', en: 'Amount (yuan)', format: 'yuan', aliases: ['金额'] },
    { key: 'unitCost', zh: '单价(元)', en: 'Unit cost (yuan)', format: 'yuan', aliases: ['单价'] },
  ],
  openingReceivables: [
    { key: 'customerCode', zh: '客户编码', en: 'Customer code', format: 'text', required: true, max: 32 },
    { key: 'saleDate', zh: '原销售日期', en: 'Original sale date', format: 'text', required: true, max: 30 },
    { key: 'amount', zh: '金额(元)', en: 'Amount (yuan)', format: 'yuan', required: true, aliases: ['金额'] },
    { key: 'docRef', zh: '单号/备注', en: 'Doc no. / note', format: 'text', max: 40, aliases: ['单号', '备注'] },
  ],
};

export const SHEET_TITLE: Record<ImportKind, readonly [zh: string, en: string]> = {
  items: ['商品', 'Items'],
  customers: ['客户', 'Customers'],
  suppliers: ['供应商', 'Suppliers'],
  openingStock: ['期初库存', 'Opening stock'],
  openingReceivables: ['期初应收', 'Opening receivables'],
};

/** One row of a sheet as cells: text, whole numbers, yuan amounts in fen (the export writes fen as yuan). */
export type SheetCell = string | number | null;

/** An item as one row of the items sheet: its unit barcode and its first case barcode with the pack quantity. */
export function itemSheetRow(i: Item): SheetCell[] {
  const unit = i.barcodes.find((b) => b.packQty === 1);
  const pack = i.barcodes.find((b) => b.packQty > 1);
  return [i.code, i.name, i.spec, i.unit, unit?.code ?? '', pack?.code ?? '', pack?.packQty ?? null, i.safetyStock, i.location, i.priceFen, i.category];
}

export function customerSheetRow(c: Customer): SheetCell[] {
  return [c.code, c.name, c.kind, c.contact, c.phone, c.address, c.creditLimitFen];
}

export function supplierSheetRow(s: Supplier): SheetCell[] {
  return [s.code, s.name, s.kind, s.contact, s.phone, s.address];
}
