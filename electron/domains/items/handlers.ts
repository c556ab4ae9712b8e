// Items (商品), customers and suppliers: the master data slips point at. Editable, unlike the books.

import { pinyin } from 'pinyin-pro';
import type { DB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { Customer, Item, Supplier } from '../../../shared/contract';
import { likeEscape, notFound } from '../slips/repo';
import { actor, type Ctx, type Handlers } from '../context';

/** 拼音首字母 of a name, lower case letters only: 抛光砖 雅典米白 → pgzydmb. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

interface ItemRow {
  id: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  safety_stock: number;
  price_fen: number;
  pinyin: string;
  active: number;
}

function itemView(db: DB, r: ItemRow): Item {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    safetyStock: r.safety_stock,
    priceFen: r.price_fen,
    pinyin: r.pinyin,
    barcodes: sql(db, 'SELECT code, pack_qty AS packQty FROM item_barcodes WHERE item_id = ? ORDER BY pack_qty, code').all(r.id) as Item['barcodes'],
    active: r.active === 1,
  };
}

export function getItem(db: DB, id: number): Item {
  const r = sql(db, 'SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
  return r ? itemView(db, r) : notFound('item', id);
}

function linkBarcodes(db: DB, itemId: number, codes: { code: string; packQty: number }[]): void {
  const seen = new Set<string>();
  for (const b of codes) {
    if (seen.has(b.code)) fail('duplicate', { what: 'barcode', what_zh: '条码', key: b.code });
    seen.add(b.code);
    const owner = sql(db, 'SELECT i.id, i.code FROM item_barcodes b JOIN items i ON i.id = b.item_id WHERE b.code = ?').get(b.code) as
      | { id: number; code: string }
      | undefined;
    if (owner && owner.id !== itemId) fail('barcode_taken', { code: b.code, itemCode: owner.code });
    sql(db, 'INSERT INTO item_barcodes (code, item_id, pack_qty) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET pack_qty = excluded.pack_qty').run(
      b.code,
      itemId,
      b.packQty,
    );
  }
}

/** Search by code, name or pinyin initials (and, for items, an exact barcode). */
function searchClause(query: string, includeInactive: boolean, barcodes = false): { where: string; args: unknown[] } {
  const active = includeInactive ? '1 = 1' : 'active = 1';
  if (!query) return { where: active, args: [] };
  const like = `%${likeEscape(query)}%`;
  const parts = ["code LIKE ? ESCAPE '\\'", "name LIKE ? ESCAPE '\\'", "pinyin LIKE ? ESCAPE '\\'"];
  const args: unknown[] = [like, like, like.toLowerCase()];
  if (barcodes) {
    parts.push('id IN (SELECT item_id FROM item_barcodes WHERE code = ?)');
    args.push(query);
  }
  return { where: `${active} AND (${parts.join(' OR ')})`, args };
}

interface PartyRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  contact: string;
  phone: string;
  address: string;
  credit_limit_fen?: number;
  pinyin?: string;
  active: number;
}

function customerView(r: PartyRow): Customer {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    contact: r.contact,
    phone: r.phone,
    address: r.address,
    creditLimitFen: r.credit_limit_fen ?? 0,
    pinyin: r.pinyin ?? '',
    active: r.active === 1,
  };
}

function supplierView(r: PartyRow): Supplier {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, contact: r.contact, phone: r.phone, address: r.address, active: r.active === 1 };
}

/** The safety-stock quota (安全库存定额) is the manager's to set (办事处经理职责). */
function requireManagerForSafetyStock(ctx: Ctx, changed: boolean): void {
  if (changed && !actor(ctx).roles.includes('manager')) fail('manager_only', { what: 'the safety stock', what_zh: '安全库存' });
}

export const masterDataHandlers = {
  'items.create': (input, ctx) => {
    const { db } = ctx;
    requireManagerForSafetyStock(ctx, input.safetyStock !== 0);
    if (sql(db, 'SELECT 1 FROM items WHERE code = ?').get(input.code)) fail('duplicate', { what: 'item code', what_zh: '商品编码', key: input.code });
    const info = sql(
      db,
      'INSERT INTO items (code, name, spec, unit, safety_stock, price_fen, pinyin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(input.code, input.name, input.spec, input.unit, input.safetyStock, input.priceFen, pinyinInitials(input.name), ctx.nowIso, ctx.nowIso);
    const id = Number(info.lastInsertRowid);
    linkBarcodes(db, id, input.barcodes);
    ctx.auditRef = input.code;
    return getItem(db, id);
  },

  'items.update': (input, ctx) => {
    const { db } = ctx;
    const item = getItem(db, input.itemId);
    requireManagerForSafetyStock(ctx, input.safetyStock !== undefined && input.safetyStock !== item.safetyStock);
    const next = {
      name: input.name ?? item.name,
      spec: input.spec ?? item.spec,
      unit: input.unit ?? item.unit,
      safety_stock: input.safetyStock ?? item.safetyStock,
      price_fen: input.priceFen ?? item.priceFen,
      active: input.active === undefined ? (item.active ? 1 : 0) : input.active ? 1 : 0,
    };
    sql(
      db,
      'UPDATE items SET name = ?, spec = ?, unit = ?, safety_stock = ?, price_fen = ?, active = ?, pinyin = ?, updated_at = ? WHERE id = ?',
    ).run(next.name, next.spec, next.unit, next.safety_stock, next.price_fen, next.active, pinyinInitials(next.name), ctx.nowIso, item.id);
    if (input.barcodes) {
      sql(db, 'DELETE FROM item_barcodes WHERE item_id = ?').run(item.id);
      linkBarcodes(db, item.id, input.barcodes);
    }
    ctx.auditRef = item.code;
    return getItem(db, item.id);
  },

  'items.linkBarcode': (input, ctx) => {
    const item = getItem(ctx.db, input.itemId);
    linkBarcodes(ctx.db, item.id, [{ code: input.code, packQty: input.packQty }]);
    ctx.auditRef = `${item.code} ${input.code}`;
    return getItem(ctx.db, item.id);
  },

  'items.get': (input, ctx) => getItem(ctx.db, input.itemId),

  'items.findByBarcode': (input, ctx) => {
    const b = sql(ctx.db, 'SELECT item_id, pack_qty FROM item_barcodes WHERE code = ?').get(input.code) as { item_id: number; pack_qty: number } | undefined;
    if (!b) fail('not_found', { what: 'barcode', what_zh: '条码', key: input.code });
    return { item: getItem(ctx.db, b.item_id), packQty: b.pack_qty };
  },

  'items.list': (input, ctx) => {
    const { db } = ctx;
    const { where, args } = searchClause(input.query, input.includeInactive, true);
    const total = db.prepare(`SELECT COUNT(*) FROM items WHERE ${where}`).pluck().get(...args) as number;
    const rows = db.prepare(`SELECT * FROM items WHERE ${where} ORDER BY code LIMIT ? OFFSET ?`).all(...args, input.limit, input.offset) as ItemRow[];
    return { total, rows: rows.map((r) => itemView(db, r)) };
  },

  'customers.create': (input, ctx) => {
    const { db } = ctx;
    if (sql(db, 'SELECT 1 FROM customers WHERE code = ?').get(input.code)) fail('duplicate', { what: 'customer code', what_zh: '客户编码', key: input.code });
    const info = sql(
      db,
      `INSERT INTO customers (code, name, kind, contact, phone, address, credit_limit_fen, pinyin, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.code, input.name, input.kind, input.contact, input.phone, input.address, input.creditLimitFen, pinyinInitials(input.name), ctx.nowIso, ctx.nowIso);
    ctx.auditRef = input.code;
    return customerView(sql(db, 'SELECT * FROM customers WHERE id = ?').get(info.lastInsertRowid) as PartyRow);
  },

  'customers.update': (input, ctx) => {
    const { db } = ctx;
    const r = (sql(db, 'SELECT * FROM customers WHERE id = ?').get(input.customerId) as PartyRow | undefined) ?? notFound('customer', input.customerId);
    const n = {
      name: input.name ?? r.name,
      kind: input.kind ?? r.kind,
      contact: input.contact ?? r.contact,
      phone: input.phone ?? r.phone,
      address: input.address ?? r.address,
      credit: input.creditLimitFen ?? r.credit_limit_fen ?? 0,
      active: input.active === undefined ? r.active : input.active ? 1 : 0,
    };
    sql(
      db,
      'UPDATE customers SET name = ?, kind = ?, contact = ?, phone = ?, address = ?, credit_limit_fen = ?, active = ?, pinyin = ?, updated_at = ? WHERE id = ?',
    ).run(n.name, n.kind, n.contact, n.phone, n.address, n.credit, n.active, pinyinInitials(n.name), ctx.nowIso, r.id);
    ctx.auditRef = r.code;
    return customerView(sql(db, 'SELECT * FROM customers WHERE id = ?').get(r.id) as PartyRow);
  },

  'customers.list': (input, ctx) => {
    const { db } = ctx;
    const { where, args } = searchClause(input.query, input.includeInactive);
    const total = db.prepare(`SELECT COUNT(*) FROM customers WHERE ${where}`).pluck().get(...args) as number;
    const rows = db.prepare(`SELECT * FROM customers WHERE ${where} ORDER BY code LIMIT ? OFFSET ?`).all(...args, input.limit, input.offset) as PartyRow[];
    return { total, rows: rows.map(customerView) };
  },

  'suppliers.create': (input, ctx) => {
    const { db } = ctx;
    if (sql(db, 'SELECT 1 FROM suppliers WHERE code = ?').get(input.code)) fail('duplicate', { what: 'supplier code', what_zh: '供应商编码', key: input.code });
    const info = sql(
      db,
      'INSERT INTO suppliers (code, name, kind, contact, phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(input.code, input.name, input.kind, input.contact, input.phone, input.address, ctx.nowIso, ctx.nowIso);
    ctx.auditRef = input.code;
    return supplierView(sql(db, 'SELECT * FROM suppliers WHERE id = ?').get(info.lastInsertRowid) as PartyRow);
  },

  'suppliers.update': (input, ctx) => {
    const { db } = ctx;
    const r = (sql(db, 'SELECT * FROM suppliers WHERE id = ?').get(input.supplierId) as PartyRow | undefined) ?? notFound('supplier', input.supplierId);
    sql(db, 'UPDATE suppliers SET name = ?, kind = ?, contact = ?, phone = ?, address = ?, active = ?, updated_at = ? WHERE id = ?').run(
      input.name ?? r.name,
      input.kind ?? r.kind,
      input.contact ?? r.contact,
      input.phone ?? r.phone,
      input.address ?? r.address,
      input.active === undefined ? r.active : input.active ? 1 : 0,
      ctx.nowIso,
      r.id,
    );
    ctx.auditRef = r.code;
    return supplierView(sql(db, 'SELECT * FROM suppliers WHERE id = ?').get(r.id) as PartyRow);
  },

  'suppliers.list': (_input, ctx) => (sql(ctx.db, 'SELECT * FROM suppliers ORDER BY code').all() as PartyRow[]).map(supplierView),
} satisfies Partial<Handlers>;
