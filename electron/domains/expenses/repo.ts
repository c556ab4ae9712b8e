// All SQL of expense claims (expense_claims), their categories (expense_categories) and the monthly
// budgets (expense_budgets), and the claim as the screens read it. The payment's journal rows are
// written by ledger/journal.ts.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { ExpenseClaim, ExpenseState } from '../../../shared/contract';
import type { JournalDbRow } from '../../ledger/journal';
import { appliedByCategory } from '../advances/repo';

export interface ClaimRow {
  id: number;
  no: string;
  category: string;
  amount_fen: number;
  attachments: number;
  summary: string;
  claimant_id: number;
  state: ExpenseState;
  business_date: string;
  created_by: number;
  created_at: string;
  approved_by: number | null;
  approved_at: string | null;
  paid_by: number | null;
  paid_at: string | null;
  paid_date: string | null;
  voided_by: number | null;
  voided_at: string | null;
  void_reason: string | null;
}

const CLAIM_SELECT = `SELECT x.*, cu.name AS claimant_name, cb.name AS created_name, ab.name AS approved_name, pb.name AS paid_name,
    COALESCE((SELECT j.voucher_no FROM money_journal j WHERE j.expense_id = x.id AND j.reverses_id IS NULL ORDER BY j.id DESC LIMIT 1),
      (SELECT a.no FROM advance_settlements st JOIN advances a ON a.id = st.advance_id WHERE st.expense_id = x.id AND st.reverses_id IS NULL
        ORDER BY st.id DESC LIMIT 1)) AS voucher_no
  FROM expense_claims x
  JOIN users cu ON cu.id = x.claimant_id
  JOIN users cb ON cb.id = x.created_by
  LEFT JOIN users ab ON ab.id = x.approved_by
  LEFT JOIN users pb ON pb.id = x.paid_by`;

type Joined = ClaimRow & { claimant_name: string; created_name: string; approved_name: string | null; paid_name: string | null; voucher_no: string | null };

function view(r: Joined): ExpenseClaim {
  const person = (id: number | null, name: string | null) => (id == null ? null : { id, name: name ?? '' });
  return {
    id: r.id,
    no: r.no,
    category: r.category,
    amountFen: r.amount_fen,
    attachments: r.attachments,
    summary: r.summary,
    claimant: { id: r.claimant_id, name: r.claimant_name },
    state: r.state,
    date: r.business_date,
    createdBy: { id: r.created_by, name: r.created_name },
    createdAt: r.created_at,
    approvedBy: person(r.approved_by, r.approved_name),
    approvedAt: r.approved_at,
    paidBy: person(r.paid_by, r.paid_name),
    paidAt: r.paid_at,
    paidDate: r.paid_date,
    voucherNo: r.voucher_no,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

// ------------------------------------------------------------------ claims

export function claimView(db: ReadableDB, id: number): ExpenseClaim {
  const r = sql(db, `${CLAIM_SELECT} WHERE x.id = ?`).get(id) as Joined | undefined;
  if (!r) fail('not_found', { what: 'expense claim', what_zh: '报销单', key: id });
  return view(r);
}

export function claimRow(db: ReadableDB, id: number): ClaimRow {
  return (
    (sql(db, 'SELECT * FROM expense_claims WHERE id = ?').get(id) as ClaimRow | undefined) ??
    fail('not_found', { what: 'expense claim', what_zh: '报销单', key: id })
  );
}

export function userExists(db: ReadableDB, id: number): boolean {
  return sql(db, 'SELECT active FROM users WHERE id = ?').get(id) !== undefined;
}

export function userName(db: ReadableDB, id: number): string {
  return sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string;
}

export function insertClaim(
  db: WritableDB,
  c: {
    no: string;
    category: string;
    amountFen: number;
    attachments: number;
    summary: string;
    claimantId: number;
    businessDate: string;
    createdBy: number;
    at: string;
  },
): number {
  const info = sql(
    db,
    `INSERT INTO expense_claims (no, category, amount_fen, attachments, summary, claimant_id, state, business_date, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'claimed', ?, ?, ?)`,
  ).run(c.no, c.category, c.amountFen, c.attachments, c.summary, c.claimantId, c.businessDate, c.createdBy, c.at);
  return Number(info.lastInsertRowid);
}

export function markApproved(db: WritableDB, id: number, managerId: number, at: string): void {
  sql(db, "UPDATE expense_claims SET state = 'approved', approved_by = ?, approved_at = ? WHERE id = ?").run(managerId, at, id);
}

export function markPaid(db: WritableDB, id: number, userId: number, at: string, businessDate: string): void {
  sql(db, "UPDATE expense_claims SET state = 'paid', paid_by = ?, paid_at = ?, paid_date = ? WHERE id = ?").run(userId, at, businessDate, id);
}

export function markVoid(db: WritableDB, id: number, userId: number, at: string, reason: string): void {
  sql(db, "UPDATE expense_claims SET state = 'void', voided_by = ?, voided_at = ?, void_reason = ? WHERE id = ?").run(userId, at, reason, id);
}

/** The claim's live cash payment (the latest that is not a red row). */
export function paymentOf(db: ReadableDB, claimId: number): JournalDbRow | undefined {
  return sql(db, "SELECT * FROM money_journal WHERE expense_id = ? AND cause = 'expense' AND reverses_id IS NULL ORDER BY id DESC LIMIT 1").get(claimId) as
    JournalDbRow | undefined;
}

export interface ClaimFilter {
  /** only this claimant's claims (a viewer who does not see every claim) */
  me?: number;
  state?: ExpenseState;
  category?: string;
  claimantId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** A page of claims, newest first, with the count and amount of all that match. */
export function claimPage(db: ReadableDB, q: ClaimFilter) {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (q.me != null) (where.push('x.claimant_id = @me'), (args.me = q.me));
  if (q.state) (where.push('x.state = @state'), (args.state = q.state));
  if (q.category) (where.push('x.category = @category'), (args.category = q.category));
  if (q.claimantId) (where.push('x.claimant_id = @claimant'), (args.claimant = q.claimantId));
  if (q.from) (where.push('x.business_date >= @from'), (args.from = q.from));
  if (q.to) (where.push('x.business_date <= @to'), (args.to = q.to));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const agg = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(x.amount_fen), 0) AS amount FROM expense_claims x ${w}`).get(args) as {
    n: number;
    amount: number;
  };
  const rows = db.prepare(`${CLAIM_SELECT} ${w} ORDER BY x.id DESC LIMIT @limit OFFSET @offset`).all({ ...args, limit: q.limit, offset: q.offset }) as Joined[];
  return { rows: rows.map(view), total: agg.n, totalAmountFen: agg.amount };
}

// ------------------------------------------------------------------ categories

export function categories(db: ReadableDB) {
  return (
    sql(db, 'SELECT name, name_en, builtin, active FROM expense_categories ORDER BY sort, created_at, name').all() as {
      name: string;
      name_en: string;
      builtin: number;
      active: number;
    }[]
  ).map((c) => ({ name: c.name, nameEn: c.name_en, builtin: c.builtin === 1, active: c.active === 1 }));
}

export function categoryExists(db: ReadableDB, name: string): boolean {
  return sql(db, 'SELECT 1 FROM expense_categories WHERE name = ?').get(name) !== undefined;
}

export function categoryActive(db: ReadableDB, name: string): { active: number } | undefined {
  return sql(db, 'SELECT active FROM expense_categories WHERE name = ?').get(name) as { active: number } | undefined;
}

export function insertCategory(db: WritableDB, name: string, nameEn: string, at: string): void {
  sql(db, 'INSERT INTO expense_categories (name, name_en, builtin, active, sort, created_at) VALUES (?, ?, 0, 1, 100, ?)').run(name, nameEn, at);
}

// ------------------------------------------------------------------ budgets

export function upsertBudget(db: WritableDB, b: { month: string; category: string; amountFen: number }, setBy: number, at: string): void {
  sql(
    db,
    `INSERT INTO expense_budgets (month, category, amount_fen, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (month, category) DO UPDATE SET amount_fen = excluded.amount_fen, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(b.month, b.category, b.amountFen, setBy, at);
}

export function budgetsOfMonth(db: ReadableDB, month: string): Map<string, number> {
  return new Map(
    (sql(db, 'SELECT category, amount_fen FROM expense_budgets WHERE month = ?').all(month) as { category: string; amount_fen: number }[]).map((r) => [
      r.category,
      r.amount_fen,
    ]),
  );
}

/** Paid for claims dated from–to per category: cash by the date of payment, a claim applied against an advance by the day applied (a red row counts on its own date). */
export function paidByCategory(db: ReadableDB, from: string, to: string): Map<string, number> {
  const paid = new Map<string, number>();
  const rows = sql(
    db,
    `SELECT x.category, SUM(j.amount_fen) AS amount FROM money_journal j JOIN expense_claims x ON x.id = j.expense_id
     WHERE j.cause = 'expense' AND j.business_date >= ? AND j.business_date <= ? GROUP BY x.category`,
  ).all(from, to) as { category: string; amount: number }[];
  // a claim applied against an advance (借支) was spent too, on the day it was applied
  for (const r of [...rows, ...appliedByCategory(db, from, to)]) paid.set(r.category, (paid.get(r.category) ?? 0) + r.amount);
  return paid;
}

/** Claims not yet paid (claimed or approved) dated from–to, per category and state. */
export function pendingByCategory(db: ReadableDB, from: string, to: string): { category: string; state: string; amount: number }[] {
  return sql(
    db,
    `SELECT category, state, SUM(amount_fen) AS amount FROM expense_claims WHERE state IN ('claimed', 'approved') AND business_date >= ? AND business_date <= ?
     GROUP BY category, state`,
  ).all(from, to) as { category: string; state: string; amount: number }[];
}
