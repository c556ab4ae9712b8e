import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { REVERSE_SIGNOFFS } from '../helpers/index';

describe('picking against a signed dispatch (short pick)', () => {
  let o: DemoOffice;
  let a: number;
  let b: number;
  beforeEach(async () => {
    o = await demoOffice();
    a = o.itemId('CZ-8801');
    b = o.itemId('CZ-8802');
    const inb = ok(
      await o.core.call(
        'slips.create',
        {
          kind: 'inbound',
          supplierId: o.supplierId,
          deliveryNoteNo: 'HQ-77',
          lines: [
            { itemId: a, qty: 10, unitCostFen: 5200 },
            { itemId: b, qty: 10, unitCostFen: 5850 },
          ],
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    ok(await o.core.call('slips.post', { slipId: inb.id }, { sessionToken: o.tokens.keeper }));
  });
  afterEach(() => o.close());

  async function signedDispatch(lines: { itemId: number; qty: number }[]) {
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'credit', lines },
        { sessionToken: o.tokens.sales },
      ),
    );
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.sales }));
    return ok(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, { sessionToken: o.tokens.sales }));
  }

  it('refuses an over-pick and an unconfirmed short pick, listing the lines, and posts nothing', async () => {
    const d = await signedDispatch([
      { itemId: a, qty: 4 },
      { itemId: b, qty: 3 },
    ]);
    const [la, lb] = d.lines;
    const over = err(
      await o.core.call(
        'slips.post',
        {
          slipId: d.id,
          picked: [
            { lineId: la.id, qty: 5 },
            { lineId: lb.id, qty: 3 },
          ],
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(over.code).toBe('over_pick');
    expect(over.message_zh).toContain('CZ-8801');
    const short = err(
      await o.core.call(
        'slips.post',
        {
          slipId: d.id,
          picked: [
            { lineId: la.id, qty: 4 },
            { lineId: lb.id, qty: 1 },
          ],
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(short.code).toBe('short_pick_unconfirmed');
    expect(short.details.lines).toEqual([{ itemCode: 'CZ-8802', ordered: 3, picked: 1 }]);
    const none = err(await o.core.call('slips.post', { slipId: d.id, picked: [], confirmShort: true }, { sessionToken: o.tokens.keeper }));
    expect(none.code).toBe('nothing_picked');
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.keeper })).state).toBe('draft');
  });

  it('a confirmed short pick moves only what was picked; returns and reversal follow what moved', async () => {
    const d = await signedDispatch([
      { itemId: a, qty: 4 },
      { itemId: b, qty: 3 },
    ]);
    const [la, lb] = d.lines;
    const posted = ok(
      await o.core.call(
        'slips.post',
        {
          slipId: d.id,
          picked: [
            { lineId: la.id, qty: 4 },
            { lineId: lb.id, qty: 1 },
          ],
          confirmShort: true,
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(posted.lines.map((l) => [l.qty, l.shippedQty, l.costFen, l.returnableQty])).toEqual([
      [4, 4, 4 * 5200, 4],
      [3, 1, 5850, 1],
    ]);
    const onHand = ok(await o.core.call('stock.onHand', { itemIds: [a, b] }, { sessionToken: o.tokens.keeper }));
    expect(onHand.rows.map((r) => r.qty)).toEqual([6, 9]);
    // Only what moved can come back.
    const tooMany = err(
      await o.core.call(
        'slips.create',
        { kind: 'return', sourceSlipId: d.id, paymentMode: 'credit', lines: [{ itemId: b, qty: 2, sourceLineId: lb.id }] },
        { sessionToken: o.tokens.sales },
      ),
    );
    expect(tooMany.code).toBe('return_exceeds_dispatch');
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: d.id, reason: '客户改单', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    expect(reversal.lines.map((l) => [l.itemCode, l.qty])).toEqual([
      ['CZ-8801', 4],
      ['CZ-8802', 1],
    ]);
    const after = ok(await o.core.call('stock.onHand', { itemIds: [a, b] }, { sessionToken: o.tokens.keeper }));
    expect(after.rows.map((r) => [r.qty, r.amountFen])).toEqual([
      [10, 52000],
      [10, 58500],
    ]);
    expect(ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager })).problems).toEqual([]);
  });

  it('an inbound slip takes no pick list', async () => {
    const inb = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-78', lines: [{ itemId: a, qty: 1, unitCostFen: 1 }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    const e = err(await o.core.call('slips.post', { slipId: inb.id, picked: [{ lineId: inb.lines[0].id, qty: 1 }] }, { sessionToken: o.tokens.keeper }));
    expect(e.code).toBe('pick_not_allowed');
  });
});

describe('request ids', () => {
  it('a request id reused with other input is refused, not answered with the first result', async () => {
    const o = await demoOffice();
    try {
      const a = ok(await o.core.call('items.create', { code: 'RID-1', name: '试品一', unit: '片' }, { sessionToken: o.tokens.keeper, requestId: 'r-1' }));
      const again = ok(await o.core.call('items.create', { code: 'RID-1', name: '试品一', unit: '片' }, { sessionToken: o.tokens.keeper, requestId: 'r-1' }));
      expect(again).toEqual(a);
      const other = err(await o.core.call('items.create', { code: 'RID-2', name: '试品二', unit: '片' }, { sessionToken: o.tokens.keeper, requestId: 'r-1' }));
      expect(other.code).toBe('request_reused');
      const otherUser = err(
        await o.core.call('items.create', { code: 'RID-1', name: '试品一', unit: '片' }, { sessionToken: o.tokens.statistician, requestId: 'r-1' }),
      );
      expect(otherUser.code).toBe('request_reused');
    } finally {
      o.close();
    }
  });
});

describe('ledger order', () => {
  it('refuses to post when the computer clock is behind the last posting, and posts nothing', async () => {
    const o = await demoOffice();
    try {
      const item = o.itemId('CZ-8801');
      const inbound = async (note: string) =>
        ok(
          await o.core.call(
            'slips.create',
            { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: note, lines: [{ itemId: item, qty: 1, unitCostFen: 100 }] },
            { sessionToken: o.tokens.keeper },
          ),
        );
      ok(await o.core.call('slips.post', { slipId: (await inbound('HQ-9')).id }, { sessionToken: o.tokens.keeper }));
      const second = await inbound('HQ-10');
      o.clock.advance(-24 * 3600_000);
      const e = err(await o.core.call('slips.post', { slipId: second.id }, { sessionToken: o.tokens.keeper }));
      expect(e.code).toBe('clock_behind');
      expect(e.message_zh).toContain('2026-11-28');
      expect(ok(await o.core.call('slips.get', { slipId: second.id }, { sessionToken: o.tokens.keeper })).state).toBe('draft');
    } finally {
      o.close();
    }
  });
});
