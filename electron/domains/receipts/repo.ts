// All SQL of receipts: the receipt printers (receipt_printers), the printer each desk prints on
// (receipt_desks) and the log of receipts printed (receipt_prints, append-only; migration 0026).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { ReceiptKind, ReceiptPrinter, ReceiptTransport } from '../../../shared/contract';

interface PrinterRow {
  id: number;
  name: string;
  transport: ReceiptTransport;
  address: string;
  width: 32 | 48;
  active: number;
}

const printerView = (r: PrinterRow): ReceiptPrinter => ({
  id: r.id,
  name: r.name,
  transport: r.transport,
  address: r.address,
  width: r.width,
  active: r.active === 1,
});

export function printers(db: ReadableDB, includeInactive: boolean): ReceiptPrinter[] {
  const rows = sql(db, `SELECT * FROM receipt_printers ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY name`).all() as PrinterRow[];
  return rows.map(printerView);
}

export function printerById(db: ReadableDB, id: number): ReceiptPrinter | null {
  const r = sql(db, 'SELECT * FROM receipt_printers WHERE id = ?').get(id) as PrinterRow | undefined;
  return r ? printerView(r) : null;
}

export function printerIdByName(db: ReadableDB, name: string): number | null {
  return (sql(db, 'SELECT id FROM receipt_printers WHERE name = ?').pluck().get(name) as number | undefined) ?? null;
}

export type PrinterFields = Omit<ReceiptPrinter, 'id'>;

export function insertPrinter(db: WritableDB, p: PrinterFields, at: string, by: number): number {
  const info = sql(db, 'INSERT INTO receipt_printers (name, transport, address, width, active, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    p.name,
    p.transport,
    p.address,
    p.width,
    p.active ? 1 : 0,
    at,
    by,
  );
  return Number(info.lastInsertRowid);
}

export function updatePrinter(db: WritableDB, id: number, p: PrinterFields, at: string, by: number): void {
  sql(db, 'UPDATE receipt_printers SET name = ?, transport = ?, address = ?, width = ?, active = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    p.name,
    p.transport,
    p.address,
    p.width,
    p.active ? 1 : 0,
    at,
    by,
    id,
  );
}

export function deskPrinterId(db: ReadableDB, desk: string): number | null {
  return (sql(db, 'SELECT printer_id FROM receipt_desks WHERE desk = ?').pluck().get(desk) as number | null | undefined) ?? null;
}

export function setDeskPrinterId(db: WritableDB, desk: string, printerId: number | null, at: string, by: number): void {
  sql(
    db,
    `INSERT INTO receipt_desks (desk, printer_id, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (desk) DO UPDATE SET printer_id = excluded.printer_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(desk, printerId, at, by);
}

// ------------------------------------------------------------------ the print log

export interface PrintRow {
  id: number;
  kind: ReceiptKind;
  ref_id: number;
  print_no: number;
  printer_id: number;
  printer_name: string;
  width: 32 | 48;
  desk: string;
  printed_at: string;
  printed_by: number;
  printed_by_name: string;
  label: string;
}

/** The document in words, as receipts/sources.ts names it. */
const LABEL = `CASE p.kind
    WHEN 'cashReceipt' THEN '收款收据 ' || (SELECT voucher_no FROM money_journal WHERE id = p.ref_id)
    WHEN 'dispatchTicket' THEN '发货小票 ' || (SELECT no FROM slips WHERE id = p.ref_id)
    WHEN 'dayClose' THEN '日结汇总 ' || (SELECT business_date FROM day_closes WHERE id = p.ref_id)
    ELSE p.kind || ' ' || p.ref_id END`;

const SELECT = `SELECT p.*, r.name AS printer_name, u.name AS printed_by_name, ${LABEL} AS label
  FROM receipt_prints p JOIN receipt_printers r ON r.id = p.printer_id JOIN users u ON u.id = p.printed_by`;

export function printRow(db: ReadableDB, id: number): PrintRow | null {
  return (sql(db, `${SELECT} WHERE p.id = ?`).get(id) as PrintRow | undefined) ?? null;
}

export function insertPrint(
  db: WritableDB,
  p: { kind: ReceiptKind; refId: number; printerId: number; width: number; desk: string; at: string; by: number },
): number {
  const printNo = printedCount(db, p.kind, p.refId) + 1;
  const info = sql(
    db,
    'INSERT INTO receipt_prints (kind, ref_id, print_no, printer_id, width, desk, printed_at, printed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(p.kind, p.refId, printNo, p.printerId, p.width, p.desk, p.at, p.by);
  return Number(info.lastInsertRowid);
}

/** How many times a document has been printed as that receipt (the next print's number is one more). */
export function printedCount(db: ReadableDB, kind: ReceiptKind, refId: number): number {
  return sql(db, 'SELECT COUNT(*) FROM receipt_prints WHERE kind = ? AND ref_id = ?').pluck().get(kind, refId) as number;
}

export function printRows(db: ReadableDB, q: { kind?: ReceiptKind; id?: number; limit: number; offset: number }): { rows: PrintRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.kind) (where.push('p.kind = ?'), args.push(q.kind));
  if (q.id != null) (where.push('p.ref_id = ?'), args.push(q.id));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT COUNT(*) FROM receipt_prints p ${w}`)
    .pluck()
    .get(...args) as number;
  const rows = db.prepare(`${SELECT} ${w} ORDER BY p.id DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as PrintRow[];
  return { rows, total };
}
