// 反日结 (dayClose.reopen): only the manager, with the PIN and a reason, only the latest closed day;
// the close leaves force (kept in the history with who, when and why), its 长款/短款 is reversed in
// the cash journal and the suspense account, the day takes postings again, postings sent to the
// next business day stay there, and closing again makes a new close. Every step is audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, countsFor, dayAt, err, expectClean, financeOffice, managerPin, must, ok, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const signers = () => ({
  finance: { user: o.names.finance, pin: o.pins.finance },
  statistician: { user: o.names.statistician, pin: o.pins.statistician },
});

function close(date: string, cashFen: number, extra: Record<string, unknown> = {}) {
  return call(o, 'finance', 'dayClose.close', { date, counts: countsFor(cashFen), channels: { wechat: 0, alipay: 0, bank: 0 }, ...signers(), ...extra });
}
const closeShort = (date: string, cashFen: number) => close(date, cashFen, { managerApproval: managerPin(o), differenceReason: '找零差错' });
const reopen = (date: string, reason = '漏记一笔回款', manager = managerPin(o)) => call(o, 'manager', 'dayClose.reopen', { date, reason, manager });
const auditOf = (method: string) => o.core.db.prepare('SELECT ref, user_id FROM audit_log WHERE method = ? ORDER BY seq').all(method);

describe('dayClose.reopen', () => {
  it('is for the manager only, with the manager’s PIN and a reason', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    ok(await close('2026-11-29', 10_000));
    const byFinance = err(await call(o, 'finance', 'dayClose.reopen', { date: '2026-11-29', reason: 'x', manager: managerPin(o) }));
    expect(byFinance.code).toBe('forbidden');
    expect(err(await reopen('2026-11-29', 'x', { user: o.names.manager, pin: '9999' })).code).toBe('bad_credentials');
    expect(err(await reopen('2026-11-29', 'x', { user: o.names.keeper, pin: o.pins.keeper })).code).toBe('role_not_held');
    const noReason = err(await reopen('2026-11-29', '   '));
    expect([noReason.code, noReason.message_zh, noReason.message_en]).toEqual([
      'day_reopen_reason_required',
      '请填写反日结原因',
      'Give the reason for reopening the day',
    ]);
    expect(err(await reopen('2026-11-29', 'x'.repeat(201))).code).toBe('invalid_input');
    expect((await must(o, 'keeper', 'dayClose.status', {})).lastClosed).toBe('2026-11-29'); // nothing changed
    expect(auditOf('dayClose.reopen')).toEqual([]);
  });

  it('only the latest closed day; a day not closed has nothing to reopen', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    const notClosed = err(await reopen('2026-11-29'));
    expect([notClosed.code, notClosed.message_zh]).toEqual(['day_not_closed', '2026-11-29 没有日结, 无需反日结']);
    ok(await close('2026-11-29', 1000));
    await dayAt(o, '2026-11-30');
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    ok(await close('2026-11-30', 2000));
    const older = err(await reopen('2026-11-29'));
    expect([older.code, older.message_zh, older.message_en]).toEqual([
      'day_reopen_not_latest',
      '只能反日结最近日结的一天(2026-11-30): 请先反日结 2026-11-30, 再反日结 2026-11-29',
      'Only the latest closed day (2026-11-30) can be reopened: reopen 2026-11-30 before 2026-11-29',
    ]);
    ok(await reopen('2026-11-30'));
    ok(await reopen('2026-11-29')); // now it is the latest
    expect((await must(o, 'finance', 'dayClose.status', {})).reopenedDays).toEqual(['2026-11-29', '2026-11-30']);
    expectClean(o);
  });

  it('takes the close out of force, reverses its short in cash and suspense, audits it; closing again makes a new close', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    const first = ok(await closeShort('2026-11-29', 9750));
    expect((await must(o, 'finance', 'dayClose.differences', {})).balanceFen).toBe(-250);
    await dayAt(o, '2026-11-29', 18);
    const r = ok(await reopen('2026-11-29', '漏记一笔回款'));
    expect(r).toMatchObject({ id: first.id, date: '2026-11-29', finance: first.finance, reopened: { by: { name: o.names.manager }, reason: '漏记一笔回款' } });
    expect(await must(o, 'keeper', 'dayClose.status', {})).toMatchObject({
      todayClosed: false,
      lastClosed: null,
      reopenedDays: ['2026-11-29'],
      businessDate: '2026-11-29',
    });
    const j = await must(o, 'finance', 'cash.journal', { from: '2026-11-29', to: '2026-11-29' });
    expect(j.rows.map((x) => [x.cause, x.receiptFen ?? -x.paymentFen!, x.reversesId != null])).toEqual([
      ['topup', 10_000, false],
      ['shortage', -250, false],
      ['shortage', 250, true], // 红字: a negative payment
    ]);
    expect(j.rows[2].summary).toBe('2026-11-29 反日结, 冲销日结短款: 漏记一笔回款');
    expect(j.closingFen).toBe(10_000);
    const d = await must(o, 'manager', 'dayClose.differences', { state: 'all' });
    expect([d.balanceFen, d.rows.map((x) => [x.state, x.openFen])]).toEqual([0, [['reopened', 0]]]);
    expect(auditOf('dayClose.reopen')).toEqual([{ ref: `2026-11-29 反日结 ${o.names.manager}`, user_id: expect.any(Number) }]);
    expectClean(o);

    // the day takes postings again, and closes again afresh: even now
    await must(o, 'finance', 'cash.topUp', { amountFen: 500 });
    expect((await must(o, 'finance', 'dayClose.preview', { date: '2026-11-29' })).cash.expectedFen).toBe(10_500);
    const again = ok(await close('2026-11-29', 10_500));
    expect(again).toMatchObject({ result: 'even', reopened: null, adjustmentVoucherNo: null });
    expect(again.id).not.toBe(first.id);
    const list = await must(o, 'manager', 'dayClose.list', {});
    expect(list.rows.map((x) => [x.date, x.id, x.reopened?.reason ?? null])).toEqual([
      ['2026-11-29', again.id, null],
      ['2026-11-29', first.id, '漏记一笔回款'],
    ]);
    expect(await must(o, 'keeper', 'dayClose.status', {})).toMatchObject({ lastClosed: '2026-11-29', reopenedDays: [], businessDate: '2026-11-30' });
    expect((await must(o, 'finance', 'cash.topUp', { amountFen: 100 })).date).toBe('2026-11-30'); // locked again
    expectClean(o);
  });

  it('postings sent to the next business day while the day was closed stay there', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    ok(await close('2026-11-29', 1000));
    const late = await must(o, 'finance', 'cash.topUp', { amountFen: 300 }); // after the close: 11-30
    expect(late.date).toBe('2026-11-30');
    ok(await reopen('2026-11-29'));
    expect((await must(o, 'finance', 'dayClose.preview', { date: '2026-11-29' })).cash.expectedFen).toBe(1000);
    ok(await close('2026-11-29', 1000));
    const rows = (await must(o, 'finance', 'cash.journal', {})).rows;
    expect(rows.map((x) => [x.date, x.receiptFen])).toEqual([
      ['2026-11-29', 1000],
      ['2026-11-30', 300],
    ]);
    expectClean(o);
  });

  it('a reopened day takes postings while later days hold some; cash stays covered in date order', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    ok(await close('2026-11-29', 1000));
    expect((await must(o, 'finance', 'cash.topUp', { amountFen: 500 })).date).toBe('2026-11-30');
    ok(await reopen('2026-11-29'));
    // 15.00 in the box, but 11-29 only ever held 10.00: paying 12.00 out on 11-29 would leave it at −2.00
    const e = err(await call(o, 'finance', 'cash.remit', { amountFen: 1200 }));
    expect([e.code, e.details]).toEqual(['cash_insufficient', expect.objectContaining({ balanceFen: 1000, neededFen: 1200 })]);
    expect((await must(o, 'finance', 'cash.remit', { amountFen: 800 })).date).toBe('2026-11-29');
    ok(await close('2026-11-29', 200));
    expectClean(o);
  });

  it('refused when the manager has already decided the close’s over/short, or when its reversal would leave cash below zero', async () => {
    ok(await close('2026-11-29', 500, { managerApproval: managerPin(o), differenceReason: '多收' })); // 长款 5.00 on an empty box
    await dayAt(o, '2026-11-30');
    await must(o, 'finance', 'cash.remit', { amountFen: 500 });
    expect(err(await reopen('2026-11-29')).code).toBe('cash_insufficient');
    await must(o, 'finance', 'cash.topUp', { amountFen: 500 });
    const item = (await must(o, 'manager', 'dayClose.differences', {})).rows[0];
    await must(o, 'manager', 'dayClose.settleDifference', { differenceId: item.id, decision: 'other_income', memo: '无人认领', manager: managerPin(o) });
    const e = err(await reopen('2026-11-29'));
    expect([e.code, e.message_zh]).toEqual(['day_reopen_difference_decided', '2026-11-29 日结的长短款已由经理处理(计入营业外收入), 不能反日结']);
    expectClean(o);
  });
});
