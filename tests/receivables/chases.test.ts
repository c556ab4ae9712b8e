// Due dates (sale date + the customer's payment terms), overdue amounts in aging, the collection
// list (催收清单) of what is due this week and the log of collection calls (催收).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayAt, expectClean, financeOffice, must, postedDispatch, refused, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
let kh2: number;
beforeEach(async () => {
  o = await financeOffice('2026-11-01');
  kh2 = o.customerId('KH002');
  await must(o, 'finance', 'customers.update', { customerId: kh2, paymentTermsDays: 10 });
});
afterEach(() => o.close());

/** Two credit sales to KH002: 780.00 on 11-01 (due 11-11) and 1,560.00 on 11-20 (due 11-30); today is Tuesday 11-24. */
async function twoSales() {
  await dayAt(o, '2026-11-01');
  const a = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 10]]);
  await dayAt(o, '2026-11-20');
  const b = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 20]]);
  await dayAt(o, '2026-11-24');
  return [a, b];
}

describe('due dates', () => {
  it('falls due on the sale date + the terms; open slips and aging show what is overdue', async () => {
    const [a, b] = await twoSales();
    const open = await must(o, 'finance', 'receivables.open', { customerId: kh2 });
    expect(open.customer.paymentTermsDays).toBe(10);
    expect(open.openSlips.map((s) => [s.slipNo, s.dueDate, s.overdueDays])).toEqual([
      [a.no, '2026-11-11', 13],
      [b.no, '2026-11-30', 0],
    ]);
    const ag = await must(o, 'finance', 'receivables.aging', { customerIds: [kh2] });
    expect(ag.rows[0]).toMatchObject({ openFen: 234_000, overdueFen: 78_000 });
    expect(ag.totals.overdueFen).toBe(78_000);
  });
});

describe('the collection list (receivables.due)', () => {
  it('lists what is due by Sunday of this week, overdue first; a later day can be asked for', async () => {
    const [a, b] = await twoSales();
    const week = await must(o, 'finance', 'receivables.due', {});
    expect([week.today, week.dueBy]).toEqual(['2026-11-24', '2026-11-29']);
    expect(week.rows.map((r) => [r.slipNo, r.dueDate, r.overdueDays, r.openFen, r.customerCode])).toEqual([[a.no, '2026-11-11', 13, 78_000, 'KH002']]);
    const later = await must(o, 'manager', 'receivables.due', { dueBy: '2026-11-30', customerId: kh2 });
    expect(later.rows.map((r) => r.slipNo)).toEqual([a.no, b.no]);
    expect(later.totalFen).toBe(234_000);
    // settled slips leave the list
    await must(o, 'finance', 'receivables.collect', { customerId: kh2, account: 'cash', amountFen: 78_000 });
    expect((await must(o, 'finance', 'receivables.due', {})).rows).toEqual([]);
    expectClean(o);
  });
});

describe('receivables.chase', () => {
  it('logs who chased whom when with the promised date; the list shows the last call', async () => {
    const [a] = await twoSales();
    const c1 = await must(o, 'finance', 'receivables.chase', { slipId: a.id, contacted: '李经理', note: '电话未接通' });
    const c2 = await must(o, 'manager', 'receivables.chase', { slipId: a.id, contacted: '李经理', note: '答应周五付款', promisedDate: '2026-11-27' });
    expect(c2).toMatchObject({ slipNo: a.no, customerId: kh2, date: '2026-11-24', user: { name: o.names.manager }, promisedDate: '2026-11-27' });
    const log = await must(o, 'finance', 'receivables.chases', { slipId: a.id });
    expect(log.map((c) => c.id)).toEqual([c2.id, c1.id]);
    const due = await must(o, 'finance', 'receivables.due', {});
    expect(due.rows[0]).toMatchObject({ chaseCount: 2, lastChase: { id: c2.id, note: '答应周五付款' } });
    expect(() => o.core.db.prepare("UPDATE receivable_chases SET note = 'x'").run()).toThrow(/append-only/);
    expectClean(o);
  });

  it('refuses a promise in the past, a settled or cash slip, an empty name and other roles', async () => {
    const [a] = await twoSales();
    const past = await refused(o, 'finance', 'receivables.chase', { slipId: a.id, contacted: '李经理', promisedDate: '2026-11-23' });
    expect(past.code).toBe('promised_date_past');
    expect((await refused(o, 'finance', 'receivables.chase', { slipId: a.id, contacted: '  ' })).code).toBe('invalid_input');
    expect((await refused(o, 'sales', 'receivables.chase', { slipId: a.id, contacted: '李经理' })).code).toBe('forbidden');
    const cash = await postedDispatch(o, 'KH002', 'cash', [['CZ-8801', 1]]);
    expect((await refused(o, 'finance', 'receivables.chase', { slipId: cash.id, contacted: '李经理' })).code).toBe('not_open_receivable');
    await must(o, 'finance', 'receivables.collect', { customerId: kh2, account: 'cash', amountFen: 78_000 });
    const settled = await refused(o, 'finance', 'receivables.chase', { slipId: a.id, contacted: '李经理' });
    expect(settled.code).toBe('not_open_receivable');
    expect(o.core.db.prepare('SELECT COUNT(*) FROM receivable_chases').pluck().get()).toBe(0);
  });
});
