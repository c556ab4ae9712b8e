// The rules of receivables.* beside the contract's `access`: what a collection or a prepayment may
// be applied to. An allocation chosen by hand names open credit sales of that customer, each within
// what the slip has open, together within what is available. Rules read; they never write.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { openAmount, type ItemDbRow } from '../../ledger/journal';
import { customerRef, liveDebitOfSlip, slipNo } from './repo';

export interface HandAllocation {
  debit: ItemDbRow;
  amount: number;
}

/** The live credit sale of a slip on this customer's account; anything else is refused. */
export function openDebitOf(db: ReadableDB, customerId: number, slipId: number): ItemDbRow {
  const row = liveDebitOfSlip(db, slipId);
  if (!row || row.customer_id !== customerId) {
    const no = slipNo(db, slipId) ?? String(slipId);
    fail('not_open_receivable', { slipNo: no, customer: customerRef(db, customerId).name });
  }
  return row;
}

/** Allocations chosen by hand: summed per slip, each within what the slip has open, the total within what is available. */
export function checkHandAllocations(
  db: ReadableDB,
  customerId: number,
  allocations: { slipId: number; amountFen: number }[],
  availableFen: number,
): HandAllocation[] {
  const perSlip = new Map<number, number>();
  for (const a of allocations) perSlip.set(a.slipId, (perSlip.get(a.slipId) ?? 0) + a.amountFen);
  const total = [...perSlip.values()].reduce((s, x) => s + x, 0);
  if (total > availableFen) fail('allocation_exceeds_amount', { availableFen, allocatedFen: total });
  const out: HandAllocation[] = [];
  for (const [slipId, amount] of perSlip) {
    const debit = openDebitOf(db, customerId, slipId);
    if (openAmount(debit) < amount) fail('allocation_exceeds_open', { slipNo: slipNo(db, slipId) ?? '', openFen: openAmount(debit), amountFen: amount });
    out.push({ debit, amount });
  }
  return out;
}

/** receivables.apply needs an open prepayment or credit note. */
export function requireSomethingToApply(availableFen: number, customerName: string): void {
  if (availableFen === 0) fail('nothing_to_apply', { customer: customerName });
}

/** A promised payment date (承诺付款日) is today or later. */
export function requirePromiseAhead(promisedDate: string | null, today: string): void {
  if (promisedDate !== null && promisedDate < today) fail('promised_date_past', { promisedDate, today });
}

/** A settled credit sale has nothing left to chase. */
export function requireStillOpen(db: ReadableDB, debit: ItemDbRow): void {
  if (openAmount(debit) > 0) return;
  fail('not_open_receivable', { slipNo: slipNo(db, debit.slip_id) ?? '', customer: customerRef(db, debit.customer_id).name });
}
