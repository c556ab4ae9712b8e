// 商品类别: an item carries a category (free text under the text rule, '' for none), set on create and
// edit and listed with the counts in use; 月度销售统计表 groups by it (items without one together), and
// 进销存汇总表 filters by it — each category's rows and totals are the whole report's rows of its
// items, and the categories' totals add up to the whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBooks } from '../helpers/card-books';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

describe('item categories', () => {
  let o: DemoOffice;
  const ids: Record<string, number> = {};
  const as = () => ({ sessionToken: o.tokens.statistician });
  beforeAll(async () => {
    o = await demoOffice();
    for (const [code, category] of [
      ['CAT-A', '瓷砖'],
      ['CAT-B', '瓷砖'],
      ['CAT-C', '洁具'],
      ['CAT-D', ''],
    ] as const)
      ids[code] = ok(await o.core.call('items.create', { code, name: code, unit: '件', category }, as())).id;
    const books = [
      ['CAT-A', 10, 500, 3],
      ['CAT-B', 8, 700, 2],
      ['CAT-C', 5, 900, 4],
      ['CAT-D', 6, 100, 1],
    ] as const;
    // the books go forward in time: every receipt, then every sale
    for (const [code, qty, cost] of books) cardBooks(o.core, ids[code]).inbound('2026-11-02', [[qty, cost]]);
    for (const [code, , , sold] of books) cardBooks(o.core, ids[code]).dispatch('2026-11-05', [sold]);
  });
  afterAll(() => o.close());

  it('is set on create and edit, through the text rule, and listed with the counts in use', async () => {
    expect(ok(await o.core.call('items.get', { itemId: ids['CAT-A'] }, as())).category).toBe('瓷砖');
    expect(ok(await o.core.call('items.categories', {}, as()))).toEqual([
      { category: '洁具', items: 1 },
      { category: '瓷砖', items: 2 },
    ]);
    const e = err(await o.core.call('items.update', { itemId: ids['CAT-D'], category: '太长'.repeat(11) }, as()));
    expect([e.code, e.details.field, e.message_zh]).toEqual(['invalid_input', 'category', expect.stringContaining('商品类别')]);
    const bidi = err(await o.core.call('items.update', { itemId: ids['CAT-D'], category: '瓷\u202e砖' }, as()));
    expect(bidi.code).toBe('invalid_input');
    const edited = ok(await o.core.call('items.update', { itemId: ids['CAT-D'], category: ' 配件 ' }, as()));
    expect(edited.category).toBe('配件');
    ok(await o.core.call('items.update', { itemId: ids['CAT-D'], category: '' }, as()));
    expect(ok(await o.core.call('items.get', { itemId: ids['CAT-D'] }, as())).category).toBe('');
  });

  it('月度销售统计表 by category: each category’s lines summed, items without one together', async () => {
    const byItem = ok(await o.core.call('reports.salesMonthly', { month: '2026-11', by: 'item' }, as()));
    const m = ok(await o.core.call('reports.salesMonthly', { month: '2026-11', by: 'category' }, as()));
    const qtyOf = (codes: string[]) => byItem.rows.filter((r) => codes.includes(r.code)).reduce((s, r) => s + r.current.qty, 0);
    expect(new Map(m.rows.map((r) => [r.name, r.current.qty]))).toEqual(
      new Map([
        ['瓷砖', qtyOf(['CAT-A', 'CAT-B'])],
        ['洁具', qtyOf(['CAT-C'])],
        ['', qtyOf(['CAT-D'])],
      ]),
    );
    expect(m.rows.find((r) => r.name === '瓷砖')?.current.costFen).toBe(3 * 500 + 2 * 700);
    expect(m.rows.every((r) => r.key === null)).toBe(true);
    expect(m.totals.current).toEqual(byItem.totals.current);
  });

  it('进销存汇总表 filtered by category: that category’s items only; the categories add up to the whole', async () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const all = ok(await o.core.call('reports.stockSummary', period, as()));
    const tiles = ok(await o.core.call('reports.stockSummary', { ...period, category: '瓷砖' }, as()));
    expect(tiles.rows.map((r) => r.code)).toEqual(['CAT-A', 'CAT-B']);
    expect(tiles.rows).toEqual(all.rows.filter((r) => r.code === 'CAT-A' || r.code === 'CAT-B').map((r) => ({ ...r, byKind: expect.any(Array) })));
    expect(tiles.totals.closing).toEqual({ qty: 7 + 6, amountFen: 7 * 500 + 6 * 700 });
    const none = ok(await o.core.call('reports.stockSummary', { ...period, category: '' }, as()));
    expect(none.rows.map((r) => r.code)).toEqual(['CAT-D']);
    const parts = await Promise.all(['瓷砖', '洁具', ''].map(async (category) => ok(await o.core.call('reports.stockSummary', { ...period, category }, as()))));
    const sum = (f: (s: typeof all) => { qty: number; amountFen: number }) =>
      parts.reduce((a, s) => ({ qty: a.qty + f(s).qty, amountFen: a.amountFen + f(s).amountFen }), { qty: 0, amountFen: 0 });
    const onlyCat = all.rows.filter((r) => r.code.startsWith('CAT-'));
    const whole = (k: 'closing' | 'outTotal') =>
      onlyCat.reduce((a, r) => ({ qty: a.qty + r[k].qty, amountFen: a.amountFen + r[k].amountFen }), { qty: 0, amountFen: 0 });
    expect(sum((s) => s.totals.closing)).toEqual(whole('closing'));
    expect(sum((s) => s.totals.outTotal)).toEqual(whole('outTotal'));
    expect(ok(await o.core.call('reports.stockSummary', { ...period, category: '没有' }, as())).rows).toEqual([]);
  });
});
