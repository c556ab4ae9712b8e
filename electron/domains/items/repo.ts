// All SQL of items (商品) and their barcodes (item_barcodes).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { pinyinInitials, searchClause } from '../../store/search';
import type { Item } from '../../../shared/contract';
import { gtinCandidates } from '../../../shared/barcode';
import { notFound } from '../errors';

export interface ItemRow {
  id: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  safety_stock: number;
  location: string;
  category: string;
  price_fen: number;
  pinyin: string;
  active: number;
}

export type ItemFields = Pick<ItemRow, 'name' | 'spec' | 'unit' | 'safety_stock' | 'location' | 'category' | 'price_fen' | 'active'>;

function itemView(db: ReadableDB, r: ItemRow, barcodes = barcodesOf(db, [r.id]).get(r.id) ?? []): Item {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    safetyStock: r.safety_stock,
    location: r.location,
    category: r.category,
    priceFen: r.price_fen,
    pinyin: r.pinyin,
    barcodes,
    active: r.active === 1,
  };
}

/** The barcodes of these items (unit code first, then cases by pack size), in one read through item_barcodes_item. */
function barcodesOf(db: ReadableDB, itemIds: readonly number[]): Map<number, Item['barcodes']> {
  const rows = sql(
    db,
    'SELECT item_id AS itemId, code, pack_qty AS packQty FROM item_barcodes WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, pack_qty, code',
  ).all(JSON.stringify(itemIds)) as { itemId: number; code: string; packQty: number }[];
  const out = new Map<number, Item['barcodes']>();
  for (const b of rows) {
    let list = out.get(b.itemId);
    if (!list) out.set(b.itemId, (list = []));
    list.push({ code: b.code, packQty: b.packQty });
  }
  return out;
}

export function getItem(db: ReadableDB, id: number): Item {
  const r = sql(db, 'SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
  return r ? itemView(db, r) : notFound('item', id);
}

export function itemCodeTaken(db: ReadableDB, code: string): boolean {
  return sql(db, 'SELECT 1 FROM items WHERE code = ?').get(code) !== undefined;
}

export function insertItem(db: WritableDB, code: string, f: Omit<ItemFields, 'active'>, at: string): number {
  const info = sql(
    db,
    'INSERT INTO items (code, name, spec, unit, safety_stock, location, category, price_fen, pinyin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(code, f.name, f.spec, f.unit, f.safety_stock, f.location, f.category, f.price_fen, pinyinInitials(f.name), at, at);
  return Number(info.lastInsertRowid);
}

export function updateItem(db: WritableDB, id: number, f: ItemFields, at: string): void {
  sql(
    db,
    'UPDATE items SET name = ?, spec = ?, unit = ?, safety_stock = ?, location = ?, category = ?, price_fen = ?, active = ?, pinyin = ?, updated_at = ? WHERE id = ?',
  ).run(f.name, f.spec, f.unit, f.safety_stock, f.location, f.category, f.price_fen, f.active, pinyinInitials(f.name), at, id);
}

/** The item a barcode is linked to, and how many base units it stands for. */
export function barcodeOwner(db: ReadableDB, code: string): { itemId: number; itemCode: string; packQty: number } | undefined {
  return sql(db, 'SELECT i.id AS itemId, i.code AS itemCode, b.pack_qty AS packQty FROM item_barcodes b JOIN items i ON i.id = b.item_id WHERE b.code = ?').get(
    code,
  ) as { itemId: number; itemCode: string; packQty: number } | undefined;
}

/** The owner of a scanned code: as scanned, else a GTIN under its other GS1 lengths (06901234567892 ↔ 6901234567892). */
export function scannedOwner(db: ReadableDB, code: string): ReturnType<typeof barcodeOwner> {
  return gtinCandidates(code).reduce<ReturnType<typeof barcodeOwner>>((f, c) => f ?? barcodeOwner(db, c), undefined);
}

export function upsertBarcode(db: WritableDB, itemId: number, code: string, packQty: number): void {
  sql(db, 'INSERT INTO item_barcodes (code, item_id, pack_qty) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET pack_qty = excluded.pack_qty').run(
    code,
    itemId,
    packQty,
  );
}

export function deleteBarcodes(db: WritableDB, itemId: number): void {
  sql(db, 'DELETE FROM item_barcodes WHERE item_id = ?').run(itemId);
}

export function listItems(db: ReadableDB, q: { query: string; includeInactive: boolean; limit: number; offset: number }): { total: number; rows: Item[] } {
  const { where, args } = searchClause(q.query, q.includeInactive, true);
  const total = db
    .prepare(`SELECT COUNT(*) FROM items WHERE ${where}`)
    .pluck()
    .get(...args) as number;
  const rows = db.prepare(`SELECT * FROM items WHERE ${where} ORDER BY code LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as ItemRow[];
  // the page's barcodes in one read, not one query per item (1,000 rows on the items screen)
  const barcodes = barcodesOf(
    db,
    rows.map((r) => r.id),
  );
  return { total, rows: rows.map((r) => itemView(db, r, barcodes.get(r.id) ?? [])) };
}

/** The categories in use (items_category), by name, with their item counts. */
export function itemCategories(db: ReadableDB): { category: string; items: number }[] {
  return sql(db, "SELECT category, COUNT(*) AS items FROM items WHERE category <> '' GROUP BY category ORDER BY category").all() as {
    category: string;
    items: number;
  }[];
}
