// The SQL of a close's later life: reopens (反日结, day_reopens) and the 长款/短款 items of the
// suspense account (待处理财产损溢) as the screens read them. The suspense writers are in
// ledger/suspense.ts.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';

export interface ReopenRow {
  close_id: number;
  business_date: string;
  reopened_at: string;
  reopened_by: number;
  reopened_by_name: string;
  reason: string;
}

export function insertReopen(db: WritableDB, r: Omit<ReopenRow, 'reopened_by_name'>): void {
  sql(db, 'INSERT INTO day_reopens (close_id, business_date, reopened_at, reopened_by, reason) VALUES (?, ?, ?, ?, ?)').run(
    r.close_id,
    r.business_date,
    r.reopened_at,
    r.reopened_by,
    r.reason,
  );
}

export function reopenOf(db: ReadableDB, closeId: number): ReopenRow | undefined {
  return sql(db, 'SELECT r.*, u.name AS reopened_by_name FROM day_reopens r JOIN users u ON u.id = r.reopened_by WHERE r.close_id = ?').get(closeId) as
    ReopenRow | undefined;
}

/** Days reopened and not closed again yet (no close in force on or after them), oldest first. */
export function reopenedDays(db: ReadableDB, max = 31): string[] {
  return sql(
    db,
    `SELECT DISTINCT r.business_date FROM day_reopens r
     WHERE NOT EXISTS (SELECT 1 FROM live_day_closes c WHERE c.business_date >= r.business_date)
     ORDER BY r.business_date LIMIT ?`,
  )
    .pluck()
    .all(max) as string[];
}

// ------------------------------------------------------------------ suspense items

export interface SuspenseItemRow {
  id: number;
  business_date: string;
  amount_fen: number;
  memo: string;
  voucher_no: string;
  /** the entry that cleared the item, if any */
  closing_kind: 'decision' | 'reopen' | null;
  decision: string | null;
  decided_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decision_memo: string | null;
  decision_voucher_no: string | null;
}

const ITEM_SELECT = `SELECT d.id, d.business_date, d.amount_fen, d.memo, j.voucher_no,
    c.kind AS closing_kind, c.decision, c.posted_at AS decided_at, c.user_id AS decided_by, u.name AS decided_by_name,
    c.memo AS decision_memo, cj.voucher_no AS decision_voucher_no
  FROM suspense_entries d
  JOIN money_journal j ON j.id = d.journal_id
  LEFT JOIN suspense_entries c ON c.item_id = d.id
  LEFT JOIN users u ON u.id = c.user_id
  LEFT JOIN money_journal cj ON cj.id = c.journal_id
  WHERE d.kind = 'difference'`;

const OPEN = 'AND NOT EXISTS (SELECT 1 FROM suspense_entries x WHERE x.item_id = d.id)';

export function suspenseItemRow(db: ReadableDB, id: number): SuspenseItemRow | undefined {
  return sql(db, `${ITEM_SELECT} AND d.id = ?`).get(id) as SuspenseItemRow | undefined;
}

/** A page of items, newest first: only the open ones, or all. */
export function suspenseItemRows(db: ReadableDB, open: boolean, limit: number, offset: number): { rows: SuspenseItemRow[]; total: number } {
  const where = open ? OPEN : '';
  const rows = sql(db, `${ITEM_SELECT} ${where} ORDER BY d.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as SuspenseItemRow[];
  const total = sql(db, `SELECT COUNT(*) FROM suspense_entries d WHERE d.kind = 'difference' ${where}`).pluck().get() as number;
  return { rows, total };
}

/** Σ of the open items (over +, short −): what the suspense account's balance must be. */
export function openItemsTotal(db: ReadableDB): number {
  return sql(db, `SELECT COALESCE(SUM(d.amount_fen), 0) FROM suspense_entries d WHERE d.kind = 'difference' ${OPEN}`).pluck().get() as number;
}
