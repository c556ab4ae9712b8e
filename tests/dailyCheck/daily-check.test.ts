// 每日对账: the keeper sees the items that moved today with their book balance and confirms, once a
// day; a shortage opens a draft write-off for the manager to sign (the books unchanged until then),
// a surplus is recorded; the close of day shows who checked and when. Refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draft, expectClean, financeOffice, must, postedDispatch, refused, signManager, signFinance, tableCount, type DemoOffice } from '../helpers/finance';

describe('每日对账 (the keeper’s daily check)', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await financeOffice(); // CZ-8801 200, CZ-8802 200, WY-4001 100, WY-1001 20 received today
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 10]]);
    const d = await draft(o, 'KH002', 'cash', [['WY-4001', 3]]);
    await signManager(o, d.id);
    await signFinance(o, d.id); // signed, not posted: no move
  });
  afterAll(() => o.close());

  it('lists the items that moved today with their book balance, by location', async () => {
    const day = await must(o, 'keeper', 'dailyCheck.day', {});
    expect(day.date).toBe('2026-11-29');
    expect(day.check).toBeNull();
    const cz = day.lines.find((l) => l.code === 'CZ-8801')!;
    expect([cz.inQty, cz.outQty, cz.bookQty]).toEqual([200, 10, 190]);
    expect(day.lines.map((l) => l.code).sort()).toEqual(['CZ-8801', 'CZ-8802', 'WY-1001', 'WY-4001']);
    expect(day.lines.map((l) => l.location)).toEqual([...day.lines.map((l) => l.location)].sort());
    expect((await must(o, 'finance', 'dayClose.preview', {})).keeperCheck).toBeNull();
  });

  it('refuses an item that did not move today, or twice, writing nothing', async () => {
    const [checks, slips] = [tableCount(o, 'daily_checks'), tableCount(o, 'slips')];
    const e = await refused(o, 'keeper', 'dailyCheck.confirm', { differences: [{ itemId: o.itemId('FL-0001'), countedQty: 1 }] });
    expect([e.code, e.details.field]).toEqual(['daily_check_item', 'differences[0].itemId']);
    const twice = [
      { itemId: o.itemId('CZ-8801'), countedQty: 188 },
      { itemId: o.itemId('CZ-8801'), countedQty: 188 },
    ];
    expect((await refused(o, 'keeper', 'dailyCheck.confirm', { differences: twice })).code).toBe('daily_check_item');
    expect((await refused(o, 'manager', 'dailyCheck.confirm', {})).code).toBe('forbidden');
    expect([tableCount(o, 'daily_checks'), tableCount(o, 'slips')]).toEqual([checks, slips]);
  });

  it('confirms once; a shortage opens a draft write-off, a surplus is recorded, the books unchanged', async () => {
    const moves = tableCount(o, 'stock_moves');
    const r = await must(o, 'keeper', 'dailyCheck.confirm', {
      differences: [
        { itemId: o.itemId('CZ-8801'), countedQty: 188 }, // 2 short
        { itemId: o.itemId('WY-4001'), countedQty: 101 }, // 1 over
        { itemId: o.itemId('CZ-8802'), countedQty: 200 }, // as booked: no difference
      ],
    });
    expect([r.by.name, r.items, r.differences.map((d) => [d.code, d.bookQty, d.countedQty])]).toEqual([
      o.names.keeper,
      4,
      [
        ['CZ-8801', 190, 188],
        ['WY-4001', 100, 101],
      ],
    ]);
    const wo = await must(o, 'keeper', 'slips.get', { slipId: r.writeoff!.id });
    expect([wo.kind, wo.state, wo.missingSignatures, wo.lines.map((l) => [l.itemCode, l.qty, l.cause])]).toEqual([
      'writeoff',
      'draft',
      ['manager'],
      [['CZ-8801', 2, 'other']],
    ]);
    expect(tableCount(o, 'stock_moves')).toBe(moves);
    const again = await refused(o, 'keeper', 'dailyCheck.confirm', {});
    expect([again.code, again.message_zh]).toEqual(['daily_check_done', `2026-11-29 的每日对账已由 ${o.names.keeper} 确认, 不能重复确认`]);
    expect((await must(o, 'finance', 'dayClose.preview', {})).keeperCheck).toMatchObject({ by: { name: o.names.keeper }, writeoff: { no: wo.no } });
    expect((await must(o, 'manager', 'dailyCheck.day', {})).check?.differences).toHaveLength(2);
    expectClean(o);
  });
});
