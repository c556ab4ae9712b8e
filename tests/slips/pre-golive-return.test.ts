// A customer return without a dispatch in this desk (无原单退货: goods sold before go-live): the
// manager signs it and sets each line's unit cost (default: the item's latest unit cost, the last
// receipt layer's); posting receipts the goods as a new FIFO layer at that cost, dated the posting
// day, and refunds the refund price in cash or as a credit to the customer's receivable. The keeper
// cannot set the cost nor post it without the manager's signature; the slip, the list and the stock
// card say what it is; the books verify clean after it, and after its reversal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Slip, SlipLineInput } from '../../shared/contract';
import {
  balances,
  call,
  err,
  expectClean,
  financeOffice,
  must,
  ok,
  owed,
  payRefund,
  postedDispatch,
  receive,
  refused,
  type DemoOffice,
  type Who,
} from '../helpers/finance';
import { REVERSE_SIGNOFFS } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice(); // CZ-8801: 200 received at 52.00
});
afterEach(() => o.close());

const line = (code: string, qty: number, more: Partial<SlipLineInput> = {}): SlipLineInput => ({ itemId: o.itemId(code), qty, ...more });

function draft(who: Who, lines: SlipLineInput[], customer = 'KH001', paymentMode: 'cash' | 'credit' = 'credit'): Promise<Slip> {
  return must(o, who, 'slips.create', { kind: 'return', preGoLive: true, customerId: o.customerId(customer), paymentMode, lines });
}
const signManager = (slipId: number) => must(o, 'keeper', 'slips.sign', { slipId, role: 'manager', user: o.names.manager, pin: o.pins.manager });
const post = (slipId: number, picked?: { lineId: number; qty: number }[]) =>
  must(o, 'keeper', 'slips.post', { slipId, ...(picked ? { picked, confirmShort: true } : {}) });
const layers = (itemId: number) =>
  o.core.db.prepare('SELECT in_qty, in_amount_fen, remaining_qty FROM stock_layers WHERE item_id = ? ORDER BY id').all(itemId) as Record<string, number>[];

describe('a return without a dispatch (无原单退货)', () => {
  it('is drafted by the keeper at the item’s latest unit cost and the item’s price as refund price', async () => {
    await receive(o, [['CZ-8801', 3, 5333]]); // the latest layer: 53.33
    const d = await draft('keeper', [line('CZ-8801', 2), line('WY-4001', 5, { priceFen: 1500 })]);
    expect(d).toMatchObject({ kind: 'return', preGoLive: true, sourceSlipId: null, missingSignatures: ['manager'] });
    expect(d.lines.map((l) => [l.unitCostFen, l.priceFen, l.amountFen])).toEqual([
      [5333, 7800, 15600],
      [1850, 1500, 7500],
    ]);
    const cost = await must(o, 'keeper', 'stock.latestUnitCosts', { itemIds: [o.itemId('CZ-8801'), o.itemId('WY-1002')] });
    expect(cost.rows).toEqual([
      { itemId: o.itemId('CZ-8801'), unitCostFen: 5333 },
      { itemId: o.itemId('WY-1002'), unitCostFen: null },
    ]);
  });

  it('posting receipts a new layer at the manager’s cost, dated the posting day, and credits the receivable', async () => {
    const a = o.itemId('CZ-8801');
    const d = await draft('keeper', [line('CZ-8801', 4, { priceFen: 7000 })], 'KH002');
    const set = await must(o, 'manager', 'slips.update', { slipId: d.id, lines: [line('CZ-8801', 4, { unitCostFen: 4800, priceFen: 7000 })] });
    expect(set.lines[0].unitCostFen).toBe(4800);
    await signManager(d.id);
    const before = await owed(o, 'KH002');
    const p = await post(d.id);
    expect(p).toMatchObject({ state: 'posted', businessDate: '2026-11-29', preGoLive: true });
    expect(p.lines[0]).toMatchObject({ shippedQty: 4, costFen: 19200, amountFen: 28000 });
    expect(layers(a).at(-1)).toEqual({ in_qty: 4, in_amount_fen: 19200, remaining_qty: 4 });
    expect(await owed(o, 'KH002')).toBe(before - 28000);
    const moves = o.core.db.prepare('SELECT business_date, source_move_id FROM stock_moves WHERE slip_id = ?').all(d.id);
    expect(moves).toEqual([{ business_date: '2026-11-29', source_move_id: null }]);
    expectClean(o);
  });

  it('a cash refund pays the refund for what was received (a short receipt refunds less)', async () => {
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 10]]); // 780.00 in the till
    const d = await draft('keeper', [line('CZ-8801', 3, { priceFen: 7000 })], 'KH001', 'cash');
    await signManager(d.id);
    const cash = (await balances(o)).cash;
    const p = await post(d.id, [{ lineId: d.lines[0].id, qty: 2 }]);
    expect(p.lines[0]).toMatchObject({ shippedQty: 2, costFen: 10400 });
    expect(p.refund).toMatchObject({ state: 'pending', amountFen: 14000, account: 'cash' });
    expect((await balances(o)).cash).toBe(cash); // nothing leaves the box until finance confirms
    await payRefund(o, p.id);
    expect((await balances(o)).cash).toBe(cash - 14000);
    expectClean(o);
  });

  it('is refused without the manager’s signature, and the keeper cannot set or change the cost', async () => {
    const d = await draft('keeper', [line('CZ-8801', 2)]);
    expect((await refused(o, 'keeper', 'slips.post', { slipId: d.id })).code).toBe('signature_required');
    const e = await refused(o, 'keeper', 'slips.update', { slipId: d.id, lines: [line('CZ-8801', 2, { unitCostFen: 100 })] });
    expect(e).toMatchObject({ code: 'manager_only', details: { field: 'lines.0.unitCostFen', field_zh: '第1行 单位成本' } });
    expect(e.message_zh).toBe('第1行 单位成本由办事处经理设定');
    expect(
      (
        await refused(o, 'keeper', 'slips.create', {
          kind: 'return',
          preGoLive: true,
          customerId: o.customerId('KH001'),
          lines: [line('CZ-8801', 1, { unitCostFen: 1 })],
        })
      ).code,
    ).toBe('manager_only');
    // the manager's cost stays when the keeper edits the quantity, and his signature goes with the change
    await must(o, 'manager', 'slips.update', { slipId: d.id, lines: [line('CZ-8801', 2, { unitCostFen: 4000 })] });
    await signManager(d.id);
    const edited = await must(o, 'keeper', 'slips.update', { slipId: d.id, lines: [line('CZ-8801', 3, { unitCostFen: 4000 })] });
    expect(edited).toMatchObject({ missingSignatures: ['manager'], lines: [{ qty: 3, unitCostFen: 4000 }] });
    expect((await refused(o, 'keeper', 'slips.post', { slipId: d.id })).code).toBe('signature_required');
  });

  it('an item never received has no default cost: the manager must enter one before signing', async () => {
    const itemId = o.itemId('WY-1002');
    const d = await draft('keeper', [{ itemId, qty: 1, priceFen: 500 }]);
    expect(d.lines[0].unitCostFen).toBeNull();
    const e = await refused(o, 'keeper', 'slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
    expect(e).toMatchObject({ code: 'slip_field_required' });
    expect(e.message_zh).toContain('第 1 行的单位成本');
    expect(err(await call(o, 'manager', 'slips.update', { slipId: d.id, lines: [{ itemId, qty: 1, priceFen: 500, unitCostFen: 0 }] })).message_zh).toBe(
      '输入有误: 第1行 单位成本: 须大于 0(退回的货按此成本入库)',
    );
    await must(o, 'manager', 'slips.update', { slipId: d.id, lines: [{ itemId, qty: 1, priceFen: 500, unitCostFen: 320 }] });
    await signManager(d.id);
    expect(layers(itemId)).toEqual([]);
    await post(d.id);
    expect(layers(itemId)).toEqual([{ in_qty: 1, in_amount_fen: 320, remaining_qty: 1 }]);
  });

  it('is only for a customer, an active one, and points at no dispatch', async () => {
    const src = await postedDispatch(o, 'KH001', 'credit', [['CZ-8801', 2]]);
    const noCustomer = await must(o, 'keeper', 'slips.create', { kind: 'return', preGoLive: true, paymentMode: 'cash', lines: [line('CZ-8801', 1)] });
    await must(o, 'manager', 'slips.update', { slipId: noCustomer.id, lines: [line('CZ-8801', 1)] });
    expect(
      (await refused(o, 'keeper', 'slips.sign', { slipId: noCustomer.id, role: 'manager', user: o.names.manager, pin: o.pins.manager })).details,
    ).toMatchObject({ field_zh: '客户' });
    const withSource = await refused(o, 'keeper', 'slips.create', { kind: 'return', preGoLive: true, sourceSlipId: src.id, lines: [] });
    expect(withSource.message_zh).toContain('无原单退货不指向原发货单');
    const withLine = await refused(o, 'keeper', 'slips.create', {
      kind: 'return',
      preGoLive: true,
      customerId: o.customerId('KH001'),
      lines: [line('CZ-8801', 1, { sourceLineId: src.lines[0].id })],
    });
    expect(withLine.details).toMatchObject({ field: 'lines.0.sourceLineId' });
    expect((await refused(o, 'keeper', 'slips.create', { kind: 'inbound', preGoLive: true, supplierId: o.supplierId, lines: [] })).message_zh).toContain(
      '只有退货单',
    );
    await must(o, 'manager', 'customers.update', { customerId: o.customerId('KH003'), active: false });
    expect(
      (await refused(o, 'keeper', 'slips.create', { kind: 'return', preGoLive: true, customerId: o.customerId('KH003'), lines: [] })).message_zh,
    ).toContain('已停用');
  });

  it('is marked on the stock card and in the slips list, and its reversal takes the layer back', async () => {
    const a = o.itemId('CZ-8801');
    const d = await draft('keeper', [line('CZ-8801', 2, { priceFen: 7000 })]);
    await signManager(d.id);
    await post(d.id);
    const card = await must(o, 'keeper', 'stock.card', { itemId: a });
    const row = card.rows.find((r) => r.slipId === d.id)!;
    expect(row).toMatchObject({ summary: '无原单退货(上线前销售) 城东建材城 李记瓷砖', refNo: null });
    const list = await must(o, 'keeper', 'slips.list', { kind: 'return', limit: 10, offset: 0 });
    expect(list.rows.find((r) => r.id === d.id)).toMatchObject({ preGoLive: true, sourceSlipNo: null });
    ok(await call(o, 'manager', 'slips.reverse', { slipId: d.id, reason: '录错', ...REVERSE_SIGNOFFS }));
    expect(layers(a).at(-1)).toMatchObject({ in_qty: 2, remaining_qty: 0 });
    expectClean(o);
  });
});
