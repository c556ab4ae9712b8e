// Expense claims (费用报销): any staff member files a claim; the manager approves it with the PIN;
// finance pays it from cash (现付); a claim may be voided, a paid one with a red voucher (红字).
// The manager sets a monthly budget per category (费用预算); the report sets it against what was paid.

import type { ReadableDB, WritableDB } from '../../store/db';
import type { Role } from '../../../shared/roles';
import type { ExpenseClaim, ExpenseState } from '../../../shared/contract';
import { appendJournal, nextVoucherNo, reverseJournal, type BookCtx, type JournalDbRow } from '../../ledger/journal';
import { insertRedSettlement, liveClaimSettlement } from '../advances/repo';
import { journalViewById } from '../cash/repo';
import {
  budgetsOfMonth,
  categories,
  claimRow,
  type ClaimRow,
  claimView,
  insertCategory,
  insertClaim,
  claimPage,
  markApproved,
  markPaid,
  markVoid,
  paidByCategory,
  paymentOf,
  pendingByCategory,
  upsertBudget,
  userName,
} from './repo';
import {
  requireCategory,
  requireClaimant,
  requireClaimState,
  requireMayClaimFor,
  requireMayVoid,
  requireNewCategory,
  requireNotOwnClaim,
  seesAllClaims,
} from './rules';

export function addCategory(db: WritableDB, name: string, nameEn: string, nowIso: string) {
  requireNewCategory(db, name);
  insertCategory(db, name, nameEn, nowIso);
  return categories(db).find((c) => c.name === name)!;
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
  requireClaimant(db, claimant);
  const no = nextVoucherNo(db, 'BX', b.businessDate);
  const id = insertClaim(db, { ...q, no, claimantId: claimant, businessDate: b.businessDate, createdBy: b.userId, at: b.nowIso });
  return claimView(db, id);
}

export function approveClaim(db: WritableDB, id: number, manager: { id: number; name: string }, nowIso: string): ExpenseClaim {
  const r = claimRow(db, id);
  requireClaimState(r, 'approve');
  requireNotOwnClaim(r, manager);
  markApproved(db, r.id, manager.id, nowIso);
  return claimView(db, r.id);
}

export function payClaim(b: BookCtx, id: number) {
  const { db } = b;
  const r = claimRow(db, id);
  requireClaimState(r, 'pay');
  const j = payClaimCash(b, r, r.amount_fen)!;
  return { claim: claimView(db, r.id), voucher: journalViewById(db, j.id) };
}

/**
 * The claim paid: `amountFen` in cash (现付) — all of it, or what an advance (借支) did not cover,
 * `note` saying so — or no cash at all when an advance covered it whole. Returns the voucher row.
 */
export function payClaimCash(b: BookCtx, r: ClaimRow, amountFen: number, note = ''): JournalDbRow | null {
  const j =
    amountFen > 0
      ? appendJournal(b, {
          account: 'cash',
          direction: 'out',
          amountFen,
          cause: 'expense',
          contraKind: 'expense',
          expenseId: r.id,
          summary: `报销 ${r.category} ${r.no} ${userName(b.db, r.claimant_id)}: ${r.summary}${note}`,
        })
      : null;
  markPaid(b.db, r.id, b.userId, b.nowIso, b.businessDate);
  return j;
}

export function voidClaim(b: BookCtx, actorRoles: readonly Role[], id: number, reason: string): ExpenseClaim {
  const { db } = b;
  const r = claimRow(db, id);
  requireClaimState(r, 'void');
  requireMayVoid(r, actorRoles, b.userId);
  if (r.state === 'paid') {
    const pay = paymentOf(db, r.id);
    if (pay) reverseJournal(b, pay, `冲销 ${pay.summary}: ${reason}`);
    // applied against an advance (借支): the person owes that part again
    const applied = liveClaimSettlement(db, r.id);
    if (applied) insertRedSettlement(b, applied, null);
  }
  markVoid(db, r.id, b.userId, b.nowIso, reason);
  return claimView(db, r.id);
}

/** A page of claims: every claim for finance, the manager and the statistician, else the viewer's own. */
export function listClaims(
  db: ReadableDB,
  viewer: { id: number; roles: readonly Role[] },
  q: { state?: ExpenseState; category?: string; claimantId?: number; from?: string; to?: string; limit: number; offset: number },
) {
  return claimPage(db, { ...q, me: seesAllClaims(viewer.roles) ? undefined : viewer.id });
}

// ------------------------------------------------------------------ budgets

export function setBudget(db: WritableDB, q: { month: string; category: string; amountFen: number }, by: { id: number; name: string }, nowIso: string) {
  requireCategory(db, q.category);
  upsertBudget(db, q, by.id, nowIso);
  return { month: q.month, category: q.category, amountFen: q.amountFen, setBy: by, setAt: nowIso };
}

export function budgetReport(db: ReadableDB, month: string) {
  const from = `${month}-01`;
  const to = `${month}-31`;
  const budgets = budgetsOfMonth(db, month);
  // actual: cash paid for claims in the month, by the date of payment (a red reversal counts in its own month)
  const paid = paidByCategory(db, from, to);
  const pending = pendingByCategory(db, from, to);
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
