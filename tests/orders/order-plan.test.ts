// 订货规划表: per item on hand, on order (outstanding on signed requisitions), the sales pace of the
// safety domain, days of cover, safety stock and lead time, and the suggestion — checked against an
// independent reckoning (floats and Math.ceil) for every item, and by hand for one; rounding to the
// case pack; a plan saved, signed with the PIN and frozen; refusals that write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNumbers } from '../../electron/domains/orderPlan/rules';
import { REVERSE_SIGNOFFS } from '../helpers';
import { dayAt, financeOffice, must, postedDispatch, receive, refused, returnOf, tableCount, type DemoOffice } from '../helpers/finance';

const base = { onHand: 0, onOrder: 0, soldQty: 0, safetyStock: 0, leadDays: 0, packQty: 1 };

describe('the suggestion (planNumbers)', () => {
  it('brings on hand + on order up to safety + sales over lead and cover, up to a whole case, never below 0', () => {
    // 30 sold in 30 days, 10 days of lead + 5 of cover → 15; safety 20; 12 on hand, 3 on order → 20
    expect(planNumbers({ ...base, soldQty: 30, safetyStock: 20, leadDays: 10, onHand: 12, onOrder: 3 }, 30, 5)).toEqual({
      avgDailyMilli: 1000,
      daysOfCover: 12,
      suggested: 20,
    });
    expect(planNumbers({ ...base, soldQty: 30, safetyStock: 20, leadDays: 10, onHand: 12, onOrder: 3, packQty: 12 }, 30, 5).suggested).toBe(24);
    expect(planNumbers({ ...base, soldQty: 10, leadDays: 1, onHand: 0 }, 30, 0).suggested).toBe(1); // 0.33 → 1
    expect(planNumbers({ ...base, soldQty: 30, safetyStock: 5, onHand: 500 }, 30, 7)).toEqual({ avgDailyMilli: 1000, daysOfCover: 500, suggested: 0 });
    expect(planNumbers({ ...base, soldQty: -4, safetyStock: 6, packQty: 4 }, 30, 7)).toEqual({ avgDailyMilli: 0, daysOfCover: null, suggested: 8 });
  });
});

describe('订货规划 in the books', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await financeOffice('2026-08-01');
    await dayAt(o, '2026-11-20');
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 30]]);
    await dayAt(o, '2026-11-29');
    const d = await postedDispatch(o, 'KH001', 'cash', [
      ['CZ-8801', 15],
      ['WY-4001', 9],
    ]);
    await returnOf(o, d, 'cash', [[0, 5]]);
    const p = await must(o, 'keeper', 'safety.propose', { itemId: o.itemId('CZ-8801'), qty: 201, reason: '旺季' });
    await must(o, 'manager', 'safety.decide', { proposalId: p.id, approve: true, manager: REVERSE_SIGNOFFS.manager });
    await must(o, 'manager', 'orderPlan.setLeadDays', { leadDays: 10 });
    await must(o, 'manager', 'orderPlan.setLeadDays', { itemId: o.itemId('CZ-8801'), leadDays: 20 });
    // 50 on a signed requisition, 10 of them received: 40 on order
    const r = await must(o, 'keeper', 'requisitions.create', { lines: [{ itemId: o.itemId('CZ-8801'), qty: 50, expectedDate: '2026-12-19' }] });
    await must(o, 'manager', 'requisitions.sign', { requisitionId: r.id, manager: REVERSE_SIGNOFFS.manager });
    const s = await must(o, 'keeper', 'slips.create', {
      kind: 'inbound',
      supplierId: o.supplierId,
      deliveryNoteNo: 'HQ-PLAN-1',
      requisitionId: r.id,
      lines: [{ itemId: o.itemId('CZ-8801'), qty: 10, unitCostFen: 5200 }],
    });
    await must(o, 'keeper', 'slips.post', { slipId: s.id });
    await receive(o, [['WY-4001', 1, 1850]]); // not against a requisition: on hand, not on order
  });
  afterAll(() => o.close());

  it('reckons one item by hand: sold 40 in 30 days, lead 20 + cover 7, safety 201, 170 on hand, 40 on order, case of 3', async () => {
    const plan = await must(o, 'statistician', 'orderPlan.compute', { windowDays: 30, coverDays: 7 });
    const cz = plan.rows.find((r) => r.itemCode === 'CZ-8801')!;
    // 200 − 30 − 15 + 5 + 10 = 170; ⌈40 × 27 / 30⌉ = 36; 201 + 36 − 170 − 40 = 27 → nine cases of 3
    expect(cz).toMatchObject({
      onHand: 170,
      onOrder: 40,
      soldQty: 40,
      avgDailyMilli: 1333,
      daysOfCover: 127,
      safetyStock: 201,
      leadDays: 20,
      packQty: 3,
      suggested: 27,
    });
    expect(plan.rows.find((r) => r.itemCode === 'WY-4001')).toMatchObject({ onOrder: 0, leadDays: 10, soldQty: 9, onHand: 92 });
    expect(plan.asOf).toBe('2026-11-29');
    // the screen shows the office default and which items have their own
    expect([plan.leadDefault, cz.ownLeadDays, plan.rows.find((r) => r.itemCode === 'WY-4001')!.ownLeadDays]).toEqual([10, 20, null]);
  });

  it('agrees for every item with an independent reckoning from the books', async () => {
    const plan = await must(o, 'statistician', 'orderPlan.compute', { windowDays: 30, coverDays: 7 });
    const db = o.core.db;
    for (const r of plan.rows) {
      const onHand = db
        .prepare("SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN qty ELSE -qty END), 0) FROM stock_moves WHERE item_id = ?")
        .pluck()
        .get(r.itemId) as number;
      const sold = db
        .prepare(
          `SELECT COALESCE(SUM(CASE s.kind WHEN 'dispatch' THEN m.qty WHEN 'return' THEN -m.qty END), 0) FROM stock_moves m JOIN slips s ON s.id = m.slip_id
           WHERE m.item_id = ? AND s.kind IN ('dispatch', 'return') AND m.business_date > '2026-10-30'`,
        )
        .pluck()
        .get(r.itemId) as number;
      const avg = Math.max(sold, 0) / 30;
      const short = r.safetyStock + Math.ceil(avg * (r.leadDays + 7) - 1e-9) - onHand - r.onOrder;
      const expected = short <= 0 ? 0 : Math.ceil(short / r.packQty) * r.packQty;
      expect([r.itemCode, r.onHand, r.soldQty, r.suggested]).toEqual([r.itemCode, onHand, sold, expected]);
      expect(r.suggested % r.packQty).toBe(0);
    }
    const need = await must(o, 'keeper', 'orderPlan.compute', { needOnly: true });
    expect(need.rows.every((r) => r.suggested > 0)).toBe(true);
    expect(need.rows.length).toBe(plan.rows.filter((r) => r.suggested > 0).length);
  });

  it('saves a draft, the manager signs it with the PIN, and a signed plan is frozen', async () => {
    const cz = o.itemId('CZ-8801');
    const draft = await must(o, 'statistician', 'orderPlan.save', { windowDays: 30, coverDays: 7, lines: [{ itemId: cz, qty: 27 }] });
    const edited = await must(o, 'manager', 'orderPlan.save', {
      planId: draft.id,
      windowDays: 30,
      coverDays: 7,
      memo: '经理调整',
      lines: [{ itemId: cz, qty: 30 }],
    });
    expect(edited.lines).toEqual([expect.objectContaining({ itemCode: 'CZ-8801', suggested: 27, qty: 30, onOrder: 40, soldQty: 40 })]);
    expect((await refused(o, 'statistician', 'orderPlan.sign', { planId: draft.id, manager: REVERSE_SIGNOFFS.manager })).code).toBe('forbidden');
    const signed = await must(o, 'manager', 'orderPlan.sign', { planId: draft.id, manager: REVERSE_SIGNOFFS.manager });
    expect([signed.state, signed.signedBy?.name]).toEqual(['signed', o.names.manager]);
    const audit = tableCount(o, 'audit_log');
    const again = await refused(o, 'manager', 'orderPlan.save', { planId: draft.id, lines: [{ itemId: cz, qty: 1 }] });
    expect([again.code, again.details.field]).toEqual(['order_plan_signed', 'planId']);
    expect((await refused(o, 'manager', 'orderPlan.sign', { planId: draft.id, manager: REVERSE_SIGNOFFS.manager })).code).toBe('order_plan_signed');
    expect(() => o.core.db.prepare('UPDATE order_plan_lines SET qty = 1').run()).toThrow(/frozen/);
    expect((await refused(o, 'sales', 'orderPlan.compute', {})).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'orderPlan.save', { lines: [{ itemId: cz, qty: -1 }] })).code).toBe('invalid_input');
    expect((await refused(o, 'keeper', 'orderPlan.save', { lines: [{ itemId: 99999, qty: 1 }] })).code).toBe('not_found');
    expect((await refused(o, 'keeper', 'orderPlan.setLeadDays', { leadDays: 3 })).code).toBe('forbidden');
    expect(tableCount(o, 'audit_log')).toBe(audit);
    const list = await must(o, 'keeper', 'orderPlan.list', {});
    expect(list.rows[0]).toMatchObject({ id: draft.id, state: 'signed', lineCount: 1, totalQty: 30 });
  });
});
