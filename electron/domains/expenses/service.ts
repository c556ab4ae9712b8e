// Expense claims (费用报销): any staff member files a claim; the manager approves it with the PIN;
// finance pays it from cash (现付); a claim may be voided, a paid one with a red voucher (红字).
// The manager sets a monthly budget per category (费用预算); the report sets it against what was paid.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { requireMayClaimFor, requireMayVoid, seesAllClaims } from './rules';
import { EXPENSE_STATE_ZH, type ExpenseClaim, type ExpenseState } from '../../../shared/contract';
import { appendJournal, nextVoucherNo, reverseJournal, type BookCtx, type JournalDbRow } from '../../ledger/journal';
import { journalViewById } from '../cash/repo';


interface ClaimRow {
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
    (SELECT j.voucher_no FROM money_journal j WHERE j.expense_id = x.id AND j.reverses_id IS NULL ORDER BY j.id DESC LIMIT 1) AS voucher_no
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

export function claimView(db: ReadableDB, id: number): ExpenseClaim {
  const r = sql(db, `${CLAIM_SELECT} WHERE x.id = ?`).get(id) as Joined | undefined;
  if (!r) fail('not_found', { what: 'expense claim', what_zh: '报销单', key: id });
  return view(r);
}

function claimRow(db: ReadableDB, id: number): ClaimRow {
  return (sql(db, 'SELECT * FROM expense_claims WHERE id = ?').get(id) as ClaimRow | undefined) ?? fail('not_found', { what: 'expense claim', what_zh: '报销单', key: id });
}

const ACTION = {
  approve: ['审批', 'approved'],
  pay: ['付款', 'paid'],
  void: ['作废', 'voided'],
} as const;

function wrongState(r: ClaimRow, action: keyof typeof ACTION): never {
  fail('expense_state', { no: r.no, state: r.state, state_zh: EXPENSE_STATE_ZH[r.state], action: ACTION[action][1], action_zh: ACTION[action][0] });
}

// ------------------------------------------------------------------ categories

export function categories(db: ReadableDB) {
  return (sql(db, 'SELECT name, name_en, builtin, active FROM expense_categories ORDER BY sort, created_at, name').all() as {
    name: string;
    name_en: string;
    builtin: number;
    active: number;
  }[]).map((c) => ({ name: c.name, nameEn: c.name_en, builtin: c.builtin === 1, active: c.active === 1 }));
}

export function addCategory(db: WritableDB, name: string, nameEn: string, nowIso: string) {
  if (sql(db, 'SELECT 1 FROM expense_categories WHERE name = ?').get(name)) fail('duplicate', { what: 'expense category', what_zh: '费用类别', key: name });
  sql(db, 'INSERT INTO expense_categories (name, name_en, builtin, active, sort, created_at) VALUES (?, ?, 0, 1, 100, ?)').run(name, nameEn, nowIso);
  return categories(db).find((c) => c.name === name)!;
}

function requireCategory(db: ReadableDB, name: string): void {
  const c = sql(db, 'SELECT active FROM expense_categories WHERE name = ?').get(name) as { active: number } | undefined;
  if (!c || c.active !== 1) fail('unknown_category', { category: name });
}

// ------------------------------------------------------------------ claims

export function createClaim(
  b: BookCtx,
  actorRoles: readonly Role[],
  q: { category: string; amountFen: number; attachments: number; summary: string; claimantId?: number },
): ExpenseClaim {
  const { db } = b;
  requireCategory(db, q.category);
  const claimant = q.claimantId ?? b.userId;
  requireMayClaimFor(actorRoles, claimant, b.userId);
  const u = sql(db, 'SELECT active FROM users WHERE id = ?').get(claimant) as { active: number } | undefined;
  if (!u) fail('not_found', { what: 'user', what_zh: '用户', key: claimant });
  const no = nextVoucherNo(db, 'BX', b.businessDate);
  const info = sql(
    db,
    `INSERT INTO expense_claims (no, category, amount_fen, attachments, summary, claimant_id, state, business_date, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'claimed', ?, ?, ?)`,
  ).run(no, q.category, q.amountFen, q.attachments, q.summary, claimant, b.businessDate, b.userId, b.nowIso);
  return claimView(db, Number(info.lastInsertRowid));
}

export function approveClaim(db: WritableDB, id: number, manager: { id: number }, nowIso: string): ExpenseClaim {
  const r = claimRow(db, id);
  if (r.state !== 'claimed') wrongState(r, 'approve');
  sql(db, "UPDATE expense_claims SET state = 'approved', approved_by = ?, approved_at = ? WHERE id = ?").run(manager.id, nowIso, r.id);
  return claimView(db, r.id);
}

export function payClaim(b: BookCtx, id: number) {
  const { db } = b;
  const r = claimRow(db, id);
  if (r.state !== 'approved') wrongState(r, 'pay');
  const claimant = sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(r.claimant_id) as string;
  const j = appendJournal(b, {
    account: 'cash',
    direction: 'out',
    amountFen: r.amount_fen,
    cause: 'expense',
    contraKind: 'expense',
    expenseId: r.id,
    summary: `报销 ${r.category} ${r.no} ${claimant}: ${r.summary}`,
  });
  sql(db, "UPDATE expense_claims SET state = 'paid', paid_by = ?, paid_at = ?, paid_date = ? WHERE id = ?").run(b.userId, b.nowIso, b.businessDate, r.id);
  return { claim: claimView(db, r.id), voucher: journalViewById(db, j.id) };
}

export function voidClaim(b: BookCtx, actorRoles: readonly Role[], id: number, reason: string): ExpenseClaim {
  const { db } = b;
  const r = claimRow(db, id);
  if (r.state === 'void') wrongState(r, 'void');
  requireMayVoid(r, actorRoles, b.userId);
  if (r.state === 'paid') {
    const pay = sql(db, "SELECT * FROM money_journal WHERE expense_id = ? AND cause = 'expense' AND reverses_id IS NULL ORDER BY id DESC LIMIT 1").get(r.id) as
      | JournalDbRow
      | undefined;
    if (pay) reverseJournal(b, pay, `冲销 ${pay.summary}: ${reason}`);
  }
  sql(db, "UPDATE expense_claims SET state = 'void', voided_by = ?, voided_at = ?, void_reason = ? WHERE id = ?").run(b.userId, b.nowIso, reason, r.id);
  return claimView(db, r.id);
}

export function listClaims(
  db: ReadableDB,
  viewer: { id: number; roles: readonly Role[] },
  q: { state?: ExpenseState; category?: string; claimantId?: number; from?: string; to?: string; limit: number; offset: number },
) {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (!seesAllClaims(viewer.roles)) (where.push('x.claimant_id = @me'), (args.me = viewer.id));
  if (q.state) (where.push('x.state = @state'), (args.state = q.state));
  if (q.category) (where.push('x.category = @category'), (args.category = q.category));
  if (q.claimantId) (where.push('x.claimant_id = @claimant'), (args.claimant = q.claimantId));
  if (q.from) (where.push('x.business_date >= @from'), (args.from = q.from));
  if (q.to) (where.push('x.business_date <= @to'), (args.to = q.to));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const agg = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(x.amount_fen), 0) AS amount FROM expense_claims x ${w}`).get(args) as { n: number; amount: number };
  const rows = db.prepare(`${CLAIM_SELECT} ${w} ORDER BY x.id DESC LIMIT @limit OFFSET @offset`).all({ ...args, limit: q.limit, offset: q.offset }) as Joined[];
  return { rows: rows.map(view), total: agg.n, totalAmountFen: agg.amount };
}

// ------------------------------------------------------------------ budgets

export function setBudget(db: WritableDB, q: { month: string; category: string; amountFen: number }, by: { id: number; name: string }, nowIso: string) {
  requireCategory(db, q.category);
  sql(
    db,
    `INSERT INTO expense_budgets (month, category, amount_fen, set_by, set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (month, category) DO UPDATE SET amount_fen = excluded.amount_fen, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(q.month, q.category, q.amountFen, by.id, nowIso);
  return { month: q.month, category: q.category, amountFen: q.amountFen, setBy: by, setAt: nowIso };
}

export function budgetReport(db: ReadableDB, month: string) {
  const from = `${month}-01`;
  const to = `${month}-31`;
  const budgets = new Map(
    (sql(db, 'SELECT category, amount_fen FROM expense_budgets WHERE month = ?').all(month) as { category: string; amount_fen: number }[]).map((r) => [r.category, r.amount_fen]),
  );
  // actual: cash paid for claims in the month, by the date of payment (a red reversal counts in its own month)
  const paid = new Map(
    (
      sql(
        db,
        `SELECT x.category, SUM(j.amount_fen) AS amount FROM money_journal j JOIN expense_claims x ON x.id = j.expense_id
         WHERE j.cause = 'expense' AND j.business_date >= ? AND j.business_date <= ? GROUP BY x.category`,
      ).all(from, to) as { category: string; amount: number }[]
    ).map((r) => [r.category, r.amount]),
  );
  const pending = sql(
    db,
    `SELECT category, state, SUM(amount_fen) AS amount FROM expense_claims WHERE state IN ('claimed', 'approved') AND business_date >= ? AND business_date <= ?
     GROUP BY category, state`,
  ).all(from, to) as { category: string; state: string; amount: number }[];
  const approved = new Map(pending.filter((p) => p.state === 'approved').map((p) => [p.category, p.amount]));
  const claimed = new Map(pending.filter((p) => p.state === 'claimed').map((p) => [p.category, p.amount]));
  const names = categories(db)
    .filter((c) => c.active || budgets.has(c.name) || paid.has(c.name) || approved.has(c.name) || claimed.has(c.name))
    .map((c) => c.name);
  const totals = { budgetFen: 0, paidFen: 0, approvedFen: 0, claimedFen: 0 };
  const rows = names.map((category) => {
    const budgetFen = budgets.get(category) ?? null;
    const paidFen = paid.get(category) ?? 0;
    const approvedFen = approved.get(category) ?? 0;
    const claimedFen = claimed.get(category) ?? 0;
    totals.budgetFen += budgetFen ?? 0;
    totals.paidFen += paidFen;
    totals.approvedFen += approvedFen;
    totals.claimedFen += claimedFen;
    const remainingFen = budgetFen == null ? null : budgetFen - paidFen - approvedFen;
    return { category, budgetFen, paidFen, approvedFen, claimedFen, remainingFen, overBudget: remainingFen != null && remainingFen < 0 };
  });
  return { month, rows, totals };
}

