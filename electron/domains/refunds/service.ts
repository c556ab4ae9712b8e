// Pending refunds (待付退款): the slips service makes one when a posted slip owes a customer money
// back (money.ts: a return refunded in cash or a channel, the unshipped part of a short-picked cash
// sale); the finance supervisor pays it with the PIN — a 现付/银付 journal row on the business day of
// the confirmation, signed with the office key — and a reversal of the slip before that cancels it.

import type { MoneyAccount, Refund, RefundCause } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { appendJournal, type BookCtx } from '../../ledger/journal';
import { signWithOfficeKey } from '../../ledger/officeKey';
import { journalViewById } from '../cash/repo';
import { insertRefund, markCancelled, markPaid, pendingTotals, refundOfSlip, refundPage, refundRow, refundView, slipOf, type RefundFilter } from './repo';
import { requireNotPoster, requirePending } from './rules';

export interface RefundOwed {
  slipId: number;
  customerId: number;
  cause: RefundCause;
  account: MoneyAccount;
  amountFen: number;
  summary: string;
}

/** A posted slip owes the customer money back: it waits for finance (no money moves yet). */
export function createRefund(b: BookCtx, r: RefundOwed): number {
  return insertRefund(b.db, {
    slip_id: r.slipId,
    customer_id: r.customerId,
    cause: r.cause,
    account: r.account,
    amount_fen: r.amountFen,
    summary: r.summary,
    business_date: b.businessDate,
    created_by: b.userId,
    created_at: b.nowIso,
  });
}

/** The slip is reversed before finance paid its refund: the refund is cancelled, nothing moved. */
export function cancelPendingRefund(b: BookCtx, slipId: number, reason: string): void {
  const r = refundOfSlip(b.db, slipId);
  if (r?.state === 'pending') markCancelled(b.db, r.id, { by: b.userId, at: b.nowIso, date: b.businessDate, reason });
}

/** What the refund's signature signs: the slip, the amount, the account, who confirmed it and when. */
export function refundPayload(slipNo: string, amountFen: number, account: MoneyAccount, userName: string, at: string): string {
  return `branch-desk:refund-confirmation:v1\n${slipNo}\n${amountFen}\n${account}\n${userName}\n${at}`;
}

/** Finance pays a pending refund: once, not by whoever posted the slip; the cash box cannot go below zero. */
export function confirmRefund(b: BookCtx, id: number, confirmer: { id: number; name: string }) {
  const { db } = b;
  const r = refundRow(db, id);
  requirePending(db, r);
  requireNotPoster(db, r, confirmer);
  const j = appendJournal(b, {
    account: r.account,
    direction: 'out',
    amountFen: r.amount_fen,
    cause: r.cause,
    contraKind: 'slip',
    slipId: r.slip_id,
    customerId: r.customer_id,
    summary: r.summary,
  });
  const signature = signWithOfficeKey(db, refundPayload(slipOf(db, r.slip_id).no, r.amount_fen, r.account, confirmer.name, b.nowIso));
  markPaid(db, r.id, { by: confirmer.id, at: b.nowIso, date: b.businessDate, signature, journalId: j.id });
  return { refund: refundView(db, r.id), voucher: journalViewById(db, j.id) };
}

export function listRefunds(db: ReadableDB, f: RefundFilter): { rows: Refund[]; total: number; pendingCount: number; pendingFen: number } {
  const t = pendingTotals(db);
  return { ...refundPage(db, f), pendingCount: t.count, pendingFen: t.amountFen };
}
