// The rules of expenses.* beside the contract's `access`: whose claim a user may enter, who may
// void a claim in each state, who sees every claim rather than their own, which state a claim must
// be in for each step (claimed → approved → paid; void from any but void), and which categories a
// claim or budget may name. Rules read; they never write.

import { fail } from '../../../shared/errors';
import { ROLE_ZH, type Role } from '../../../shared/roles';
import { EXPENSE_STATE_ZH, type ExpenseState } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { categoryActive, categoryExists, userExists } from './repo';

/** These roles see every claim; anyone else sees their own. */
export const EXPENSE_READERS: readonly Role[] = ['finance', 'manager', 'statistician'];

export function seesAllClaims(roles: readonly Role[]): boolean {
  return roles.some((r) => EXPENSE_READERS.includes(r));
}

/** A claim for someone else is entered by finance or the manager. */
export function requireMayClaimFor(roles: readonly Role[], claimantId: number, userId: number): void {
  if (claimantId !== userId && !roles.some((r) => r === 'finance' || r === 'manager'))
    fail('forbidden', { method: 'expenses.create', roles: [ROLE_ZH.finance, ROLE_ZH.manager] });
}

/** No one approves their own claim: the manager's PIN on a claim must not be the claimant's. */
export function requireNotOwnClaim(r: { no: string; claimant_id: number }, approver: { id: number; name: string }): void {
  if (r.claimant_id === approver.id) fail('self_approval_expense', { no: r.no, user: approver.name });
}

/** A claimed claim: finance, the manager or the claimant; approved: finance or the manager; paid: finance only. */
export function requireMayVoid(claim: { state: ExpenseState; claimant_id: number }, roles: readonly Role[], userId: number): void {
  const isFinance = roles.includes('finance');
  const isManager = roles.includes('manager');
  const allowed =
    claim.state === 'claimed' ? isFinance || isManager || claim.claimant_id === userId : claim.state === 'approved' ? isFinance || isManager : isFinance;
  if (!allowed)
    fail('forbidden', {
      method: 'expenses.void',
      roles: claim.state === 'paid' ? [ROLE_ZH.finance] : [ROLE_ZH.finance, ROLE_ZH.manager, ...(claim.state === 'claimed' ? ['报销人本人'] : [])],
    });
}

// ------------------------------------------------------------------ the claim's states

const ACTION = {
  approve: ['审批', 'approved'],
  pay: ['付款', 'paid'],
  void: ['作废', 'voided'],
} as const;

/** The state each step starts from: approve a claimed claim, pay an approved one, void any not void. */
const MAY: Record<keyof typeof ACTION, (s: ExpenseState) => boolean> = {
  approve: (s) => s === 'claimed',
  pay: (s) => s === 'approved',
  void: (s) => s !== 'void',
};

export function requireClaimState(r: { no: string; state: ExpenseState }, action: keyof typeof ACTION): void {
  if (!MAY[action](r.state))
    fail('expense_state', { no: r.no, state: r.state, state_zh: EXPENSE_STATE_ZH[r.state], action: ACTION[action][1], action_zh: ACTION[action][0] });
}

// ------------------------------------------------------------------ categories and claimants

/** A claim or a budget names an active category. */
export function requireCategory(db: ReadableDB, name: string): void {
  const c = categoryActive(db, name);
  if (!c || c.active !== 1) fail('unknown_category', { category: name });
}

/** A new category's name is not taken. */
export function requireNewCategory(db: ReadableDB, name: string): void {
  if (categoryExists(db, name)) fail('duplicate', { what: 'expense category', what_zh: '费用类别', key: name });
}

/** The claimant is a user of the office. */
export function requireClaimant(db: ReadableDB, id: number): void {
  if (!userExists(db, id)) fail('not_found', { what: 'user', what_zh: '用户', key: id });
}
