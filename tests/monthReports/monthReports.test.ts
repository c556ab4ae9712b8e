// Finance's monthly reports to HQ (A 现金日记帐, C 费用统计表, D 客户应收款月报表) over three months of
// books made through the core, each figure checked against the books by a computation of its own:
// the cash journal's closing against the account's balance at the month's end, 本年累计 against the
// months summed, the expenses against the vouchers paid, D's closing against each customer's
// receivables ledger; who may read which report; the PDF and the XLSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayAt, financeOffice, managerPin, must, postedDispatch, refused, returnOf, type DemoOffice } from '../helpers/finance';
import { buildCashJournalMonth } from '../../electron/domains/monthReports/cashJournal';
import { buildExpensesMonth } from '../../electron/domains/monthReports/expenses';
import { buildReceivablesMonth } from '../../electron/domains/monthReports/receivables';

let o: DemoOffice;
const claims: Record<string, number> = {};

async function paidClaim(category: string, amountFen: number): Promise<number> {
  const c = await must(o, 'keeper', 'expenses.create', { category, amountFen, summary: `${category} 报销` });
  await must(o, 'finance', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) });
  await must(o, 'finance', 'expenses.pay', { expenseId: c.id });
  return c.id;
}

beforeAll(async () => {
  o = await financeOffice('2026-09-01');
  await dayAt(o, '2026-09-05');
  await must(o, 'finance', 'cash.topUp', { amountFen: 100_000, memo: '九月备用金' });
  await postedDispatch(o, 'KH001', 'credit', [['CZ-8801', 10, 8800]]); // 88,000 owed
  await postedDispatch(o, 'KH002', 'cash', [['CZ-8802', 2, 9000]]); // 18,000 in cash
  await dayAt(o, '2026-09-15');
  claims.travelSep = await paidClaim('差旅', 3_000);
  await dayAt(o, '2026-10-03');
  await must(o, 'manager', 'budgets.set', { month: '2026-10', category: '差旅', amountFen: 5_000 });
  await must(o, 'manager', 'budgets.set', { month: '2026-10', category: '办公用品', amountFen: 2_000 });
  await must(o, 'manager', 'budgets.set', { month: '2026-09', category: '差旅', amountFen: 4_000 });
  await dayAt(o, '2026-10-08');
  await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH001'), account: 'cash', amountFen: 30_000 });
  const d = await postedDispatch(o, 'KH002', 'credit', [['WY-4001', 5, 2500]]); // 12,500 owed
  await dayAt(o, '2026-10-10');
  claims.travelOct = await paidClaim('差旅', 6_000);
  claims.officeOct = await paidClaim('办公用品', 1_500);
  const approved = await must(o, 'keeper', 'expenses.create', { category: '通讯', amountFen: 800, summary: '话费' });
  await must(o, 'finance', 'expenses.approve', { expenseId: approved.id, manager: managerPin(o) });
  await dayAt(o, '2026-10-20');
  await must(o, 'finance', 'cash.remit', { amountFen: 20_000, memo: '交回货款' });
  await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'wechat', amountFen: 20_000 }); // 7,500 prepaid
  await dayAt(o, '2026-10-25');
  await must(o, 'finance', 'expenses.void', { expenseId: claims.officeOct, reason: '重复报销' }); // paid: reversed in red
  await returnOf(o, d, 'credit', [[0, 1]]); // 2,500 credited
  await dayAt(o, '2026-11-02');
  await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH001'), account: 'bank', amountFen: 10_000 });
  await paidClaim('招待', 2_000);
  await dayAt(o, '2026-11-29');
});
afterAll(() => o.close());

const db = () => o.core.db;
const balanceAt = (account: string, date: string) =>
  db()
    .prepare(
      `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) FROM money_journal WHERE account = ? AND business_date <= ?`,
    )
    .pluck()
    .get(account, date) as number;

describe('A 现金日记帐', () => {
  it('closes each account at its balance at the month’s end, brought forward from the month before', async () => {
    for (const [month, end, prevEnd] of [
      ['2026-09', '2026-09-30', '2026-08-31'],
      ['2026-10', '2026-10-31', '2026-09-30'],
      ['2026-11', '2026-11-30', '2026-10-31'],
    ]) {
      const r = await must(o, 'finance', 'monthReports.cashJournal', { month });
      for (const a of r.accounts) {
        expect([a.account, a.openingFen]).toEqual([a.account, balanceAt(a.account, prevEnd)]);
        expect([a.account, a.closingFen]).toEqual([a.account, balanceAt(a.account, end)]);
        expect(a.closingFen).toBe(a.openingFen + a.month.receiptsFen - a.month.paymentsFen);
        expect(a.lines.at(-1)?.balanceFen ?? a.openingFen).toBe(a.closingFen);
      }
    }
  });

  it('lists October’s cash vouchers with the red reversal of the voided claim, and the month’s totals', async () => {
    const [cash] = (await must(o, 'manager', 'monthReports.cashJournal', { month: '2026-10', account: 'cash' })).accounts;
    expect(cash.openingFen).toBe(100_000 + 18_000 - 3_000);
    expect(cash.lines.map((l) => [l.date, l.receiptFen, l.paymentFen])).toEqual([
      ['2026-10-08', 30_000, null],
      ['2026-10-10', null, 6_000],
      ['2026-10-10', null, 1_500],
      ['2026-10-20', null, 20_000],
      ['2026-10-25', null, -1_500],
    ]);
    expect(cash.lines.every((l) => /^现(收|付)/.test(l.voucherNo))).toBe(true);
    expect(cash.month).toEqual({ receiptsFen: 30_000, paymentsFen: 26_000 });
    expect(cash.closingFen).toBe(115_000 + 30_000 - 26_000);
  });

  it('sums 本年累计 as the months from January summed', async () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    const reports = months.map((m) => buildCashJournalMonth(db(), m));
    for (let k = 0; k < months.length; k++)
      for (const a of reports[k].accounts) {
        const upTo = reports.slice(0, k + 1).map((r) => r.accounts.find((x) => x.account === a.account)?.month ?? { receiptsFen: 0, paymentsFen: 0 });
        expect([months[k], a.account, a.year]).toEqual([
          months[k],
          a.account,
          { receiptsFen: upTo.reduce((s, f) => s + f.receiptsFen, 0), paymentsFen: upTo.reduce((s, f) => s + f.paymentsFen, 0) },
        ]);
      }
    // a new year starts again; the accounts a month shows are those used by then
    expect(buildCashJournalMonth(db(), '2027-01').accounts.map((a) => [a.account, a.year, a.openingFen])).toEqual(
      buildCashJournalMonth(db(), '2026-12').accounts.map((a) => [a.account, { receiptsFen: 0, paymentsFen: 0 }, a.closingFen]),
    );
    expect(buildCashJournalMonth(db(), '2026-08').accounts.map((a) => a.account)).toEqual(['cash']);
  });
});

describe('C 费用统计表', () => {
  it('sets what was paid by category against the budget, with the variance and the year to date', async () => {
    const r = await must(o, 'statistician', 'monthReports.expenses', { month: '2026-10' });
    const row = (c: string) => r.rows.find((x) => x.category === c)!;
    expect(row('差旅')).toEqual({
      category: '差旅',
      month: { budgetFen: 5_000, actualFen: 6_000, varianceFen: -1_000 },
      year: { budgetFen: 9_000, actualFen: 9_000, varianceFen: 0 },
      approvedFen: 0,
    });
    // paid and voided in the month: the red reversal takes it off again
    expect(row('办公用品').month).toEqual({ budgetFen: 2_000, actualFen: 0, varianceFen: 2_000 });
    expect(row('通讯')).toMatchObject({ month: { budgetFen: null, actualFen: 0, varianceFen: null }, approvedFen: 800 });
    expect(r.totals).toEqual({
      month: { budgetFen: 7_000, actualFen: 6_000, varianceFen: 1_000 },
      year: { budgetFen: 11_000, actualFen: 9_000, varianceFen: 2_000 },
      approvedFen: 800,
    });
  });

  it('equals the expense vouchers paid (红字 included), month and year, category by category', () => {
    const vouchers = (from: string, to: string) =>
      db()
        .prepare(
          `SELECT x.category, j.amount_fen FROM money_journal j JOIN expense_claims x ON x.id = j.expense_id
           WHERE j.direction = 'out' AND j.business_date BETWEEN ? AND ?`,
        )
        .all(from, to) as { category: string; amount_fen: number }[];
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const r = buildExpensesMonth(db(), month);
      const sum = (rows: { category: string; amount_fen: number }[], c?: string) =>
        rows.filter((v) => !c || v.category === c).reduce((s, v) => s + v.amount_fen, 0);
      const inMonth = vouchers(`${month}-01`, `${month}-31`);
      const inYear = vouchers('2026-01-01', `${month}-31`);
      for (const x of r.rows)
        expect([month, x.category, x.month.actualFen, x.year.actualFen]).toEqual([month, x.category, sum(inMonth, x.category), sum(inYear, x.category)]);
      expect([r.totals.month.actualFen, r.totals.year.actualFen]).toEqual([sum(inMonth), sum(inYear)]);
    }
    expect(buildExpensesMonth(db(), '2026-11').totals.year.actualFen).toBe(3_000 + 6_000 + 2_000);
  });
});

describe('D 客户应收款月报表', () => {
  it('moves each customer from opening to closing by credit sales, collections and returns', async () => {
    const r = await must(o, 'finance', 'monthReports.receivables', { month: '2026-10' });
    const kh1 = r.rows.find((x) => x.code === 'KH001')!;
    const kh2 = r.rows.find((x) => x.code === 'KH002')!;
    expect(kh1).toMatchObject({ openingFen: 88_000, salesFen: 0, collectionsFen: 30_000, returnsFen: 0, closingFen: 58_000, prepaymentFen: 0 });
    expect(kh2).toMatchObject({ openingFen: 0, salesFen: 12_500, collectionsFen: 20_000, returnsFen: 2_500, closingFen: -10_000, prepaymentFen: 10_000 });
    // aging at 2026-10-31: KH001's sale of 09-05 is 56 days old (31–60)
    expect(r.buckets.map((b) => b.label)).toEqual(['0–30天', '31–60天', '61–90天', '91–180天', '180天以上']);
    expect(kh1.aging).toEqual([0, 58_000, 0, 0, 0]);
    expect(r.asOf).toBe('2026-10-31');
  });

  it('closes each customer at the receivables ledger’s balance, and the totals add up', async () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      const r = buildReceivablesMonth(db(), month, '2026-11-29');
      for (const x of r.rows) {
        const ledger = await must(o, 'finance', 'receivables.ledger', { customerId: x.customerId, to: r.asOf, limit: 1 });
        const sum = db()
          .prepare('SELECT COALESCE(SUM(amount_fen), 0) FROM receivable_entries WHERE customer_id = ? AND business_date <= ?')
          .pluck()
          .get(x.customerId, r.asOf);
        expect([month, x.code, x.closingFen]).toEqual([month, x.code, ledger.closingFen]);
        expect(x.closingFen).toBe(sum);
        expect(x.aging.reduce((a, b) => a + b, 0) - x.prepaymentFen).toBe(x.closingFen);
      }
      for (const k of ['openingFen', 'salesFen', 'collectionsFen', 'returnsFen', 'closingFen', 'prepaymentFen'] as const)
        expect([month, k, r.totals[k]]).toEqual([month, k, r.rows.reduce((a, x) => a + x[k], 0)]);
      expect(r.totals.closingFen).toBe(r.totals.openingFen + r.totals.salesFen - r.totals.collectionsFen - r.totals.returnsFen);
      expect(r.totals.aging).toEqual(r.buckets.map((_, k) => r.rows.reduce((a, x) => a + x.aging[k], 0)));
    }
  });
});

describe('who reads which report, and the files', () => {
  it('keeps the cash journal to finance and the manager; the ledger readers read C and D; nobody else', async () => {
    expect((await refused(o, 'statistician', 'monthReports.cashJournal', { month: '2026-10' })).code).toBe('forbidden');
    expect((await refused(o, 'statistician', 'monthReports.pdf', { report: 'A', month: '2026-10' })).code).toBe('forbidden');
    expect((await refused(o, 'statistician', 'monthReports.xlsx', { report: 'A', month: '2026-10' })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'monthReports.expenses', { month: '2026-10' })).code).toBe('forbidden');
    expect((await refused(o, 'sales', 'monthReports.receivables', { month: '2026-10' })).code).toBe('forbidden');
    const e = await refused(o, 'finance', 'monthReports.expenses', { month: '2026-13' });
    expect([e.code, e.details.field_zh]).toEqual(['invalid_input', '月份']);
  });

  it('prints each report as a PDF and a sheet', async () => {
    for (const report of ['A', 'C', 'D'] as const) {
      const pdf = await must(o, 'finance', 'monthReports.pdf', { report, month: '2026-10' });
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.pages).toBeGreaterThanOrEqual(1);
      const sheet = await must(o, 'manager', 'monthReports.xlsx', { report, month: '2026-10', lang: 'en' });
      expect(Buffer.from(sheet.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    }
    const one = await must(o, 'finance', 'monthReports.pdf', { report: 'A', month: '2026-10', account: 'wechat', lang: 'en' });
    expect(one.fileName).toBe('办事处现金日记帐_2026-10_wechat.pdf');
    expect((await must(o, 'statistician', 'monthReports.pdf', { report: 'D', month: '2026-10' })).fileName).toBe('客户应收款月报表_2026-10.pdf');
  });
});
