// 安全库存定额: the usage behind each item's safety stock is the net sales of a window (dispatches
// less returns, reversals netted, older sales outside it), reckoned in integers and rounded up to
// the case pack; the keeper proposes, the manager decides with the PIN, and approval sets the item's
// safety stock. Refusals name the field and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageOf } from '../../electron/domains/safety/rules';
import { ok, REVERSE_SIGNOFFS, SECOND_PIN } from '../helpers';
import { dayAt, financeOffice, must, postedDispatch, refused, returnOf, tableCount, type DemoOffice } from '../helpers/finance';

describe('the suggestion (usageOf)', () => {
  it('averages per day in thousandths, half up, and rounds the cover up to a whole case', () => {
    expect(usageOf(90, 90, 15, 1)).toEqual({ windowDays: 90, coverDays: 15, soldQty: 90, avgDailyMilli: 1000, suggested: 15 });
    expect(usageOf(100, 90, 15, 1)).toMatchObject({ avgDailyMilli: 1111, suggested: 17 }); // 16.67 → 17
    expect(usageOf(100, 90, 15, 4)).toMatchObject({ suggested: 20 }); // 17 → five cases of 4
    expect(usageOf(2, 3, 1, 1)).toMatchObject({ avgDailyMilli: 667 }); // 0.6667 half up
    expect(usageOf(1, 2000, 15, 1)).toMatchObject({ avgDailyMilli: 1, suggested: 1 }); // 0.0005 → 0.001 half up
    expect(usageOf(-5, 90, 15, 10)).toEqual({ windowDays: 90, coverDays: 15, soldQty: -5, avgDailyMilli: 0, suggested: 0 }); // more came back than went out
  });
});

describe('安全库存定额 in the books', () => {
  let o: DemoOffice;
  let item: number;
  const proposals = () => tableCount(o, 'safety_proposals');
  beforeAll(async () => {
    o = await financeOffice('2026-08-01');
    item = o.itemId('CZ-8801');
    await dayAt(o, '2026-08-10');
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 40]]); // outside a 90-day window ending 11-29
    await dayAt(o, '2026-11-29');
    const sold = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 30]]);
    await returnOf(o, sold, 'cash', [[0, 5]]);
    const wrong = await postedDispatch(o, 'KH002', 'cash', [['CZ-8801', 7]]);
    await must(o, 'keeper', 'slips.reverse', { slipId: wrong.id, reason: '开错客户', ...REVERSE_SIGNOFFS });
  });
  afterAll(() => o.close());

  it('nets dispatches, returns and reversals within the window only', async () => {
    const row = (days: number) =>
      must(o, 'statistician', 'safety.table', { windowDays: days, coverDays: 30, query: 'CZ-8801' }).then((t) => t.rows.find((r) => r.itemId === item)!);
    const r90 = await row(90);
    expect(r90.usage).toEqual({ windowDays: 90, coverDays: 30, soldQty: 25, avgDailyMilli: 278, suggested: 9 }); // 30 − 5 (+7 − 7); 8.33 → 9, three cases of 3
    expect((await row(120)).usage.soldQty).toBe(65); // the August sale too
    expect(r90.onHand).toBe(200 - 40 - 30 + 5);
    expect((await must(o, 'keeper', 'safety.table', {})).asOf).toBe('2026-11-29');
    expect((await refused(o, 'sales', 'safety.table', {})).code).toBe('forbidden');
    const bad = await refused(o, 'keeper', 'safety.table', { windowDays: 3 });
    expect([bad.code, bad.message_zh]).toEqual(['invalid_input', expect.stringContaining('统计天数')]);
  });

  it('a proposal keeps the usage it rests on; a newer one supersedes it; the manager approves with the PIN', async () => {
    const first = await must(o, 'keeper', 'safety.propose', { itemId: item, qty: 20, reason: '旺季将到' });
    expect([first.state, first.fromQty, first.usage.soldQty, first.usage.suggested, first.asOf]).toEqual(['pending', 120, 25, 6, '2026-11-29']); // 4.17 → 5 → two cases of 3
    const second = await must(o, 'statistician', 'safety.propose', { itemId: item, qty: 24, reason: '按30天保障', coverDays: 30 });
    const all = await must(o, 'manager', 'safety.proposals', { itemId: item });
    expect(all.rows.map((p) => [p.id, p.state])).toEqual([
      [second.id, 'pending'],
      [first.id, 'superseded'],
    ]);
    expect((await must(o, 'keeper', 'safety.table', { query: 'CZ-8801' })).rows[0].pending?.id).toBe(second.id);
    const done = await must(o, 'manager', 'safety.decide', { proposalId: second.id, approve: true, note: '同意', manager: REVERSE_SIGNOFFS.manager });
    expect([done.state, done.decidedBy?.name, done.note]).toEqual(['approved', o.names.manager, '同意']);
    expect((await must(o, 'keeper', 'items.get', { itemId: item })).safetyStock).toBe(24);
    expect(o.core.db.prepare('SELECT ref FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe(`CZ-8801 120 → 24 批准 ${o.names.manager}`);
  });

  it('a rejection leaves the safety stock as it was', async () => {
    const p = await must(o, 'keeper', 'safety.propose', { itemId: item, qty: 100, reason: '多备一些' });
    const r = await must(o, 'manager', 'safety.decide', { proposalId: p.id, approve: false, note: '资金占用太多', manager: REVERSE_SIGNOFFS.manager });
    expect(r.state).toBe('rejected');
    expect((await must(o, 'keeper', 'items.get', { itemId: item })).safetyStock).toBe(24);
  });

  it('refuses deciding twice, a wrong PIN, the wrong roles and one’s own proposal, writing nothing', async () => {
    const p = await must(o, 'keeper', 'safety.propose', { itemId: item, qty: 30, reason: '再调' });
    const n = proposals();
    const done = await must(o, 'manager', 'safety.decide', { proposalId: p.id, approve: true, manager: REVERSE_SIGNOFFS.manager });
    const twice = await refused(o, 'manager', 'safety.decide', { proposalId: p.id, approve: false, manager: REVERSE_SIGNOFFS.manager });
    expect([twice.code, twice.details.field, twice.message_zh]).toEqual(['safety_not_pending', 'proposalId', 'CZ-8801 的安全库存提议已批准, 不能再审批']);
    const q = await must(o, 'keeper', 'safety.propose', { itemId: item, qty: 31, reason: '再调' });
    const wrongPin = await refused(o, 'manager', 'safety.decide', { proposalId: q.id, approve: true, manager: { user: o.names.manager, pin: '0000' } });
    expect(wrongPin.code).toBe('bad_credentials');
    expect((await refused(o, 'keeper', 'safety.decide', { proposalId: q.id, approve: true, manager: REVERSE_SIGNOFFS.manager })).code).toBe('forbidden');
    expect((await refused(o, 'sales', 'safety.propose', { itemId: item, qty: 1, reason: 'x' })).code).toBe('forbidden');
    expect((await refused(o, 'manager', 'safety.propose', { itemId: item, qty: 1, reason: 'x' })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'safety.propose', { itemId: item, qty: 1, reason: ' ' })).code).toBe('invalid_input');
    expect((await refused(o, 'keeper', 'safety.propose', { itemId: 99999, qty: 1, reason: 'x' })).code).toBe('not_found');
    expect(proposals()).toBe(n + 1);
    expect(done.qty).toBe(30);

    // one person who is both keeper and manager (兼任) may not approve what they proposed
    await must(o, 'admin', 'users.create', { name: '孙兼', roles: ['keeper', 'manager'], pin: '7373', secondPin: SECOND_PIN });
    const both = ok(await o.core.call('auth.login', { user: '孙兼', pin: '7373' })).sessionToken;
    const own = ok(await o.core.call('safety.propose', { itemId: item, qty: 40, reason: '自提' }, { sessionToken: both }));
    const e = await o.core.call('safety.decide', { proposalId: own.id, approve: true, manager: { user: '孙兼', pin: '7373' } }, { sessionToken: both });
    expect(e.ok ? 'approved' : [e.error.code, e.error.details.field]).toEqual(['safety_own_proposal', 'manager']);
    expect((await must(o, 'keeper', 'items.get', { itemId: item })).safetyStock).toBe(30);
  });
});
