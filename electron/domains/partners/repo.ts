// All SQL of customers (客户) and suppliers (供应商; HQ's warehouse is one).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { pinyinInitials, searchClause } from '../../store/search';
import type { Customer, Supplier } from '../../../shared/contract';
import { notFound } from '../errors';

export type PartyTable = 'customers' | 'suppliers';

export interface PartyRow {
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

export type PartyFields = Pick<PartyRow, 'name' | 'kind' | 'contact' | 'phone' | 'address'>;

export function customerView(r: PartyRow): Customer {
  const { id, code, name, kind, contact, phone, address } = r;
  return { id, code, name, kind, contact, phone, address, creditLimitFen: r.credit_limit_fen ?? 0, pinyin: r.pinyin ?? '', active: r.active === 1 };
}

export function supplierView(r: PartyRow): Supplier {
  const { id, code, name, kind, contact, phone, address } = r;
  return { id, code, name, kind, contact, phone, address, active: r.active === 1 };
}

export function partyRow(db: ReadableDB, table: PartyTable, id: number): PartyRow {
  return (sql(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as PartyRow | undefined) ?? notFound(table === 'customers' ? 'customer' : 'supplier', id);
}

export function partyExists(db: ReadableDB, table: PartyTable, id: number): boolean {
  return sql(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

export function partyCodeTaken(db: ReadableDB, table: PartyTable, code: string): boolean {
  return sql(db, `SELECT 1 FROM ${table} WHERE code = ?`).get(code) !== undefined;
}

export function insertCustomer(db: WritableDB, code: string, f: PartyFields & { credit_limit_fen: number }, at: string): number {
  const info = sql(
    db,
    `INSERT INTO customers (code, name, kind, contact, phone, address, credit_limit_fen, pinyin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(code, f.name, f.kind, f.contact, f.phone, f.address, f.credit_limit_fen, pinyinInitials(f.name), at, at);
  return Number(info.lastInsertRowid);
}

export function updateCustomer(db: WritableDB, id: number, f: PartyFields & { credit_limit_fen: number; active: number }, at: string): void {
  sql(
    db,
    'UPDATE customers SET name = ?, kind = ?, contact = ?, phone = ?, address = ?, credit_limit_fen = ?, active = ?, pinyin = ?, updated_at = ? WHERE id = ?',
  ).run(f.name, f.kind, f.contact, f.phone, f.address, f.credit_limit_fen, f.active, pinyinInitials(f.name), at, id);
}

export function insertSupplier(db: WritableDB, code: string, f: PartyFields, at: string): number {
  const info = sql(db, 'INSERT INTO suppliers (code, name, kind, contact, phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    code,
    f.name,
    f.kind,
    f.contact,
    f.phone,
    f.address,
    at,
    at,
  );
  return Number(info.lastInsertRowid);
}

export function updateSupplier(db: WritableDB, id: number, f: PartyFields & { active: number }, at: string): void {
  sql(db, 'UPDATE suppliers SET name = ?, kind = ?, contact = ?, phone = ?, address = ?, active = ?, updated_at = ? WHERE id = ?').run(
    f.name,
    f.kind,
    f.contact,
    f.phone,
    f.address,
    f.active,
    at,
    id,
  );
}

export function listCustomers(db: ReadableDB, q: { query: string; includeInactive: boolean; limit: number; offset: number }) {
  const { where, args } = searchClause(q.query, q.includeInactive);
  const total = db
    .prepare(`SELECT COUNT(*) FROM customers WHERE ${where}`)
    .pluck()
    .get(...args) as number;
  const rows = db.prepare(`SELECT * FROM customers WHERE ${where} ORDER BY code LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as PartyRow[];
  return { total, rows: rows.map(customerView) };
}

export function listSuppliers(db: ReadableDB): Supplier[] {
  return (sql(db, 'SELECT * FROM suppliers ORDER BY code').all() as PartyRow[]).map(supplierView);
}

/** What a printed paper shows of a customer or supplier. */
export function partyContact(db: ReadableDB, table: PartyTable, id: number): { code: string; name: string; contact: string; phone: string; address: string } {
  const r = partyRow(db, table, id);
  return { code: r.code, name: r.name, contact: r.contact ?? '', phone: r.phone ?? '', address: r.address ?? '' };
}
