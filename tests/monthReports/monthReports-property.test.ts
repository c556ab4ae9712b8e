// Property: over random months of money (top-ups and remittances on any account, expense claims paid
// from cash and some voided again in red, credit sales, collections into any account, credit notes),
// each monthly report of every month of the year agrees with a model kept beside the books:
// - A 现金日记帐: per account 上月结转 and the closing are the model's balances, 本月合计 the month's
//   receipts and payments, 本年累计 those of January to the month;
// - C 费用统计表: per category the cash paid in the month and the year, red reversals netted;
// - D 客户应收款月报表: per customer the opening, credit sales, collections, credit notes and closing;
//   the totals the sums of the rows.
// Each run writes through the domains' own services on its dates, in one transaction rolled back after.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONEY_ACCOUNTS, type MoneyAccount } from '../../shared/contract';
import type { WritableDB } from '../../electron/store/db';
import type { BookCtx } from '../../electron/ledger/journal';
import { appendEntry } from '../../electron/ledger/journal';
import { remit, topUp } from '../../electron/domains/cash/service';
import { approveClaim, createClaim, payClaim, voidClaim } from '../../electron/domains/expenses/service';
import { collect } from '../../electron/domains/receivables/service';
import { buildCashJournalMonth } from '../../electron/domains/monthReports/cashJournal';
import { buildExpensesMonth } from '../../electron/domains/monthReports/expenses';
import { buildReceivablesMonth } from '../../electron/domains/monthReports/receivables';
import { demoOffice, type DemoOffice } from '../helpers/index';

const RUNS = Number(process.env.FC_RUNS ?? 0) || 12;
const CATEGORIES = ['差旅', '办公用品', '运输'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

type Op =
  | { g: 'money'; k: 'topup' | 'remit'; account: MoneyAccount; fen: number }
  | { g: 'expense'; k: 'expense'; category: number; fen: number; voided: boolean }
  | { g: 'customer'; k: 'sale' | 'collect' | 'note'; customer: number; account: MoneyAccount; fen: number };

const dated = <T>(a: fc.Arbitrary<T>) => fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), a);
const op: fc.Arbitrary<[number, number, Op]> = dated(
  fc.oneof(
    fc.record({
      g: fc.constant('money' as const),
      k: fc.constantFrom('topup' as const, 'remit' as const),
      account: fc.constantFrom(...MONEY_ACCOUNTS),
      fen: fc.integer({ min: 1, max: 500_000 }),
    }),
    fc.record({
      g: fc.constant('expense' as const),
      k: fc.constant('expense' as const),
      category: fc.nat(CATEGORIES.length - 1),
      fen: fc.integer({ min: 1, max: 90_000 }),
      voided: fc.boolean(),
    }),
    fc.record({
      g: fc.constant('customer' as const),
      k: fc.constantFrom('sale' as const, 'collect' as const, 'note' as const),
      customer: fc.nat(2),
      account: fc.constantFrom(...MONEY_ACCOUNTS),
      fen: fc.integer({ min: 1, max: 300_000 }),
    }),
  ),
);

/** The model: signed flows per key and date, summed by date ranges. */
class Model {
  rows: { key: string; date: string; fen: number }[] = [];
  add(key: string, date: string, fen: number) {
    this.rows.push({ key, date, fen });
  }
  sum(key: string, from: string, to: string): number {
    return this.rows.filter((r) => r.key === key && r.date >= from && r.date <= to).reduce((s, r) => s + r.fen, 0);
  }
}

let o: DemoOffice;
let users: { finance: number; manager: { id: number; name: string } };
let customers: number[];
beforeAll(async () => {
  o = await demoOffice();
  const idOf = (role: string) =>
    o.core.db.prepare('SELECT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? ORDER BY u.id LIMIT 1').get(role) as {
      id: number;
      name: string;
    };
  users = { finance: idOf('finance').id, manager: idOf('manager') };
  customers = ['KH001', 'KH002', 'KH003'].map(o.customerId);
});
afterAll(() => o.close());

type Ctx = { b: BookCtx; m: Model; date: string };
const balanceOf = (c: Ctx, account: MoneyAccount) => c.m.sum(`acct:${account}`, '0000', c.date);
function moved(c: Ctx, account: MoneyAccount, fen: number) {
  c.m.add(`acct:${account}`, c.date, fen);
  c.m.add(fen > 0 ? `in:${account}` : `out:${account}`, c.date, Math.abs(fen));
}

function bookMoney(c: Ctx, x: Extract<Op, { g: 'money' }>): void {
  const fen = x.k === 'topup' ? x.fen : Math.min(x.fen, balanceOf(c, x.account));
  if (fen <= 0) return; // nothing on the account to hand back
  if (x.k === 'topup') topUp(c.b, x.account, fen, '');
  else remit(c.b, x.account, fen, '');
  moved(c, x.account, x.k === 'topup' ? fen : -fen);
}

function bookExpense(c: Ctx, x: Extract<Op, { g: 'expense' }>): void {
  const fen = Math.min(x.fen, balanceOf(c, 'cash'));
  if (fen <= 0) return; // no cash to pay it from
  const claim = createClaim(c.b, ['finance'], { category: CATEGORIES[x.category], amountFen: fen, attachments: 0, summary: '报销' });
  approveClaim(c.b.db, claim.id, users.manager, c.b.nowIso);
  payClaim(c.b, claim.id);
  if (x.voided) voidClaim(c.b, ['finance'], claim.id, '作废'); // the payment reversed in red on the same day
  const net = x.voided ? 0 : fen;
  moved(c, 'cash', -net);
  c.m.add(`exp:${CATEGORIES[x.category]}`, c.date, net);
}

function bookCustomer(c: Ctx, x: Extract<Op, { g: 'customer' }>): void {
  const customerId = customers[x.customer];
  if (x.k === 'sale') appendEntry(c.b, { customerId, kind: 'sale', amountFen: x.fen, summary: '赊销' });
  else if (x.k === 'note') appendEntry(c.b, { customerId, kind: 'credit_note', amountFen: -x.fen, summary: '退货冲减' });
  else (collect(c.b, { customerId, account: x.account, amountFen: x.fen, memo: '' }), moved(c, x.account, x.fen));
  c.m.add(`${x.k}:${customerId}`, c.date, x.fen);
}

/** Books one op on its date into the books and the model. */
function book(db: WritableDB, m: Model, date: string, x: Op): void {
  const c: Ctx = { b: { db, nowIso: `${date}T02:00:00.000Z`, businessDate: date, userId: users.finance }, m, date };
  if (x.g === 'money') bookMoney(c, x);
  else if (x.g === 'expense') bookExpense(c, x);
  else bookCustomer(c, x);
}

function checkMonth(db: WritableDB, m: Model, month: string): void {
  const from = `${month}-01`;
  const to = `${month}-31`;
  const year = '2026-01-01';
  for (const a of buildCashJournalMonth(db, month).accounts) {
    const k = a.account;
    expect([month, k, a.openingFen, a.closingFen]).toEqual([month, k, m.sum(`acct:${k}`, '0000', `${month}-00`), m.sum(`acct:${k}`, '0000', to)]);
    expect([month, k, a.month, a.year]).toEqual([
      month,
      k,
      { receiptsFen: m.sum(`in:${k}`, from, to), paymentsFen: m.sum(`out:${k}`, from, to) },
      { receiptsFen: m.sum(`in:${k}`, year, to), paymentsFen: m.sum(`out:${k}`, year, to) },
    ]);
  }
  const c = buildExpensesMonth(db, month);
  for (const cat of CATEGORIES) {
    const row = c.rows.find((r) => r.category === cat)!;
    expect([month, cat, row.month.actualFen, row.year.actualFen]).toEqual([month, cat, m.sum(`exp:${cat}`, from, to), m.sum(`exp:${cat}`, year, to)]);
  }
  expect(c.totals.month.actualFen).toBe(c.rows.reduce((s, r) => s + r.month.actualFen, 0));
  const d = buildReceivablesMonth(db, month, '2026-11-29');
  for (const id of customers) {
    const owed = (upTo: string) => m.sum(`sale:${id}`, '0000', upTo) - m.sum(`collect:${id}`, '0000', upTo) - m.sum(`note:${id}`, '0000', upTo);
    const want = {
      openingFen: owed(`${month}-00`),
      salesFen: m.sum(`sale:${id}`, from, to),
      collectionsFen: m.sum(`collect:${id}`, from, to),
      returnsFen: m.sum(`note:${id}`, from, to),
      closingFen: owed(to),
    };
    const row = d.rows.find((r) => r.customerId === id);
    const moved = want.openingFen || want.salesFen || want.collectionsFen || want.returnsFen;
    expect([month, id, row ? { ...want, ...pick(row) } : null]).toEqual([month, id, moved ? want : null]);
  }
  for (const k of ['openingFen', 'salesFen', 'collectionsFen', 'returnsFen', 'closingFen'] as const)
    expect(d.totals[k]).toBe(d.rows.reduce((s, r) => s + r[k], 0));
}

const pick = (r: { openingFen: number; salesFen: number; collectionsFen: number; returnsFen: number; closingFen: number }) => ({
  openingFen: r.openingFen,
  salesFen: r.salesFen,
  collectionsFen: r.collectionsFen,
  returnsFen: r.returnsFen,
  closingFen: r.closingFen,
});

describe('monthly reports over random months', () => {
  it('agree with the model, month by month, for A, C and D', () => {
    const db = o.core.db as unknown as WritableDB;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const sorted = ops
          .map(([mo, d, x]) => ({ date: `2026-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, x }))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const m = new Model();
        db.exec('BEGIN');
        try {
          for (const s of sorted) book(db, m, s.date, s.x);
          for (const month of MONTHS) checkMonth(db, m, month);
        } finally {
          db.exec('ROLLBACK');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
