// The stock card (库存明细账) of one item over several business days, its paging, on-hand figures
// with safety stock, and system.verify on a clean office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output, Slip, StockCardRow } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { REVERSE_SIGNOFFS } from '../helpers/index';

/** Move the clock to a given Shanghai day at 10:00; sessions idle that long end, so everyone logs in again. */
async function day(o: DemoOffice, date: string) {
  o.clock.set(`${date}T02:00:00.000Z`);
  for (const role of Object.keys(o.tokens) as (keyof DemoOffice['tokens'])[]) {
    const r = role === 'shipperDriver' ? 'driver' : role;
    o.tokens[role] = ok(await o.core.call('auth.login', { user: o.names[r], pin: o.pins[r] })).sessionToken;
  }
}

describe('stock card, on hand, verify', () => {
  let o: DemoOffice;
  let item: number;
  const s: Record<string, Slip> = {};

  async function receive(code: string, qty: number, unitCostFen: number, note: string) {
    const x = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: note, lines: [{ itemId: o.itemId(code), qty, unitCostFen }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    return ok(await o.core.call('slips.post', { slipId: x.id }, { sessionToken: o.tokens.keeper }));
  }
  async function sign(id: number, role: 'manager' | 'finance') {
    ok(await o.core.call('slips.sign', { slipId: id, role, user: o.names[role], pin: o.pins[role] }, { sessionToken: o.tokens.sales }));
  }
  async function dispatch(code: string, qty: number, customer: string) {
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId(customer), paymentMode: 'credit', lines: [{ itemId: o.itemId(code), qty }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    await sign(d.id, 'manager');
    await sign(d.id, 'finance');
    return ok(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
  }

  beforeAll(async () => {
    o = await demoOffice();
    item = o.itemId('CZ-8801');
    // day 1: 10 in at 100
    s.i1 = await receive('CZ-8801', 10, 100, 'HQ-1');
    await day(o, '2026-11-30'); // day 2: 4 out
    s.d1 = await dispatch('CZ-8801', 4, 'KH001');
    await day(o, '2026-12-01'); // day 3: 5 in at 120, another item in between, 8 out across both layers
    s.i2 = await receive('CZ-8801', 5, 120, 'HQ-2');
    s.other = await receive('CZ-8802', 200, 5850, 'HQ-3');
    s.d2 = await dispatch('CZ-8801', 8, 'KH002');
    await day(o, '2026-12-02'); // day 4: 3 of them come back
    const r = ok(
      await o.core.call(
        'slips.create',
        { kind: 'return', sourceSlipId: s.d2.id, paymentMode: 'credit', lines: [{ itemId: item, qty: 3, sourceLineId: s.d2.lines[0].id }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    await sign(r.id, 'manager');
    s.r = ok(await o.core.call('slips.post', { slipId: r.id }, { sessionToken: o.tokens.keeper }));
    await day(o, '2026-12-03'); // day 5: the return is reversed
    s.hc = ok(await o.core.call('slips.reverse', { slipId: s.r.id, reason: '退货录错', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper })).reversal;
  });
  afterAll(() => o.close());

  const card = async (input: Partial<{ from: string; to: string; cursor: number; limit: number }> = {}) =>
    ok(await o.core.call('stock.card', { itemId: item, ...input }, { sessionToken: o.tokens.keeper }));
  const pick = (r: StockCardRow) => [
    r.date,
    r.slipNo,
    r.inQty,
    r.inUnitCostFen,
    r.inAmountFen,
    r.outQty,
    r.outUnitCostFen,
    r.outAmountFen,
    r.balanceQty,
    r.balanceAmountFen,
  ];

  it('the whole card: one row per slip line and unit cost (here one per layer taken), a running balance', async () => {
    const c = await card();
    expect(c.item).toMatchObject({ id: item, code: 'CZ-8801' });
    expect([c.from, c.to, c.opening, c.nextCursor]).toEqual([null, null, { qty: 0, amountFen: 0 }, null]);
    expect(c.rows.map(pick)).toEqual([
      ['2026-11-29', s.i1.no, 10, 100, 1000, null, null, null, 10, 1000],
      ['2026-11-30', s.d1.no, null, null, null, 4, 100, 400, 6, 600],
      ['2026-12-01', s.i2.no, 5, 120, 600, null, null, null, 11, 1200],
      ['2026-12-01', s.d2.no, null, null, null, 6, 100, 600, 5, 600], // the rest of the first layer
      ['2026-12-01', s.d2.no, null, null, null, 2, 120, 240, 3, 360], // and two of the second
      // back at the cost they went out at, latest take first; by default as 红字发出 (a negative issue)
      ['2026-12-02', s.r.no, null, null, null, -2, 120, -240, 5, 600],
      ['2026-12-02', s.r.no, null, null, null, -1, 100, -100, 6, 700],
      ['2026-12-03', s.hc.no, null, null, null, 1, 100, 100, 5, 600], // 红字 of a red issue: the return undone, newest first
      ['2026-12-03', s.hc.no, null, null, null, 2, 120, 240, 3, 360],
    ]);
    expect(c.closing).toEqual({ qty: 3, amountFen: 360 });
    // each balance follows from the one before
    let bal = { qty: 0, fen: 0 };
    for (const r of c.rows) {
      bal = { qty: bal.qty + (r.inQty ?? 0) - (r.outQty ?? 0), fen: bal.fen + (r.inAmountFen ?? 0) - (r.outAmountFen ?? 0) };
      expect([r.balanceQty, r.balanceAmountFen]).toEqual([bal.qty, bal.fen]);
    }
    // 摘要, counterparty and reference as on the paper card
    expect(c.rows.map((r) => [r.slipKind, r.summary, r.counterparty, r.refNo])).toEqual([
      ['inbound', '进仓 营销中心总部仓 随货同行联 HQ-1', '营销中心总部仓', 'HQ-1'],
      ['dispatch', '发货 城东建材城 李记瓷砖', '城东建材城 李记瓷砖', null],
      ['inbound', '进仓 营销中心总部仓 随货同行联 HQ-2', '营销中心总部仓', 'HQ-2'],
      ['dispatch', '发货 华美装饰工程有限公司', '华美装饰工程有限公司', null],
      ['dispatch', '发货 华美装饰工程有限公司', '华美装饰工程有限公司', null],
      ['return', `退货 华美装饰工程有限公司 原单 ${s.d2.no}`, '华美装饰工程有限公司', s.d2.no],
      ['return', `退货 华美装饰工程有限公司 原单 ${s.d2.no}`, '华美装饰工程有限公司', s.d2.no],
      ['reversal', `红字冲销 ${s.r.no}: 退货录错`, '华美装饰工程有限公司', s.r.no],
      ['reversal', `红字冲销 ${s.r.no}: 退货录错`, '华美装饰工程有限公司', s.r.no],
    ]);
    expect(c.rows.every((r) => r.postedAt.startsWith(r.date.slice(0, 8)))).toBe(true);
    expect(new Set(c.rows.map((r) => r.moveId)).size).toBe(9);
  });

  it('a period: the opening balance is the balance before it, the closing the balance at its end', async () => {
    const full = (await card()).rows;
    const p = await card({ from: '2026-11-30', to: '2026-12-01' });
    expect([p.from, p.to]).toEqual(['2026-11-30', '2026-12-01']);
    expect(p.opening).toEqual({ qty: 10, amountFen: 1000 });
    expect(p.rows).toEqual(full.slice(1, 5));
    expect(p.closing).toEqual({ qty: 3, amountFen: 360 });
    const oneDay = await card({ from: '2026-11-30', to: '2026-11-30' });
    expect([oneDay.opening, oneDay.rows.map((r) => r.slipNo), oneDay.closing]).toEqual([{ qty: 10, amountFen: 1000 }, [s.d1.no], { qty: 6, amountFen: 600 }]);
    const fromOnly = await card({ from: '2026-12-02' });
    expect([fromOnly.opening, fromOnly.rows.length, fromOnly.closing]).toEqual([{ qty: 3, amountFen: 360 }, 4, { qty: 3, amountFen: 360 }]);
    const toOnly = await card({ to: '2026-11-30' });
    expect([toOnly.opening, toOnly.rows.length, toOnly.closing]).toEqual([{ qty: 0, amountFen: 0 }, 2, { qty: 6, amountFen: 600 }]);
    // a period with no moves: nothing in it, and it opens and closes on the same balance
    const after = await card({ from: '2026-12-10', to: '2026-12-31' });
    expect([after.opening, after.rows, after.closing]).toEqual([{ qty: 3, amountFen: 360 }, [], { qty: 3, amountFen: 360 }]);
    const before = await card({ from: '2026-01-01', to: '2026-11-28' });
    expect([before.opening, before.rows, before.closing]).toEqual([{ qty: 0, amountFen: 0 }, [], { qty: 0, amountFen: 0 }]);
    // an item that never moved
    const still = ok(await o.core.call('stock.card', { itemId: o.itemId('WY-1002') }, { sessionToken: o.tokens.finance }));
    expect([still.opening, still.rows, still.closing, still.nextCursor]).toEqual([{ qty: 0, amountFen: 0 }, [], { qty: 0, amountFen: 0 }, null]);
  });

  it('paging with the cursor returns every row exactly once, whole card or a period', async () => {
    for (const [filter, limit] of [
      [{}, 1],
      [{}, 2],
      [{}, 4],
      [{}, 9],
      [{ from: '2026-11-30', to: '2026-12-02' }, 2],
      [{ from: '2026-12-01' }, 3],
    ] as const) {
      const all = (await card(filter)).rows;
      const got: StockCardRow[] = [];
      let page: Output<'stock.card'> = await card({ ...filter, limit });
      let pages = 1;
      for (;;) {
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        got.push(...page.rows);
        expect(page.opening).toEqual((await card(filter)).opening);
        expect(page.closing).toEqual((await card(filter)).closing);
        if (page.nextCursor == null) break;
        expect(page.nextCursor).toBe(page.rows.at(-1)!.lastMoveId);
        page = await card({ ...filter, limit, cursor: page.nextCursor });
        pages++;
      }
      expect(got).toEqual(all);
      expect(new Set(got.map((r) => r.moveId)).size).toBe(all.length);
      expect(pages).toBe(Math.max(1, Math.ceil(all.length / limit)));
    }
  });

  it('refuses an unknown item, bad dates and cursors, and roles that do not keep the books', async () => {
    const nf = err(await o.core.call('stock.card', { itemId: 99999 }, { sessionToken: o.tokens.keeper }));
    expect([nf.code, nf.message_zh]).toEqual(['not_found', '找不到商品: 99999']);
    for (const bad of [{ from: '2026/11/29' }, { to: '29-11-2026' }, { cursor: 0 }, { limit: 0 }, { limit: 1001 }, { itemId: 'x' }])
      expect(err(await o.core.callUnknown('stock.card', { itemId: item, ...bad }, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
    // a period that ends before it starts has no opening and closing balance to show
    const backwards = err(await o.core.call('stock.card', { itemId: item, from: '2026-12-02', to: '2026-11-30' }, { sessionToken: o.tokens.keeper }));
    expect(backwards.code).toBe('invalid_input');
    expect(backwards.message_zh).toBe('输入有误: 起始日期 2026-12-02 晚于截止日期 2026-11-30');
    expect(backwards.message_en).toBe('Invalid input: from 2026-12-02 is after to 2026-11-30');
    for (const role of ['sales', 'shipper', 'admin'] as const)
      expect(err(await o.core.call('stock.card', { itemId: item }, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    for (const role of ['keeper', 'manager', 'statistician', 'finance'] as const)
      expect(ok(await o.core.call('stock.card', { itemId: item }, { sessionToken: o.tokens[role] })).rows).toHaveLength(9);
  });

  it('on hand: quantity and value per item and in total, below safety stock flagged', async () => {
    const all = ok(await o.core.call('stock.onHand', {}, { sessionToken: o.tokens.statistician }));
    // a salesperson sees the same quantities without their value (保密制度)
    const sales = ok(await o.core.call('stock.onHand', {}, { sessionToken: o.tokens.sales }));
    expect(sales.rows.map((r) => [r.code, r.qty, r.amountFen])).toEqual(all.rows.map((r) => [r.code, r.qty, null]));
    expect(sales.totalAmountFen).toBeNull();
    const items = ok(await o.core.call('items.list', { limit: 1000 }, { sessionToken: o.tokens.keeper }));
    expect(all.rows.map((r) => r.code)).toEqual(items.rows.map((i) => i.code)); // every active item, by code
    const row = (code: string) => all.rows.find((r) => r.code === code)!;
    expect(row('CZ-8801')).toEqual({
      itemId: item,
      code: 'CZ-8801',
      name: '抛光砖 雅典米白',
      spec: '800×800mm',
      unit: '片',
      location: 'A-01-1',
      qty: 3,
      defectiveQty: 0,
      amountFen: 360,
      safetyStock: 120,
      belowSafety: true,
      lastMoveAt: '2026-12-03T02:00:00.000Z',
    });
    expect(row('CZ-8802')).toMatchObject({ qty: 200, amountFen: 200 * 5850, belowSafety: false, lastMoveAt: '2026-12-01T02:00:00.000Z' });
    expect(row('WY-1002')).toMatchObject({ qty: 0, amountFen: 0, safetyStock: 4, belowSafety: true, lastMoveAt: null });
    expect(all.totalQty).toBe(203);
    expect(all.totalAmountFen).toBe(360 + 200 * 5850);
    // below safety only: the totals are of the rows shown
    const low = ok(await o.core.call('stock.onHand', { belowSafetyOnly: true }, { sessionToken: o.tokens.keeper }));
    expect(low.rows.every((r) => r.belowSafety)).toBe(true);
    expect(low.rows.map((r) => r.code)).not.toContain('CZ-8802');
    expect(low.rows).toHaveLength(all.rows.length - 1);
    expect([low.totalQty, low.totalAmountFen]).toEqual([3, 360]);
    // by search (pinyin, barcode) and by ids
    const pgz = ok(await o.core.call('stock.onHand', { query: 'pgz' }, { sessionToken: o.tokens.keeper }));
    expect([pgz.rows.map((r) => r.code), pgz.totalQty]).toEqual([['CZ-8801', 'CZ-8802'], 203]);
    expect(ok(await o.core.call('stock.onHand', { query: '6923456000131' }, { sessionToken: o.tokens.keeper })).rows.map((r) => r.code)).toEqual(['CZ-8802']);
    const byIds = ok(await o.core.call('stock.onHand', { itemIds: [o.itemId('CZ-8802'), item, 99999] }, { sessionToken: o.tokens.keeper }));
    expect(byIds.rows.map((r) => r.code)).toEqual(['CZ-8801', 'CZ-8802']);
    expect(ok(await o.core.call('stock.onHand', { itemIds: [] }, { sessionToken: o.tokens.keeper }))).toEqual({ rows: [], totalQty: 0, totalAmountFen: 0 });
    // no safety stock set and nothing on hand is not "below"
    const fresh = ok(await o.core.call('items.create', { code: 'ZZ-1', name: '新品', unit: '件' }, { sessionToken: o.tokens.keeper }));
    expect(ok(await o.core.call('stock.onHand', { itemIds: [fresh.id] }, { sessionToken: o.tokens.keeper })).rows[0]).toMatchObject({
      qty: 0,
      belowSafety: false,
    });
    // inactive items are left out
    ok(await o.core.call('items.update', { itemId: fresh.id, active: false }, { sessionToken: o.tokens.keeper }));
    expect(ok(await o.core.call('stock.onHand', { itemIds: [fresh.id] }, { sessionToken: o.tokens.keeper })).rows).toEqual([]);
    for (const role of ['shipper', 'admin'] as const)
      expect(err(await o.core.call('stock.onHand', {}, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    expect(err(await o.core.callUnknown('stock.onHand', { itemIds: [0] }, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
    expect(err(await o.core.call('stock.onHand', {})).code).toBe('not_logged_in');
  });

  it('system.verify: clean books, with what it checked; only the admin and the manager may run it', async () => {
    const r = ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.admin }));
    const n = (q: string) => o.core.db.prepare(q).pluck().get() as number;
    expect(r).toEqual({
      ok: true,
      checked: {
        items: n('SELECT COUNT(*) FROM items'),
        moves: n('SELECT COUNT(*) FROM stock_moves'),
        layers: n('SELECT COUNT(*) FROM stock_layers'),
        auditRows: n('SELECT COUNT(*) FROM audit_log'),
        slips: n('SELECT COUNT(*) FROM slips'),
      },
      problems: [],
      // no day closed yet: nothing anchored (tests/ledger/audit-anchors.test.ts)
      anchors: expect.objectContaining({ checkedToSeq: null, unanchoredRows: n('SELECT COUNT(*) FROM audit_log'), notes: [] }),
    });
    expect(r.checked.moves).toBe(10);
    for (const role of ['keeper', 'finance', 'statistician', 'sales', 'shipper'] as const)
      expect(err(await o.core.call('system.verify', {}, { sessionToken: o.tokens[role] })).code).toBe('forbidden');
    expect(ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager })).ok).toBe(true);
  });
});
