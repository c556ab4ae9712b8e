import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOffice, ok, type DemoOffice } from '../helpers/index';

describe('a first day at the desk', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());

  it('receives, dispatches on two signatures, and the books verify', async () => {
    const { core, tokens } = o;
    const item = o.itemId('CZ-8801');
    const inb = ok(
      await core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-0001', lines: [{ itemId: item, qty: 10, unitCostFen: 5200 }] },
        { sessionToken: tokens.keeper },
      ),
    );
    expect(inb.no).toMatch(/^JC20261129\d{4}$/);
    ok(await core.call('slips.post', { slipId: inb.id }, { sessionToken: tokens.keeper }));
    const d = ok(
      await core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH001'), paymentMode: 'cash', lines: [{ itemId: item, qty: 4 }] },
        { sessionToken: tokens.sales },
      ),
    );
    ok(await core.call('slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: tokens.sales }));
    ok(await core.call('slips.sign', { slipId: d.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, { sessionToken: tokens.sales }));
    const posted = ok(await core.call('slips.post', { slipId: d.id }, { sessionToken: tokens.keeper }));
    expect(posted.lines[0].costFen).toBe(4 * 5200);
    const report = ok(await core.call('system.verify', {}, { sessionToken: tokens.manager }));
    expect(report.problems).toEqual([]);
  });
});
