// Stock counts (盘点): a weekly count by scanning (case barcodes add their pack quantity, a typed
// quantity overrides, an item not on the list is found), blind for the keeper, causes, the
// variance report with FIFO values, the manager's approval that posts in one go (loss oldest layer
// first, gain at the latest unit cost or the manager's), stock card rows, 红字, and the refusals
// with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import { expectClean, financeOffice, managerPin, must, postedDispatch, receive, refused, tableCount, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const CZ8801 = '6923456000100'; // one piece
const CZ8801_CASE = '6923456000117'; // a case of 3

/** Everything a refusal must leave as it was. */
function snapshot() {
  return (
    ['counts', 'count_lines', 'count_entries', 'stock_moves', 'stock_layers', 'slips', 'audit_log'].map((t) => tableCount(o, t)).join(',') +
    JSON.stringify(o.core.db.prepare('SELECT counted_qty, recount_qty, cause FROM count_lines ORDER BY id').all())
  );
}

/** A weekly count of the items, with its lines as the keeper sees them. */
async function weekly(codes: string[]) {
  const count = await must(o, 'keeper', 'counts.create', { kind: 'weekly', selection: { by: 'items', itemIds: codes.map((c) => o.itemId(c)) } });
  return must(o, 'keeper', 'counts.view', { countId: count.id });
}

describe('counts', () => {
  it('a weekly count by scanning: blind for the keeper, open for the manager; case barcodes, typed override, found items', async () => {
    const c = await weekly(['CZ-8801', 'CZ-8802']);
    expect(c.count.no).toMatch(/^PD\d{8}0001$/);
    expect([c.count.blind, c.count.state, c.lines.length]).toEqual([true, 'open', 2]);
    await must(o, 'keeper', 'counts.enter', { countId: c.count.id, code: CZ8801 });
    const l = await must(o, 'keeper', 'counts.enter', { countId: c.count.id, code: CZ8801_CASE });
    expect([l.countedQty, l.bookQty, l.entries.length]).toEqual([4, null, 2]);
    const typed = await must(o, 'keeper', 'counts.enter', { countId: c.count.id, itemId: o.itemId('CZ-8801'), qty: 199 });
    expect(typed.countedQty).toBe(199);
    const found = await must(o, 'keeper', 'counts.enter', { countId: c.count.id, code: '6923456000308' }); // WY-1001, not on the list
    expect([found.found, found.countedQty]).toEqual([true, 1]);
    const asManager = await must(o, 'manager', 'counts.view', { countId: c.count.id });
    const line = asManager.lines.find((x) => x.itemCode === 'CZ-8801')!;
    expect([line.bookQty, line.countedQty, line.entries.map((e) => [e.how, e.qty, e.by.name])]).toEqual([
      200,
      199,
      [
        ['scan', 1, o.names.keeper],
        ['scan', 3, o.names.keeper],
        ['typed', 199, o.names.keeper],
      ],
    ]);
    expect((await must(o, 'keeper', 'counts.view', { countId: c.count.id })).lines.every((x) => x.bookQty === null)).toBe(true);
  });

  it('variance lists every problem at once; approval posts losses from the oldest layer and gains at the latest cost; the stock card shows them', async () => {
    await receive(o, [['CZ-8801', 10, 6000]]); // a second, dearer layer
    const c = await weekly(['CZ-8801', 'CZ-8802', 'WY-4001']);
    const id = c.count.id;
    await must(o, 'keeper', 'counts.enter', { countId: id, itemId: o.itemId('CZ-8801'), qty: 205 }); // book 210: loss 5
    await must(o, 'keeper', 'counts.enter', { countId: id, itemId: o.itemId('CZ-8802'), qty: 202 }); // book 200: gain 2
    // 盲盘: the differences would give the book away while the keeper counts; the manager sees them
    const blind = await refused(o, 'keeper', 'counts.variance', { countId: id });
    expect([blind.code, blind.message_zh]).toEqual(['count_blind_open', `盘点单 ${c.count.no} 是盲盘, 盘点完成后才能看差异表`]);
    let v = await must(o, 'manager', 'counts.variance', { countId: id });
    expect(v.problems.map((p) => [p.itemCode, p.problem]).sort()).toEqual([
      ['CZ-8801', 'noCause'],
      ['CZ-8802', 'noCause'],
      ['WY-4001', 'notCounted'],
    ]);
    expect([v.lossQty, v.lossFen, v.gainQty, v.gainFen]).toEqual([5, 5 * 5200, 2, 2 * 5850]);
    const before = snapshot();
    const refusal = await refused(o, 'keeper', 'counts.approve', { countId: id, signoff: managerPin(o) });
    expect(refusal.code).toBe('count_problems');
    expect(refusal.message_zh).toContain('WY-4001 未盘');
    expect(refusal.message_zh).toContain('CZ-8801 有差异未填原因');
    expect(refusal.message_en).toContain('CZ-8802 difference without a cause');
    expect(snapshot()).toBe(before);

    await must(o, 'keeper', 'counts.enter', { countId: id, itemId: o.itemId('WY-4001'), qty: 100 });
    expect((await must(o, 'statistician', 'counts.list', { state: 'open' })).map((x) => [x.no, x.countedLines, x.lineCount])).toEqual([[c.count.no, 3, 3]]);
    expect(await must(o, 'statistician', 'counts.list', { state: 'posted' })).toEqual([]);
    const l1 = v.lines.find((x) => x.itemCode === 'CZ-8801')!.lineId;
    const l2 = v.lines.find((x) => x.itemCode === 'CZ-8802')!.lineId;
    await must(o, 'keeper', 'counts.setCause', { countId: id, lineId: l1, cause: 'breakage' });
    await must(o, 'keeper', 'counts.setCause', { countId: id, lineId: l2, cause: 'other', causeText: '' });
    await must(o, 'keeper', 'counts.finish', { countId: id });
    v = await must(o, 'keeper', 'counts.variance', { countId: id });
    expect(v.problems.map((p) => p.problem)).toEqual(['noCauseText']);
    await must(o, 'keeper', 'counts.setCause', { countId: id, lineId: l2, cause: 'unrecorded', causeText: '送货未开单' });
    await must(o, 'manager', 'counts.setCost', { countId: id, lineId: l2, unitCostFen: 6000 });

    const wrongPin = await refused(o, 'keeper', 'counts.approve', { countId: id, signoff: { user: o.names.manager, pin: '9999' } });
    expect(wrongPin.code).toBe('bad_credentials');
    const notManager = await refused(o, 'keeper', 'counts.approve', { countId: id, signoff: { user: o.names.keeper, pin: o.pins.keeper } });
    expect(notManager.code).toBe('role_not_held');

    const posted = await must(o, 'keeper', 'counts.approve', { countId: id, signoff: managerPin(o) });
    expect([posted.count.state, posted.count.approvedBy?.name, posted.lossFen, posted.gainFen]).toEqual(['posted', o.names.manager, 26000, 12000]);
    const onHand = (await must(o, 'keeper', 'stock.onHand', {})).rows;
    const qty = (code: string) => onHand.find((r) => r.code === code)!.qty;
    expect([qty('CZ-8801'), qty('CZ-8802'), qty('WY-4001')]).toEqual([205, 202, 100]);
    const card = await must(o, 'keeper', 'stock.card', { itemId: o.itemId('CZ-8801') });
    const row = card.rows.at(-1)!;
    expect([row.slipNo, row.summary, row.outQty, row.outAmountFen]).toEqual([c.count.no, `盘亏 ${c.count.no} 破碎`, 5, 26000]);
    const gain = (await must(o, 'keeper', 'stock.card', { itemId: o.itemId('CZ-8802') })).rows.at(-1)!;
    expect([gain.summary, gain.inQty, gain.inAmountFen]).toEqual([`盘盈 ${c.count.no} 未入账: 送货未开单`, 2, 12000]);
    expectClean(o);

    // counting on a posted count, approving again: refused, nothing written
    const after = snapshot();
    expect((await refused(o, 'keeper', 'counts.enter', { countId: id, code: CZ8801 })).code).toBe('count_not_open');
    expect((await refused(o, 'keeper', 'counts.approve', { countId: id, signoff: managerPin(o) })).code).toBe('count_not_approvable');
    expect(snapshot()).toBe(after);

    // 红字: the count's moves undone exactly
    const rev = await must(o, 'manager', 'counts.reverse', { countId: id, reason: '盘错了', pin: o.pins.manager });
    expect(rev.state).toBe('reversed');
    const back = (await must(o, 'keeper', 'stock.onHand', {})).rows;
    expect(back.find((r) => r.code === 'CZ-8801')!.qty).toBe(210);
    expect(back.find((r) => r.code === 'CZ-8802')!.qty).toBe(200);
    expectClean(o);
  });

  it('moves posted after a line was first counted make no false variance', async () => {
    const c = await weekly(['CZ-8801']);
    await must(o, 'keeper', 'counts.enter', { countId: c.count.id, itemId: o.itemId('CZ-8801'), qty: 198 }); // book 200: loss 2
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 30]]); // the shelf and the book both lose 30
    await receive(o, [['CZ-8801', 5, 5200]]);
    const v = await must(o, 'manager', 'counts.variance', { countId: c.count.id });
    expect(v.lines.map((l) => [l.bookQty, l.countedQty, l.diffQty])).toEqual([[200, 198, -2]]);
    await must(o, 'keeper', 'counts.setCause', { countId: c.count.id, lineId: v.lines[0].lineId, cause: 'wastage' });
    await must(o, 'keeper', 'counts.approve', { countId: c.count.id, signoff: managerPin(o) });
    const onHand = (await must(o, 'keeper', 'stock.onHand', {})).rows;
    expect(onHand.find((r) => r.code === 'CZ-8801')!.qty).toBe(200 - 30 + 5 - 2);
    expectClean(o);
  });

  it('recount (复核) by a different person when the office sets it; settings by the manager only', async () => {
    expect((await refused(o, 'keeper', 'counts.setSettings', { countMode: 'open', countRecount: true })).code).toBe('forbidden');
    await must(o, 'manager', 'counts.setSettings', { countMode: 'open', countRecount: true });
    const c = await weekly(['CZ-8801']);
    expect(c.count.blind).toBe(false);
    const l = await must(o, 'keeper', 'counts.enter', { countId: c.count.id, itemId: o.itemId('CZ-8801'), qty: 190 });
    expect(l.bookQty).toBe(200); // 明盘: the keeper sees the book
    await must(o, 'keeper', 'counts.setCause', { countId: c.count.id, lineId: l.id, cause: 'crossRegion' });
    const v = await must(o, 'keeper', 'counts.variance', { countId: c.count.id });
    expect(v.problems.map((p) => p.problem)).toEqual(['noRecount']);
    expect((await refused(o, 'keeper', 'counts.recount', { countId: c.count.id, lineId: l.id, qty: 195 })).code).toBe('count_recount_same_person');
    const r = await must(o, 'manager', 'counts.recount', { countId: c.count.id, lineId: l.id, qty: 200 });
    expect([r.recountQty, r.recountBy?.name]).toEqual([200, o.names.manager]);
    const after = await must(o, 'keeper', 'counts.variance', { countId: c.count.id });
    expect([after.problems, after.lines]).toEqual([[], []]); // the recount found no difference
  });

  it('a month-end count covers every item with stock or moves, by location; finish closes entry; an empty selection is refused', async () => {
    const made = await must(o, 'keeper', 'counts.create', { kind: 'monthEnd' });
    expect([made.kind, made.lineCount, made.countedLines]).toEqual(['monthEnd', 4, 0]);
    const c = await must(o, 'keeper', 'counts.view', { countId: made.id });
    expect(c.lines.map((l) => l.itemCode).sort()).toEqual(['CZ-8801', 'CZ-8802', 'WY-1001', 'WY-4001']);
    expect(c.lines.map((l) => l.location)).toEqual([...c.lines.map((l) => l.location)].sort());
    await must(o, 'keeper', 'counts.finish', { countId: c.count.id });
    const before = snapshot();
    expect((await refused(o, 'keeper', 'counts.enter', { countId: c.count.id, code: CZ8801 })).code).toBe('count_not_open');
    expect(snapshot()).toBe(before);
    expect(verifyBooks(o.core.db).problems).toEqual([]);
    expect((await refused(o, 'keeper', 'counts.create', { kind: 'weekly', selection: { by: 'location', prefix: 'Z-' } })).code).toBe('count_empty');
  });
});

describe('counts verify', () => {
  it('finds a count slip that belongs to no count, and refuses slips.reverse on a count slip', async () => {
    const c = await weekly(['CZ-8801']);
    const l = await must(o, 'keeper', 'counts.enter', { countId: c.count.id, itemId: o.itemId('CZ-8801'), qty: 199 });
    await must(o, 'keeper', 'counts.setCause', { countId: c.count.id, lineId: l.id, cause: 'breakage' });
    const v = await must(o, 'keeper', 'counts.approve', { countId: c.count.id, signoff: managerPin(o) });
    const r = await refused(o, 'manager', 'slips.reverse', { slipId: v.count.postedSlipId!, reason: 'x', manager: managerPin(o) });
    expect([r.code, r.message_zh]).toEqual(['wrong_slip_kind', `单据 ${c.count.no} 不是进仓单、发货单、退货单或期初入库单(盘点单在盘点界面冲销)`]);
    expectClean(o);
    o.core.db.pragma('ignore_check_constraints = ON');
    o.core.db.exec('DROP TRIGGER counts_posted');
    o.core.db.prepare("UPDATE counts SET posted_slip_id = NULL, state = 'open', approved_by = NULL, approved_at = NULL").run();
    expect(verifyBooks(o.core.db).problems.map((p) => p.check)).toContain('counts.slip');
  });
});
