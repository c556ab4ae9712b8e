// What customers owe as the screens and papers read it: the open slips (未收单据), the per-customer
// ledger (应收账款明细账), the customer statement (对账单) and aging (账龄). The queries are repo.ts.

import { addDays } from '../../ledger/dates';
import type { ReadableDB } from '../../store/db';
import type { OpenSlip } from '../../../shared/contract';
import { customerBalance } from '../../ledger/journal';
import {
  agingByCustomer,
  balanceAtEnd,
  balanceBeforeDay,
  countEntries,
  customerRef,
  customersByIds,
  customersIn,
  entriesBetween,
  entriesPage,
  openItemsOf,
  type AgingAggregate,
  type CustomerRow,
} from './repo';

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ------------------------------------------------------------------ open slips as of a day

/** 到期日 and days overdue of a sale dated `date` under `termsDays`, as of a day. */
export function dueOf(date: string, termsDays: number, asOf: string): { dueDate: string; overdueDays: number } {
  const dueDate = addDays(date, termsDays);
  return { dueDate, overdueDays: Math.max(0, daysBetween(dueDate, asOf)) };
}

function openSlipsOf(db: ReadableDB, customerId: number, asOf: string, today: string): { slips: OpenSlip[]; prepaymentFen: number } {
  const termsDays = customerRef(db, customerId).paymentTermsDays;
  const slips: OpenSlip[] = [];
  let prepaymentFen = 0;
  for (const r of openItemsOf(db, customerId, asOf, today)) {
    if (r.side === 'credit') {
      prepaymentFen += r.open_fen;
      continue;
    }
    slips.push({
      entryId: r.entry_id,
      slipId: r.slip_id,
      slipNo: r.slip_no,
      date: r.business_date,
      amountFen: r.amount_fen,
      settledFen: r.amount_fen - r.open_fen,
      openFen: r.open_fen,
      ageDays: daysBetween(r.business_date, asOf),
      ...dueOf(r.business_date, termsDays, asOf),
    });
  }
  return { slips, prepaymentFen };
}

export function openOf(db: ReadableDB, customerId: number, today: string) {
  const customer = customerRef(db, customerId);
  const { slips, prepaymentFen } = openSlipsOf(db, customer.id, today, today);
  const openFen = slips.reduce((s, x) => s + x.openFen, 0);
  return { customer, openSlips: slips, openFen, prepaymentFen, balanceFen: customerBalance(db, customer.id) };
}

// ------------------------------------------------------------------ ledger and statement

export function ledger(db: ReadableDB, q: { customerId: number; from?: string; to?: string; limit: number; offset: number }) {
  const customer = customerRef(db, q.customerId);
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const total = countEntries(db, customer.id, from, to);
  const rows = entriesPage(db, customer.id, from, to, q.limit, q.offset);
  return {
    customer,
    openingFen: q.from ? balanceBeforeDay(db, customer.id, q.from) : 0,
    rows,
    total,
    closingFen: balanceAtEnd(db, customer.id, to),
  };
}

export function statement(db: ReadableDB, q: { customerId: number; from: string; to: string }, today: string) {
  const customer = customerRef(db, q.customerId);
  const rows = entriesBetween(db, customer.id, q.from, q.to);
  let salesFen = 0;
  let collectionsFen = 0;
  let creditNotesFen = 0;
  for (const r of rows) {
    if (r.kind === 'sale') salesFen += r.debitFen ?? 0;
    else if (r.kind === 'collection') collectionsFen += r.creditFen ?? 0;
    else creditNotesFen += r.creditFen ?? 0;
  }
  const openingFen = balanceBeforeDay(db, customer.id, q.from);
  const { slips, prepaymentFen } = openSlipsOf(db, customer.id, q.to, today);
  return {
    customer,
    from: q.from,
    to: q.to,
    openingFen,
    rows,
    salesFen,
    collectionsFen,
    creditNotesFen,
    closingFen: openingFen + salesFen - collectionsFen - creditNotesFen,
    openSlips: slips,
    prepaymentFen,
  };
}

// ------------------------------------------------------------------ aging (账龄)

function agingBuckets(bounds: number[]) {
  return [
    ...bounds.map((to, i) => ({
      label: i === 0 ? `0–${to}天` : `${bounds[i - 1] + 1}–${to}天`,
      fromDays: i === 0 ? 0 : bounds[i - 1] + 1,
      toDays: to as number | null,
    })),
    { label: `${bounds[bounds.length - 1]}天以上`, fromDays: bounds[bounds.length - 1] + 1, toDays: null },
  ];
}

function agingRow(c: CustomerRow, r: AgingAggregate | undefined, bucketCount: number) {
  const openFen = (r?.open_fen as number) ?? 0;
  const prepaymentFen = (r?.prepay_fen as number) ?? 0;
  return {
    customerId: c.id,
    code: c.code,
    name: c.name,
    creditLimitFen: c.credit_limit_fen,
    openFen,
    prepaymentFen,
    balanceFen: openFen - prepaymentFen,
    buckets: Array.from({ length: bucketCount }, (_, k) => (r ? (r[`b${k}`] as number) : 0)),
    oldestDate: (r?.oldest as string | null) ?? null,
    overdueFen: (r?.overdue_fen as number) ?? 0,
    overLimit: openFen - prepaymentFen > c.credit_limit_fen,
  };
}

export function aging(
  db: ReadableDB,
  q: { asOf?: string; buckets: number[]; customerIds?: number[]; includeSettled: boolean },
  today: string,
  opts: { forceHistorical?: boolean } = {},
) {
  const asOf = q.asOf ?? today;
  const bounds = [...new Set(q.buckets)].sort((a, b) => a - b);
  const buckets = agingBuckets(bounds);
  // age = asOf − date in days; bucket k holds ages up to bounds[k], i.e. dates on or after asOf − bounds[k]
  const cuts = bounds.map((d) => addDays(asOf, -d));
  const agg = agingByCustomer(db, asOf, cuts, !opts.forceHistorical && asOf >= today, q.customerIds);
  const byCustomer = new Map(agg.map((r) => [r.customer_id as number, r]));
  const customers = q.includeSettled ? customersIn(db, q.customerIds) : customersByIds(db, [...byCustomer.keys()]);
  const totals = { openFen: 0, prepaymentFen: 0, balanceFen: 0, overdueFen: 0, buckets: buckets.map(() => 0) };
  const rows = customers.map((c) => {
    const row = agingRow(c, byCustomer.get(c.id), buckets.length);
    totals.openFen += row.openFen;
    totals.prepaymentFen += row.prepaymentFen;
    totals.balanceFen += row.balanceFen;
    totals.overdueFen += row.overdueFen;
    row.buckets.forEach((x, k) => (totals.buckets[k] += x));
    return row;
  });
  return { asOf, buckets, rows, totals };
}
