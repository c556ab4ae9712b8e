// Advances to staff (借支): finance pays a person from a money account with the manager's approval
// (a 现付/银付 row, cause 'advance'); the person owes it until settled (核销) by their approved
// expense claims — the part up to what is open moves no money, a claim beyond it is paid out as
// usual — and by money returned (a 现收/银收 row, cause 'advance_return'). A settlement or the
// advance is undone by red rows; nothing is changed or deleted.

import type { Advance, MoneyAccount, OpenAdvance } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { appendJournal, journalRow, nextVoucherNo, reverseJournal, type BookCtx } from '../../ledger/journal';
import { journalViewById } from '../cash/repo';
import { claimRow, claimView, userName } from '../expenses/repo';
import { requireClaimState } from '../expenses/rules';
import { payClaimCash } from '../expenses/service';
import {
  advancePage,
  advanceRow,
  advanceView,
  balancesOf,
  insertAdvance,
  insertRedSettlement,
  insertSettlement,
  LIVE,
  openAsOf,
  payoutJournalId,
  settlementRow,
  type AdvanceFilter,
} from './repo';
import { requireActivePerson, requireNotOwnAdvance, requireOpen, requireReversible, requireSamePerson, requireStanding, requireWithinOpen } from './rules';

type Person = { id: number; name: string };

export function createAdvance(b: BookCtx, q: { personId: number; account: MoneyAccount; amountFen: number; purpose: string }, approver: Person) {
  const { db } = b;
  const person = requireActivePerson(db, q.personId);
  requireNotOwnAdvance(person.id, approver);
  const no = nextVoucherNo(db, 'JZ', b.businessDate);
  const id = insertAdvance(db, {
    no,
    person_id: person.id,
    account: q.account,
    amount_fen: q.amountFen,
    purpose: q.purpose,
    business_date: b.businessDate,
    approved_by: approver.id,
    created_by: b.userId,
    created_at: b.nowIso,
  });
  const j = appendJournal(b, {
    account: q.account,
    direction: 'out',
    amountFen: q.amountFen,
    cause: 'advance',
    contraKind: 'advance',
    advanceId: id,
    summary: `借支 ${no} ${person.name}: ${q.purpose} (经理 ${approver.name} 批准)`,
  });
  return { advance: advanceView(db, id, b.businessDate), voucher: journalViewById(db, j.id) };
}

/** An approved claim of the advance's person settles it: no money for the part up to what is open; the rest paid out. */
export function applyClaim(b: BookCtx, advanceId: number, claimId: number) {
  const { db } = b;
  const a = advanceView(db, advanceId, b.businessDate);
  requireOpen(a);
  const claim = claimRow(db, claimId);
  requireSamePerson(a, claim, userName(db, claim.claimant_id));
  requireClaimState(claim, 'pay');
  const appliedFen = Math.min(claim.amount_fen, a.openFen);
  insertSettlement(b, { advanceId, kind: 'claim', amountFen: appliedFen, expenseId: claim.id });
  const excess = claim.amount_fen - appliedFen;
  const j = payClaimCash(b, claim, excess, ` (借支 ${a.no} 核销 ${(appliedFen / 100).toFixed(2)} 元后补付)`);
  return { advance: advanceView(db, advanceId, b.businessDate), claim: claimView(db, claim.id), voucher: j ? journalViewById(db, j.id) : null };
}

/** The person returns money against an open advance, no more than is open. */
export function returnCash(b: BookCtx, advanceId: number, account: MoneyAccount, amountFen: number) {
  const { db } = b;
  const a = advanceView(db, advanceId, b.businessDate);
  requireOpen(a);
  requireWithinOpen(a, amountFen);
  const j = appendJournal(b, {
    account,
    direction: 'in',
    amountFen,
    cause: 'advance_return',
    contraKind: 'advance',
    advanceId,
    summary: `借支退回 ${a.no} ${a.person.name}`,
  });
  insertSettlement(b, { advanceId, kind: 'cash', amountFen, journalId: j.id });
  return { advance: advanceView(db, advanceId, b.businessDate), voucher: journalViewById(db, j.id) };
}

/** The red row of a cash return (its red voucher too); a claim's settlement is undone by voiding the claim (expenses.voidClaim). */
export function reverseCashSettlement(b: BookCtx, settlementId: number, reason: string): Advance {
  const { db } = b;
  const s = settlementRow(db, settlementId);
  const a = advanceRow(db, s.advance_id);
  requireStanding(db, s, a.no);
  const original = journalRow(db, s.journal_id!);
  const red = reverseJournal(b, original, `冲销 ${original.summary}: ${reason}`);
  insertRedSettlement(b, s, red.id);
  return advanceView(db, a.id, b.businessDate);
}

/** An advance paid in error: its payment gets a red voucher, only while no settlement of it stands. */
export function reverseAdvance(b: BookCtx, advanceId: number, reason: string) {
  const { db } = b;
  const a = advanceView(db, advanceId, b.businessDate);
  requireReversible(db, a);
  const payout = journalRow(db, payoutJournalId(db, a.id));
  const red = reverseJournal(b, payout, `冲销 ${payout.summary}: ${reason}`);
  return { advance: advanceView(db, advanceId, b.businessDate), voucher: journalViewById(db, red.id) };
}

export function listAdvances(db: ReadableDB, today: string, f: AdvanceFilter) {
  return { ...advancePage(db, today, f), balances: balancesOf(openAsOf(db, LIVE, today)) };
}

/**
 * The advances still open at the end of `asOfDay` — paid by then and neither settled nor reversed
 * by then — with what each person owed and its age in days: the close of day lists them, the month
 * pack lists them at the month's end.
 */
export function openAdvances(db: ReadableDB, asOfDay: string): OpenAdvance[] {
  return openAsOf(db, asOfDay);
}
