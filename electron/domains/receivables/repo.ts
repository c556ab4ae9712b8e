// Receivable entries as they are read: the columns of the paper receivables ledger (借方, 贷方,
// 余额). A red entry shows as a negative amount in its original's column. The open items as they
// stood at the end of any day, and the aging query over them. The writers are in ledger/journal.ts.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { ReceivableRow } from '../../../shared/contract';
import type { EntryDbRow, ItemDbRow } from '../../ledger/journal';
import { notFound } from '../errors';

export interface EntryJoined extends EntryDbRow {
  user_name: string;
  override_name: string | null;
  slip_no: string | null;
  voucher_no: string | null;
  reversed_by_id: number | null;
}

export const ENTRY_SELECT = `SELECT e.*, u.name AS user_name, o.name AS override_name, s.no AS slip_no, j.voucher_no,
    (SELECT r.id FROM receivable_entries r WHERE r.reverses_id = e.id) AS reversed_by_id
  FROM receivable_entries e
  JOIN users u ON u.id = e.user_id
  LEFT JOIN users o ON o.id = e.override_by
  LEFT JOIN slips s ON s.id = e.slip_id
  LEFT JOIN money_journal j ON j.id = e.journal_id`;

export function entryView(r: EntryJoined): ReceivableRow {
  const isDebitKind = r.kind === 'sale';
  return {
    id: r.id,
    date: r.business_date,
    postedAt: r.posted_at,
    kind: r.kind,
    docNo: r.slip_no ?? r.voucher_no,
    summary: r.summary,
    debitFen: isDebitKind ? r.amount_fen : null,
    creditFen: isDebitKind ? null : -r.amount_fen,
    balanceFen: r.balance_after_fen,
    slipId: r.slip_id,
    voucherNo: r.voucher_no,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    overrideBy: r.override_by == null ? null : { id: r.override_by, name: r.override_name ?? '' },
    user: { id: r.user_id, name: r.user_name },
    memo: r.memo,
  };
}

export function entryViewById(db: ReadableDB, id: number): ReceivableRow {
  return entryView(sql(db, `${ENTRY_SELECT} WHERE e.id = ?`).get(id) as EntryJoined);
}

/** The receivable entries of a slip, as read, in posting order. */
export function entriesOfSlip(db: ReadableDB, slipId: number): ReceivableRow[] {
  return (sql(db, `${ENTRY_SELECT} WHERE e.slip_id = ? ORDER BY e.id`).all(slipId) as EntryJoined[]).map(entryView);
}

/** The receivable entry (not a red one) that a collection's voucher booked, if any. */
export function collectionEntryOf(db: ReadableDB, journalId: number): EntryDbRow | undefined {
  return sql(db, 'SELECT * FROM receivable_entries WHERE journal_id = ? AND reverses_id IS NULL').get(journalId) as EntryDbRow | undefined;
}

// ------------------------------------------------------------------ customers and slips as receivables name them

export interface CustomerRow {
  id: number;
  code: string;
  name: string;
  credit_limit_fen: number;
  payment_terms_days: number;
}

const CUSTOMER_COLS = 'id, code, name, credit_limit_fen, payment_terms_days';

export function customerRef(db: ReadableDB, id: number) {
  const c = (sql(db, `SELECT ${CUSTOMER_COLS} FROM customers WHERE id = ?`).get(id) as CustomerRow | undefined) ?? notFound('customer', id);
  return { id: c.id, code: c.code, name: c.name, creditLimitFen: c.credit_limit_fen, paymentTermsDays: c.payment_terms_days };
}

export function slipNo(db: ReadableDB, id: number | null): string | null {
  return id == null ? null : ((sql(db, 'SELECT no FROM slips WHERE id = ?').pluck().get(id) as string | undefined) ?? null);
}

/** The live credit sale of a slip (a slip has at most one), whoever's account it is on. */
export function liveDebitOfSlip(db: ReadableDB, slipId: number): ItemDbRow | undefined {
  return sql(db, "SELECT * FROM receivable_items WHERE slip_id = ? AND side = 'debit' AND reversed = 0").get(slipId) as ItemDbRow | undefined;
}

// ------------------------------------------------------------------ a customer's entries and balances

export function balanceBeforeDay(db: ReadableDB, customerId: number, date: string): number {
  return (
    (sql(db, 'SELECT balance_after_fen FROM receivable_entries WHERE customer_id = ? AND business_date < ? ORDER BY business_date DESC, id DESC LIMIT 1')
      .pluck()
      .get(customerId, date) as number | undefined) ?? 0
  );
}

export function balanceAtEnd(db: ReadableDB, customerId: number, date: string): number {
  return (
    (sql(db, 'SELECT balance_after_fen FROM receivable_entries WHERE customer_id = ? AND business_date <= ? ORDER BY business_date DESC, id DESC LIMIT 1')
      .pluck()
      .get(customerId, date) as number | undefined) ?? 0
  );
}

export function countEntries(db: ReadableDB, customerId: number, from: string, to: string): number {
  return sql(db, 'SELECT COUNT(*) FROM receivable_entries WHERE customer_id = ? AND business_date >= ? AND business_date <= ?')
    .pluck()
    .get(customerId, from, to) as number;
}

/** A page of a customer's entries dated from–to, in date order. */
export function entriesPage(db: ReadableDB, customerId: number, from: string, to: string, limit: number, offset: number): ReceivableRow[] {
  const rows = sql(
    db,
    `${ENTRY_SELECT} WHERE e.customer_id = ? AND e.business_date >= ? AND e.business_date <= ? ORDER BY e.business_date, e.id LIMIT ? OFFSET ?`,
  ).all(customerId, from, to, limit, offset) as EntryJoined[];
  return rows.map(entryView);
}

/** Every entry of a customer dated from–to, in date order. */
export function entriesBetween(db: ReadableDB, customerId: number, from: string, to: string): ReceivableRow[] {
  return (
    sql(db, `${ENTRY_SELECT} WHERE e.customer_id = ? AND e.business_date >= ? AND e.business_date <= ? ORDER BY e.business_date, e.id`).all(
      customerId,
      from,
      to,
    ) as EntryJoined[]
  ).map(entryView);
}

// ------------------------------------------------------------------ open items as of a day

/** An open item as it stood on a day: what was still open of it then. */
export type OpenItem = Omit<ItemDbRow, 'settled_fen' | 'reversed'> & { open_fen: number };

/**
 * The open items as they stood at the end of `asOf`: from the derived table when asOf is today or
 * later (an index read), else rebuilt from the entries and allocations dated up to asOf.
 */
function openItemsSource(asOfIsNow: boolean, customerFilter: string): string {
  if (asOfIsNow)
    return `SELECT entry_id, customer_id, side, slip_id, business_date, amount_fen, amount_fen - settled_fen AS open_fen
            FROM receivable_items WHERE reversed = 0 AND settled_fen < amount_fen ${customerFilter}`;
  return `SELECT * FROM (
      SELECT i.entry_id, i.customer_id, i.side, i.slip_id, i.business_date, i.amount_fen,
        i.amount_fen - COALESCE(CASE i.side
          WHEN 'debit' THEN (SELECT SUM(a.amount_fen) FROM receivable_allocations a WHERE a.debit_entry_id = i.entry_id AND a.business_date <= @asOf)
          ELSE (SELECT SUM(a.amount_fen) FROM receivable_allocations a WHERE a.credit_entry_id = i.entry_id AND a.business_date <= @asOf) END, 0) AS open_fen
      FROM receivable_items i
      WHERE i.business_date <= @asOf ${customerFilter}
        AND NOT EXISTS (SELECT 1 FROM receivable_entries r WHERE r.reverses_id = i.entry_id AND r.business_date <= @asOf)
    ) WHERE open_fen > 0`;
}

/** A customer's open items at the end of asOf (debits and credits), oldest first, with the slip's number. */
export function openItemsOf(db: ReadableDB, customerId: number, asOf: string, today: string): (OpenItem & { slip_no: string | null })[] {
  const src = openItemsSource(asOf >= today, 'AND customer_id = @customerId');
  return db
    .prepare(`SELECT o.*, s.no AS slip_no FROM (${src}) o LEFT JOIN slips s ON s.id = o.slip_id ORDER BY o.business_date, o.entry_id`)
    .all({ asOf, customerId }) as (OpenItem & { slip_no: string | null })[];
}

// ------------------------------------------------------------------ aging (账龄)

/** 到期日 of an open item in SQL: its date + its customer's payment terms (账期). */
export const DUE_DATE_SQL = "date(business_date, '+' || (SELECT c.payment_terms_days FROM customers c WHERE c.id = customer_id) || ' days')";

/** Per customer: open debits, open credits, the oldest open debit, open debits past due, and open debits per bucket b0…b{cuts.length}. */
export type AgingAggregate = Record<string, number | string | null>;

/**
 * Open items at the end of asOf summed per customer. Bucket k holds the debits dated on or after
 * cuts[k] and before cuts[k − 1]; the last bucket (k = cuts.length) everything older.
 */
export function agingByCustomer(db: ReadableDB, asOf: string, cuts: string[], asOfIsNow: boolean, customerIds?: number[]): AgingAggregate[] {
  const args: Record<string, unknown> = { asOf };
  cuts.forEach((c, i) => (args[`c${i}`] = c));
  let customerFilter = '';
  if (customerIds) {
    customerFilter = 'AND customer_id IN (SELECT value FROM json_each(@ids))';
    args.ids = JSON.stringify(customerIds);
  }
  const bucketCols = Array.from({ length: cuts.length + 1 }, (_, k) => {
    const lo = k < cuts.length ? `business_date >= @c${k}` : '1 = 1';
    const hi = k === 0 ? '1 = 1' : `business_date < @c${k - 1}`;
    return `SUM(CASE WHEN side = 'debit' AND ${lo} AND ${hi} THEN open_fen ELSE 0 END) AS b${k}`;
  }).join(', ');
  const src = openItemsSource(asOfIsNow, customerFilter);
  return db
    .prepare(
      `SELECT customer_id,
         SUM(CASE WHEN side = 'debit' THEN open_fen ELSE 0 END) AS open_fen,
         SUM(CASE WHEN side = 'credit' THEN open_fen ELSE 0 END) AS prepay_fen,
         MIN(CASE WHEN side = 'debit' THEN business_date END) AS oldest,
         SUM(CASE WHEN side = 'debit' AND ${DUE_DATE_SQL} < @asOf THEN open_fen ELSE 0 END) AS overdue_fen,
         ${bucketCols}
       FROM (${src}) GROUP BY customer_id`,
    )
    .all(args) as AgingAggregate[];
}

/** Customers by code: those of `customerIds`, or every customer when it is not given. */
export function customersIn(db: ReadableDB, customerIds?: number[]): CustomerRow[] {
  return db
    .prepare(`SELECT ${CUSTOMER_COLS} FROM customers ${customerIds ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''} ORDER BY code`)
    .all(...(customerIds ? [JSON.stringify(customerIds)] : [])) as CustomerRow[];
}

/** The customers of `ids`, by code. */
export function customersByIds(db: ReadableDB, ids: number[]): CustomerRow[] {
  return db
    .prepare(`SELECT ${CUSTOMER_COLS} FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code`)
    .all(JSON.stringify(ids)) as CustomerRow[];
}
