// The statistician's reports on a small set of books: who may read which (保密制度: costs and
// margins only for who sees costs, a salesperson only his own customers), the comparison months,
// the grouping by customer and salesperson, the slow movers and the refused periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBooks } from '../helpers/card-books';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

describe('reports', () => {
  let o: DemoOffice;
  let item: number;
  let idle: number;
  let stranger: number;
  beforeAll(async () => {
    o = await demoOffice();
    const as = { sessionToken: o.tokens.statistician };
    item = ok(await o.core.call('items.create', { code: 'RPT-A', name: '甲', unit: '件' }, as)).id;
    idle = ok(await o.core.call('items.create', { code: 'RPT-B', name: '乙', unit: '件' }, as)).id;
    // a customer nobody is salesperson of: outside 赵丽's reach
    stranger = ok(await o.core.call('customers.create', { code: 'KH-X', name: '散客' }, { sessionToken: o.tokens.manager })).id;
    const own = cardBooks(o.core, item); // KH001, 赵丽's
    const theirs = cardBooks(o.core, item, stranger);
    cardBooks(o.core, idle).inbound('2025-10-01', [[7, 300]]);
    own.inbound('2025-11-03', [[10, 500]]); // a year before: 2 sold
    own.dispatch('2025-11-10', [2]);
    own.inbound('2026-10-02', [[20, 600]]);
    own.dispatch('2026-10-05', [3]); // the previous month: 3 sold
    const d = own.dispatch('2026-11-02', [5]);
    theirs.dispatch('2026-11-03', [4]);
    own.ret('2026-11-04', d.id, [[d.lineIds[0], 1]]);
  });
  afterAll(() => o.close());

  const call = async (method: 'reports.salesMonthly', role: keyof DemoOffice['tokens'], by: 'item' | 'customer' | 'salesperson' = 'item') =>
    o.core.call(method, { month: '2026-11', by }, { sessionToken: o.tokens[role] });

  it('sums a month by item with cost and margin, returns netted, against last month and last year', async () => {
    const m = ok(await call('reports.salesMonthly', 'statistician'));
    const row = m.rows.find((r) => r.key === item)!;
    // 5 + 4 − 1 sold; FIFO: the last 5 of the 2025 layer at 500, then 4 at 600; 1 back at its dispatch's cost
    expect(row.current.qty).toBe(8);
    expect(row.current.amountFen).toBe(8 * 9900);
    expect(row.current.costFen).toBe(5 * 500 + 4 * 600 - 500);
    expect(row.current.marginFen).toBe(row.current.amountFen - row.current.costFen!);
    expect(row.previousMonth).toMatchObject({ qty: 3, amountFen: 3 * 9900, costFen: 1500 });
    expect(row.lastYear).toMatchObject({ qty: 2, amountFen: 2 * 9900, costFen: 1000 });
    expect([m.previousMonth, m.lastYearMonth]).toEqual(['2026-10', '2025-11']);
    expect(m.totals.current).toEqual(row.current);
  });

  it('groups by customer and by salesperson', async () => {
    const byCustomer = ok(await call('reports.salesMonthly', 'statistician', 'customer'));
    expect(new Map(byCustomer.rows.map((r) => [r.key, r.current.qty]))).toEqual(
      new Map([
        [o.customerId('KH001'), 4],
        [stranger, 4],
      ]),
    );
    const byPerson = ok(await call('reports.salesMonthly', 'statistician', 'salesperson'));
    expect(new Map(byPerson.rows.map((r) => [r.name, r.current.qty]))).toEqual(
      new Map([
        ['', 4],
        [o.names.sales, 4],
      ]),
    );
  });

  it('shows a salesperson his own customers’ sales, without cost or margin', async () => {
    const m = ok(await call('reports.salesMonthly', 'sales'));
    expect(m.totals.current).toEqual({ qty: 4, amountFen: 4 * 9900, costFen: null, marginFen: null });
    for (const r of m.rows) expect([r.current.costFen, r.current.marginFen, r.previousMonth?.costFen ?? null]).toEqual([null, null, null]);
    const ledger = ok(await o.core.call('reports.salesLedger', { from: '2026-11-01', to: '2026-11-30' }, { sessionToken: o.tokens.sales }));
    expect(ledger.rows.map((r) => [r.kind, r.customer, r.qty, r.costFen])).toEqual([
      ['dispatch', '城东建材城 李记瓷砖', 5, null],
      ['return', '城东建材城 李记瓷砖', -1, null],
    ]);
    expect(ledger.totals).toEqual({ qty: 4, amountFen: 4 * 9900, costFen: null });
  });

  it('lists the sales ledger of a period for one customer, in posting order, with costs for the statistician', async () => {
    const l = ok(
      await o.core.call('reports.salesLedger', { from: '2026-11-01', to: '2026-11-30', customerId: stranger }, { sessionToken: o.tokens.statistician }),
    );
    expect(l.rows.map((r) => [r.date, r.customer, r.itemCode, r.qty, r.priceFen, r.amountFen, r.costFen])).toEqual([
      ['2026-11-03', '散客', 'RPT-A', 4, 9900, 4 * 9900, 4 * 600],
    ]);
    const page = ok(
      await o.core.call('reports.salesLedger', { from: '2025-01-01', to: '2026-11-30', limit: 2, offset: 1 }, { sessionToken: o.tokens.finance }),
    );
    expect([page.total, page.rows.length, page.rows[0].date]).toEqual([5, 2, '2026-10-05']);
  });

  it('refuses the sales reports to the keeper and the driver, and the stock reports to salespeople', async () => {
    for (const role of ['keeper', 'shipperDriver', 'admin'] as const) expect(err(await call('reports.salesMonthly', role)).code).toBe('forbidden');
    const s = { sessionToken: o.tokens.sales };
    expect(err(await o.core.call('reports.stockSummary', { from: '2026-11-01', to: '2026-11-30' }, s)).code).toBe('forbidden');
    expect(err(await o.core.call('reports.slowMovers', {}, s)).code).toBe('forbidden');
  });

  it('refuses a backwards or overlong period in both languages', async () => {
    const s = { sessionToken: o.tokens.keeper };
    const back = err(await o.core.call('reports.stockSummary', { from: '2026-11-30', to: '2026-11-01' }, s));
    expect([back.code, back.message_zh, back.message_en]).toEqual(['invalid_input', expect.stringContaining('晚于'), expect.stringContaining('after')]);
    const long = err(await o.core.call('reports.salesLedger', { from: '2020-01-01', to: '2026-11-30' }, { sessionToken: o.tokens.statistician }));
    expect([long.code, long.message_zh]).toEqual(['invalid_input', expect.stringContaining('1098')]);
  });

  it('sums the stock of a period per kind, for the keeper', async () => {
    const s = ok(await o.core.call('reports.stockSummary', { from: '2026-11-01', to: '2026-11-30' }, { sessionToken: o.tokens.keeper }));
    expect(s.kinds).toEqual([
      { direction: 'in', kind: 'return' },
      { direction: 'out', kind: 'dispatch' },
    ]);
    const a = s.rows.find((r) => r.itemId === item)!;
    expect([a.opening, a.byKind, a.closing]).toEqual([
      { qty: 25, amountFen: 5 * 500 + 20 * 600 },
      [
        { qty: 1, amountFen: 500 },
        { qty: 9, amountFen: 5 * 500 + 4 * 600 },
      ],
      { qty: 17, amountFen: 16 * 600 + 500 },
    ]);
    // an item that did not move in the period still shows its stock
    expect(s.rows.find((r) => r.itemId === idle)).toMatchObject({ opening: { qty: 7, amountFen: 2100 }, closing: { qty: 7, amountFen: 2100 } });
  });

  it('lists slow movers: what lay unissued in the window first, then by days of cover', async () => {
    const r = ok(await o.core.call('reports.slowMovers', { days: 30 }, { sessionToken: o.tokens.keeper }));
    expect(r.asOf).toBe('2026-11-29');
    const ours = r.rows.filter((x) => x.code.startsWith('RPT-'));
    expect(ours.map((x) => [x.code, x.qty, x.stale, x.outQty, x.lastOutDate, x.idleDays, x.coverDays])).toEqual([
      ['RPT-B', 7, true, 0, null, 424, null],
      ['RPT-A', 17, false, 8, '2026-11-03', 26, Math.round((17 * 30) / 8)],
    ]);
    expect(ours[1].amountFen).toBe(16 * 600 + 500);
  });
});
