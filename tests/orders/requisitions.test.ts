// 要货单: numbered YH from the slips' series, drafted by the keeper, signed by the manager with the
// PIN; inbound slips received against it; ordered / received / outstanding and late per line (in the
// office's timezone); a reversal of an inbound restores what is outstanding; over-receipt is taken
// and shown; cancel and close short are recorded; refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVERSE_SIGNOFFS } from '../helpers';
import { dayAt, financeOffice, must, refused, tableCount, type DemoOffice } from '../helpers/finance';
import { pdfText } from '../helpers/printing-scenario';
import { column, readXlsx } from '../export/sheet';

const M = REVERSE_SIGNOFFS.manager;

describe('要货单', () => {
  let o: DemoOffice;
  let cz: number;
  let wy: number;
  const inbound = async (requisitionId: number | null, lines: [number, number][], post = true) => {
    const s = await must(o, 'keeper', 'slips.create', {
      kind: 'inbound',
      supplierId: o.supplierId,
      deliveryNoteNo: `HQ-${Math.random().toString(36).slice(2, 8)}`,
      requisitionId,
      lines: lines.map(([itemId, qty]) => ({ itemId, qty, unitCostFen: 100 })),
    });
    return post ? must(o, 'keeper', 'slips.post', { slipId: s.id }) : s;
  };
  const signedReq = async (lines: [number, number, string][]) => {
    const r = await must(o, 'keeper', 'requisitions.create', { lines: lines.map(([itemId, qty, expectedDate]) => ({ itemId, qty, expectedDate })) });
    return must(o, 'manager', 'requisitions.sign', { requisitionId: r.id, manager: M });
  };
  beforeAll(async () => {
    o = await financeOffice('2026-11-20');
    cz = o.itemId('CZ-8801');
    wy = o.itemId('WY-4001');
  });
  afterAll(() => o.close());

  it('a requisition is numbered YH, signed by the manager with the PIN, and moves no stock or money', async () => {
    const moves = tableCount(o, 'stock_moves');
    const money = tableCount(o, 'money_journal');
    const r = await must(o, 'statistician', 'requisitions.create', { memo: '周要货', lines: [{ itemId: cz, qty: 50, expectedDate: '2026-12-01' }] });
    expect(r.no).toMatch(/^YH202611290\d{3}$/);
    expect(r.state).toBe('draft');
    const edited = await must(o, 'keeper', 'requisitions.update', {
      requisitionId: r.id,
      lines: [
        { itemId: cz, qty: 50, expectedDate: '2026-12-01' },
        { itemId: wy, qty: 20, expectedDate: '2026-12-05' },
      ],
    });
    expect(edited.lines.map((l) => [l.lineNo, l.itemCode, l.qty, l.outstanding])).toEqual([
      [1, 'CZ-8801', 50, 0],
      [2, 'WY-4001', 20, 0],
    ]);
    expect((await refused(o, 'keeper', 'requisitions.sign', { requisitionId: r.id, manager: M })).code).toBe('forbidden');
    expect((await refused(o, 'manager', 'requisitions.sign', { requisitionId: r.id, manager: { user: o.names.manager, pin: '0000' } })).code).toBe(
      'bad_credentials',
    );
    const s = await must(o, 'manager', 'requisitions.sign', { requisitionId: r.id, manager: M });
    expect([s.state, s.signedBy?.name, s.contentHash?.length, s.totalQty, s.outstanding]).toEqual(['signed', o.names.manager, 64, 70, 70]);
    expect([tableCount(o, 'stock_moves'), tableCount(o, 'money_journal')]).toEqual([moves, money]);
    const frozen = await refused(o, 'keeper', 'requisitions.update', { requisitionId: r.id, memo: 'x' });
    expect([frozen.code, frozen.details.field]).toEqual(['requisition_state', 'requisitionId']);
    expect(() => o.core.db.prepare('UPDATE requisition_lines SET qty = 1').run()).toThrow(/frozen/);
    expect(() => o.core.db.prepare('DELETE FROM requisitions').run()).toThrow(/never deleted/);
    const verify = await must(o, 'admin', 'system.verify', {});
    expect(verify.problems).toEqual([]);
    // the signed content is checked: a line changed behind the desk's back is found
    o.core.db.exec('DROP TRIGGER requisition_lines_frozen_update');
    o.core.db.prepare('UPDATE requisition_lines SET qty = 51 WHERE requisition_id = ? AND line_no = 1').run(r.id);
    expect((await must(o, 'admin', 'system.verify', {})).problems.map((p) => p.check)).toEqual(['requisitions.signed']);
    o.core.db.prepare('UPDATE requisition_lines SET qty = 50 WHERE requisition_id = ? AND line_no = 1').run(r.id);
    expect((await must(o, 'admin', 'system.verify', {})).problems).toEqual([]);
  });

  it('partly delivered: received and outstanding per line, late once the expected day has passed, a reversal restores it', async () => {
    const r = await signedReq([
      [cz, 50, '2026-12-01'],
      [wy, 20, '2026-12-05'],
    ]);
    const first = await inbound(r.id, [[cz, 30]]);
    expect(first.requisition).toEqual({ id: r.id, no: r.no });
    await inbound(null, [[cz, 7]]); // not against it
    let v = await must(o, 'keeper', 'requisitions.get', { requisitionId: r.id });
    expect(v.lines.map((l) => [l.itemCode, l.qty, l.received, l.outstanding, l.late])).toEqual([
      ['CZ-8801', 50, 30, 20, false],
      ['WY-4001', 20, 0, 20, false],
    ]);
    await dayAt(o, '2026-12-02');
    v = await must(o, 'keeper', 'requisitions.get', { requisitionId: r.id });
    expect(v.lines.map((l) => l.late)).toEqual([true, false]);
    expect(v.lateLines).toBe(1);
    const late = await must(o, 'finance', 'requisitions.list', { lateOnly: true });
    expect(late.rows.map((x) => x.no)).toContain(r.no);

    await must(o, 'keeper', 'slips.reverse', { slipId: first.id, reason: '数量录错', ...REVERSE_SIGNOFFS });
    v = await must(o, 'keeper', 'requisitions.get', { requisitionId: r.id });
    expect(v.lines.map((l) => [l.received, l.outstanding])).toEqual([
      [0, 50],
      [0, 20],
    ]);
    expect(v.slips.map((s) => s.no)).toEqual([first.no]);

    await inbound(r.id, [[cz, 30]]);
    const pdf = await must(o, 'keeper', 'requisitions.pdf', { requisitionId: r.id });
    if (process.env.REQ_PDF) (await import('node:fs')).writeFileSync(process.env.REQ_PDF, Buffer.from(pdf.base64, 'base64'));
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect([pdf.fileName, pdf.pages]).toEqual([`要货单_${r.no}.pdf`, 1]);
    for (const w of ['要货单', r.no, '已签发', '制表', '经理', '总部确认', o.names.manager, 'CZ-8801', '2026-12-05', '合计 2 种']) expect(text).toContain(w);
    const x = await readXlsx((await must(o, 'statistician', 'requisitions.xlsx', { requisitionId: r.id })).base64);
    expect([column(x, '商品编码'), column(x, '要货数量'), column(x, '已到货'), column(x, '未到货')]).toEqual([
      ['CZ-8801', 'WY-4001'],
      [50, 20],
      [30, 0],
      [20, 20],
    ]);
    expect((await refused(o, 'sales', 'requisitions.pdf', { requisitionId: r.id })).code).toBe('forbidden');

    // HQ sends more than asked: taken, shown as received, nothing outstanding; the requisition is in
    await inbound(r.id, [
      [cz, 25],
      [wy, 20],
    ]);
    v = await must(o, 'keeper', 'requisitions.get', { requisitionId: r.id });
    expect([v.state, v.received, v.outstanding, v.lateLines]).toEqual(['received', 75, 0, 0]);
    const more = await refused(o, 'keeper', 'slips.create', { kind: 'inbound', supplierId: o.supplierId, requisitionId: r.id, lines: [] });
    expect([more.code, more.details.field, more.message_zh]).toEqual(['requisition_not_open', 'requisitionId', `要货单 ${r.no} 已到齐, 进仓单不能再关联它`]);
  });

  it('refuses an inbound against a draft, cancelled or closed requisition, at creation and at posting', async () => {
    const d = await must(o, 'keeper', 'requisitions.create', { lines: [{ itemId: cz, qty: 5, expectedDate: '2026-12-09' }] });
    const slips = tableCount(o, 'slips');
    expect((await refused(o, 'keeper', 'slips.create', { kind: 'inbound', supplierId: o.supplierId, requisitionId: d.id, lines: [] })).code).toBe(
      'requisition_not_open',
    );
    expect((await refused(o, 'sales', 'slips.create', { kind: 'dispatch', customerId: o.customerId('KH001'), requisitionId: d.id, lines: [] })).code).toBe(
      'invalid_input',
    );
    expect(tableCount(o, 'slips')).toBe(slips);

    const r = await signedReq([[cz, 10, '2026-12-09']]);
    const pending = await inbound(r.id, [[cz, 10]], false);
    const c = await must(o, 'manager', 'requisitions.cancel', { requisitionId: r.id, reason: '总部缺货', manager: M });
    expect([c.state, c.endedBy?.name, c.endReason, c.outstanding]).toEqual(['cancelled', o.names.manager, '总部缺货', 0]);
    const post = await refused(o, 'keeper', 'slips.post', { slipId: pending.id });
    expect([post.code, post.details.field]).toEqual(['requisition_not_open', 'requisitionId']);
    await must(o, 'keeper', 'slips.update', { slipId: pending.id, requisitionId: null });
    await must(o, 'keeper', 'slips.post', { slipId: pending.id });
    expect((await refused(o, 'manager', 'requisitions.close', { requisitionId: r.id, reason: 'x', manager: M })).code).toBe('requisition_state');
  });

  it('cancelling needs nothing received; closing short ends what is outstanding', async () => {
    const r = await signedReq([[wy, 10, '2026-12-09']]);
    await inbound(r.id, [[wy, 4]]);
    const audit = tableCount(o, 'audit_log');
    const c = await refused(o, 'manager', 'requisitions.cancel', { requisitionId: r.id, reason: '不要了', manager: M });
    expect([c.code, c.message_zh]).toEqual(['requisition_received', `要货单 ${r.no} 已收到 4 件, 不能取消: 请用「短收结案」`]);
    expect((await refused(o, 'keeper', 'requisitions.close', { requisitionId: r.id, reason: '不要了', manager: M })).code).toBe('forbidden');
    expect((await refused(o, 'manager', 'requisitions.close', { requisitionId: r.id, reason: ' ', manager: M })).code).toBe('invalid_input');
    expect(tableCount(o, 'audit_log')).toBe(audit);
    const closed = await must(o, 'manager', 'requisitions.close', { requisitionId: r.id, reason: '总部停产', manager: M });
    expect([closed.state, closed.received, closed.outstanding]).toEqual(['closed', 4, 0]);
    const plan = await must(o, 'keeper', 'orderPlan.compute', { query: 'WY-4001' });
    expect(plan.rows[0].onOrder).toBe(20); // the first requisition's 20 only: the 6 left on this one are no longer expected
  });

  it('made from a signed plan: its lines with a quantity, each expected after its lead time; refusals', async () => {
    const lines = [
      { itemId: cz, qty: 12 },
      { itemId: wy, qty: 0 },
    ];
    await must(o, 'manager', 'orderPlan.setLeadDays', { itemId: cz, leadDays: 12 }); // the plan keeps the lead time it was saved with
    const plan = await must(o, 'statistician', 'orderPlan.save', { lines });
    const unsigned = await refused(o, 'keeper', 'requisitions.create', { planId: plan.id });
    expect([unsigned.code, unsigned.details.field]).toEqual(['order_plan_unsigned', 'planId']);
    await must(o, 'manager', 'orderPlan.setLeadDays', { itemId: cz, leadDays: 3 });
    await must(o, 'manager', 'orderPlan.sign', { planId: plan.id, manager: M });
    const r = await must(o, 'keeper', 'requisitions.create', { planId: plan.id });
    expect([r.planId, r.lines.map((l) => [l.itemCode, l.qty, l.expectedDate])]).toEqual([plan.id, [['CZ-8801', 12, '2026-12-14']]]); // 12-02 + 12 days
    expect((await must(o, 'keeper', 'orderPlan.get', { planId: plan.id })).requisitions).toEqual([{ id: r.id, no: r.no }]);
    const twice = await refused(o, 'keeper', 'requisitions.create', {
      lines: [
        { itemId: cz, qty: 1, expectedDate: '2026-12-09' },
        { itemId: cz, qty: 2, expectedDate: '2026-12-09' },
      ],
    });
    expect([twice.code, twice.message_zh]).toEqual(['requisition_item_twice', '第2行 商品: CZ-8801 在要货单上已有一行']);
    expect((await refused(o, 'keeper', 'requisitions.create', { lines: [] })).code).toBe('requisition_no_lines');
    expect((await refused(o, 'sales', 'requisitions.create', { lines: [{ itemId: cz, qty: 1, expectedDate: '2026-12-09' }] })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'requisitions.create', { lines: [{ itemId: cz, qty: 0, expectedDate: '2026-12-09' }] })).code).toBe('invalid_input');
  });
});
