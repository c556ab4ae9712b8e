// Posting slips to the books: signatures before posting, what each kind requires, stock
// sufficiency (all short lines at once, nothing posted), FIFO costs to the fen across layers,
// customer returns at the cost they went out at, reversals (红字冲销) that restore exactly what moved,
// and the database triggers that keep posted slips, stock moves and the audit log append-only.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { REVERSE_SIGNOFFS } from '../helpers/index';

type L = [code: string, qty: number, cost: number];

let notes = 0;
/** each receipt under its own delivery note number (one posted twice needs a second delivery's reason) */
async function receive(o: DemoOffice, lines: L[], note = `HQ-IN-${++notes}`): Promise<Slip> {
  const s = ok(
    await o.core.call(
      'slips.create',
      {
        kind: 'inbound',
        supplierId: o.supplierId,
        deliveryNoteNo: note,
        lines: lines.map(([c, qty, unitCostFen]) => ({ itemId: o.itemId(c), qty, unitCostFen })),
      },
      { sessionToken: o.tokens.keeper },
    ),
  );
  return ok(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
}

async function signedDispatch(o: DemoOffice, lines: [code: string, qty: number][], customer = 'KH001'): Promise<Slip> {
  const d = ok(
    await o.core.call(
      'slips.create',
      { kind: 'dispatch', customerId: o.customerId(customer), paymentMode: 'credit', lines: lines.map(([c, qty]) => ({ itemId: o.itemId(c), qty })) },
      { sessionToken: o.tokens.sales },
    ),
  );
  ok(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.sales }));
  return ok(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, { sessionToken: o.tokens.sales }));
}

async function dispatch(o: DemoOffice, lines: [code: string, qty: number][], customer = 'KH001'): Promise<Slip> {
  const d = await signedDispatch(o, lines, customer);
  return ok(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
}

async function signedReturn(o: DemoOffice, d: Slip, lines: [lineIdx: number, qty: number][]): Promise<Slip> {
  const r = ok(
    await o.core.call(
      'slips.create',
      {
        kind: 'return',
        sourceSlipId: d.id,
        paymentMode: 'credit',
        lines: lines.map(([i, qty]) => ({ itemId: d.lines[i].itemId, qty, sourceLineId: d.lines[i].id })),
      },
      { sessionToken: o.tokens.sales },
    ),
  );
  return ok(await o.core.call('slips.sign', { slipId: r.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.sales }));
}

async function returned(o: DemoOffice, d: Slip, lines: [lineIdx: number, qty: number][]): Promise<Slip> {
  const r = await signedReturn(o, d, lines);
  return ok(await o.core.call('slips.post', { slipId: r.id }, { sessionToken: o.tokens.keeper }));
}

interface LayerRow {
  id: number;
  item_id: number;
  in_qty: number;
  in_amount_fen: number;
  remaining_qty: number;
  remaining_amount_fen: number;
}
const layers = (o: DemoOffice, code: string) => o.core.db.prepare('SELECT * FROM stock_layers WHERE item_id = ? ORDER BY id').all(o.itemId(code)) as LayerRow[];
const moves = (o: DemoOffice, slipId: number) =>
  o.core.db.prepare('SELECT id, item_id, direction, qty, amount_fen, layer_id, source_move_id FROM stock_moves WHERE slip_id = ? ORDER BY id').all(slipId) as {
    id: number;
    item_id: number;
    direction: string;
    qty: number;
    amount_fen: number;
    layer_id: number;
    source_move_id: number | null;
  }[];
async function onHand(o: DemoOffice, code: string): Promise<[qty: number, fen: number]> {
  const r = ok(await o.core.call('stock.onHand', { itemIds: [o.itemId(code)] }, { sessionToken: o.tokens.keeper })).rows[0];
  return [r.qty, r.amountFen!];
}
const get = async (o: DemoOffice, id: number) => ok(await o.core.call('slips.get', { slipId: id }, { sessionToken: o.tokens.keeper }));
const count = (o: DemoOffice, table: string) => o.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
async function verifyClean(o: DemoOffice) {
  expect(ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager })).problems).toEqual([]);
}

describe('posting: signatures and what each kind requires', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
    await receive(o, [['CZ-8801', 50, 5200]]);
  });
  afterAll(() => o.close());

  it('a dispatch is posted only by the keeper, only once the manager and then finance have signed', async () => {
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH001'), paymentMode: 'cash', lines: [{ itemId: o.itemId('CZ-8801'), qty: 2 }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    const none = err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
    expect(none.code).toBe('signature_required');
    expect(none.details).toEqual({ no: d.no, missing: ['office manager', 'finance supervisor'], missing_zh: ['办事处经理', '财务主管'] });
    expect(none.message_zh).toBe(`单据 ${d.no} 缺少签字: 办事处经理、财务主管`);
    expect(none.message_en).toBe(`Slip ${d.no} still needs signatures: office manager, finance supervisor`);
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.sales }));
    const half = err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
    expect(half.details.missing_zh).toEqual(['财务主管']);
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, { sessionToken: o.tokens.sales }));
    for (const role of ['manager', 'finance', 'sales', 'statistician', 'shipper', 'admin'] as const) {
      const e = err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens[role] }));
      expect(e.code).toBe('forbidden');
      expect(e.message_zh).toBe('当前登录的角色无权执行此操作(需要: 库管员)');
    }
    expect((await get(o, d.id)).state).toBe('draft');
    o.clock.advance(30_000);
    const posted = ok(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
    const keeper = ok(await o.core.call('auth.whoami', {}, { sessionToken: o.tokens.keeper }));
    expect(posted).toMatchObject({
      state: 'posted',
      postedBy: { id: keeper.id, name: '王强' },
      postedAt: new Date(o.clock.t).toISOString(),
      version: d.version + 1,
      missingSignatures: [],
    });
    expect(posted.signatures.every((s) => s.valid)).toBe(true);
    expect(posted.lines[0]).toMatchObject({ qty: 2, shippedQty: 2, costFen: 2 * 5200, returnableQty: 2, amountFen: 2 * 7800 });
    const again = err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
    expect([again.code, again.message_zh]).toEqual(['slip_not_draft', `单据 ${d.no} 不是草稿(当前: 已过账), 不能修改`]);
    expect(err(await o.core.call('slips.post', { slipId: 9999 }, { sessionToken: o.tokens.keeper })).code).toBe('not_found');
    expect(err(await o.core.call('slips.post', {} as never, { sessionToken: o.tokens.keeper })).code).toBe('invalid_input');
  });

  it('an inbound slip needs a supplier, HQ’s delivery note number and a unit cost on every line', async () => {
    const item = o.itemId('WY-2002');
    const s = ok(await o.core.call('slips.create', { kind: 'inbound', lines: [] }, { sessionToken: o.tokens.keeper }));
    const empty = err(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
    expect([empty.code, empty.message_zh, empty.message_en]).toEqual([
      'slip_empty',
      `单据 ${s.no} 没有明细行, 不能过账`,
      `Slip ${s.no} has no lines and cannot be posted`,
    ]);
    ok(
      await o.core.call(
        'slips.update',
        {
          slipId: s.id,
          deliveryNoteNo: 'HQ-88',
          lines: [
            { itemId: item, qty: 2, unitCostFen: 126000 },
            { itemId: item, qty: 1 },
          ],
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    const noSupplier = err(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
    expect([noSupplier.code, noSupplier.message_zh, noSupplier.message_en]).toEqual(['slip_field_required', '请填写供应商', 'supplier is required']);
    ok(await o.core.call('slips.update', { slipId: s.id, supplierId: o.supplierId, deliveryNoteNo: null }, { sessionToken: o.tokens.keeper }));
    const noNote = err(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
    expect([noNote.message_zh, noNote.message_en]).toEqual(['请填写随货同行联号', 'delivery note no. (随货同行联) is required']);
    ok(await o.core.call('slips.update', { slipId: s.id, deliveryNoteNo: 'HQ-88' }, { sessionToken: o.tokens.keeper }));
    const noCost = err(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
    expect([noCost.message_zh, noCost.message_en]).toEqual(['请填写第 2 行的单位成本', 'unit cost of line 2 is required']);
    expect(count(o, `stock_moves WHERE item_id = ${item}`)).toBe(0);
    // a free sample (unit cost 0) is a cost all the same
    ok(
      await o.core.call(
        'slips.update',
        {
          slipId: s.id,
          lines: [
            { itemId: item, qty: 2, unitCostFen: 126000 },
            { itemId: item, qty: 1, unitCostFen: 0 },
          ],
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    const posted = ok(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
    expect(posted.lines.map((l) => [l.qty, l.shippedQty, l.amountFen, l.costFen, l.returnableQty])).toEqual([
      [2, 2, 252000, 252000, null],
      [1, 1, 0, 0, null],
    ]);
    expect(layers(o, 'WY-2002').map((l) => [l.in_qty, l.in_amount_fen, l.remaining_qty, l.remaining_amount_fen])).toEqual([
      [2, 252000, 2, 252000],
      [1, 0, 1, 0],
    ]);
    expect(await onHand(o, 'WY-2002')).toEqual([3, 252000]);
  });

  it('a return needs its dispatch and a refund mode, and the manager’s signature', async () => {
    const d = await dispatch(o, [['CZ-8801', 3]]);
    const r = ok(await o.core.call('slips.create', { kind: 'return', lines: [] }, { sessionToken: o.tokens.keeper }));
    ok(
      await o.core.call(
        'slips.update',
        { slipId: r.id, sourceSlipId: d.id, lines: [{ itemId: d.lines[0].itemId, qty: 1, sourceLineId: d.lines[0].id }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(err(await o.core.call('slips.post', { slipId: r.id }, { sessionToken: o.tokens.keeper })).message_zh).toBe('请填写退款方式');
    const withPay = ok(await o.core.call('slips.update', { slipId: r.id, paymentMode: 'cash' }, { sessionToken: o.tokens.keeper }));
    expect(withPay).toMatchObject({ customerId: o.customerId('KH001'), sourceSlipNo: d.no, requiredSignatures: ['manager'], missingSignatures: ['manager'] });
    const unsigned = err(await o.core.call('slips.post', { slipId: r.id }, { sessionToken: o.tokens.keeper }));
    expect(unsigned.code).toBe('signature_required');
    expect(unsigned.details.missing_zh).toEqual(['办事处经理']);
    ok(await o.core.call('slips.sign', { slipId: r.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.keeper }));
    const posted = ok(await o.core.call('slips.post', { slipId: r.id }, { sessionToken: o.tokens.keeper }));
    expect(posted.lines[0]).toMatchObject({ qty: 1, shippedQty: 1, costFen: 5200, amountFen: 7800, returnableQty: null });
    await verifyClean(o);
  });
});

describe('dispatch beyond what is on hand', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
    await receive(o, [
      ['CZ-8801', 10, 5200],
      ['CZ-8802', 2, 5850],
      ['CZ-6601', 50, 3120],
    ]);
  });
  afterAll(() => o.close());

  it('is refused with every short item listed, and nothing is posted', async () => {
    const d = await signedDispatch(o, [
      ['CZ-8801', 4],
      ['CZ-8802', 5],
      ['CZ-6601', 1],
      ['CZ-8803', 1],
      ['CZ-8801', 7],
    ]);
    const before = {
      moves: count(o, 'stock_moves'),
      audit: count(o, 'audit_log'),
      layers: o.core.db.prepare('SELECT * FROM stock_layers ORDER BY id').all(),
      onHand: ok(await o.core.call('stock.onHand', {}, { sessionToken: o.tokens.keeper })),
    };
    const e = err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper }));
    expect(e.code).toBe('insufficient_stock');
    expect(e.details.lines).toEqual([
      { itemCode: 'CZ-8801', itemName: '抛光砖 雅典米白', needed: 11, onHand: 10 },
      { itemCode: 'CZ-8802', itemName: '抛光砖 卡拉拉白', needed: 5, onHand: 2 },
      { itemCode: 'CZ-8803', itemName: '大理石瓷砖 鱼肚白', needed: 1, onHand: 0 },
    ]);
    expect(e.message_zh).toBe(
      '库存不足, 未过账: CZ-8801 抛光砖 雅典米白 需 11, 现存 10; CZ-8802 抛光砖 卡拉拉白 需 5, 现存 2; CZ-8803 大理石瓷砖 鱼肚白 需 1, 现存 0',
    );
    expect(e.message_en).toBe('Not enough stock, nothing posted: CZ-8801 needs 11, on hand 10; CZ-8802 needs 5, on hand 2; CZ-8803 needs 1, on hand 0');
    const after = await get(o, d.id);
    expect(after).toEqual(d); // still a signed draft, unchanged
    expect(count(o, 'stock_moves')).toBe(before.moves);
    expect(count(o, 'audit_log')).toBe(before.audit);
    expect(o.core.db.prepare('SELECT * FROM stock_layers ORDER BY id').all()).toEqual(before.layers);
    expect(ok(await o.core.call('stock.onHand', {}, { sessionToken: o.tokens.keeper }))).toEqual(before.onHand);
    // exactly what is on hand can go
    const fits = await dispatch(o, [
      ['CZ-8801', 4],
      ['CZ-8802', 2],
      ['CZ-8801', 6],
    ]);
    expect(fits.state).toBe('posted');
    expect(await onHand(o, 'CZ-8801')).toEqual([0, 0]);
    expect(await onHand(o, 'CZ-8802')).toEqual([0, 0]);
    expect(err(await o.core.call('slips.post', { slipId: d.id }, { sessionToken: o.tokens.keeper })).details.lines).toHaveLength(3);
    await verifyClean(o);
  });
});

describe('FIFO costs, returns and reversals', () => {
  let o: DemoOffice;
  beforeEach(async () => {
    o = await demoOffice();
  });
  afterEach(() => o.close());

  it('takes the oldest layers first, one out move per layer, exact to the fen', async () => {
    // three layers at awkward unit costs: 3 × 333, 4 × 1001, 5 × 7
    const i1 = await receive(o, [['CZ-6601', 3, 333]], 'HQ-1');
    const i2 = await receive(o, [['CZ-6601', 4, 1001]], 'HQ-2');
    await receive(o, [['CZ-6601', 5, 7]], 'HQ-3');
    expect(await onHand(o, 'CZ-6601')).toEqual([12, 999 + 4004 + 35]);
    const d1 = await dispatch(o, [['CZ-6601', 5]]);
    expect(d1.lines[0]).toMatchObject({ shippedQty: 5, costFen: 999 + 2002, returnableQty: 5 });
    expect(moves(o, d1.id).map((m) => [m.direction, m.qty, m.amount_fen])).toEqual([
      ['out', 3, 999],
      ['out', 2, 2002],
    ]);
    const d2 = await dispatch(o, [
      ['CZ-6601', 1],
      ['CZ-6601', 3],
    ]);
    expect(d2.lines.map((l) => l.costFen)).toEqual([1001, 1001 + 2 * 7]);
    expect(moves(o, d2.id).map((m) => [m.qty, m.amount_fen])).toEqual([
      [1, 1001],
      [1, 1001],
      [2, 14],
    ]);
    expect(layers(o, 'CZ-6601').map((l) => [l.remaining_qty, l.remaining_amount_fen])).toEqual([
      [0, 0],
      [0, 0],
      [3, 21],
    ]);
    // value in = cost out + value on hand
    expect(await onHand(o, 'CZ-6601')).toEqual([3, 21]);
    expect(999 + 4004 + 35).toBe(d1.lines[0].costFen! + d2.lines[0].costFen! + d2.lines[1].costFen! + 21);
    expect([i1.lines[0].costFen, i2.lines[0].costFen]).toEqual([999, 4004]);
    await verifyClean(o);
  });

  it('a customer return comes back at the cost it went out at, never more than went out and has not come back', async () => {
    await receive(o, [['CZ-6601', 3, 333]], 'HQ-1');
    await receive(o, [['CZ-6601', 4, 1001]], 'HQ-2');
    const d = await dispatch(o, [['CZ-6601', 5]], 'KH002'); // 3 × 333 + 2 × 1001
    // the latest takes come back first: 2 × 1001 and 1 × 333
    const r1 = await returned(o, d, [[0, 3]]);
    expect(r1).toMatchObject({ kind: 'return', state: 'posted', customerName: '华美装饰工程有限公司', sourceSlipNo: d.no });
    expect(r1.lines[0]).toMatchObject({ qty: 3, shippedQty: 3, costFen: 2002 + 333, priceFen: d.lines[0].priceFen, amountFen: 3 * d.lines[0].priceFen! });
    expect(moves(o, r1.id).map((m) => [m.direction, m.qty, m.amount_fen])).toEqual([
      ['in', 2, 2002],
      ['in', 1, 333],
    ]);
    expect((await get(o, d.id)).lines[0].returnableQty).toBe(2);
    expect(await onHand(o, 'CZ-6601')).toEqual([2 + 3, 2002 + 2335]);

    // more than is left to return: refused at create, at update, and at post
    const over = err(
      await o.core.call(
        'slips.create',
        { kind: 'return', sourceSlipId: d.id, paymentMode: 'credit', lines: [{ itemId: d.lines[0].itemId, qty: 3, sourceLineId: d.lines[0].id }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    expect(over.code).toBe('return_exceeds_dispatch');
    expect(over.details.lines).toEqual([{ itemCode: 'CZ-6601', requested: 3, returnable: 2 }]);
    expect(over.message_zh).toBe('退货数量超过可退数量: CZ-6601 退 3, 可退 2');
    expect(over.message_en).toBe('Return exceeds what can be returned: CZ-6601 3 > 2');
    // two drafts of 2 each fit alone; once one is posted the other no longer does
    const ra = await signedReturn(o, d, [[0, 2]]);
    const rb = await signedReturn(o, d, [[0, 2]]);
    const pa = ok(await o.core.call('slips.post', { slipId: ra.id }, { sessionToken: o.tokens.keeper }));
    expect(pa.lines[0].costFen).toBe(666); // the other 2 of the 3 × 333 take
    const eb = err(await o.core.call('slips.post', { slipId: rb.id }, { sessionToken: o.tokens.keeper }));
    expect(eb.code).toBe('return_exceeds_dispatch');
    expect(eb.details.lines).toEqual([{ itemCode: 'CZ-6601', requested: 2, returnable: 0 }]);
    expect((await get(o, rb.id)).state).toBe('draft');
    // all that went out came back, at exactly its cost
    expect(r1.lines[0].costFen! + pa.lines[0].costFen!).toBe(d.lines[0].costFen);
    expect((await get(o, d.id)).lines[0].returnableQty).toBe(0);
    await verifyClean(o);
  });

  it('a return must match its dispatch: kind, state, lines, item, customer and price', async () => {
    await receive(o, [
      ['CZ-8801', 10, 5200],
      ['CZ-8802', 10, 5850],
    ]);
    const d = await dispatch(o, [
      ['CZ-8801', 2],
      ['CZ-8802', 2],
    ]);
    const other = await dispatch(o, [['CZ-8801', 1]]);
    const draft = await signedDispatch(o, [['CZ-8801', 1]]);
    const inb = await receive(o, [['CZ-8801', 1, 1]]);
    const t = { sessionToken: o.tokens.sales };
    const line = (s: Slip, i: number, qty = 1) => ({ itemId: s.lines[i].itemId, qty, sourceLineId: s.lines[i].id });
    const notPosted = err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: draft.id, lines: [line(draft, 0)] }, t));
    expect([notPosted.code, notPosted.message_zh]).toEqual(['slip_not_posted', `单据 ${draft.no} 尚未过账(当前: 草稿)`]);
    const wrongKind = err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: inb.id }, t));
    expect([wrongKind.code, wrongKind.message_zh, wrongKind.message_en]).toEqual([
      'wrong_slip_kind',
      `单据 ${inb.no} 不是发货单`,
      `Slip ${inb.no} is not a dispatch slip`,
    ]);
    const mismatch = err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id, lines: [line(d, 0), line(other, 0)] }, t));
    expect([mismatch.code, mismatch.message_zh, mismatch.message_en]).toEqual([
      'return_line_mismatch',
      '第 2 行不属于所退的发货单',
      'Line 2 does not belong to the dispatch being returned',
    ]);
    const wrongItem = err(
      await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id, lines: [{ itemId: d.lines[1].itemId, qty: 1, sourceLineId: d.lines[0].id }] }, t),
    );
    expect(wrongItem.code).toBe('return_line_mismatch');
    expect(err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id, lines: [{ itemId: d.lines[0].itemId, qty: 1 }] }, t)).code).toBe(
      'return_line_mismatch',
    );
    const noSource = err(await o.core.call('slips.create', { kind: 'return', lines: [line(d, 0)] }, t));
    expect([noSource.code, noSource.message_zh]).toEqual(['slip_field_required', '请填写原发货单']);
    const otherCustomer = err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id, customerId: o.customerId('KH003') }, t));
    expect([otherCustomer.code, otherCustomer.message_zh]).toEqual(['invalid_input', '输入有误: 退货单的客户须与原发货单一致']);
    const otherPrice = err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id, lines: [{ ...line(d, 0), priceFen: 1 }] }, t));
    expect([otherPrice.code, otherPrice.message_zh]).toEqual(['invalid_input', '输入有误: 第 1 行: 退货按原发货单价']);
    expect(err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: 9999 }, t)).code).toBe('not_found');
    // changing the dispatch of a return with lines needs the lines again
    const r = ok(await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id, paymentMode: 'cash', lines: [line(d, 1, 2)] }, t));
    expect(r.customerId).toBe(o.customerId('KH001'));
    expect(r.lines[0]).toMatchObject({ itemCode: 'CZ-8802', qty: 2, priceFen: 8800, amountFen: 17600, sourceLineId: d.lines[1].id });
    expect(err(await o.core.call('slips.update', { slipId: r.id, sourceSlipId: other.id }, t)).message_en).toBe(
      'Invalid input: changing the dispatch of a return needs its lines re-entered',
    );
    const moved = ok(await o.core.call('slips.update', { slipId: r.id, sourceSlipId: other.id, lines: [line(other, 0)] }, t));
    expect(moved.sourceSlipNo).toBe(other.no);
  });

  it('reversing an inbound slip takes its layer back out; refused once any of it has been issued', async () => {
    const inb = await receive(o, [['WY-3001', 5, 45800]], 'HQ-R1');
    const { original, reversal } = ok(
      await o.core.call('slips.reverse', { slipId: inb.id, reason: '随货同行联录错', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }),
    );
    expect(original).toMatchObject({ id: inb.id, state: 'posted', reversedBy: { id: reversal.id, no: reversal.no } });
    expect(reversal).toMatchObject({
      kind: 'reversal',
      state: 'posted',
      no: 'HC202611290001',
      sourceSlipId: inb.id,
      sourceSlipNo: inb.no,
      supplierName: '营销中心总部仓',
      deliveryNoteNo: 'HQ-R1',
      reason: '随货同行联录错',
      requiredSignatures: [],
      missingSignatures: [],
    });
    expect(reversal.lines.map((l) => [l.itemCode, l.qty, l.amountFen, l.costFen, l.sourceLineId])).toEqual([['WY-3001', 5, 229000, -229000, inb.lines[0].id]]);
    expect(await onHand(o, 'WY-3001')).toEqual([0, 0]);
    expect(layers(o, 'WY-3001').map((l) => [l.in_qty, l.remaining_qty, l.remaining_amount_fen])).toEqual([[5, 0, 0]]);
    expect(moves(o, reversal.id).map((m) => [m.direction, m.qty, m.amount_fen])).toEqual([['in', -5, -229000]]);
    expect(ok(await o.core.call('slips.list', { query: inb.no }, { sessionToken: o.tokens.keeper })).rows[0].reversedBy).toEqual({
      id: reversal.id,
      no: reversal.no,
    });

    // once goods of a receipt have gone out, it cannot be reversed
    const i2 = await receive(o, [
      ['WY-3002', 3, 16800],
      ['WY-4001', 10, 1850],
    ]);
    await dispatch(o, [['WY-3002', 1]]);
    const hcBefore = count(o, "slips WHERE kind = 'reversal'");
    const e = err(await o.core.call('slips.reverse', { slipId: i2.id, reason: '退回总部', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    expect(e.code).toBe('layers_consumed');
    expect(e.details).toEqual({ no: i2.no, lines: [{ itemCode: 'WY-3002' }] });
    expect(e.message_zh).toBe(`单据 ${i2.no} 入库的货已部分出库(WY-3002), 不能冲销`);
    expect(e.message_en).toBe(`Goods received on ${i2.no} have already been issued in part (WY-3002); it cannot be reversed`);
    expect((await get(o, i2.id)).reversedBy).toBeNull();
    expect(count(o, "slips WHERE kind = 'reversal'")).toBe(hcBefore);
    await verifyClean(o); // no number was taken by the refused reversal
  });

  it('reversing a dispatch restores exactly the layers it took', async () => {
    await receive(o, [['CZ-6602', 2, 500]], 'HQ-1');
    await receive(o, [['CZ-6602', 3, 701]], 'HQ-2');
    const before = layers(o, 'CZ-6602');
    const d = await dispatch(o, [['CZ-6602', 4]]);
    const out = moves(o, d.id);
    expect(out.map((m) => [m.layer_id, m.qty, m.amount_fen])).toEqual([
      [before[0].id, 2, 1000],
      [before[1].id, 2, 1402],
    ]);
    expect(layers(o, 'CZ-6602').map((l) => [l.remaining_qty, l.remaining_amount_fen])).toEqual([
      [0, 0],
      [1, 701],
    ]);
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: d.id, reason: '客户改单', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    expect(layers(o, 'CZ-6602')).toEqual(before);
    // the reversal's moves undo each take, newest first, pointing at the move they undo
    expect(moves(o, reversal.id).map((m) => [m.direction, m.qty, m.amount_fen, m.layer_id, m.source_move_id])).toEqual([
      ['out', -2, -1402, before[1].id, out[1].id],
      ['out', -2, -1000, before[0].id, out[0].id],
    ]);
    expect(reversal.lines.map((l) => [l.qty, l.costFen])).toEqual([[4, -2402]]);
    expect(await onHand(o, 'CZ-6602')).toEqual([5, 1000 + 2103]);
    expect((await get(o, d.id)).lines[0].returnableQty).toBeNull(); // nothing left to return on a reversed dispatch
    // and FIFO goes on from the oldest layer again
    const d2 = await dispatch(o, [['CZ-6602', 1]]);
    expect(d2.lines[0].costFen).toBe(500);
    await verifyClean(o);
  });

  it('a dispatch with a posted return is reversed only after the return; a reversed return gives its goods back to the dispatch', async () => {
    await receive(o, [['CZ-3001', 10, 960]], 'HQ-1');
    await receive(o, [['CZ-3001', 10, 1000]], 'HQ-2');
    const d = await dispatch(o, [['CZ-3001', 15]]);
    const beforeDispatchLayers = layers(o, 'CZ-3001');
    const r1 = await returned(o, d, [[0, 4]]);
    const r2 = await returned(o, d, [[0, 1]]);
    expect([r1.lines[0].costFen, r2.lines[0].costFen]).toEqual([4000, 1000]);
    const blocked = err(await o.core.call('slips.reverse', { slipId: d.id, reason: '整单冲销', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    expect(blocked.code).toBe('slip_has_returns');
    expect(blocked.details).toEqual({ no: d.no, returnNos: [r1.no, r2.no] });
    expect(blocked.message_zh).toBe(`发货单 ${d.no} 已有退货单 ${r1.no}、${r2.no}, 请先冲销退货单`);
    expect(blocked.message_en).toBe(`Dispatch ${d.no} has returns ${r1.no}, ${r2.no}: reverse those first`);
    // reversing a return takes its goods back out and makes them returnable again
    const rev1 = ok(await o.core.call('slips.reverse', { slipId: r1.id, reason: '退货单录错', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    expect(rev1.reversal.lines.map((l) => [l.qty, l.costFen])).toEqual([[4, -4000]]);
    expect(moves(o, rev1.reversal.id).map((m) => [m.direction, m.qty, m.amount_fen])).toEqual([['in', -4, -4000]]);
    expect((await get(o, d.id)).lines[0].returnableQty).toBe(15 - 1);
    expect(
      err(await o.core.call('slips.reverse', { slipId: d.id, reason: '整单冲销', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager })).details.returnNos,
    ).toEqual([r2.no]);
    ok(await o.core.call('slips.reverse', { slipId: r2.id, reason: '退货单录错', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    const { original } = ok(await o.core.call('slips.reverse', { slipId: d.id, reason: '整单冲销', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    expect(original.reversedBy).not.toBeNull();
    // the receipt layers are whole again; the return layers are empty
    const after = layers(o, 'CZ-3001');
    expect(after.slice(0, 2).map((l) => [l.remaining_qty, l.remaining_amount_fen])).toEqual([
      [10, 9600],
      [10, 10000],
    ]);
    expect(after.slice(2).every((l) => l.remaining_qty === 0 && l.remaining_amount_fen === 0)).toBe(true);
    expect(beforeDispatchLayers.slice(0, 2).map((l) => [l.remaining_qty, l.remaining_amount_fen])).toEqual([
      [0, 0],
      [5, 5000],
    ]);
    expect(await onHand(o, 'CZ-3001')).toEqual([20, 19600]);
    // a return against a reversed dispatch is refused
    const e = err(await o.core.call('slips.create', { kind: 'return', sourceSlipId: d.id }, { sessionToken: o.tokens.sales }));
    expect(e.code).toBe('slip_already_reversed');
    await verifyClean(o);
  });

  it('a return whose goods went out again cannot be reversed', async () => {
    await receive(o, [['CZ-7501', 4, 2840]]);
    const d = await dispatch(o, [['CZ-7501', 4]]);
    const r = await returned(o, d, [[0, 2]]);
    await dispatch(o, [['CZ-7501', 1]]);
    const e = err(await o.core.call('slips.reverse', { slipId: r.id, reason: 'x', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    expect(e.code).toBe('layers_consumed');
    expect(e.details.lines).toEqual([{ itemCode: 'CZ-7501' }]);
  });

  it('a slip is reversed once; a reversal, a draft or a void is never reversed; posted slips are frozen', async () => {
    const inb = await receive(o, [['FL-0001', 10, 4200]]);
    const d = await dispatch(o, [['FL-0001', 2]]);
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: d.id, reason: '重复发货', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    const twice = err(await o.core.call('slips.reverse', { slipId: d.id, reason: '再冲', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    expect(twice.code).toBe('slip_already_reversed');
    expect(twice.message_zh).toBe(`单据 ${d.no} 已被红字冲销(${reversal.no})`);
    expect(twice.message_en).toBe(`Slip ${d.no} has already been reversed (${reversal.no})`);
    const ofReversal = err(
      await o.core.call('slips.reverse', { slipId: reversal.id, reason: '冲红字', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }),
    );
    expect(ofReversal.code).toBe('wrong_slip_kind');
    expect(ofReversal.message_zh).toBe(`单据 ${reversal.no} 不是进仓单、发货单或退货单`);
    const draft = ok(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.keeper }));
    const e = err(await o.core.call('slips.reverse', { slipId: draft.id, reason: 'x', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }));
    expect([e.code, e.message_zh, e.message_en]).toEqual([
      'slip_not_posted',
      `单据 ${draft.no} 尚未过账(当前: 草稿)`,
      `Slip ${draft.no} is not posted (it is draft)`,
    ]);
    ok(await o.core.call('slips.void', { slipId: draft.id, reason: '不要了' }, { sessionToken: o.tokens.keeper }));
    expect(err(await o.core.call('slips.reverse', { slipId: draft.id, reason: 'x', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper })).message_zh).toBe(
      `单据 ${draft.no} 尚未过账(当前: 已作废)`,
    );
    expect(err(await o.core.call('slips.reverse', { slipId: 9999, reason: 'x', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper })).code).toBe(
      'not_found',
    );
    expect(err(await o.core.call('slips.reverse', { slipId: inb.id, reason: '', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper })).code).toBe(
      'invalid_input',
    );
    for (const role of ['sales', 'statistician', 'finance', 'shipper'] as const)
      expect(err(await o.core.call('slips.reverse', { slipId: inb.id, reason: 'x', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens[role] })).code).toBe(
        'forbidden',
      );
    // posted slips (originals and reversals) cannot be edited, voided, signed or posted again
    for (const s of [inb, reversal]) {
      for (const [m, input] of [
        ['slips.update', { slipId: s.id, memo: '改' }],
        ['slips.void', { slipId: s.id, reason: '作废' }],
        ['slips.sign', { slipId: s.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }],
        ['slips.post', { slipId: s.id }],
      ] as const) {
        const token = m === 'slips.post' ? o.tokens.keeper : o.tokens.statistician;
        const x = err(await o.core.callUnknown(m, input, { sessionToken: token }));
        expect(x.code).toBe('slip_not_draft');
        expect(x.message_zh).toBe(`单据 ${s.no} 不是草稿(当前: 已过账), 不能修改`);
      }
    }
    expect(await get(o, inb.id)).toEqual({ ...inb, reversedBy: null });
    await verifyClean(o);
  });
});

describe('the database itself refuses changes to the books', () => {
  let o: DemoOffice;
  let posted: Slip;
  let voided: Slip;
  beforeAll(async () => {
    o = await demoOffice();
    await receive(o, [['CZ-8801', 5, 5200]]);
    posted = await dispatch(o, [['CZ-8801', 2]]);
    const v = ok(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.keeper }));
    voided = ok(await o.core.call('slips.void', { slipId: v.id, reason: 'x' }, { sessionToken: o.tokens.keeper }));
  });
  afterAll(() => o.close());

  it('stock moves, audit rows, requests, signatures, posted and voided slips and their lines cannot be updated or deleted', async () => {
    const db = o.core.db;
    const snapshot = () =>
      JSON.stringify(['stock_moves', 'audit_log', 'requests', 'signatures', 'slips', 'slip_lines'].map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
    const before = snapshot();
    const refused: [string, RegExp][] = [
      ['UPDATE stock_moves SET qty = qty + 1', /stock_moves is append-only/],
      ['DELETE FROM stock_moves', /stock_moves is append-only/],
      ["UPDATE audit_log SET method = 'x' WHERE seq = 1", /audit_log is append-only/],
      ['DELETE FROM audit_log WHERE seq = 1', /audit_log is append-only/],
      ["UPDATE requests SET method = 'x'", /requests is append-only/],
      [`UPDATE slips SET memo = 'x' WHERE id = ${posted.id}`, /a posted or voided slip cannot be changed/],
      [`UPDATE slips SET state = 'draft', post_seq = NULL WHERE id = ${posted.id}`, /a posted or voided slip cannot be changed/],
      [`UPDATE slips SET state = 'draft' WHERE id = ${voided.id}`, /a posted or voided slip cannot be changed/],
      [`DELETE FROM slips WHERE id = ${voided.id}`, /slips are never deleted/],
      [`UPDATE slip_lines SET qty = 1 WHERE slip_id = ${posted.id}`, /lines of a posted or voided slip cannot be changed/],
      [`DELETE FROM slip_lines WHERE slip_id = ${posted.id}`, /lines of a posted or voided slip cannot be changed/],
      [
        `INSERT INTO slip_lines (slip_id, line_no, item_id, qty, amount_fen) VALUES (${posted.id}, 9, ${o.itemId('CZ-8801')}, 1, 0)`,
        /lines of a posted or voided slip cannot be changed/,
      ],
      [`DELETE FROM signatures WHERE slip_id = ${posted.id}`, /signatures are never deleted/],
      [`UPDATE signatures SET user_id = 1 WHERE slip_id = ${posted.id}`, /a signature can only be dropped, never changed/],
    ];
    // a posted dispatch has moves and signatures, so each statement really has rows to refuse
    expect(count(o, `stock_moves WHERE slip_id = ${posted.id}`)).toBeGreaterThan(0);
    expect(count(o, `signatures WHERE slip_id = ${posted.id}`)).toBe(2);
    ok(await o.core.call('slips.create', { kind: 'inbound' }, { sessionToken: o.tokens.keeper, requestId: 'raw-1' }));
    const withRequest = snapshot();
    for (const [stmt, msg] of refused) expect(() => db.prepare(stmt).run(), stmt).toThrow(msg);
    expect(snapshot()).toBe(withRequest);
    expect(before).not.toBe(withRequest);
    await verifyClean(o);
  });
});
