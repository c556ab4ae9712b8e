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
  notes: string;
  credit_limit_fen?: number;
  payment_terms_days?: number;
  salesperson_id?: number | null;
  salesperson_name?: string | null;
  pinyin?: string;
  active: number;
}

export type PartyFields = Pick<PartyRow, 'name' | 'kind' | 'contact' | 'phone' | 'address' | 'notes'>;
export type CustomerFields = PartyFields & { credit_limit_fen: number; payment_terms_days: number; salesperson_id: number | null };

/** A customer row with the name of its salesperson. */
const CUSTOMER_SELECT = 'SELECT *, (SELECT u.name FROM users u WHERE u.id = customers.salesperson_id) AS salesperson_name FROM customers';

export function customerView(r: PartyRow): Customer {
  const sp = r.salesperson_id == null ? null : { id: r.salesperson_id, name: r.salesperson_name ?? '' };
  return { ...supplierView(r), creditLimitFen: r.credit_limit_fen ?? 0, paymentTermsDays: r.payment_terms_days ?? 0, salesperson: sp, pinyin: r.pinyin ?? '' };
}

export function supplierView(r: PartyRow): Supplier {
  const { id, code, name, kind, contact, phone, address, notes } = r;
  return { id, code, name, kind, contact, phone, address, notes, active: r.active === 1 };
}

export function customerById(db: ReadableDB, id: number): Customer {
  return customerView((sql(db, `${CUSTOMER_SELECT} WHERE id = ?`).get(id) as PartyRow | undefined) ?? notFound('customer', id));
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

export function insertCustomer(db: WritableDB, code: string, f: CustomerFields, at: string): number {
  const info = sql(
    db,
    `INSERT INTO customers (code, name, kind, contact, phone, address, notes, credit_limit_fen, payment_terms_days, salesperson_id, pinyin, created_at, updated_at)
     VALUES (@code, @name, @kind, @contact, @phone, @address, @notes, @credit_limit_fen, @payment_terms_days, @salesperson_id, @pinyin, @at, @at)`,
  ).run(customerParams(f, at, { code }));
  return Number(info.lastInsertRowid);
}

export function updateCustomer(db: WritableDB, id: number, f: CustomerFields & { active: number }, at: string): void {
  sql(
    db,
    `UPDATE customers SET name = @name, kind = @kind, contact = @contact, phone = @phone, address = @address, notes = @notes,
       credit_limit_fen = @credit_limit_fen, payment_terms_days = @payment_terms_days, salesperson_id = @salesperson_id,
       active = @active, pinyin = @pinyin, updated_at = @at WHERE id = @id`,
  ).run(customerParams(f, at, { id, active: f.active }));
}

/** One customer's fields as named parameters (insert and update write the same ones). */
function customerParams(f: CustomerFields, at: string, extra: Record<string, string | number>) {
  const { name, kind, contact, phone, address, notes, credit_limit_fen, payment_terms_days, salesperson_id } = f;
  return { name, kind, contact, phone, address, notes, credit_limit_fen, payment_terms_days, salesperson_id, pinyin: pinyinInitials(name), at, ...extra };
}

export function insertSupplier(db: WritableDB, code: string, f: PartyFields, at: string): number {
  const info = sql(
    db,
    'INSERT INTO suppliers (code, name, kind, contact, phone, address, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(code, f.name, f.kind, f.contact, f.phone, f.address, f.notes, at, at);
  return Number(info.lastInsertRowid);
}

export function updateSupplier(db: WritableDB, id: number, f: PartyFields & { active: number }, at: string): void {
  sql(db, 'UPDATE suppliers SET name = ?, kind = ?, contact = ?, phone = ?, address = ?, notes = ?, active = ?, updated_at = ? WHERE id = ?').run(
    f.name,
    f.kind,
    f.contact,
    f.phone,
    f.address,
    f.notes,
    f.active,
    at,
    id,
  );
}

/** Whether any slip, receivable, journal line or chase names this customer or supplier. */
export function partyHasHistory(db: ReadableDB, table: PartyTable, id: number): boolean {
  const col = table === 'customers' ? 'customer_id' : 'supplier_id';
  const tables = table === 'customers' ? ['slips', 'receivable_entries', 'money_journal', 'receivable_chases'] : ['slips'];
  return tables.some((t) => sql(db, `SELECT 1 FROM ${t} WHERE ${col} = ? LIMIT 1`).get(id) !== undefined);
}

export function deleteParty(db: WritableDB, table: PartyTable, id: number): void {
  sql(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
}

/** `reachSql`: the reader's reach over `customers` (reads/scope.ts customerReachSql). */
export function listCustomers(db: ReadableDB, q: { query: string; includeInactive: boolean; limit: number; offset: number; reachSql: string }) {
  const search = searchClause(q.query, q.includeInactive, false, true);
  const where = `${search.where} AND ${q.reachSql}`;
  const args = search.args;
  const total = db
    .prepare(`SELECT COUNT(*) FROM customers WHERE ${where}`)
    .pluck()
    .get(...args) as number;
  const rows = db.prepare(`${CUSTOMER_SELECT} WHERE ${where} ORDER BY code LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as PartyRow[];
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
