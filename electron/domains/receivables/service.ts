// Receivables (应收款): collections (回款) applied to slips by hand or oldest first, prepayments
// (预收) applied later, the per-customer ledger, aging (账龄) and the customer statement (对账单).

import { addDays } from '../../ledger/dates';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { MoneyAccount, OpenSlip } from '../../../shared/contract';
import { notFound } from '../errors';
import {
  allocate,
  appendEntry,
  appendJournal,
  applyCredit,
  customerBalance,
  openAmount,
  openCredits,
  type Applied,
  type BookCtx,
  type ItemDbRow,
} from '../../ledger/journal';
import { journalViewById } from '../cash/repo';
import { ENTRY_SELECT, entryView, entryViewById, type EntryJoined } from './repo';

interface CustomerRow {
  id: number;
  code: string;
  name: string;
  credit_limit_fen: number;
}

export function customerRef(db: ReadableDB, id: number) {
  const c = (sql(db, 'SELECT id, code, name, credit_limit_fen FROM customers WHERE id = ?').get(id) as CustomerRow | undefined) ?? notFound('customer', id);
  return { id: c.id, code: c.code, name: c.name, creditLimitFen: c.credit_limit_fen };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function slipNo(db: ReadableDB, id: number | null): string | null {
  return id == null ? null : ((sql(db, 'SELECT no FROM slips WHERE id = ?').pluck().get(id) as string | undefined) ?? null);
}

function appliedView(db: ReadableDB, a: Applied[]) {
  return a.map((x) => ({ slipId: x.slipId, slipNo: slipNo(db, x.slipId), amountFen: x.amountFen }));
}

/** The live credit sale of a slip on this customer's account (a slip has at most one). */
function debitOfSlip(db: ReadableDB, customerId: number, slipId: number): ItemDbRow {
  const row = sql(db, "SELECT * FROM receivable_items WHERE slip_id = ? AND side = 'debit' AND reversed = 0").get(slipId) as ItemDbRow | undefined;
  if (!row || row.customer_id !== customerId) {
    const no = slipNo(db, slipId) ?? String(slipId);
    fail('not_open_receivable', { slipNo: no, customer: customerRef(db, customerId).name });
  }
  return row;
}

/** Allocations chosen by hand: summed per slip, each within what the slip has open, the total within what is available. */
function checkHandAllocations(db: ReadableDB, customerId: number, allocations: { slipId: number; amountFen: number }[], availableFen: number) {
  const perSlip = new Map<number, number>();
  for (const a of allocations) perSlip.set(a.slipId, (perSlip.get(a.slipId) ?? 0) + a.amountFen);
  const total = [...perSlip.values()].reduce((s, x) => s + x, 0);
  if (total > availableFen) fail('allocation_exceeds_amount', { availableFen, allocatedFen: total });
  const out: { debit: ItemDbRow; amount: number }[] = [];
  for (const [slipId, amount] of perSlip) {
    const debit = debitOfSlip(db, customerId, slipId);
    if (openAmount(debit) < amount) fail('allocation_exceeds_open', { slipNo: slipNo(db, slipId) ?? '', openFen: openAmount(debit), amountFen: amount });
    out.push({ debit, amount });
  }
  return out;
}

export function collect(
  b: BookCtx,
  q: { customerId: number; account: MoneyAccount; amountFen: number; allocations?: { slipId: number; amountFen: number }[]; memo: string },
) {
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
  let applied: Applied[];
  if (hand) {
    applied = [];
    for (const h of hand) {
      allocate(b, h.debit.entry_id, entry.id, h.amount);
      applied.push({ debitEntryId: h.debit.entry_id, slipId: h.debit.slip_id, amountFen: h.amount });
    }
  } else applied = applyCredit(b, entry.id);
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

/** Apply prepayments and credit notes to open slips: by hand, or oldest credit to oldest slip. */
export function apply(b: BookCtx, q: { customerId: number; allocations?: { slipId: number; amountFen: number }[] }) {
  const { db } = b;
  const customer = customerRef(db, q.customerId);
  const credits = openCredits(db, customer.id);
  const available = credits.reduce((s, c) => s + openAmount(c), 0);
  if (available === 0) fail('nothing_to_apply', { customer: customer.name });
  const applied: Applied[] = [];
  if (q.allocations) {
    const hand = checkHandAllocations(db, customer.id, q.allocations, available);
    let ci = 0;
    for (const h of hand) {
      let left = h.amount;
      while (left > 0) {
        const c = sql(db, 'SELECT * FROM receivable_items WHERE entry_id = ?').get(credits[ci].entry_id) as ItemDbRow;
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
  } else {
    for (const c of credits) applied.push(...applyCredit(b, c.entry_id));
  }
  // the same slip may have been settled from several credits: show one line per slip
  const merged = new Map<number, Applied>();
  for (const a of applied) {
    const m = merged.get(a.debitEntryId);
    if (m) m.amountFen += a.amountFen;
    else merged.set(a.debitEntryId, { ...a });
  }
  return { allocations: appliedView(db, [...merged.values()]), prepaymentFen: prepaymentOf(db, customer.id), balanceFen: customerBalance(db, customer.id) };
}

// ------------------------------------------------------------------ open items as of a day

interface OpenItem {
  entry_id: number;
  customer_id: number;
  side: 'debit' | 'credit';
  slip_id: number | null;
  business_date: string;
  amount_fen: number;
  open_fen: number;
}

/**
 * The open items as they stood at the end of `asOf`: from the derived table when asOf is today or
 * later (an index read), else rebuilt from the entries and allocations dated up to asOf.
 */
function openItemsSource(asOfIsNow: boolean, customerFilter: string): string {
  if (asOfIsNow)
    return `SELECT entry_id, customer_id, side, slip_id, business_date, amount_fen, amount_fen - settled_fen AS open_fen
            FROM receivable_items WHERE reversed = 0 AND settled_fen < amount_fen ${customerFilter}`;
  return `SELECT * FROM (
      SELECT i.entry_id, i.customer_id, i.side, i.slip_id, i.business_date, i.amount_fen,
        i.amount_fen - COALESCE(CASE i.side
          WHEN 'debit' THEN (SELECT SUM(a.amount_fen) FROM receivable_allocations a WHERE a.debit_entry_id = i.entry_id AND a.business_date <= @asOf)
          ELSE (SELECT SUM(a.amount_fen) FROM receivable_allocations a WHERE a.credit_entry_id = i.entry_id AND a.business_date <= @asOf) END, 0) AS open_fen
      FROM receivable_items i
      WHERE i.business_date <= @asOf ${customerFilter}
        AND NOT EXISTS (SELECT 1 FROM receivable_entries r WHERE r.reverses_id = i.entry_id AND r.business_date <= @asOf)
    ) WHERE open_fen > 0`;
}

function openSlipsOf(db: ReadableDB, customerId: number, asOf: string, today: string): { slips: OpenSlip[]; prepaymentFen: number } {
  const src = openItemsSource(asOf >= today, 'AND customer_id = @customerId');
  const rows = db
    .prepare(`SELECT o.*, s.no AS slip_no FROM (${src}) o LEFT JOIN slips s ON s.id = o.slip_id ORDER BY o.business_date, o.entry_id`)
    .all({ asOf, customerId }) as (OpenItem & { slip_no: string | null })[];
  const slips: OpenSlip[] = [];
  let prepaymentFen = 0;
  for (const r of rows) {
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

function balanceBeforeDay(db: ReadableDB, customerId: number, date: string): number {
  return (
    (sql(db, 'SELECT balance_after_fen FROM receivable_entries WHERE customer_id = ? AND business_date < ? ORDER BY business_date DESC, id DESC LIMIT 1')
      .pluck()
      .get(customerId, date) as number | undefined) ?? 0
  );
}

function balanceAtEnd(db: ReadableDB, customerId: number, date: string): number {
  return (
    (sql(db, 'SELECT balance_after_fen FROM receivable_entries WHERE customer_id = ? AND business_date <= ? ORDER BY business_date DESC, id DESC LIMIT 1')
      .pluck()
      .get(customerId, date) as number | undefined) ?? 0
  );
}

export function ledger(db: ReadableDB, q: { customerId: number; from?: string; to?: string; limit: number; offset: number }) {
  const customer = customerRef(db, q.customerId);
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const total = sql(db, 'SELECT COUNT(*) FROM receivable_entries WHERE customer_id = ? AND business_date >= ? AND business_date <= ?')
    .pluck()
    .get(customer.id, from, to) as number;
  const rows = sql(db, `${ENTRY_SELECT} WHERE e.customer_id = ? AND e.business_date >= ? AND e.business_date <= ? ORDER BY e.business_date, e.id LIMIT ? OFFSET ?`).all(
    customer.id,
    from,
    to,
    q.limit,
    q.offset,
  ) as EntryJoined[];
  return {
    customer,
    openingFen: q.from ? balanceBeforeDay(db, customer.id, q.from) : 0,
    rows: rows.map(entryView),
    total,
    closingFen: balanceAtEnd(db, customer.id, to),
  };
}

export function statement(db: ReadableDB, q: { customerId: number; from: string; to: string }, today: string) {
  const customer = customerRef(db, q.customerId);
  const rows = (
    sql(db, `${ENTRY_SELECT} WHERE e.customer_id = ? AND e.business_date >= ? AND e.business_date <= ? ORDER BY e.business_date, e.id`).all(
      customer.id,
      q.from,
      q.to,
    ) as EntryJoined[]
  ).map(entryView);
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

export function aging(
  db: ReadableDB,
  q: { asOf?: string; buckets: number[]; customerIds?: number[]; includeSettled: boolean },
  today: string,
  opts: { forceHistorical?: boolean } = {},
) {
  const asOf = q.asOf ?? today;
  const bounds = [...new Set(q.buckets)].sort((a, b) => a - b);
  const buckets = [
    ...bounds.map((to, i) => ({ label: i === 0 ? `0–${to}天` : `${bounds[i - 1] + 1}–${to}天`, fromDays: i === 0 ? 0 : bounds[i - 1] + 1, toDays: to as number | null })),
    { label: `${bounds[bounds.length - 1]}天以上`, fromDays: bounds[bounds.length - 1] + 1, toDays: null },
  ];
  // age = asOf − date in days; bucket k holds ages up to bounds[k], i.e. dates on or after asOf − bounds[k]
  const cuts = bounds.map((d) => addDays(asOf, -d));
  const args: Record<string, unknown> = { asOf };
  cuts.forEach((c, i) => (args[`c${i}`] = c));
  let customerFilter = '';
  if (q.customerIds) {
    customerFilter = 'AND customer_id IN (SELECT value FROM json_each(@ids))';
    args.ids = JSON.stringify(q.customerIds);
  }
  const bucketCols = buckets
    .map((_, k) => {
      const lo = k < cuts.length ? `business_date >= @c${k}` : '1 = 1';
      const hi = k === 0 ? '1 = 1' : `business_date < @c${k - 1}`;
      return `SUM(CASE WHEN side = 'debit' AND ${lo} AND ${hi} THEN open_fen ELSE 0 END) AS b${k}`;
    })
    .join(', ');
  const src = openItemsSource(!opts.forceHistorical && asOf >= today, customerFilter);
  const agg = db
    .prepare(
      `SELECT customer_id,
         SUM(CASE WHEN side = 'debit' THEN open_fen ELSE 0 END) AS open_fen,
         SUM(CASE WHEN side = 'credit' THEN open_fen ELSE 0 END) AS prepay_fen,
         MIN(CASE WHEN side = 'debit' THEN business_date END) AS oldest,
         ${bucketCols}
       FROM (${src}) GROUP BY customer_id`,
    )
    .all(args) as Record<string, number | string | null>[];
  const byCustomer = new Map(agg.map((r) => [r.customer_id as number, r]));
  const customers = (
    q.includeSettled
      ? db
          .prepare(`SELECT id, code, name, credit_limit_fen FROM customers ${q.customerIds ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''} ORDER BY code`)
          .all(...(q.customerIds ? [JSON.stringify(q.customerIds)] : []))
      : db.prepare('SELECT id, code, name, credit_limit_fen FROM customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code').all(JSON.stringify([...byCustomer.keys()]))
  ) as CustomerRow[];
  const totals = { openFen: 0, prepaymentFen: 0, balanceFen: 0, buckets: buckets.map(() => 0) };
  const rows = customers.map((c) => {
    const r = byCustomer.get(c.id);
    const openFen = (r?.open_fen as number) ?? 0;
    const prepaymentFen = (r?.prepay_fen as number) ?? 0;
    const b = buckets.map((_, k) => (r ? (r[`b${k}`] as number) : 0));
    totals.openFen += openFen;
    totals.prepaymentFen += prepaymentFen;
    totals.balanceFen += openFen - prepaymentFen;
    b.forEach((x, k) => (totals.buckets[k] += x));
    return {
      customerId: c.id,
      code: c.code,
      name: c.name,
      creditLimitFen: c.credit_limit_fen,
      openFen,
      prepaymentFen,
      balanceFen: openFen - prepaymentFen,
      buckets: b,
      oldestDate: (r?.oldest as string | null) ?? null,
      overLimit: openFen - prepaymentFen > c.credit_limit_fen,
    };
  });
  return { asOf, buckets, rows, totals };
}
