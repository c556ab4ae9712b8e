// All SQL of the close of day: which days have ledger rows, the day's figures the reconciliation
// reads (the day's slips with their money, each account's receipts and payments, the stock moves,
// the cash box's lowest point), the day's rows as its fingerprint hashes them, and day_closes.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { MoneyAccount } from '../../../shared/contract';
import { firstMoveOnOrAfter } from '../../ledger/fifo';
import { nextDay } from '../../ledger/dates';

/** The tables of the books: a day with a row in any of them has activity, and the close locks them. */
export const ACTIVITY_TABLES = ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves'] as const;

/** Days with ledger rows after `after` and before `before`, oldest first (one index seek per day and table). */
export function activityDays(db: ReadableDB, after: string | null, before: string, max = Number.MAX_SAFE_INTEGER): { days: string[]; count: number } {
  const days: string[] = [];
  let count = 0;
  let d = after ?? '';
  for (;;) {
    let next: string | null = null;
    for (const t of ACTIVITY_TABLES) {
      const x = sql(db, `SELECT MIN(business_date) FROM ${t} WHERE business_date > ?`).pluck().get(d) as string | null;
      if (x != null && (next == null || x < next)) next = x;
    }
    if (next == null || next >= before) break;
    count++;
    if (days.length < max) days.push(next);
    d = next;
  }
  return { days, count };
}

// ------------------------------------------------------------------ the day's figures

const signed = `CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END`;
/** what moved on a posted slip, at its prices: stored on each line at posting (migration 0005) */
const SHIPPED = `(SELECT COALESCE(SUM(l.shipped_amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id)`;

export interface SlipMoneyRow {
  id: number;
  no: string;
  shipped: number;
  received: number;
  receivable: number;
  /** owed back in a refund finance had not paid by the end of the day (待付退款) */
  pending: number;
  /** collected by the carrier and not handed over by the end of the day (送货收款) */
  transit: number;
  nrows: number;
  signed: number;
  reversed_on: string | null;
}

/** The day's posted slips of a kind, with what shipped and the money, receivables and unpaid refunds booked for them up to the day. */
export function slipsOfDay(db: ReadableDB, kind: 'dispatch' | 'return', date: string): SlipMoneyRow[] {
  return sql(
    db,
    `SELECT s.id, s.no, ${SHIPPED} AS shipped,
       (SELECT COALESCE(SUM(CASE j.direction WHEN 'in' THEN j.amount_fen ELSE -j.amount_fen END), 0) FROM money_journal j WHERE j.slip_id = s.id AND j.business_date <= @d) AS received,
       (SELECT COALESCE(SUM(e.amount_fen), 0) FROM receivable_entries e WHERE e.slip_id = s.id AND e.business_date <= @d) AS receivable,
       (SELECT COUNT(*) FROM money_journal j WHERE j.slip_id = s.id AND j.business_date <= @d)
         + (SELECT COUNT(*) FROM receivable_entries e WHERE e.slip_id = s.id AND e.business_date <= @d)
         + (SELECT COUNT(*) FROM delivery_cash d WHERE d.slip_id = s.id AND d.business_date <= @d) AS nrows,
       (SELECT COALESCE(SUM(d.amount_fen), 0) FROM delivery_cash d WHERE d.slip_id = s.id AND d.business_date <= @d
          AND (d.handed_date IS NULL OR d.handed_date > @d) AND (d.cancelled_date IS NULL OR d.cancelled_date > @d)) AS transit,
       (SELECT COALESCE(SUM(f.amount_fen), 0) FROM refunds f WHERE f.slip_id = s.id AND f.business_date <= @d
          AND (f.paid_date IS NULL OR f.paid_date > @d) AND (f.cancelled_date IS NULL OR f.cancelled_date > @d)) AS pending,
       EXISTS (SELECT 1 FROM signatures g WHERE g.slip_id = s.id AND g.role = 'finance' AND g.dropped_at IS NULL) AS signed,
       (SELECT r.business_date FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) AS reversed_on
     FROM slips s WHERE s.kind = @kind AND s.state = 'posted' AND s.business_date = @d ORDER BY s.id`,
  ).all({ d: date, kind }) as SlipMoneyRow[];
}

/** An account's receipts and payments dated on the day (the close's own over/short included). */
export function dayReceiptsPayments(db: ReadableDB, account: MoneyAccount, date: string): { receipts: number; payments: number } {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS receipts,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS payments
     FROM money_journal WHERE account = ? AND business_date = ?`,
  ).get(account, date) as { receipts: number; payments: number };
}

/** The stock value at the end of the day before `date` (or of `date` itself with `inclusive`). */
export function stockValue(db: ReadableDB, date: string, inclusive: boolean): number {
  // Moves are in date order: the day maps to a boundary move id (see stock_moves_date).
  const boundary = firstMoveOnOrAfter(db, inclusive ? nextDay(date) : date);
  return sql(
    db,
    `SELECT COALESCE(SUM((SELECT m.balance_amount_fen FROM stock_moves m WHERE m.item_id = i.id AND m.id < ?
       ORDER BY m.id DESC LIMIT 1)), 0) FROM items i`,
  )
    .pluck()
    .get(boundary ?? Number.MAX_SAFE_INTEGER) as number;
}

/** The value of the day's stock moves in and out. */
export function stockMovedOn(db: ReadableDB, date: string): { inF: number; outF: number } {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS inF,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS outF
     FROM stock_moves WHERE business_date = ?`,
  ).get(date) as { inF: number; outF: number };
}

/** Cost of goods sold: what the day's dispatches took out of stock. */
export function cogsOn(db: ReadableDB, date: string): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(m.amount_fen), 0) FROM stock_moves m JOIN slips s ON s.id = m.slip_id
     WHERE m.business_date = ? AND m.direction = 'out' AND s.kind = 'dispatch'`,
  )
    .pluck()
    .get(date) as number;
}

/** The lowest running sum of the cash journal over the day's rows (date order), null when the day has none. */
export function lowestCashRunOn(db: ReadableDB, date: string): number | null {
  return sql(
    db,
    `SELECT MIN(run) FROM (SELECT SUM(${signed}) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
       FROM money_journal WHERE account = 'cash' AND business_date = ?)`,
  )
    .pluck()
    .get(date) as number | null;
}

/** Money and receivables booked on the day for dispatches that are not posted (drafts, voids). */
export function moneyForUnpostedOn(db: ReadableDB, date: string): number {
  return sql(
    db,
    `SELECT COALESCE((SELECT SUM(CASE j.direction WHEN 'in' THEN j.amount_fen ELSE -j.amount_fen END) FROM money_journal j JOIN slips s ON s.id = j.slip_id
         WHERE j.business_date = @d AND s.kind = 'dispatch' AND s.state <> 'posted'), 0)
       + COALESCE((SELECT SUM(e.amount_fen) FROM receivable_entries e JOIN slips s ON s.id = e.slip_id
         WHERE e.business_date = @d AND s.kind = 'dispatch' AND s.state <> 'posted'), 0)`,
  )
    .pluck()
    .get({ d: date }) as number;
}

/** How many journal rows of a cause are dated on the day, and their signed sum. */
export function causeTotalOn(db: ReadableDB, cause: 'collection' | 'expense' | 'advance' | 'advance_return', date: string): { n: number; amount: number } {
  return sql(db, `SELECT COUNT(*) AS n, COALESCE(SUM(${signed}), 0) AS amount FROM money_journal WHERE cause = '${cause}' AND business_date = ?`).get(date) as {
    n: number;
    amount: number;
  };
}

// ------------------------------------------------------------------ the day's rows, as the fingerprint reads them

type Rows = Iterable<Record<string, unknown>>;

/**
 * Every ledger row dated on the day, then the slips posted that day and their lines, each set
 * labelled and in id order. Lazy: each set's query runs when the one before it has been read.
 */
export function* dayRows(db: ReadableDB, date: string): Generator<[label: string, rows: Rows]> {
  for (const t of ACTIVITY_TABLES) yield [t, sql(db, `SELECT * FROM ${t} WHERE business_date = ? ORDER BY id`).iterate(date) as Rows];
  yield [
    'slips',
    sql(
      db,
      `SELECT id, no, kind, state, business_date, supplier_id, customer_id, payment_mode, source_slip_id, posted_by, posted_at, post_seq
       FROM slips WHERE business_date = ? AND state = 'posted' ORDER BY id`,
    ).iterate(date) as Rows,
  ];
  yield [
    'slip_lines',
    sql(
      db,
      `SELECT l.id, l.slip_id, l.item_id, l.qty, l.unit_cost_fen, l.price_fen, l.amount_fen, l.source_line_id, l.shipped_qty
       FROM slip_lines l JOIN slips s ON s.id = l.slip_id WHERE s.business_date = ? AND s.state = 'posted' ORDER BY l.id`,
    ).iterate(date) as Rows,
  ];
}

// ------------------------------------------------------------------ day_closes

export interface CloseRow {
  id: number;
  business_date: string;
  closed_at: string;
  closed_by: number;
  finance_id: number;
  statistician_id: number;
  manager_id: number | null;
  expected_cash_fen: number;
  counted_cash_fen: number;
  difference_fen: number;
  adjustment_journal_id: number | null;
  counts_json: string;
  channels_json: string;
  reason: string;
  closing_json: string;
  failed_checks_json: string;
  rows_hash: string;
}

/** A new close (its id); at most one close of a day is in force (a trigger backs the rules up). */
export function insertClose(db: WritableDB, r: Omit<CloseRow, 'id'>): number {
  const info = sql(
    db,
    `INSERT INTO day_closes (business_date, closed_at, closed_by, finance_id, statistician_id, manager_id, expected_cash_fen, counted_cash_fen,
       difference_fen, adjustment_journal_id, counts_json, channels_json, reason, closing_json, failed_checks_json, rows_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.business_date,
    r.closed_at,
    r.closed_by,
    r.finance_id,
    r.statistician_id,
    r.manager_id,
    r.expected_cash_fen,
    r.counted_cash_fen,
    r.difference_fen,
    r.adjustment_journal_id,
    r.counts_json,
    r.channels_json,
    r.reason,
    r.closing_json,
    r.failed_checks_json,
    r.rows_hash,
  );
  return Number(info.lastInsertRowid);
}

/** The day's close in force (not reopened), if any. */
export function closeRow(db: ReadableDB, date: string): CloseRow | undefined {
  return sql(db, 'SELECT * FROM live_day_closes WHERE business_date = ?').get(date) as CloseRow | undefined;
}

export function closeRowById(db: ReadableDB, id: number): CloseRow {
  return sql(db, 'SELECT * FROM day_closes WHERE id = ?').get(id) as CloseRow;
}

export function countCloses(db: ReadableDB, from: string, to: string): number {
  return sql(db, 'SELECT COUNT(*) FROM day_closes WHERE business_date >= ? AND business_date <= ?').pluck().get(from, to) as number;
}

/** A page of closes dated from–to, latest first (a reopened close below the one that closed its day again). */
export function closeRows(db: ReadableDB, from: string, to: string, limit: number, offset: number): CloseRow[] {
  return sql(db, 'SELECT * FROM day_closes WHERE business_date >= ? AND business_date <= ? ORDER BY business_date DESC, id DESC LIMIT ? OFFSET ?').all(
    from,
    to,
    limit,
    offset,
  ) as CloseRow[];
}

export function userName(db: ReadableDB, id: number): string {
  return sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string;
}

export function voucherNoOf(db: ReadableDB, journalId: number): string {
  return sql(db, 'SELECT voucher_no FROM money_journal WHERE id = ?').pluck().get(journalId) as string;
}
