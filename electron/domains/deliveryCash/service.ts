// Cash collected on delivery (送货收款): the slips service puts a posted cash dispatch's shipped
// amount in transit when the carrier collects it; finance takes it from the carrier (the carrier's
// PIN) — a 现收 journal row on the business day of the hand-over; a reversal of the slip before that
// cancels it.

import type { DeliveryCash, InTransit } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { appendJournal, type BookCtx } from '../../ledger/journal';
import { journalViewById } from '../cash/repo';
import { deliveryCashOfSlip, deliveryCashPage, deliveryCashRow, deliveryCashView, inTransitOn, insertDeliveryCash, markCancelled, markHanded } from './repo';
import { requireCarrier, requireInTransit } from './rules';

/** A posted dispatch the carrier collects: its shipped amount goes into transit (no money in the books yet). */
export function putInTransit(b: BookCtx, r: { slipId: number; customerId: number; amountFen: number; summary: string }): void {
  if (r.amountFen <= 0) return;
  insertDeliveryCash(b.db, {
    slip_id: r.slipId,
    customer_id: r.customerId,
    amount_fen: r.amountFen,
    summary: r.summary,
    business_date: b.businessDate,
    created_by: b.userId,
    created_at: b.nowIso,
  });
}

/** The slip is reversed before the money came back: nothing moved in the books. */
export function cancelInTransit(b: BookCtx, slipId: number): void {
  const r = deliveryCashOfSlip(b.db, slipId);
  if (r?.state === 'pending') markCancelled(b.db, r.id, { at: b.nowIso, date: b.businessDate });
}

/** Whether a slip has money in transit (a reversal then needs finance's signature too). */
export function hasInTransit(db: ReadableDB, slipId: number): boolean {
  return deliveryCashOfSlip(db, slipId)?.state === 'pending';
}

export function confirmHandOver(b: BookCtx, id: number, carrier: { id: number; name: string }, taking: { id: number; name: string }) {
  const { db } = b;
  const r = deliveryCashRow(db, id);
  requireInTransit(db, r);
  requireCarrier(db, r, carrier, taking);
  const j = appendJournal(b, {
    account: 'cash',
    direction: 'in',
    amountFen: r.amount_fen,
    cause: 'sale',
    contraKind: 'slip',
    slipId: r.slip_id,
    customerId: r.customer_id,
    summary: `${r.summary} (承运人 ${carrier.name} 交回)`,
  });
  markHanded(db, r.id, { carrier: carrier.id, by: taking.id, at: b.nowIso, date: b.businessDate, journalId: j.id });
  return { deliveryCash: deliveryCashView(db, r.id), voucher: journalViewById(db, j.id) };
}

export function listDeliveryCash(
  db: ReadableDB,
  today: string,
  f: Parameters<typeof deliveryCashPage>[1],
): { rows: DeliveryCash[]; total: number; inTransit: InTransit[] } {
  return { ...deliveryCashPage(db, f), inTransit: inTransitOn(db, today) };
}
