// A customer return received by the keeper: each line can be marked defective (次品) at the post
// (slips.post picked[].defective). The mark is stored on the line, is not part of what the manager
// signed (the signature stays valid), comes back into stock at its dispatch cost like any return
// (kept apart as defective stock since 0025: tests/slips/defective-stock.test.ts), and is refused on a
// dispatch and on a line that received nothing — the database's trigger refuses it on a dispatch line too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';

describe('a return line marked defective (次品) on receipt', () => {
  let o: DemoOffice;
  let a: number;
  let b: number;
  let dispatch: Slip;
  beforeEach(async () => {
    o = await demoOffice();
    a = o.itemId('CZ-8801');
    b = o.itemId('CZ-8802');
    const k = { sessionToken: o.tokens.keeper };
    const inbLines = [
      { itemId: a, qty: 10, unitCostFen: 5200 },
      { itemId: b, qty: 10, unitCostFen: 5850 },
    ];
    const inb = ok(await o.core.call('slips.create', { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-9', lines: inbLines }, k));
    ok(await o.core.call('slips.post', { slipId: inb.id }, k));
    dispatch = await signed('dispatch', {
      customerId: o.customerId('KH002'),
      paymentMode: 'credit',
      lines: [
        { itemId: a, qty: 4 },
        { itemId: b, qty: 3 },
      ],
    });
    dispatch = ok(await o.core.call('slips.post', { slipId: dispatch.id }, k));
  });
  afterEach(() => o.close());

  async function signed(kind: 'dispatch' | 'return', header: Record<string, unknown>): Promise<Slip> {
    const s = ok(await o.core.call('slips.create', { kind, ...header } as never, { sessionToken: o.tokens.sales }));
    const m = ok(
      await o.core.call('slips.sign', { slipId: s.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: o.tokens.sales }),
    );
    if (kind === 'return') return m;
    return ok(await o.core.call('slips.sign', { slipId: s.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, { sessionToken: o.tokens.sales }));
  }

  const returnOf = (qa: number, qb: number) =>
    signed('return', {
      sourceSlipId: dispatch.id,
      paymentMode: 'credit',
      lines: [
        { itemId: a, qty: qa, sourceLineId: dispatch.lines[0].id },
        { itemId: b, qty: qb, sourceLineId: dispatch.lines[1].id },
      ],
    });

  it('stores the mark on the line, keeps the signature valid, and brings the goods back at their cost', async () => {
    const r = await returnOf(2, 1);
    const [la, lb] = r.lines;
    const posted = ok(
      await o.core.call(
        'slips.post',
        {
          slipId: r.id,
          picked: [
            { lineId: la.id, qty: 2, defective: true },
            { lineId: lb.id, qty: 1 },
          ],
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(posted.lines.map((l) => [l.itemCode, l.shippedQty, l.defective, l.costFen])).toEqual([
      ['CZ-8801', 2, true, 2 * 5200],
      ['CZ-8802', 1, false, 5850],
    ]);
    expect(posted.missingSignatures).toEqual([]);
    expect(posted.signatures.every((s) => s.valid)).toBe(true);
    const onHand = ok(await o.core.call('stock.onHand', { itemIds: [a, b] }, { sessionToken: o.tokens.keeper }));
    expect(onHand.rows.map((x) => x.qty)).toEqual([8, 8]);
    expect(ok(await o.core.call('system.verify', {}, { sessionToken: o.tokens.manager })).problems).toEqual([]);
    // posted: the mark is frozen with the line
    expect(() => o.core.db.prepare('UPDATE slip_lines SET defective = 0 WHERE id = ?').run(la.id)).toThrow(/cannot be changed/);
  });

  it('refuses the mark on a line that received nothing, and on a dispatch; nothing is posted', async () => {
    const r = await returnOf(2, 1);
    const [la, lb] = r.lines;
    const e = err(
      await o.core.call(
        'slips.post',
        {
          slipId: r.id,
          picked: [
            { lineId: la.id, qty: 2 },
            { lineId: lb.id, qty: 0, defective: true },
          ],
          confirmShort: true,
        },
        { sessionToken: o.tokens.keeper },
      ),
    );
    expect(e.code).toBe('defective_not_allowed');
    expect(e.message_zh).toContain('CZ-8802');
    expect(ok(await o.core.call('slips.get', { slipId: r.id }, { sessionToken: o.tokens.keeper })).state).toBe('draft');

    const d = await signed('dispatch', { customerId: o.customerId('KH002'), paymentMode: 'credit', lines: [{ itemId: a, qty: 1 }] });
    const e2 = err(
      await o.core.call('slips.post', { slipId: d.id, picked: [{ lineId: d.lines[0].id, qty: 1, defective: true }] }, { sessionToken: o.tokens.keeper }),
    );
    expect([e2.code, e2.message_en]).toEqual(['defective_not_allowed', "Only a return's lines can be marked defective: CZ-8801 on " + d.no]);
    expect(ok(await o.core.call('slips.get', { slipId: d.id }, { sessionToken: o.tokens.keeper })).state).toBe('draft');
    // and the database refuses it behind the rules' back
    expect(() => o.core.db.prepare('UPDATE slip_lines SET defective = 1 WHERE id = ?').run(d.lines[0].id)).toThrow(/only a return line/);
  });
});
