// Helpers for the finance tests: the demo office with goods on the shelves, dispatches taken
// through the manager's and the finance supervisor's signatures, and quick looks at the books.

import { expect } from 'vitest';
import type { Input, MethodName, PaymentMode, Result, Slip } from '../../shared/contract';
import { verifyBooks } from '../../electron/domains/system/verify';
import { demoOffice, err, ok, type DemoOffice } from './index';

export type Who = keyof DemoOffice['tokens'];

export async function call<M extends MethodName>(o: DemoOffice, who: Who, m: M, input: Input<M>) {
  return o.core.call(m, input, { sessionToken: o.tokens[who] });
}

export async function must<M extends MethodName>(o: DemoOffice, who: Who, m: M, input: Input<M>) {
  return ok(await call(o, who, m, input));
}

export async function refused<M extends MethodName>(o: DemoOffice, who: Who, m: M, input: Input<M>) {
  return err(await call(o, who, m, input));
}

/** The demo office with every item used here on the shelf. */
/** The demo office with opening stock received on `stockedOn` (default: today, 2026-11-29).
 *  Postings never go back in time, so a test that works in earlier days stocks up before them. */
export async function financeOffice(stockedOn?: string): Promise<DemoOffice> {
  const o = await demoOffice();
  if (stockedOn) await dayAt(o, stockedOn);
  await receive(o, [
    ['CZ-8801', 200, 5200],
    ['CZ-8802', 200, 5850],
    ['WY-4001', 100, 1850],
    ['WY-1001', 20, 86500],
  ]);
  if (stockedOn) await dayAt(o, '2026-11-29');
  return o;
}

export async function receive(o: DemoOffice, lines: [code: string, qty: number, cost: number][]): Promise<Slip> {
  const s = await must(o, 'keeper', 'slips.create', {
    kind: 'inbound',
    supplierId: o.supplierId,
    deliveryNoteNo: `HQ-${Math.random().toString(36).slice(2, 8)}`,
    lines: lines.map(([code, qty, unitCostFen]) => ({ itemId: o.itemId(code), qty, unitCostFen })),
  });
  return must(o, 'keeper', 'slips.post', { slipId: s.id });
}

export type Line = [code: string, qty: number, priceFen?: number];

export async function draft(o: DemoOffice, customer: string, paymentMode: PaymentMode, lines: Line[]): Promise<Slip> {
  return must(o, 'sales', 'slips.create', {
    kind: 'dispatch',
    customerId: o.customerId(customer),
    paymentMode,
    lines: lines.map(([code, qty, priceFen]) => ({ itemId: o.itemId(code), qty, ...(priceFen != null ? { priceFen } : {}) })),
  });
}

export async function signManager(o: DemoOffice, slipId: number): Promise<Slip> {
  return must(o, 'sales', 'slips.sign', { slipId, role: 'manager', user: o.names.manager, pin: o.pins.manager });
}

export function signFinance(o: DemoOffice, slipId: number, creditOverride?: { user: string; pin: string }): Promise<Result<Slip>> {
  return call(o, 'sales', 'slips.sign', { slipId, role: 'finance', user: o.names.finance, pin: o.pins.finance, ...(creditOverride ? { creditOverride } : {}) });
}

/** A dispatch signed by the manager and by finance (its money recorded). */
export async function signedDispatch(o: DemoOffice, customer: string, mode: PaymentMode, lines: Line[], override = false): Promise<Slip> {
  const d = await draft(o, customer, mode, lines);
  await signManager(o, d.id);
  return ok(await signFinance(o, d.id, override ? managerPin(o) : undefined));
}

export async function postedDispatch(o: DemoOffice, customer: string, mode: PaymentMode, lines: Line[], override = false): Promise<Slip> {
  const d = await signedDispatch(o, customer, mode, lines, override);
  return must(o, 'keeper', 'slips.post', { slipId: d.id });
}

export function managerPin(o: DemoOffice) {
  return { user: o.names.manager, pin: o.pins.manager };
}

export async function returnOf(o: DemoOffice, d: Slip, mode: PaymentMode, qty: [lineIndex: number, qty: number][]): Promise<Slip> {
  const r = await must(o, 'sales', 'slips.create', {
    kind: 'return',
    sourceSlipId: d.id,
    paymentMode: mode,
    lines: qty.map(([i, q]) => ({ itemId: d.lines[i].itemId, qty: q, sourceLineId: d.lines[i].id })),
  });
  await must(o, 'sales', 'slips.sign', { slipId: r.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
  return must(o, 'keeper', 'slips.post', { slipId: r.id });
}

/** Finance pays the refund a posted slip waits for (待付退款), re-entering the PIN. */
export async function payRefund(o: DemoOffice, slipId: number) {
  const s = await must(o, 'finance', 'slips.get', { slipId });
  if (!s.refund) throw new Error(`slip ${s.no} has no refund`);
  return must(o, 'finance', 'refunds.confirm', { refundId: s.refund.id, pin: o.pins.finance });
}

export async function balances(o: DemoOffice): Promise<Record<string, number>> {
  const rows = await must(o, 'finance', 'cash.accounts', {});
  return Object.fromEntries(rows.map((r) => [r.account, r.balanceFen]));
}

export async function owed(o: DemoOffice, customer: string): Promise<number> {
  return (await must(o, 'finance', 'receivables.open', { customerId: o.customerId(customer) })).balanceFen;
}

/** The books verify clean (stock, money, receivables, closed days, audit chain). */
export function expectClean(o: DemoOffice): void {
  expect(verifyBooks(o.core.db).problems).toEqual([]);
}

/** Move the clock to 09:00 (or the hour given) Shanghai time on the day, and log everyone in again. */
export async function dayAt(o: DemoOffice, date: string, hour = 9): Promise<void> {
  o.clock.set(new Date(Date.parse(`${date}T00:00:00+08:00`) + hour * 3600_000).toISOString());
  for (const who of Object.keys(o.tokens) as Who[]) {
    const role = who === 'shipperDriver' ? 'driver' : who;
    o.tokens[who] = ok(await o.core.call('auth.login', { user: o.names[role], pin: o.pins[role] })).sessionToken;
  }
}

export const tableCount = (o: DemoOffice, t: string) => o.core.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;

export { ok, err };
export type { DemoOffice };

/** Notes and coins that add up to `fen` (whole 角), largest first: a cash count for dayClose.close. */
export function countsFor(fen: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = fen;
  for (const d of [10000, 5000, 2000, 1000, 500, 100, 50, 10]) {
    out[String(d)] = Math.floor(left / d);
    left -= out[String(d)] * d;
  }
  if (left !== 0) throw new Error(`${fen} fen cannot be counted in 角`);
  return out;
}
