// All SQL of requisitions.* (要货单, migration 0033): the requisition rows and lines, and what has
// been received against them — the posted inbound moves of the slips that name a requisition, with
// the 红字 of those slips netted (a reversal's moves carry the opposite quantity).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';

export interface RequisitionRow {
  id: number;
  no: string;
  business_date: string;
  plan_id: number | null;
  memo: string;
  state: 'draft' | 'signed' | 'cancelled' | 'closed';
  created_by: number;
  created_at: string;
  signed_by: number | null;
  signed_at: string | null;
  content_hash: string | null;
  signature: string | null;
  ended_by: number | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface ReqLineRow {
  id: number;
  requisition_id: number;
  line_no: number;
  item_id: number;
  qty: number;
  expected_date: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
}

export function requisitionRow(db: ReadableDB, id: number): RequisitionRow {
  return (
    (sql(db, 'SELECT * FROM requisitions WHERE id = ?').get(id) as RequisitionRow | undefined) ??
    fail('not_found', { what: 'requisition', what_zh: '要货单', key: id })
  );
}

export function reqLines(db: ReadableDB, requisitionId: number): ReqLineRow[] {
  return sql(
    db,
    `SELECT l.*, i.code, i.name, i.spec, i.unit FROM requisition_lines l JOIN items i ON i.id = l.item_id
     WHERE l.requisition_id = ? ORDER BY l.line_no`,
  ).all(requisitionId) as ReqLineRow[];
}

export function insertRequisition(db: WritableDB, r: Pick<RequisitionRow, 'no' | 'business_date' | 'plan_id' | 'memo' | 'created_by' | 'created_at'>): number {
  const info = sql(
    db,
    `INSERT INTO requisitions (no, business_date, plan_id, memo, created_by, created_at)
     VALUES (@no, @business_date, @plan_id, @memo, @created_by, @created_at)`,
  ).run(r);
  return Number(info.lastInsertRowid);
}

export function replaceLines(db: WritableDB, requisitionId: number, lines: { itemId: number; qty: number; expectedDate: string }[]): void {
  sql(db, 'DELETE FROM requisition_lines WHERE requisition_id = ?').run(requisitionId);
  const ins = sql(db, 'INSERT INTO requisition_lines (requisition_id, line_no, item_id, qty, expected_date) VALUES (?, ?, ?, ?, ?)');
  lines.forEach((l, i) => ins.run(requisitionId, i + 1, l.itemId, l.qty, l.expectedDate));
}

export function setMemo(db: WritableDB, id: number, memo: string): void {
  sql(db, 'UPDATE requisitions SET memo = ? WHERE id = ?').run(memo, id);
}

export function markSigned(db: WritableDB, id: number, s: { by: number; at: string; hash: string; signature: string }): void {
  sql(db, "UPDATE requisitions SET state = 'signed', signed_by = ?, signed_at = ?, content_hash = ?, signature = ? WHERE id = ?").run(
    s.by,
    s.at,
    s.hash,
    s.signature,
    id,
  );
}

export function markEnded(db: WritableDB, id: number, e: { state: 'cancelled' | 'closed'; by: number; at: string; reason: string }): void {
  sql(db, 'UPDATE requisitions SET state = ?, ended_by = ?, ended_at = ?, end_reason = ? WHERE id = ?').run(e.state, e.by, e.at, e.reason, id);
}

/** Received per requisition and item: posted inbound moves of the slips naming it, reversals netted. */
export function receivedOf(db: ReadableDB, requisitionIds?: number[]): Map<number, Map<number, number>> {
  const only = requisitionIds ? 'AND requisition_id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = sql(
    db,
    `WITH linked AS (SELECT id, requisition_id AS req FROM slips WHERE requisition_id IS NOT NULL AND kind = 'inbound' ${only}),
       moved AS (SELECT id, req FROM linked
                 UNION ALL SELECT r.id, l.req FROM linked l JOIN slips r ON r.source_slip_id = l.id AND r.kind = 'reversal')
     SELECT a.req, m.item_id AS item, SUM(m.qty) AS qty
     FROM moved a JOIN stock_moves m ON m.slip_id = a.id AND m.direction = 'in'
     GROUP BY a.req, m.item_id`,
  ).all(requisitionIds ? { ids: JSON.stringify(requisitionIds) } : {}) as { req: number; item: number; qty: number }[];
  const out = new Map<number, Map<number, number>>();
  for (const r of rows) {
    if (!out.has(r.req)) out.set(r.req, new Map());
    out.get(r.req)!.set(r.item, r.qty);
  }
  return out;
}

/** Ordered per signed requisition and item (the base of what is on order). */
export function signedOrdered(db: ReadableDB): { req: number; item: number; qty: number }[] {
  return sql(
    db,
    `SELECT l.requisition_id AS req, l.item_id AS item, SUM(l.qty) AS qty
     FROM requisitions r JOIN requisition_lines l ON l.requisition_id = r.id
     WHERE r.state = 'signed' GROUP BY 1, 2`,
  ).all() as { req: number; item: number; qty: number }[];
}

export function slipsAgainst(db: ReadableDB, requisitionId: number): { id: number; no: string; state: string; businessDate: string }[] {
  return sql(db, `SELECT id, no, state, business_date AS businessDate FROM slips WHERE requisition_id = ? ORDER BY id`).all(requisitionId) as {
    id: number;
    no: string;
    state: string;
    businessDate: string;
  }[];
}

export function listRows(db: ReadableDB, f: { states?: string[]; limit: number; offset: number }): { rows: RequisitionRow[]; total: number } {
  const w = f.states ? 'WHERE state IN (SELECT value FROM json_each(@states))' : '';
  const args = f.states ? { states: JSON.stringify(f.states) } : {};
  const total = sql(db, `SELECT COUNT(*) FROM requisitions ${w}`).pluck().get(args) as number;
  const rows = sql(db, `SELECT * FROM requisitions ${w} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({
    ...args,
    limit: f.limit,
    offset: f.offset,
  }) as RequisitionRow[];
  return { rows, total };
}

export function allRowsIn(db: ReadableDB, states: string[]): RequisitionRow[] {
  return sql(db, 'SELECT * FROM requisitions WHERE state IN (SELECT value FROM json_each(?)) ORDER BY id DESC').all(JSON.stringify(states)) as RequisitionRow[];
}
