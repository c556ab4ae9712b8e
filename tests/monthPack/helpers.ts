// A November the month pack can be signed for: the demo office stocked on 29 Nov, cash topped up,
// the month-end count counted to the book and approved, 29 Nov closed. 30 Nov has no postings and
// is left open (a Sunday), so a desk whose clock is set back can still reach a day of the month.
import { type Who, call, countsFor, dayAt, financeOffice, managerPin, must, ok, type DemoOffice } from '../helpers/finance';

export const MONTH = '2026-11';
const ON_HAND: Record<string, number> = { 'CZ-8801': 200, 'CZ-8802': 200, 'WY-4001': 100, 'WY-1001': 20 };

/** The month-end count, every line counted as the book says, approved by the manager. */
export async function monthEndCount(o: DemoOffice): Promise<string> {
  const c = await must(o, 'keeper', 'counts.create', { kind: 'monthEnd' });
  const view = await must(o, 'keeper', 'counts.view', { countId: c.id });
  for (const l of view.lines) await must(o, 'keeper', 'counts.enter', { countId: c.id, itemId: l.itemId, qty: ON_HAND[l.itemCode] ?? 0 });
  await must(o, 'keeper', 'counts.finish', { countId: c.id });
  await must(o, 'manager', 'counts.approve', { countId: c.id, signoff: managerPin(o) });
  return c.no;
}

export function closeDay(o: DemoOffice, date: string, cashFen: number) {
  return call(o, 'finance', 'dayClose.close', {
    date,
    counts: countsFor(cashFen),
    channels: { wechat: 0, alipay: 0, bank: 0 },
    finance: { user: o.names.finance, pin: o.pins.finance },
    statistician: { user: o.names.statistician, pin: o.pins.statistician },
  });
}

export const CASH = 10_000;

/** November ready to sign, the clock on 1 Dec; with `advanceFen`, a travel advance to the salesperson left open. */
export async function readyNovember(opts: { advanceFen?: number } = {}): Promise<DemoOffice> {
  const o = await financeOffice();
  await must(o, 'finance', 'cash.topUp', { amountFen: CASH });
  const advanceFen = opts.advanceFen ?? 0;
  if (advanceFen) {
    const personId = o.core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(o.names.sales) as number;
    await must(o, 'finance', 'advances.create', { personId, amountFen: advanceFen, purpose: '出差广州', manager: managerPin(o) });
  }
  await monthEndCount(o);
  ok(await closeDay(o, '2026-11-29', CASH - advanceFen));
  await dayAt(o, '2026-12-01');
  return o;
}

export const sign = (o: DemoOffice, who: Who = 'manager', pin = o.pins.manager) => call(o, who, 'monthPack.sign', { month: MONTH, pin });
