// The rules of advances.* beside the contract's `access` (finance pays and settles, the manager and
// finance read): the manager's PIN approves an advance, never to the manager himself; it is paid to
// an active user; only an open advance is settled, by a claim of the same person or by cash no more
// than is open; a settlement is undone once; an advance is reversed only with no settlement
// standing. Rules read; they never write.

import { fail } from '../../../shared/errors';
import { ADVANCE_STATE_ZH, type Advance } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { isSettlementReversed, personOf, standingSettlements, type SettlementDbRow } from './repo';

export function requireActivePerson(db: ReadableDB, personId: number): { id: number; name: string } {
  const p = personOf(db, personId) ?? fail('not_found', { what: 'user', what_zh: '用户', key: personId });
  if (p.active !== 1) fail('advance_person_inactive', { field: 'personId', name: p.name });
  return { id: p.id, name: p.name };
}

/** 自己审批自己不行: the approving manager is not the person paid. */
export function requireNotOwnAdvance(personId: number, approver: { id: number; name: string }): void {
  if (personId === approver.id) fail('advance_self_approval', { field: 'manager', user: approver.name });
}

export function requireOpen(a: Advance): void {
  if (a.state !== 'open') fail('advance_not_open', { field: 'advanceId', no: a.no, state: a.state, state_zh: ADVANCE_STATE_ZH[a.state] });
}

export function requireWithinOpen(a: Advance, amountFen: number): void {
  if (amountFen > a.openFen) fail('advance_over_open', { field: 'amountFen', no: a.no, openFen: a.openFen, amountFen });
}

export function requireSamePerson(a: Advance, claim: { no: string; claimant_id: number }, claimantName: string): void {
  if (claim.claimant_id !== a.person.id)
    fail('advance_claim_person', { field: 'claimId', no: a.no, claimNo: claim.no, person: a.person.name, claimant: claimantName });
}

/** A settlement undone once, and never a red one. */
export function requireStanding(db: ReadableDB, s: SettlementDbRow, advanceNo: string): void {
  if (s.reverses_id !== null || isSettlementReversed(db, s.id)) fail('advance_settlement_reversed', { field: 'settlementId', no: advanceNo });
}

/** An advance is reversed whole: not twice, and not while a settlement of it stands. */
export function requireReversible(db: ReadableDB, a: Advance): void {
  if (a.state === 'reversed') fail('advance_not_open', { field: 'advanceId', no: a.no, state: a.state, state_zh: ADVANCE_STATE_ZH[a.state] });
  if (standingSettlements(db, a.id) > 0) fail('advance_has_settlements', { field: 'advanceId', no: a.no });
}
