// All SQL of safety.*: the usage of items over a window (net sales from the stock moves), the items
// with on hand and case pack, and the safety_proposals table (migration 0029).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { SafetyState } from '../../../shared/contract';
import { likeEscape } from '../../store/search';

/**
 * Net units sold per item in the window ending on `asOf`: dispatched less returned, a reversal
 * counting as the kind it reverses (its moves carry the opposite quantity, so it nets out).
 */
export function soldInWindow(db: ReadableDB, asOf: string, windowDays: number, itemIds?: number[]): Map<number, number> {
  const only = itemIds ? 'AND m.item_id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = sql(
    db,
    `SELECT m.item_id AS id,
       SUM(CASE COALESCE(src.kind, s.kind) WHEN 'dispatch' THEN m.qty WHEN 'return' THEN -m.qty ELSE 0 END) AS sold
     FROM stock_moves m JOIN slips s ON s.id = m.slip_id
     LEFT JOIN slips src ON s.kind = 'reversal' AND src.id = s.source_slip_id
     WHERE m.business_date > date(@asOf, @back) AND m.business_date <= @asOf
       AND (s.kind IN ('dispatch', 'return') OR src.kind IN ('dispatch', 'return')) ${only}
     GROUP BY m.item_id`,
  ).all({ asOf, back: `-${windowDays} days`, ...(itemIds ? { ids: JSON.stringify(itemIds) } : {}) }) as { id: number; sold: number }[];
  return new Map(rows.map((r) => [r.id, r.sold]));
}

export interface SafetyItemRow {
  id: number;
  code: string;
  name: string;
  unit: string;
  location: string;
  safety_stock: number;
  pack_qty: number;
  on_hand: number;
}

/** Active items (or the one asked for) with on hand and their largest case pack, by code. */
export function safetyItems(db: ReadableDB, q: { query?: string; itemId?: number }): SafetyItemRow[] {
  const where = ['i.active = 1'];
  const args: Record<string, unknown> = {};
  if (q.itemId !== undefined) (where.push('i.id = @itemId'), (args.itemId = q.itemId));
  if (q.query) {
    where.push("(i.code LIKE @like ESCAPE '\\' OR i.name LIKE @like ESCAPE '\\' OR i.pinyin LIKE @lower ESCAPE '\\' OR i.location LIKE @like ESCAPE '\\')");
    args.like = `%${likeEscape(q.query)}%`;
    args.lower = String(args.like).toLowerCase();
  }
  return sql(
    db,
    `SELECT i.id, i.code, i.name, i.unit, i.location, i.safety_stock,
       COALESCE((SELECT MAX(b.pack_qty) FROM item_barcodes b WHERE b.item_id = i.id), 1) AS pack_qty,
       COALESCE((SELECT m.balance_qty FROM stock_moves m WHERE m.item_id = i.id ORDER BY m.id DESC LIMIT 1), 0) AS on_hand
     FROM items i WHERE ${where.join(' AND ')} ORDER BY i.code`,
  ).all(args) as SafetyItemRow[];
}

export interface ProposalRow {
  id: number;
  item_id: number;
  from_qty: number;
  qty: number;
  reason: string;
  window_days: number;
  cover_days: number;
  sold_qty: number;
  avg_daily_milli: number;
  suggested: number;
  as_of: string;
  state: SafetyState;
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  note: string;
}

export type NewProposal = Omit<ProposalRow, 'id' | 'state' | 'decided_by' | 'decided_at' | 'note'>;

export function insertProposal(db: WritableDB, p: NewProposal): number {
  sql(db, "UPDATE safety_proposals SET state = 'superseded' WHERE item_id = ? AND state = 'pending'").run(p.item_id);
  const info = sql(
    db,
    `INSERT INTO safety_proposals (item_id, from_qty, qty, reason, window_days, cover_days, sold_qty, avg_daily_milli, suggested, as_of, proposed_by, proposed_at)
     VALUES (@item_id, @from_qty, @qty, @reason, @window_days, @cover_days, @sold_qty, @avg_daily_milli, @suggested, @as_of, @proposed_by, @proposed_at)`,
  ).run(p);
  return Number(info.lastInsertRowid);
}

export function proposalRow(db: ReadableDB, id: number): ProposalRow {
  return (
    (sql(db, 'SELECT * FROM safety_proposals WHERE id = ?').get(id) as ProposalRow | undefined) ??
    fail('not_found', { what: 'safety stock proposal', what_zh: '安全库存提议', key: id })
  );
}

export function decideProposal(db: WritableDB, id: number, d: { approve: boolean; by: number; at: string; note: string }): void {
  sql(db, 'UPDATE safety_proposals SET state = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?').run(
    d.approve ? 'approved' : 'rejected',
    d.by,
    d.at,
    d.note,
    id,
  );
  if (d.approve)
    sql(
      db,
      'UPDATE items SET safety_stock = (SELECT qty FROM safety_proposals WHERE id = ?) WHERE id = (SELECT item_id FROM safety_proposals WHERE id = ?)',
    ).run(id, id);
}

/** Waiting proposals first (oldest first), then the rest newest first. */
export function listProposals(
  db: ReadableDB,
  f: { state?: SafetyState; itemId?: number; limit: number; offset: number },
): { rows: ProposalRow[]; total: number } {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (f.state) (where.push('state = @state'), (args.state = f.state));
  if (f.itemId) (where.push('item_id = @itemId'), (args.itemId = f.itemId));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = sql(db, `SELECT COUNT(*) FROM safety_proposals ${w}`).pluck().get(args) as number;
  const rows = sql(
    db,
    `SELECT * FROM safety_proposals ${w}
     ORDER BY state = 'pending' DESC, CASE WHEN state = 'pending' THEN id ELSE -id END LIMIT @limit OFFSET @offset`,
  ).all({ ...args, limit: f.limit, offset: f.offset }) as ProposalRow[];
  return { rows, total };
}

export function pendingByItem(db: ReadableDB): Map<number, ProposalRow> {
  const rows = sql(db, "SELECT * FROM safety_proposals WHERE state = 'pending'").all() as ProposalRow[];
  return new Map(rows.map((r) => [r.item_id, r]));
}
