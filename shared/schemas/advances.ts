// Advances to staff (借支 / 预领, advances.*): the finance supervisor pays a person cash (or from
// another money account) for a purpose — a trip, a purchase — approved by the manager's PIN (the
// manual: trips need the manager's approval and an advance settled on return). The advance is a
// receivable from that person until it is settled (核销): by the person's expense claims applied
// against it (no second cash movement for the applied part; a claim beyond what is open is paid out
// as usual) and by cash returned. Append-only: a settlement or the advance itself is undone by a
// red row (红字) pointing at it.

import { z } from 'zod';
import { DateStr, FINANCE, Id, MONEY_READERS, Name, Page, Person, PinSignoff, PosFen, method } from './common';
import { JournalRow, MoneyAccount } from './journal';
import { ExpenseClaim } from './expenses';

export const ADVANCE_STATES = ['open', 'settled', 'reversed'] as const;
export const AdvanceState = z.enum(ADVANCE_STATES);
export type AdvanceState = z.infer<typeof AdvanceState>;
export const ADVANCE_STATE_ZH: Record<AdvanceState, string> = { open: '未核销', settled: '已核销', reversed: '已冲销' };

export const SETTLEMENT_KINDS = ['claim', 'cash'] as const;
export const SettlementKind = z.enum(SETTLEMENT_KINDS);
export type SettlementKind = z.infer<typeof SettlementKind>;

/** One 核销: a claim applied or cash returned; a red one (reversesId) negates an earlier one. */
export const AdvanceSettlement = z.object({
  id: Id,
  advanceId: Id,
  kind: SettlementKind,
  /** positive; negative on a red row */
  amountFen: z.number().int(),
  claimId: Id.nullable(),
  claimNo: z.string().nullable(),
  /** the cash returned's 现收/银收 voucher (or its red one) */
  voucherNo: z.string().nullable(),
  date: z.string(),
  by: Person,
  at: z.string(),
  reversesId: Id.nullable(),
  reversedById: Id.nullable(),
  summary: z.string(),
});
export type AdvanceSettlement = z.infer<typeof AdvanceSettlement>;

export const Advance = z.object({
  id: Id,
  /** JZ + yyyyMMdd + serial */
  no: z.string(),
  person: Person,
  account: MoneyAccount,
  amountFen: z.number().int(),
  purpose: z.string(),
  /** the business day it was paid out */
  date: z.string(),
  approvedBy: Person,
  paidBy: Person,
  paidAt: z.string(),
  voucherNo: z.string(),
  /** claims applied, net of red rows */
  appliedFen: z.number().int(),
  /** cash returned, net of red rows */
  returnedFen: z.number().int(),
  /** still owed by the person (0 once settled or reversed) */
  openFen: z.number().int(),
  state: AdvanceState,
  /** days since it was paid out, to the day asked about */
  ageDays: z.number().int(),
  reversedVoucherNo: z.string().nullable(),
});
export type Advance = z.infer<typeof Advance>;

/** What each person still owes (open advances only). */
export const PersonBalance = z.object({ person: Person, count: z.number().int(), openFen: z.number().int(), oldestDate: z.string() });
export type PersonBalance = z.infer<typeof PersonBalance>;

/** An open advance as the close of day and the month pack list it. */
export const OpenAdvance = z.object({
  id: Id,
  no: z.string(),
  person: Person,
  purpose: z.string(),
  date: z.string(),
  amountFen: z.number().int(),
  openFen: z.number().int(),
  ageDays: z.number().int(),
});
export type OpenAdvance = z.infer<typeof OpenAdvance>;

const AdvanceAndVoucher = z.object({ advance: Advance, voucher: JournalRow });

export const advancesMethods = {
  'advances.list': method({
    input: z.object({ state: AdvanceState.optional(), personId: Id.optional(), from: DateStr.optional(), to: DateStr.optional(), ...Page }),
    output: z.object({ rows: z.array(Advance), total: z.number().int(), balances: z.array(PersonBalance) }),
    access: MONEY_READERS,
    write: false,
    doc: '借支: open advances first (oldest first), then settled and reversed, newest first; and what each person still owes.',
  }),
  'advances.get': method({
    input: z.object({ advanceId: Id }),
    output: z.object({ advance: Advance, settlements: z.array(AdvanceSettlement) }),
    access: MONEY_READERS,
    write: false,
    doc: 'One advance with its settlements (核销), red rows included.',
  }),
  'advances.create': method({
    input: z.object({ personId: Id, account: MoneyAccount.default('cash'), amountFen: PosFen, purpose: Name(200), manager: PinSignoff }),
    output: AdvanceAndVoucher,
    access: FINANCE,
    write: true,
    doc: 'Pay an advance (借支) to a person, approved by the manager’s PIN (not the person’s own): a 现付/银付 row today; the person owes it until settled.',
  }),
  'advances.applyClaim': method({
    input: z.object({ advanceId: Id, claimId: Id }),
    output: z.object({ advance: Advance, claim: ExpenseClaim, voucher: JournalRow.nullable() }),
    access: FINANCE,
    write: true,
    doc: 'Settle an advance by an approved expense claim of the same person: the part up to what is open moves no money; any excess is paid out (现付) as the claim’s payment.',
  }),
  'advances.returnCash': method({
    input: z.object({ advanceId: Id, account: MoneyAccount.default('cash'), amountFen: PosFen }),
    output: AdvanceAndVoucher,
    access: FINANCE,
    write: true,
    doc: 'Settle an advance by money the person returns (no more than is open): a 现收/银收 row today.',
  }),
  'advances.reverseSettlement': method({
    input: z.object({ settlementId: Id, reason: Name(200) }),
    output: z.object({ advance: Advance }),
    access: FINANCE,
    write: true,
    doc: 'Undo a settlement with a red row: cash returned gets a red voucher; an applied claim is voided (its excess payment reversed) and the advance owed again.',
  }),
  'advances.reverse': method({
    input: z.object({ advanceId: Id, reason: Name(200) }),
    output: AdvanceAndVoucher,
    access: FINANCE,
    write: true,
    doc: 'Reverse (红字) an advance paid in error: only with no settlement standing; a red voucher of its payment.',
  }),
} as const;
