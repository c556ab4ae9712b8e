// Receivables (应收款): collections (回款) applied to slips by hand or oldest first, and prepayments
// (预收) and credit notes applied later. What customers owe as the screens read it (open slips,
// ledger, statement, aging) is views.ts.

import type { ReadableDB } from '../../store/db';
import type { MoneyAccount } from '../../../shared/contract';
import {
  allocate,
  appendEntry,
  appendJournal,
  applyCredit,
  customerBalance,
  itemRow,
  openAmount,
  openCredits,
  type Applied,
  type BookCtx,
  type ItemDbRow,
} from '../../ledger/journal';
import { journalViewById } from '../cash/repo';
import { customerRef, entryViewById, slipNo } from './repo';
import { checkHandAllocations, requireSomethingToApply, type HandAllocation } from './rules';

type Allocations = { slipId: number; amountFen: number }[];

function appliedView(db: ReadableDB, a: Applied[]) {
  return a.map((x) => ({ slipId: x.slipId, slipNo: slipNo(db, x.slipId), amountFen: x.amountFen }));
}

/** Settle each slip chosen by hand from one credit (a collection). */
function allocateFrom(b: BookCtx, creditEntryId: number, hand: HandAllocation[]): Applied[] {
  const applied: Applied[] = [];
  for (const h of hand) {
    allocate(b, h.debit.entry_id, creditEntryId, h.amount);
    applied.push({ debitEntryId: h.debit.entry_id, slipId: h.debit.slip_id, amountFen: h.amount });
  }
  return applied;
}

export function collect(b: BookCtx, q: { customerId: number; account: MoneyAccount; amountFen: number; allocations?: Allocations; memo: string }) {
  const { db } = b;
  const customer = customerRef(db, q.customerId);
  const hand = q.allocations ? checkHandAllocations(db, customer.id, q.allocations, q.amountFen) : null;
  const voucher = appendJournal(b, {
    account: q.account,
    direction: 'in',
    amountFen: q.amountFen,
    cause: 'collection',
    contraKind: 'customer',
    customerId: customer.id,
    summary: `收回货款 ${customer.name}`,
    memo: q.memo,
  });
  const entry = appendEntry(b, {
    customerId: customer.id,
    kind: 'collection',
    amountFen: -q.amountFen,
    journalId: voucher.id,
    summary: `回款 ${voucher.voucher_no}`,
    memo: q.memo,
  });
  const applied = hand ? allocateFrom(b, entry.id, hand) : applyCredit(b, entry.id);
  const allocated = applied.reduce((s, a) => s + a.amountFen, 0);
  return {
    voucher: journalViewById(db, voucher.id),
    entry: entryViewById(db, entry.id),
    allocations: appliedView(db, applied),
    unallocatedFen: q.amountFen - allocated,
    balanceFen: customerBalance(db, customer.id),
  };
}

function prepaymentOf(db: ReadableDB, customerId: number): number {
  return openCredits(db, customerId).reduce((s, c) => s + openAmount(c), 0);
}

/** Settle each slip chosen by hand from the open credits, oldest credit first. */
function allocateFromCredits(b: BookCtx, credits: ItemDbRow[], hand: HandAllocation[]): Applied[] {
  const applied: Applied[] = [];
  let ci = 0;
  for (const h of hand) {
    let left = h.amount;
    while (left > 0) {
      const c = itemRow(b.db, credits[ci].entry_id) as ItemDbRow;
      const take = Math.min(left, openAmount(c));
      if (take === 0) {
        ci++;
        continue;
      }
      allocate(b, h.debit.entry_id, c.entry_id, take);
      left -= take;
    }
    applied.push({ debitEntryId: h.debit.entry_id, slipId: h.debit.slip_id, amountFen: h.amount });
  }
  return applied;
}

/** The same slip may have been settled from several credits: one line per slip. */
function mergePerSlip(applied: Applied[]): Applied[] {
  const merged = new Map<number, Applied>();
  for (const a of applied) {
    const m = merged.get(a.debitEntryId);
    if (m) m.amountFen += a.amountFen;
    else merged.set(a.debitEntryId, { ...a });
  }
  return [...merged.values()];
}

/** Apply prepayments and credit notes to open slips: by hand, or oldest credit to oldest slip. */
export function apply(b: BookCtx, q: { customerId: number; allocations?: Allocations }) {
  const { db } = b;
  const customer = customerRef(db, q.customerId);
  const credits = openCredits(db, customer.id);
  const available = credits.reduce((s, c) => s + openAmount(c), 0);
  requireSomethingToApply(available, customer.name);
  const applied: Applied[] = [];
  if (q.allocations) applied.push(...allocateFromCredits(b, credits, checkHandAllocations(db, customer.id, q.allocations, available)));
  else for (const c of credits) applied.push(...applyCredit(b, c.entry_id));
  return { allocations: appliedView(db, mergePerSlip(applied)), prepaymentFen: prepaymentOf(db, customer.id), balanceFen: customerBalance(db, customer.id) };
}
