// Shelf rotation (先进先出 on the shelf as well as in the cost, issue #12): each line of a draft
// dispatch says which goods to take — the inbound date and slip number of its item's oldest saleable
// layer on hand; once that layer is used up, the next one's; defective goods (次品) are never named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoOffice, ok, type DemoOffice } from '../helpers/index';

let o: DemoOffice;
let a: number;
const as = (role: 'keeper' | 'manager' | 'sales') => ({ sessionToken: o.tokens[role] });
const inbound = async (no: string, qty: number) => {
  const s = ok(
    await o.core.call(
      'slips.create',
      { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: no, lines: [{ itemId: a, qty, unitCostFen: 5200 }] },
      as('keeper'),
    ),
  );
  return ok(await o.core.call('slips.post', { slipId: s.id }, as('keeper')));
};
const draftSale = async (qty: number) =>
  ok(await o.core.call('slips.create', { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'cash', lines: [{ itemId: a, qty }] }, as('sales')));

beforeEach(async () => {
  o = await demoOffice();
  a = o.itemId('CZ-8801');
});
afterEach(() => o.close());

describe('the oldest goods first (shelf rotation)', () => {
  it('names the oldest saleable layer on hand on each line of a draft dispatch, and the next once it is used up', async () => {
    const first = await inbound('HQ-R1', 2);
    const second = await inbound('HQ-R2', 5);
    const d = await draftSale(3);
    expect(d.lines[0].oldestLayer).toEqual({ date: first.businessDate, slipNo: first.no });
    // the first layer goes: the next sale's line names the second
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, as('sales')));
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, as('sales')));
    const posted = ok(await o.core.call('slips.post', { slipId: d.id }, as('keeper')));
    expect(posted.lines[0].oldestLayer).toBeNull(); // a posted slip names none
    expect((await draftSale(1)).lines[0].oldestLayer).toEqual({ date: second.businessDate, slipNo: second.no });
  });

  it('names none when nothing is on hand', async () => {
    expect((await draftSale(1)).lines[0].oldestLayer).toBeNull();
  });
});
