// 借支 (advances): finance pays a travel advance with the manager's PIN (a 现付 row, the person owes
// it); an expense claim of that person settles part of it without moving money; cash returned (a
// 现收 row) settles the rest; a claim beyond what is open is paid out; red rows undo a settlement or
// the advance; the close of day counts the cash and lists what is open; refusals write nothing.
// The books verify at every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdvances } from '../../electron/domains/advances/service';
import { dayAt, expectClean, financeOffice, managerPin, must, refused, tableCount, type DemoOffice } from '../helpers/finance';

describe('借支 (travel and other advances)', () => {
  let o: DemoOffice;
  let salesId: number;
  const cash = async () => (await must(o, 'finance', 'cash.accounts', {})).find((a) => a.account === 'cash')!.balanceFen;
  const writes = () => ['advances', 'advance_settlements', 'money_journal', 'audit_log'].map((t) => tableCount(o, t));
  const claim = async (amountFen: number, summary: string) => {
    const c = await must(o, 'sales', 'expenses.create', { category: '差旅', amountFen, summary });
    return must(o, 'manager', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) });
  };

  beforeAll(async () => {
    o = await financeOffice();
    salesId = o.core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(o.names.sales) as number;
    await must(o, 'finance', 'cash.topUp', { amountFen: 500_000 });
  });
  afterAll(() => o.close());

  it('pays an advance with the manager’s PIN: a 现付 row, JZ-numbered, owed by the person', async () => {
    const before = await cash();
    const r = await must(o, 'finance', 'advances.create', { personId: salesId, amountFen: 200_000, purpose: '出差广州', manager: managerPin(o) });
    expect(r.advance).toMatchObject({
      no: 'JZ202611290001',
      person: { id: salesId, name: o.names.sales },
      amountFen: 200_000,
      openFen: 200_000,
      state: 'open',
      approvedBy: { name: o.names.manager },
      paidBy: { name: o.names.finance },
      ageDays: 0,
    });
    expect(r.voucher).toMatchObject({
      cause: 'advance',
      paymentFen: 200_000,
      contra: { kind: 'advance', id: r.advance.id, label: `JZ202611290001 ${o.names.sales}` },
    });
    expect(r.voucher.voucherNo).toMatch(/^现付20261129/);
    expect(await cash()).toBe(before - 200_000);
    const journal = await must(o, 'finance', 'cash.journal', {});
    expect(journal.rows.at(-1)).toMatchObject({ voucherNo: r.voucher.voucherNo, paymentFen: 200_000, contra: r.voucher.contra });
    const list = await must(o, 'manager', 'advances.list', {});
    expect(list.balances).toEqual([{ person: { id: salesId, name: o.names.sales }, count: 1, openFen: 200_000, oldestDate: '2026-11-29' }]);
    expectClean(o);
  });

  it('refuses the wrong role, no or a wrong PIN, the manager’s own advance, more than is open — and writes nothing', async () => {
    const [a] = (await must(o, 'finance', 'advances.list', { state: 'open' })).rows;
    const n = writes();
    const input = { personId: salesId, amountFen: 1000, purpose: '买票', manager: managerPin(o) };
    expect((await refused(o, 'manager', 'advances.create', input)).code).toBe('forbidden');
    expect((await refused(o, 'sales', 'advances.list', {})).code).toBe('forbidden');
    const noPin = await refused(o, 'finance', 'advances.create', { ...input, manager: undefined } as never);
    expect([noPin.code, noPin.details.field]).toEqual(['invalid_input', 'manager']);
    expect((await refused(o, 'finance', 'advances.create', { ...input, manager: { user: o.names.manager, pin: '0000' } })).code).toBe('bad_credentials');
    const notManager = await refused(o, 'finance', 'advances.create', { ...input, manager: { user: o.names.keeper, pin: o.pins.keeper } });
    expect(notManager.code).toBe('role_not_held');
    const managerId = o.core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(o.names.manager) as number;
    const own = await refused(o, 'finance', 'advances.create', { ...input, personId: managerId });
    expect([own.code, own.details.field, own.message_zh]).toEqual([
      'advance_self_approval',
      'manager',
      `「${o.names.manager}」不能审批自己的借支: 请由另一位经理审批`,
    ]);
    const over = await refused(o, 'finance', 'advances.returnCash', { advanceId: a.id, amountFen: 200_001 });
    expect([over.code, over.details.field, over.message_zh]).toEqual([
      'advance_over_open',
      'amountFen',
      `借支 ${a.no} 只剩 2000.00 元未核销, 不能退回 2000.01 元`,
    ]);
    expect((await refused(o, 'manager', 'advances.returnCash', { advanceId: a.id, amountFen: 100 })).code).toBe('forbidden');
    const unapproved = await must(o, 'sales', 'expenses.create', { category: '差旅', amountFen: 100, summary: '未审批' });
    expect((await refused(o, 'finance', 'advances.applyClaim', { advanceId: a.id, claimId: unapproved.id })).code).toBe('expense_state');
    expect(writes()).toEqual([n[0], n[1], n[2], n[3] + 1]); // only the claim filed above was written
  });

  it('settles by a claim (no money moves), then by cash returned (a 现收 row) until settled', async () => {
    const [a] = (await must(o, 'finance', 'advances.list', { state: 'open' })).rows;
    const keeperClaim = await must(o, 'keeper', 'expenses.create', { category: '差旅', amountFen: 5000, summary: '别人的' });
    await must(o, 'manager', 'expenses.approve', { expenseId: keeperClaim.id, manager: managerPin(o) });
    const other = await refused(o, 'finance', 'advances.applyClaim', { advanceId: a.id, claimId: keeperClaim.id });
    expect([other.code, other.details.field]).toEqual(['advance_claim_person', 'claimId']);

    const c = await claim(150_000, '广州 机票 住宿');
    const before = await cash();
    const journalRows = tableCount(o, 'money_journal');
    const applied = await must(o, 'finance', 'advances.applyClaim', { advanceId: a.id, claimId: c.id });
    expect(applied.voucher).toBeNull();
    expect(applied.claim).toMatchObject({ state: 'paid', voucherNo: a.no });
    expect(applied.advance).toMatchObject({ appliedFen: 150_000, returnedFen: 0, openFen: 50_000, state: 'open' });
    expect([await cash(), tableCount(o, 'money_journal')]).toEqual([before, journalRows]);
    // the claim counts as spent in the month's expenses (费用), on the day it was applied
    const budget = await must(o, 'manager', 'budgets.report', { month: '2026-11' });
    expect(budget.rows.find((r) => r.category === '差旅')?.paidFen).toBe(150_000);

    const back = await must(o, 'finance', 'advances.returnCash', { advanceId: a.id, amountFen: 50_000 });
    expect(back.voucher).toMatchObject({ cause: 'advance_return', receiptFen: 50_000 });
    expect(back.voucher.voucherNo).toMatch(/^现收20261129/);
    expect(back.advance).toMatchObject({ appliedFen: 150_000, returnedFen: 50_000, openFen: 0, state: 'settled' });
    expect(await cash()).toBe(before + 50_000);
    const again = await refused(o, 'finance', 'advances.returnCash', { advanceId: a.id, amountFen: 1 });
    expect([again.code, again.message_zh]).toEqual(['advance_not_open', `借支 ${a.no} 已核销, 不能再核销`]);
    const got = await must(o, 'manager', 'advances.get', { advanceId: a.id });
    expect(got.settlements.map((s) => [s.kind, s.amountFen, s.claimNo, s.voucherNo])).toEqual([
      ['claim', 150_000, c.no, null],
      ['cash', 50_000, null, back.voucher.voucherNo],
    ]);
    expect((await must(o, 'finance', 'advances.list', {})).balances).toEqual([]);
    expectClean(o);
  });

  it('pays a claim beyond what is open in cash; voiding the claim owes the advance again', async () => {
    const a = (await must(o, 'finance', 'advances.create', { personId: salesId, amountFen: 30_000, purpose: '送样品', manager: managerPin(o) })).advance;
    const c = await claim(45_000, '油费 过路费');
    const before = await cash();
    const r = await must(o, 'finance', 'advances.applyClaim', { advanceId: a.id, claimId: c.id });
    expect(r.advance).toMatchObject({ appliedFen: 30_000, openFen: 0, state: 'settled' });
    expect(r.voucher).toMatchObject({ cause: 'expense', paymentFen: 15_000, expenseId: c.id });
    expect(await cash()).toBe(before - 15_000);
    const [s] = (await must(o, 'finance', 'advances.get', { advanceId: a.id })).settlements;
    const undone = await must(o, 'finance', 'advances.reverseSettlement', { settlementId: s.id, reason: '票据不全' });
    expect(undone.advance).toMatchObject({ appliedFen: 0, openFen: 30_000, state: 'open' });
    expect(await cash()).toBe(before);
    expect((await must(o, 'finance', 'expenses.list', { claimantId: salesId })).rows.find((x) => x.id === c.id)?.state).toBe('void');
    const twice = await refused(o, 'finance', 'advances.reverseSettlement', { settlementId: s.id, reason: '再冲' });
    expect([twice.code, twice.details.field]).toEqual(['advance_settlement_reversed', 'settlementId']);
    expectClean(o);
  });

  it('reverses a cash return and then the advance with red vouchers; only once nothing stands', async () => {
    const a = (await must(o, 'finance', 'advances.create', { personId: salesId, amountFen: 10_000, purpose: '错付', manager: managerPin(o) })).advance;
    const back = await must(o, 'finance', 'advances.returnCash', { advanceId: a.id, amountFen: 4_000 });
    const viaCash = await refused(o, 'finance', 'cash.reverse', { entryId: back.voucher.id, reason: '绕过' });
    expect([viaCash.code, viaCash.message_zh]).toEqual(['entry_not_reversible', expect.stringContaining('借支页冲销')]);
    const standing = await refused(o, 'finance', 'advances.reverse', { advanceId: a.id, reason: '付错人' });
    expect([standing.code, standing.details.field]).toEqual(['advance_has_settlements', 'advanceId']);
    const before = await cash();
    const [s] = (await must(o, 'finance', 'advances.get', { advanceId: a.id })).settlements;
    expect((await must(o, 'finance', 'advances.reverseSettlement', { settlementId: s.id, reason: '收错' })).advance.openFen).toBe(10_000);
    expect(await cash()).toBe(before - 4_000);
    const red = await must(o, 'finance', 'advances.reverse', { advanceId: a.id, reason: '付错人' });
    expect(red.advance).toMatchObject({ state: 'reversed', openFen: 0, reversedVoucherNo: red.voucher.voucherNo });
    expect(red.voucher).toMatchObject({ paymentFen: -10_000, reversesId: expect.any(Number) });
    expect(await cash()).toBe(before + 6_000);
    expectClean(o);
  });

  it('the close of day counts the advances in the cash and lists the open ones; openAdvances as of a day', async () => {
    const pv = await must(o, 'finance', 'dayClose.preview', {});
    const journal = (await must(o, 'finance', 'cash.journal', {})).rows.filter((r) => r.date === '2026-11-29');
    const sum = (cause: string, f: 'receiptFen' | 'paymentFen') => journal.filter((r) => r.cause === cause).reduce((x, r) => x + (r[f] ?? 0), 0);
    expect(pv.advances.paidFen).toBe(sum('advance', 'paymentFen'));
    expect(pv.advances.returnedFen).toBe(sum('advance_return', 'receiptFen'));
    expect(pv.cash.closingFen).toBe(await cash());
    expect(pv.advances.open.map((a) => [a.purpose, a.openFen, a.ageDays])).toEqual([['送样品', 30_000, 0]]);
    await dayAt(o, '2026-12-05');
    const later = await must(o, 'finance', 'advances.list', { state: 'open' });
    expect(later.rows.map((a) => a.ageDays)).toEqual([6]);
    expect(openAdvances(o.core.db, '2026-11-28')).toEqual([]);
    expect(openAdvances(o.core.db, '2026-12-05')).toMatchObject([{ purpose: '送样品', openFen: 30_000, ageDays: 6 }]);
  });
});
