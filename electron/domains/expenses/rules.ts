// The rules of expenses.* beside the contract's `access`: whose claim a user may enter, who may
// void a claim in each state, and who sees every claim rather than their own.

import { fail } from '../../../shared/errors';
import { ROLE_ZH, type Role } from '../../../shared/roles';
import type { ExpenseState } from '../../../shared/contract';

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
