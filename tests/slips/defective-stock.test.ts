// Defective stock (次品) kept apart from saleable stock (issue #12, migration 0025): the goods of a
// return line the keeper marks defective come back at their dispatch cost into layers of their own;
// the stock overview shows them apart; no dispatch takes them (refused as defective where they would
// make up the need, nothing posted); a write-off or return to HQ line marked defective takes them, and
// only them. verify holds the pools apart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlipLineInput } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

let o: DemoOffice;
let a: number;
const as = (role: 'keeper' | 'manager' | 'sales') => ({ sessionToken: o.tokens[role] });

async function signed(kind: 'dispatch' | 'return' | 'writeoff' | 'hqReturn', header: Record<string, unknown>, lines: SlipLineInput[]) {
  const s = ok(await o.core.call('slips.create', { kind, ...header, lines } as never, as(kind === 'dispatch' || kind === 'return' ? 'sales' : 'keeper')));
  ok(await o.core.call('slips.sign', { slipId: s.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, as('sales')));
  if (kind === 'dispatch') ok(await o.core.call('slips.sign', { slipId: s.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, as('sales')));
  return ok(await o.core.call('slips.get', { slipId: s.id }, as('keeper')));
}
const post = (slipId: number, picked?: { lineId: number; qty: number; defective?: boolean }[]) =>
  o.core.call('slips.post', { slipId, ...(picked ? { picked } : {}) }, as('keeper'));
const overview = async () => ok(await o.core.call('stock.onHand', { itemIds: [a] }, as('keeper'))).rows[0];
const sale = (qty: number) => signed('dispatch', { customerId: o.customerId('KH002'), paymentMode: 'cash' }, [{ itemId: a, qty }]);

beforeEach(async () => {
  o = await demoOffice();
  a = o.itemId('CZ-8801');
  for (const [no, unit] of [
    ['HQ-D1', 5200],
    ['HQ-D2', 5500],
  ] as const) {
    const s = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: no, lines: [{ itemId: a, qty: 10, unitCostFen: unit }] },
        as('keeper'),
      ),
    );
    ok(await post(s.id));
  }
  // 4 sold from the first layer; 3 of them come back broken (次品)
  const d = await sale(4);
  ok(await post(d.id));
  const r = await signed('return', { sourceSlipId: d.id, paymentMode: 'cash' }, [{ itemId: a, qty: 3, sourceLineId: d.lines[0].id }]);
  ok(await post(r.id, [{ lineId: r.lines[0].id, qty: 3, defective: true }]));
});
afterEach(() => o.close());

describe('defective stock (次品) kept apart', () => {
  it('is shown apart on the stock overview and never dispatched', async () => {
    expect(await overview()).toMatchObject({ qty: 19, defectiveQty: 3 });
    const tooMuch = await sale(17);
    const e = err(await post(tooMuch.id));
    expect(e.code).toBe('defective_not_dispatchable');
    expect(e.details.lines).toEqual([{ itemCode: 'CZ-8801', itemName: expect.any(String), needed: 17, saleable: 16, defective: 3 }]);
    expect(e.message_zh).toContain('次品不能发货');
    expect(ok(await o.core.call('slips.get', { slipId: tooMuch.id }, as('keeper'))).state).toBe('draft');
    expect(err(await post((await sale(20)).id)).code).toBe('insufficient_stock');
    // all the saleable goods go, from the saleable layers only: 6 × 52.00 + 10 × 55.00
    const all = await sale(16);
    expect(ok(await post(all.id)).lines[0].costFen).toBe(6 * 5200 + 10 * 5500);
    expect(await overview()).toMatchObject({ qty: 3, defectiveQty: 3, amountFen: 3 * 5200 });
    expect(ok(await o.core.call('system.verify', {}, as('manager'))).problems).toEqual([]);
  });

  it('leaves only on a write-off or return to HQ line marked defective, which takes nothing else', async () => {
    const w = await signed('writeoff', {}, [{ itemId: a, qty: 2, cause: 'breakage', defective: true }]);
    expect(w.lines[0].defective).toBe(true);
    expect(ok(await post(w.id)).lines[0].costFen).toBe(2 * 5200);
    expect(await overview()).toMatchObject({ qty: 17, defectiveQty: 1 });
    const more = ok(
      await o.core.call('slips.create', { kind: 'hqReturn', supplierId: o.supplierId, lines: [{ itemId: a, qty: 2, defective: true }] }, as('keeper')),
    );
    const e = err(await o.core.call('slips.sign', { slipId: more.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, as('keeper')));
    expect([e.code, e.details.lines]).toEqual(['adjustment_exceeds_stock', [expect.objectContaining({ lineNo: 1, qty: 2, onHand: 1 })]]);
    const back = await signed('hqReturn', { supplierId: o.supplierId }, [{ itemId: a, qty: 1, defective: true }]);
    ok(await post(back.id));
    // a saleable write-off takes the saleable layers, never the defective ones
    expect(await overview()).toMatchObject({ qty: 16, defectiveQty: 0 });
    const onDispatch = await o.core.call(
      'slips.create',
      { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'cash', lines: [{ itemId: a, qty: 1, defective: true }] },
      as('sales'),
    );
    expect(err(onDispatch).code).toBe('invalid_input');
    expect(ok(await o.core.call('system.verify', {}, as('manager'))).problems).toEqual([]);
  });
});
