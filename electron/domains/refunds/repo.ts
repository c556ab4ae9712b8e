// All SQL of refunds.*: the refunds table (migration 0020) and the views the screens, the slip and
// the close of day read.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { MoneyAccount, Refund, RefundCause, RefundState, SlipRefund } from '../../../shared/contract';

export interface RefundRow {
  id: number;
  slip_id: number;
  customer_id: number;
  cause: RefundCause;
  account: MoneyAccount;
  amount_fen: number;
  summary: string;
  business_date: string;
  created_by: number;
  created_at: string;
  state: RefundState;
  confirmed_by: number | null;
  confirmed_at: string | null;
  paid_date: string | null;
  signature: string | null;
  journal_id: number | null;
  cancelled_by: number | null;
  cancelled_at: string | null;
  cancelled_date: string | null;
  cancel_reason: string | null;
}

export type NewRefund = Pick<
  RefundRow,
  'slip_id' | 'customer_id' | 'cause' | 'account' | 'amount_fen' | 'summary' | 'business_date' | 'created_by' | 'created_at'
>;

export function insertRefund(db: WritableDB, r: NewRefund): number {
  const info = sql(
    db,
    `INSERT INTO refunds (slip_id, customer_id, cause, account, amount_fen, summary, business_date, created_by, created_at)
     VALUES (@slip_id, @customer_id, @cause, @account, @amount_fen, @summary, @business_date, @created_by, @created_at)`,
  ).run(r);
  return Number(info.lastInsertRowid);
}

export function refundRow(db: ReadableDB, id: number): RefundRow {
  return (sql(db, 'SELECT * FROM refunds WHERE id = ?').get(id) as RefundRow | undefined) ?? fail('not_found', { what: 'refund', what_zh: '退款', key: id });
}

export function refundOfSlip(db: ReadableDB, slipId: number): RefundRow | undefined {
  return sql(db, 'SELECT * FROM refunds WHERE slip_id = ?').get(slipId) as RefundRow | undefined;
}

export function markPaid(db: WritableDB, id: number, p: { by: number; at: string; date: string; signature: string; journalId: number }): void {
  sql(db, "UPDATE refunds SET state = 'paid', confirmed_by = ?, confirmed_at = ?, paid_date = ?, signature = ?, journal_id = ? WHERE id = ?").run(
    p.by,
    p.at,
    p.date,
    p.signature,
    p.journalId,
    id,
  );
}

export function markCancelled(db: WritableDB, id: number, p: { by: number; at: string; date: string; reason: string }): void {
  sql(db, "UPDATE refunds SET state = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancelled_date = ?, cancel_reason = ? WHERE id = ?").run(
    p.by,
    p.at,
    p.date,
    p.reason,
    id,
  );
}

/** The slip a refund belongs to: its number, kind and who posted it. */
export function slipOf(db: ReadableDB, slipId: number): { no: string; kind: 'dispatch' | 'return'; posted_by: number | null } {
  return sql(db, 'SELECT no, kind, posted_by FROM slips WHERE id = ?').get(slipId) as { no: string; kind: 'dispatch' | 'return'; posted_by: number | null };
}

// ------------------------------------------------------------------ views

const VIEW_SELECT = `SELECT f.*, s.no AS slip_no, s.kind AS slip_kind, c.name AS customer_name, cu.name AS created_by_name,
    fu.name AS confirmed_by_name, j.voucher_no
  FROM refunds f JOIN slips s ON s.id = f.slip_id JOIN customers c ON c.id = f.customer_id JOIN users cu ON cu.id = f.created_by
  LEFT JOIN users fu ON fu.id = f.confirmed_by LEFT JOIN money_journal j ON j.id = f.journal_id`;

type Joined = RefundRow & {
  slip_no: string;
  slip_kind: 'dispatch' | 'return';
  customer_name: string;
  created_by_name: string;
  confirmed_by_name: string | null;
  voucher_no: string | null;
};

function view(r: Joined): Refund {
  return {
    id: r.id,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    slipKind: r.slip_kind,
    cause: r.cause,
    customerId: r.customer_id,
    customerName: r.customer_name,
    account: r.account,
    amountFen: r.amount_fen,
    summary: r.summary,
    date: r.business_date,
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: r.created_at,
    state: r.state,
    confirmedBy: r.confirmed_by == null ? null : { id: r.confirmed_by, name: r.confirmed_by_name! },
    confirmedAt: r.confirmed_at,
    paidDate: r.paid_date,
    voucherNo: r.voucher_no,
    journalId: r.journal_id,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

export function refundView(db: ReadableDB, id: number): Refund {
  return view(sql(db, `${VIEW_SELECT} WHERE f.id = ?`).get(id) as Joined);
}

/** What a slip shows of its refund, or null when it has none. */
export function slipRefundView(db: ReadableDB, slipId: number): SlipRefund | null {
  const r = sql(db, `${VIEW_SELECT} WHERE f.slip_id = ?`).get(slipId) as Joined | undefined;
  if (!r) return null;
  const v = view(r);
  return {
    id: v.id,
    state: v.state,
    amountFen: v.amountFen,
    account: v.account,
    voucherNo: v.voucherNo,
    confirmedBy: v.confirmedBy,
    confirmedAt: v.confirmedAt,
  };
}

export interface RefundFilter {
  state?: RefundState;
  customerId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Pending first (oldest first, the order finance pays them in), then the settled ones, newest first. */
export function refundPage(db: ReadableDB, f: RefundFilter): { rows: Refund[]; total: number } {
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.state) (where.push('f.state = @state'), (args.state = f.state));
  if (f.customerId) (where.push('f.customer_id = @customerId'), (args.customerId = f.customerId));
  if (f.from) (where.push('f.business_date >= @from'), (args.from = f.from));
  if (f.to) (where.push('f.business_date <= @to'), (args.to = f.to));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = sql(
    db,
    `${VIEW_SELECT} ${w}
     ORDER BY f.state <> 'pending', CASE WHEN f.state = 'pending' THEN f.id ELSE -f.id END LIMIT @limit OFFSET @offset`,
  ).all(args) as Joined[];
  const total = sql(db, `SELECT COUNT(*) FROM refunds f ${w}`).pluck().get(args) as number;
  return { rows: rows.map(view), total };
}

/** Every refund still waiting for finance: how many and how much. */
export function pendingTotals(db: ReadableDB): { count: number; amountFen: number } {
  return sql(db, "SELECT COUNT(*) AS count, COALESCE(SUM(amount_fen), 0) AS amountFen FROM refunds WHERE state = 'pending'").get() as {
    count: number;
    amountFen: number;
  };
}

/** The refunds made on or before a day that are still waiting for finance (the close of day lists them). */
export function pendingUpTo(db: ReadableDB, date: string): Refund[] {
  return (sql(db, `${VIEW_SELECT} WHERE f.state = 'pending' AND f.business_date <= ? ORDER BY f.id`).all(date) as Joined[]).map(view);
}
