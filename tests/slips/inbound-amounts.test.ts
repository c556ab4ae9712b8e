// Inbound lines as HQ writes them (issue #10): a line gives its amount (金额, amountFen) instead of its
// unit cost; the FIFO layer holds exactly that amount and the issues split it to the fen (3 pieces
// for 1000 fen go out at 333, 333, 334), the stock card showing exact amounts. A supplier's delivery
// note number posts once unless the keeper confirms a second delivery with a reason, which is kept
// on the slip and in the audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Slip, SlipLineInput } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { REVERSE_SIGNOFFS } from '../helpers/index';

let o: DemoOffice;
let item: number;
beforeEach(async () => {
  o = await demoOffice();
  item = o.itemId('CZ-8801');
});
afterEach(() => o.close());

const keeper = () => ({ sessionToken: o.tokens.keeper });

async function inbound(lines: SlipLineInput[], note = 'HQ-AMT-1'): Promise<Slip> {
  return ok(await o.core.call('slips.create', { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: note, lines }, keeper()));
}

async function dispatchOne(): Promise<Slip> {
  const s = ok(
    await o.core.call(
      'slips.create',
      { kind: 'dispatch', customerId: o.customerId('KH001'), paymentMode: 'credit', lines: [{ itemId: item, qty: 1 }] },
      { sessionToken: o.tokens.sales },
    ),
  );
  ok(await o.core.call('slips.sign', { slipId: s.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.sales }));
  ok(await o.core.call('slips.sign', { slipId: s.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, { sessionToken: o.tokens.sales }));
  return ok(await o.core.call('slips.post', { slipId: s.id }, keeper()));
}

describe('an inbound line entered by its amount (金额)', () => {
  it('holds exactly the amount, and three issues of one take 333, 333 and 334 fen', async () => {
    const s = await inbound([{ itemId: item, qty: 3, amountFen: 1000 }]);
    expect(s.lines[0]).toMatchObject({ qty: 3, unitCostFen: null, amountFen: 1000, amountEntered: true });
    expect(s.totalAmountFen).toBe(1000);
    ok(await o.core.call('slips.post', { slipId: s.id }, keeper()));
    const costs: (number | null)[] = [];
    for (let i = 0; i < 3; i++) costs.push((await dispatchOne()).lines[0].costFen);
    expect(costs).toEqual([333, 333, 334]);

    const card = ok(await o.core.call('stock.card', { itemId: item }, keeper()));
    expect(card.rows.map((r) => [r.inAmountFen, r.outAmountFen, r.outUnitCostFen, r.balanceAmountFen])).toEqual([
      [1000, null, null, 1000],
      [null, 333, 333, 667],
      [null, 333, 333, 334],
      [null, 334, 334, 0],
    ]);
    expect(card.rows[0].inUnitCostFen).toBe(333); // 1000 / 3 shown rounded; the amounts stay exact
    expect(card.closing).toMatchObject({ qty: 0, amountFen: 0 });
  });

  it('reverses (红字) exactly, the reversal line keeping the entered amount', async () => {
    const s = await inbound([{ itemId: item, qty: 7, amountFen: 1001 }]);
    ok(await o.core.call('slips.post', { slipId: s.id }, keeper()));
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: s.id, reason: '送错货', ...REVERSE_SIGNOFFS }, keeper()));
    expect(reversal.lines[0]).toMatchObject({ qty: 7, amountFen: 1001, amountEntered: true });
    expect(ok(await o.core.call('stock.card', { itemId: item }, keeper())).closing).toMatchObject({ qty: 0, amountFen: 0 });
  });

  it('refuses both a unit cost and an amount on one line, an amount on a dispatch line, and an amount out of range', async () => {
    const both = err(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, lines: [{ itemId: item, qty: 3, unitCostFen: 333, amountFen: 1000 }] },
        keeper(),
      ),
    );
    expect([both.code, both.message_zh, both.message_en]).toEqual([
      'invalid_input',
      '输入有误: 第 1 行: 单位成本和金额只填一项',
      'Invalid input: line 1: give the unit cost or the amount, not both',
    ]);
    const onDispatch = err(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH001'), lines: [{ itemId: item, qty: 1, amountFen: 100 }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    expect(onDispatch.message_en).toBe('Invalid input: line 1: only an inbound line takes an amount');
    const negative = err(
      await o.core.call('slips.create', { kind: 'inbound', supplierId: o.supplierId, lines: [{ itemId: item, qty: 1, amountFen: -1 }] }, keeper()),
    );
    expect([negative.code, negative.details.field]).toEqual(['invalid_input', 'lines.0.amountFen']);
    expect(negative.message_zh).toContain('金额');
    expect(o.core.db.prepare("SELECT COUNT(*) FROM slips WHERE kind = 'inbound'").pluck().get()).toBe(0);
  });

  it('is complete without a unit cost, while a line with neither still is not', async () => {
    const s = await inbound([{ itemId: item, qty: 3 }]);
    expect(err(await o.core.call('slips.post', { slipId: s.id }, keeper())).message_zh).toBe('请填写第 1 行的单位成本');
    ok(await o.core.call('slips.update', { slipId: s.id, lines: [{ itemId: item, qty: 3, amountFen: 0 }] }, keeper()));
    const posted = ok(await o.core.call('slips.post', { slipId: s.id }, keeper()));
    expect(posted.lines[0]).toMatchObject({ amountFen: 0, amountEntered: true, costFen: 0 });
  });
});

describe('a delivery note number posted twice', () => {
  it('is refused, naming the slip it was posted on, until the keeper confirms a second delivery with a reason', async () => {
    const first = await inbound([{ itemId: item, qty: 2, unitCostFen: 500 }], 'HQ-DUP-7');
    const firstPosted = ok(await o.core.call('slips.post', { slipId: first.id }, keeper()));
    const second = await inbound([{ itemId: item, qty: 1, unitCostFen: 500 }], 'HQ-DUP-7');

    const e = err(await o.core.call('slips.post', { slipId: second.id }, keeper()));
    expect(e.code).toBe('duplicate_delivery_note');
    expect(e.details).toMatchObject({ deliveryNoteNo: 'HQ-DUP-7', postedNos: [firstPosted.no], field: 'deliveryNoteNo' });
    expect(e.message_zh).toContain(`已由进仓单 ${firstPosted.no} 过账`);
    expect(e.message_en).toContain('confirm it and give a reason');
    expect(ok(await o.core.call('slips.get', { slipId: second.id }, keeper())).state).toBe('draft');

    const blank = err(await o.core.call('slips.post', { slipId: second.id, secondDelivery: { reason: '  ' } }, keeper()));
    expect([blank.code, blank.details.field]).toEqual(['invalid_input', 'secondDelivery.reason']);

    const posted = ok(await o.core.call('slips.post', { slipId: second.id, secondDelivery: { reason: '总部分两车发货' } }, keeper()));
    expect(posted).toMatchObject({ state: 'posted', secondDeliveryReason: '总部分两车发货' });
    expect(firstPosted.secondDeliveryReason).toBeNull();
    const audit = o.core.db.prepare("SELECT input_json, ref FROM audit_log WHERE method = 'slips.post' ORDER BY seq DESC LIMIT 1").get() as {
      input_json: string;
      ref: string;
    };
    expect(audit.input_json).toContain('"secondDelivery":{"reason":"总部分两车发货"}');
    const postedHash = o.core.db.prepare('SELECT posted_hash FROM slips WHERE id = ?').pluck().get(second.id) as string;
    expect(audit.ref).toBe(`${posted.no} sha256:${postedHash} 同联号第二批 second delivery: 总部分两车发货`);
  });

  it('is free under another number, and again once the first is reversed', async () => {
    const first = await inbound([{ itemId: item, qty: 2, unitCostFen: 500 }], 'HQ-DUP-8');
    ok(await o.core.call('slips.post', { slipId: first.id }, keeper()));
    const other = await inbound([{ itemId: item, qty: 1, unitCostFen: 500 }], 'HQ-DUP-9');
    expect(ok(await o.core.call('slips.post', { slipId: other.id }, keeper())).secondDeliveryReason).toBeNull();
    ok(await o.core.call('slips.reverse', { slipId: first.id, reason: '联号录错', ...REVERSE_SIGNOFFS }, keeper()));
    const again = await inbound([{ itemId: item, qty: 2, unitCostFen: 500 }], 'HQ-DUP-8');
    expect(ok(await o.core.call('slips.post', { slipId: again.id }, keeper())).state).toBe('posted');
  });

  it('leaves a draft under the same number alone (only posting counts)', async () => {
    await inbound([{ itemId: item, qty: 2, unitCostFen: 500 }], 'HQ-DUP-10');
    const second = await inbound([{ itemId: item, qty: 1, unitCostFen: 500 }], 'HQ-DUP-10');
    expect(ok(await o.core.call('slips.post', { slipId: second.id }, keeper())).state).toBe('posted');
  });
});
