// The stock card as the paper ledger reads (issue #9): the FIFO takes of one slip line at one unit
// cost make one row (the takes behind it in `layers`), 结存单价 rounded half up, 本月合计 and 本年累计
// after each month (the year from 1 January), customer returns as 红字发出 or 收入 by the office's
// setting, and a backward cursor whose last page is the tail of the whole card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { unitFen } from '../../shared/money';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { cardBooks } from '../helpers/card-books';

type Card = Output<'stock.card'>;
const fig = (r: Card['rows'][number]) => [
  r.date,
  r.inQty,
  r.inUnitCostFen,
  r.inAmountFen,
  r.outQty,
  r.outUnitCostFen,
  r.outAmountFen,
  r.balanceQty,
  r.balanceAmountFen,
  r.balanceUnitCostFen,
];
const tot = (inQty: number, inAmountFen: number, outQty: number, outAmountFen: number) => ({ inQty, inAmountFen, outQty, outAmountFen });

describe('stock card: merged rows, month and year sums, returns, the backward cursor', () => {
  let o: DemoOffice;
  let item: number;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    o = await demoOffice();
    item = o.itemId('CZ-6601');
    const b = cardBooks(o.core, item);
    b.inbound('2026-01-05', [
      [10, 100],
      [10, 100],
      [5, 130],
    ]);
    b.dispatch('2026-01-20', [23]); // 10 + 10 at 100 (one row), 3 at 130
    b.inbound('2026-02-10', [[4, 250]]);
    const d = b.dispatch('2026-02-15', [3]); // 2 at 130, 1 at 250
    id.dispatch = d.id;
    id.ret = b.ret('2026-02-20', d.id, [[d.lineIds[0], 2]]); // back at the cost they went out at: 1 at 250, 1 at 130
    id.rev = b.reverse('2026-03-01', id.ret);
    b.dispatch('2026-03-05', [1]); // 1 at 250
  });
  afterAll(() => o.close());

  const card = async (input: Record<string, unknown> = {}, token = o.tokens.keeper) =>
    ok(await o.core.call('stock.card', { itemId: item, limit: 1000, ...input }, { sessionToken: token }));
  const setReturns = async (returnsOnCard: 'redIssue' | 'receipt') =>
    ok(await o.core.call('office.setReturnsOnCard', { returnsOnCard }, { sessionToken: o.tokens.manager }));

  it('one row per slip line and unit cost, the layers behind it, 结存单价; returns as 红字发出 by default', async () => {
    const c = await card();
    expect(c.returnsOnCard).toBe('redIssue');
    expect(c.rows.map(fig)).toEqual([
      ['2026-01-05', 10, 100, 1000, null, null, null, 10, 1000, 100],
      ['2026-01-05', 10, 100, 1000, null, null, null, 20, 2000, 100],
      ['2026-01-05', 5, 130, 650, null, null, null, 25, 2650, 106],
      ['2026-01-20', null, null, null, 20, 100, 2000, 5, 650, 130], // two layers at 100: one row
      ['2026-01-20', null, null, null, 3, 130, 390, 2, 260, 130],
      ['2026-02-10', 4, 250, 1000, null, null, null, 6, 1260, 210],
      ['2026-02-15', null, null, null, 2, 130, 260, 4, 1000, 250],
      ['2026-02-15', null, null, null, 1, 250, 250, 3, 750, 250],
      ['2026-02-20', null, null, null, -1, 250, -250, 4, 1000, 250], // 红字发出
      ['2026-02-20', null, null, null, -1, 130, -130, 5, 1130, 226],
      ['2026-03-01', null, null, null, 1, 130, 130, 4, 1000, 250], // the return reversed: blue again
      ['2026-03-01', null, null, null, 1, 250, 250, 3, 750, 250],
      ['2026-03-05', null, null, null, 1, 250, 250, 2, 500, 250],
    ]);
    const merged = c.rows[3];
    expect(merged.layers.map((l) => [l.qty, l.amountFen, l.unitCostFen])).toEqual([
      [10, 1000, 100],
      [10, 1000, 100],
    ]);
    expect([merged.moveId, merged.lastMoveId]).toEqual([merged.layers[0].moveId, merged.layers[1].moveId]);
    expect(new Set(merged.layers.map((l) => l.layerId)).size).toBe(2);
    expect(c.rows.filter((r) => r !== merged).every((r) => r.layers.length === 1)).toBe(true);
    expect([c.opening, c.closing, c.nextCursor, c.prevCursor]).toEqual([{ qty: 0, amountFen: 0 }, { qty: 2, amountFen: 500 }, null, null]);
  });

  it('本月合计 and 本年累计 after each month; returns take from 发出 (红字) or add to 收入 (setting), balances unchanged', async () => {
    const c = await card();
    expect(c.monthEnds.map((m) => [m.month, m.afterMoveId, m.monthTotals, m.yearTotals, m.balanceQty, m.balanceAmountFen, m.balanceUnitCostFen])).toEqual([
      ['2026-01', c.rows[4].lastMoveId, tot(25, 2650, 23, 2390), tot(25, 2650, 23, 2390), 2, 260, 130],
      ['2026-02', c.rows[9].lastMoveId, tot(4, 1000, 1, 130), tot(29, 3650, 24, 2520), 5, 1130, 226],
      ['2026-03', c.rows[12].lastMoveId, tot(0, 0, 3, 630), tot(29, 3650, 27, 3150), 2, 500, 250],
    ]);
    await setReturns('receipt');
    try {
      const r = await card();
      expect(r.returnsOnCard).toBe('receipt');
      expect(r.rows.slice(8, 12).map(fig)).toEqual([
        ['2026-02-20', 1, 250, 250, null, null, null, 4, 1000, 250], // 收入
        ['2026-02-20', 1, 130, 130, null, null, null, 5, 1130, 226],
        ['2026-03-01', -1, 130, -130, null, null, null, 4, 1000, 250], // 红字收入
        ['2026-03-01', -1, 250, -250, null, null, null, 3, 750, 250],
      ]);
      expect(r.monthEnds.map((m) => [m.monthTotals, m.yearTotals])).toEqual([
        [tot(25, 2650, 23, 2390), tot(25, 2650, 23, 2390)],
        [tot(6, 1380, 3, 510), tot(31, 4030, 26, 2900)],
        [tot(-2, -380, 1, 250), tot(29, 3650, 27, 3150)],
      ]);
      expect(r.rows.map((x) => [x.balanceQty, x.balanceAmountFen])).toEqual(c.rows.map((x) => [x.balanceQty, x.balanceAmountFen]));
    } finally {
      await setReturns('redIssue');
    }
  });

  it('a period cut inside months: the months count only its part, the year runs from 1 January', async () => {
    const p = await card({ from: '2026-02-12', to: '2026-03-01' });
    expect(p.opening).toEqual({ qty: 6, amountFen: 1260 });
    expect(p.rows.map((r) => r.date)).toEqual(['2026-02-15', '2026-02-15', '2026-02-20', '2026-02-20', '2026-03-01', '2026-03-01']);
    expect(p.monthEnds.map((m) => [m.month, m.monthTotals, m.yearTotals])).toEqual([
      ['2026-02', tot(0, 0, 1, 130), tot(29, 3650, 24, 2520)],
      ['2026-03', tot(0, 0, 2, 380), tot(29, 3650, 26, 2900)],
    ]);
    expect(p.closing).toEqual({ qty: 3, amountFen: 750 });
  });

  it('the backward cursor: the last page is the tail of the whole card, and walking back gives the whole card', async () => {
    const full = await card();
    const last = await card({ direction: 'backward', limit: 3 });
    expect(last.rows).toEqual(full.rows.slice(-3));
    expect(last.monthEnds).toEqual(full.monthEnds.slice(-1));
    expect([last.nextCursor, last.prevCursor, last.opening, last.closing]).toEqual([null, full.rows.at(-3)!.moveId, full.opening, full.closing]);
    for (const limit of [1, 2, 3, 5]) {
      const rows: Card['rows'] = [];
      const ends: Card['monthEnds'] = [];
      let page = await card({ direction: 'backward', limit });
      for (;;) {
        rows.unshift(...page.rows);
        ends.unshift(...page.monthEnds);
        if (page.prevCursor === null) break;
        page = await card({ direction: 'backward', limit, cursor: page.prevCursor });
      }
      expect(rows).toEqual(full.rows);
      expect(ends).toEqual(full.monthEnds);
    }
    // a page never splits a row: the two takes at 100 come together even at limit 1
    const one = await card({ direction: 'backward', limit: 1, cursor: full.rows[4].moveId });
    expect(one.rows).toEqual([full.rows[3]]);
    // a period's last page, and a period with nothing in it
    const p = await card({ to: '2026-02-15', direction: 'backward', limit: 2 });
    expect([p.rows, p.closing]).toEqual([full.rows.slice(6, 8), { qty: 3, amountFen: 750 }]);
    const none = await card({ from: '2026-04-01', direction: 'backward' });
    expect([none.rows, none.monthEnds, none.nextCursor, none.prevCursor, none.closing]).toEqual([[], [], null, null, { qty: 2, amountFen: 500 }]);
  });

  it('the setting is the manager’s; the card is read as before by every book keeper', async () => {
    for (const role of ['keeper', 'finance', 'admin'] as const)
      expect(err(await o.core.call('office.setReturnsOnCard', { returnsOnCard: 'receipt' }, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    expect(err(await o.core.callUnknown('office.setReturnsOnCard', { returnsOnCard: 'blue' }, { sessionToken: o.tokens.manager })).code).toBe('invalid_input');
    expect(err(await o.core.callUnknown('stock.card', { itemId: item, direction: 'sideways' }, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
    expect(await setReturns('redIssue')).toEqual({ returnsOnCard: 'redIssue' });
    const audit = o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'office.setReturnsOnCard' ORDER BY seq").pluck().all();
    expect(audit.at(-1)).toBe('redIssue');
    expect((await card({}, o.tokens.finance)).rows).toHaveLength(13);
  });

  it('unit costs round half up, exactly, on both signs', () => {
    expect([unitFen(201, 2), unitFen(199, 2), unitFen(-201, -2), unitFen(-201, 2), unitFen(5, 0), unitFen(0, 7)]).toEqual([101, 100, 101, -101, null, 0]);
    expect(unitFen(1e13 - 1, 3)).toBe(3333333333333);
  });
});
