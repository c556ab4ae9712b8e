// The suspense account (待处理财产损溢): a close's 长款/短款 waits there until the manager decides —
// a 短款 由出纳赔偿 (cash in) or 计入管理费用, a 长款 计入营业外收入 or 退还 (cash out) — with the
// manager's PIN and a memo; the balance is always the sum of the open items, and verify checks it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import { balances, call, countsFor, err, expectClean, financeOffice, managerPin, must, ok, type DemoOffice } from '../helpers/finance';
import type { SuspenseDecision } from '../../shared/contract';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

/** Close today with `cashFen` counted against 100.00 in the books: over when more, short when less. */
async function closeWith(cashFen: number) {
  await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
  return ok(
    await call(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: countsFor(cashFen),
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
      managerApproval: managerPin(o),
      differenceReason: '点钞差错',
    }),
  );
}
const open = async () => must(o, 'finance', 'dayClose.differences', {});
const settle = (differenceId: number, decision: SuspenseDecision, memo = '经理决定') =>
  call(o, 'manager', 'dayClose.settleDifference', { differenceId, decision, memo, manager: managerPin(o) });

describe('the suspense account (待处理财产损溢)', () => {
  it('a close books its short into the suspense account, open for the manager', async () => {
    const c = await closeWith(9700);
    const d = await open();
    expect(d.balanceFen).toBe(-300);
    expect(d.rows).toEqual([
      {
        id: expect.any(Number),
        date: '2026-11-29',
        result: 'short',
        amountFen: 300,
        openFen: 300,
        reason: '点钞差错',
        voucherNo: c.adjustmentVoucherNo,
        state: 'open',
        decision: null,
      },
    ]);
    expect(err(await call(o, 'keeper', 'dayClose.differences', {})).code).toBe('forbidden');
    expectClean(o);
  });

  it('短款 由出纳赔偿: the cashier pays it back in cash, the item clears, the balance is zero', async () => {
    await closeWith(9700);
    const item = (await open()).rows[0];
    const r = ok(await settle(item.id, 'cashier_repays', '出纳张丽赔偿'));
    expect(r).toMatchObject({
      state: 'decided',
      openFen: 0,
      decision: { decision: 'cashier_repays', by: { name: o.names.manager }, memo: '出纳张丽赔偿', voucherNo: '现收202611300001' },
    });
    expect(await balances(o)).toMatchObject({ cash: 10_000 });
    const last = (await must(o, 'finance', 'cash.journal', {})).rows.at(-1)!;
    expect(last).toMatchObject({ date: '2026-11-30', cause: 'shortage_repaid', receiptFen: 300, contra: { kind: 'suspense', label: '待处理财产损溢' } });
    expect(await open()).toEqual({ rows: [], total: 0, balanceFen: 0 });
    expect((await must(o, 'manager', 'dayClose.differences', { state: 'all' })).rows.map((x) => x.state)).toEqual(['decided']);
    expectClean(o);
  });

  it('短款 计入管理费用 moves no cash and clears the item', async () => {
    await closeWith(9700);
    const before = await balances(o);
    ok(await settle((await open()).rows[0].id, 'expense'));
    expect(await balances(o)).toEqual(before);
    expect((await open()).balanceFen).toBe(0);
    expectClean(o);
  });

  it('长款 退还 pays it back out in cash (现付) and clears the item', async () => {
    await closeWith(10_200);
    expect((await open()).balanceFen).toBe(200);
    const item = (await open()).rows[0];
    const r = ok(await settle(item.id, 'returned', '退还客户多付'));
    expect(r.decision).toMatchObject({ decision: 'returned', voucherNo: '现付202611300001' });
    expect(await balances(o)).toMatchObject({ cash: 10_000 });
    expect((await must(o, 'finance', 'cash.journal', {})).rows.at(-1)).toMatchObject({ cause: 'overage_returned', paymentFen: 200 });
    expectClean(o);
  });

  it('refuses a decision that does not fit the side, without a memo, twice, by anyone but the manager', async () => {
    await closeWith(10_200);
    const id = (await open()).rows[0].id;
    const wrong = err(await settle(id, 'cashier_repays'));
    expect([wrong.code, wrong.message_zh, wrong.message_en]).toEqual([
      'difference_decision_mismatch',
      '长款不能「由出纳赔偿」',
      'An overage cannot be settled as cashier_repays',
    ]);
    expect(err(await settle(id, 'other_income', '  ')).code).toBe('difference_memo_required');
    expect(
      err(await call(o, 'finance', 'dayClose.settleDifference', { differenceId: id, decision: 'other_income', memo: 'x', manager: managerPin(o) })).code,
    ).toBe('forbidden');
    expect(err(await settle(id + 1000, 'other_income')).code).toBe('not_found');
    ok(await settle(id, 'other_income', '无人认领'));
    expect(err(await settle(id, 'returned')).code).toBe('difference_already_cleared');
    expect(o.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE method = 'dayClose.settleDifference'").pluck().get()).toBe(1);
    expectClean(o);
  });

  it('verify finds a suspense balance that is not the open items', async () => {
    await closeWith(9700);
    expectClean(o);
    o.core.db
      .prepare(
        "INSERT INTO suspense_entries (item_id, kind, decision, amount_fen, balance_after_fen, business_date, posted_at, user_id) VALUES (1, 'decision', 'expense', 100, -200, '2026-11-30', 'x', 1)",
      )
      .run();
    const checks = verifyBooks(o.core.db).problems.map((p) => p.check);
    expect(checks).toEqual(expect.arrayContaining(['suspense.balance', 'suspense.clear']));
  });
});
