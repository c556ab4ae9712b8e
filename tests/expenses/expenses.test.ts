// Expense claims (费用报销): any staff member claims, the manager approves with the PIN, finance
// pays from cash; voids (a paid one in red); budgets per month and category set by the manager.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balances, expectClean, financeOffice, managerPin, must, refused, type DemoOffice } from '../helpers/finance';
import { SECOND_PIN } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const claim = (who: 'sales' | 'keeper' | 'finance', category: string, amountFen: number, extra: { claimantId?: number; attachments?: number } = {}) =>
  must(o, who, 'expenses.create', { category, amountFen, summary: `${category} 报销`, attachments: 2, ...extra });

describe('expense claims', () => {
  it('the built-in categories and the office’s own (the manager adds them)', async () => {
    expect((await must(o, 'sales', 'expenses.categories', {})).map((c) => c.name)).toEqual(['差旅', '办公用品', '运输', '通讯', '招待']);
    expect(await must(o, 'manager', 'expenses.addCategory', { name: '会务费', nameEn: 'meetings' })).toEqual({
      name: '会务费',
      nameEn: 'meetings',
      builtin: false,
      active: true,
    });
    expect((await refused(o, 'manager', 'expenses.addCategory', { name: '会务费' })).code).toBe('duplicate');
    expect((await refused(o, 'finance', 'expenses.addCategory', { name: '快递费' })).code).toBe('forbidden');
    expect((await must(o, 'keeper', 'expenses.categories', {})).at(-1)!.name).toBe('会务费');
    await claim('keeper', '会务费', 100);
    const e = await refused(o, 'sales', 'expenses.create', { category: '旅游', amountFen: 100, summary: 'x' });
    expect([e.code, e.message_zh, e.message_en]).toEqual(['unknown_category', '没有费用类别「旅游」', 'No expense category "旅游"']);
  });

  it('claim → approve (manager PIN) → pay from cash (现付); each step only in its turn', async () => {
    const c = await claim('sales', '差旅', 45_600, { attachments: 3 });
    expect(c).toMatchObject({ no: 'BX202611290001', state: 'claimed', category: '差旅', amountFen: 45_600, attachments: 3, claimant: { name: o.names.sales } });
    // only finance or the manager may file for someone else
    expect((await refused(o, 'sales', 'expenses.create', { category: '差旅', amountFen: 1, summary: 'x', claimantId: 1 })).code).toBe('forbidden');
    const forKeeper = await claim('finance', '运输', 2000, { claimantId: (await must(o, 'keeper', 'auth.whoami', {})).id });
    expect(forKeeper.claimant.name).toBe(o.names.keeper);

    const notYet = await refused(o, 'finance', 'expenses.pay', { expenseId: c.id });
    expect([notYet.code, notYet.message_zh, notYet.message_en]).toEqual([
      'expense_state',
      '报销单 BX202611290001 当前待审批, 不能付款',
      'Expense claim BX202611290001 is claimed and cannot be paid',
    ]);
    expect((await refused(o, 'finance', 'expenses.approve', { expenseId: c.id, manager: { user: o.names.finance, pin: o.pins.finance } })).code).toBe(
      'role_not_held',
    );
    expect((await refused(o, 'sales', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) })).code).toBe('forbidden');
    const a = await must(o, 'finance', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) });
    expect(a).toMatchObject({ state: 'approved', approvedBy: { name: o.names.manager } });
    expect((await refused(o, 'manager', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) })).code).toBe('expense_state');

    // paid from cash, which must hold it
    const poor = await refused(o, 'finance', 'expenses.pay', { expenseId: c.id });
    expect(poor.code).toBe('cash_insufficient');
    await must(o, 'finance', 'cash.topUp', { amountFen: 50_000, memo: '备用金' });
    const p = await must(o, 'finance', 'expenses.pay', { expenseId: c.id });
    expect(p.claim).toMatchObject({ state: 'paid', paidBy: { name: o.names.finance }, paidDate: '2026-11-29', voucherNo: '现付202611290001' });
    expect(p.voucher).toMatchObject({
      voucherNo: '现付202611290001',
      cause: 'expense',
      paymentFen: 45_600,
      balanceFen: 4400,
      contra: { kind: 'expense', id: c.id, label: c.no },
    });
    expect(p.voucher.summary).toBe(`报销 差旅 ${c.no} ${o.names.sales}: 差旅 报销`);
    expect((await refused(o, 'finance', 'expenses.pay', { expenseId: c.id })).code).toBe('expense_state');
    expect((await refused(o, 'manager', 'expenses.pay', { expenseId: c.id })).code).toBe('forbidden');
    expectClean(o);
  });

  it('voids: the claimant their own unapproved claim; finance or the manager before payment; a paid claim only finance, in red', async () => {
    const mine = await claim('sales', '通讯', 300);
    const theirs = await claim('keeper', '通讯', 400);
    expect((await refused(o, 'sales', 'expenses.void', { expenseId: theirs.id, reason: 'x' })).code).toBe('forbidden');
    expect(await must(o, 'sales', 'expenses.void', { expenseId: mine.id, reason: '重复报销' })).toMatchObject({ state: 'void', voidReason: '重复报销' });
    expect((await refused(o, 'sales', 'expenses.void', { expenseId: mine.id, reason: 'again' })).code).toBe('expense_state');
    await must(o, 'manager', 'expenses.approve', { expenseId: theirs.id, manager: managerPin(o) });
    expect((await refused(o, 'keeper', 'expenses.void', { expenseId: theirs.id, reason: 'x' })).code).toBe('forbidden');
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    await must(o, 'finance', 'expenses.pay', { expenseId: theirs.id });
    expect((await balances(o)).cash).toBe(600);
    expect((await refused(o, 'manager', 'expenses.void', { expenseId: theirs.id, reason: 'x' })).code).toBe('forbidden');
    expect(await must(o, 'finance', 'expenses.void', { expenseId: theirs.id, reason: '发票有误' })).toMatchObject({ state: 'void' });
    expect((await balances(o)).cash).toBe(1000);
    const rows = (await must(o, 'finance', 'cash.journal', { account: 'cash', cause: 'expense' })).rows;
    expect(rows.map((r) => [r.paymentFen, r.reversesId != null])).toEqual([
      [400, false],
      [-400, true],
    ]);
    expectClean(o);
  });

  it('lists: staff see their own claims; finance, the manager and the statistician see all', async () => {
    await claim('sales', '差旅', 100);
    await claim('keeper', '运输', 200);
    await claim('keeper', '运输', 300);
    const own = await must(o, 'keeper', 'expenses.list', {});
    expect([own.total, own.totalAmountFen]).toEqual([2, 500]);
    expect((await must(o, 'statistician', 'expenses.list', {})).total).toBe(3);
    expect((await must(o, 'finance', 'expenses.list', { category: '运输' })).rows.map((r) => r.amountFen)).toEqual([300, 200]);
    expect((await must(o, 'manager', 'expenses.list', { state: 'claimed', limit: 1 })).rows).toHaveLength(1);
  });
});

describe('budgets', () => {
  it('the manager sets a month’s budget per category; the report sets it against paid, approved and claimed', async () => {
    expect((await refused(o, 'finance', 'budgets.set', { month: '2026-11', category: '差旅', amountFen: 100_000 })).code).toBe('forbidden');
    expect((await refused(o, 'manager', 'budgets.set', { month: '2026-13', category: '差旅', amountFen: 1 })).code).toBe('invalid_input');
    expect((await refused(o, 'manager', 'budgets.set', { month: '2026-11', category: '旅游', amountFen: 1 })).code).toBe('unknown_category');
    await must(o, 'manager', 'budgets.set', { month: '2026-11', category: '差旅', amountFen: 50_000 });
    const set = await must(o, 'manager', 'budgets.set', { month: '2026-11', category: '差旅', amountFen: 60_000 });
    expect(set).toMatchObject({ month: '2026-11', category: '差旅', amountFen: 60_000, setBy: { name: o.names.manager } });
    await must(o, 'manager', 'budgets.set', { month: '2026-11', category: '招待', amountFen: 10_000 });
    await must(o, 'finance', 'cash.topUp', { amountFen: 200_000 });
    const pay = async (category: string, amountFen: number) => {
      const c = await claim('sales', category, amountFen);
      await must(o, 'finance', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) });
      return must(o, 'finance', 'expenses.pay', { expenseId: c.id });
    };
    await pay('差旅', 30_000);
    const voided = await pay('差旅', 5000);
    await must(o, 'finance', 'expenses.void', { expenseId: voided.claim.id, reason: '退回' });
    await pay('招待', 12_000);
    const approved = await claim('sales', '差旅', 20_000);
    await must(o, 'manager', 'expenses.approve', { expenseId: approved.id, manager: managerPin(o) });
    await claim('keeper', '差旅', 7000);
    const r = await must(o, 'statistician', 'budgets.report', { month: '2026-11' });
    const row = (c: string) => r.rows.find((x) => x.category === c)!;
    expect(row('差旅')).toEqual({
      category: '差旅',
      budgetFen: 60_000,
      paidFen: 30_000,
      approvedFen: 20_000,
      claimedFen: 7000,
      remainingFen: 10_000,
      overBudget: false,
    });
    expect(row('招待')).toEqual({ category: '招待', budgetFen: 10_000, paidFen: 12_000, approvedFen: 0, claimedFen: 0, remainingFen: -2000, overBudget: true });
    expect(row('通讯')).toMatchObject({ budgetFen: null, paidFen: 0, remainingFen: null, overBudget: false });
    expect(r.totals).toEqual({ budgetFen: 70_000, paidFen: 42_000, approvedFen: 20_000, claimedFen: 7000 });
    expect((await must(o, 'finance', 'budgets.report', { month: '2026-12' })).totals.paidFen).toBe(0);
    expect((await refused(o, 'sales', 'budgets.report', { month: '2026-11' })).code).toBe('forbidden');
    expectClean(o);
  });
});

describe('no one approves their own claim', () => {
  it('the manager’s own claim needs another manager’s PIN; refused with the claim’s number, nothing written', async () => {
    const own = await must(o, 'manager', 'expenses.create', { category: '差旅', amountFen: 12_000, summary: '出差', attachments: 1 });
    const e = await refused(o, 'finance', 'expenses.approve', { expenseId: own.id, manager: managerPin(o) });
    expect([e.code, e.message_zh]).toEqual(['self_approval_expense', `「${o.names.manager}」不能审批自己的报销单 ${own.no}: 请由另一位经理审批`]);
    expect((await must(o, 'finance', 'expenses.list', {})).rows.find((c) => c.id === own.id)!.state).toBe('claimed');
    await must(o, 'admin', 'users.create', { name: '副经理', roles: ['manager'], pin: '5151', secondPin: SECOND_PIN });
    const ok = await must(o, 'finance', 'expenses.approve', { expenseId: own.id, manager: { user: '副经理', pin: '5151' } });
    expect(ok.state).toBe('approved');
  });
});
