// The finance desk's part of the contract (财务): money accounts and the money journal
// (现金日记账 and the same for WeChat, Alipay and the bank), receivables (应收款) with collections
// (回款) and aging, expense claims (费用报销) and budgets, remittances to the company and petty-cash
// top-ups, and the close of day (日结). shared/contract.ts spreads `financeMethods` into the one map.
//
// This file imports nothing from contract.ts (contract.ts imports it), so it has its own few
// building blocks, identical to the contract's.

import { z } from 'zod';
import { MAX_FEN } from '../money';
import type { Role } from '../roles';

const Id = z.number().int().positive();
const Fen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
const NonNegFen = z.number().int().min(0).max(MAX_FEN);
const PosFen = z.number().int().min(1).max(MAX_FEN);
const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const MonthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Text = (max: number) => z.string().trim().max(max);
const Name = (max: number) => z.string().trim().min(1).max(max);
const Pin = z.string().min(4).max(32);
const Page = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) };
const Empty = z.object({}).strict().default({});
const Person = z.object({ id: Id, name: z.string() });

/** Someone who is not necessarily logged in approves by re-entering the PIN (经理审批, 会签). */
export const PinSignoff = z.object({ user: z.union([Id, Name(30)]), pin: Pin });
export type PinSignoff = z.infer<typeof PinSignoff>;

// ---------------------------------------------------------------- money accounts and the journal

export const MONEY_ACCOUNTS = ['cash', 'wechat', 'alipay', 'bank'] as const;
export const MoneyAccount = z.enum(MONEY_ACCOUNTS);
export type MoneyAccount = z.infer<typeof MoneyAccount>;
export const NONCASH_ACCOUNTS = ['wechat', 'alipay', 'bank'] as const;

export const MONEY_ACCOUNT_ZH: Record<MoneyAccount, string> = {
  cash: '库存现金',
  wechat: '微信收款',
  alipay: '支付宝收款',
  bank: '银行存款',
};

/** Voucher prefixes: cash receipt/payment 现收/现付, any other channel 银收/银付; then yyyyMMdd and a 4-digit serial. */
export const VOUCHER_PREFIX = { cash: { in: '现收', out: '现付' }, noncash: { in: '银收', out: '银付' } } as const;

export const JOURNAL_CAUSES = [
  'sale', // a dispatch paid in cash or a channel when finance signs it
  'sale_refund', // the unshipped part of a short-picked dispatch paid back
  'return_refund', // a customer return refunded
  'collection', // 回款 on account
  'expense', // an expense claim paid from cash
  'remittance', // 交回公司货款
  'topup', // 备用金拨入
  'overage', // 日结长款
  'shortage', // 日结短款
] as const;
export const JournalCause = z.enum(JOURNAL_CAUSES);
export type JournalCause = z.infer<typeof JournalCause>;

export const CONTRA_KINDS = ['slip', 'customer', 'expense', 'remittance', 'topup', 'day_close'] as const;
export const ContraKind = z.enum(CONTRA_KINDS);
export type ContraKind = z.infer<typeof ContraKind>;

export const JournalRow = z.object({
  id: Id,
  account: MoneyAccount,
  voucherNo: z.string(),
  date: z.string(),
  postedAt: z.string(),
  /** 摘要 */
  summary: z.string(),
  cause: JournalCause,
  /** 对方科目 / 往来: the slip, customer, expense claim, the company, or the day close */
  contra: z.object({ kind: ContraKind, id: z.number().int().nullable(), label: z.string() }),
  /** 收入 (a red reversal shows as a negative receipt) */
  receiptFen: z.number().int().nullable(),
  /** 支出 */
  paymentFen: z.number().int().nullable(),
  /** 余额: the account's balance after this row, in date order */
  balanceFen: z.number().int(),
  slipId: Id.nullable(),
  slipNo: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  expenseId: Id.nullable(),
  /** this row is the red reversal (红字) of that one */
  reversesId: Id.nullable(),
  /** the red row that reversed this one, if any */
  reversedById: Id.nullable(),
  user: Person,
  memo: z.string(),
});
export type JournalRow = z.infer<typeof JournalRow>;

export const AccountBalance = z.object({
  account: MoneyAccount,
  name: z.string(),
  kind: z.enum(['cash', 'noncash']),
  balanceFen: z.number().int(),
  lastDate: z.string().nullable(),
});

// ---------------------------------------------------------------- receivables

export const RECEIVABLE_KINDS = ['sale', 'collection', 'credit_note'] as const;
export const ReceivableKind = z.enum(RECEIVABLE_KINDS);
export type ReceivableKind = z.infer<typeof ReceivableKind>;

export const ReceivableRow = z.object({
  id: Id,
  date: z.string(),
  postedAt: z.string(),
  kind: ReceivableKind,
  /** the slip no. (sale, credit note) or voucher no. (collection) */
  docNo: z.string().nullable(),
  summary: z.string(),
  /** 借方: what the customer came to owe (a red reversal of a collection shows here too) */
  debitFen: z.number().int().nullable(),
  /** 贷方: collections and credit notes */
  creditFen: z.number().int().nullable(),
  /** what the customer owes after this row; negative = prepaid (预收) */
  balanceFen: z.number().int(),
  slipId: Id.nullable(),
  voucherNo: z.string().nullable(),
  reversesId: Id.nullable(),
  reversedById: Id.nullable(),
  /** a credit sale over the limit, let through by this manager */
  overrideBy: Person.nullable(),
  user: Person,
  memo: z.string(),
});
export type ReceivableRow = z.infer<typeof ReceivableRow>;

export const OpenSlip = z.object({
  entryId: Id,
  slipId: Id.nullable(),
  slipNo: z.string().nullable(),
  date: z.string(),
  amountFen: z.number().int(),
  settledFen: z.number().int(),
  openFen: z.number().int(),
  ageDays: z.number().int(),
});
export type OpenSlip = z.infer<typeof OpenSlip>;

export const AllocationInput = z.object({ slipId: Id, amountFen: PosFen });
export const AllocationResult = z.object({ slipId: Id.nullable(), slipNo: z.string().nullable(), amountFen: z.number().int() });

export const DEFAULT_AGING_BUCKETS = [30, 60, 90, 180] as const;

const CustomerRef = z.object({ id: Id, code: z.string(), name: z.string(), creditLimitFen: z.number().int() });

// ---------------------------------------------------------------- expenses and budgets

export const BUILTIN_EXPENSE_CATEGORIES = [
  { name: '差旅', nameEn: 'travel' },
  { name: '办公用品', nameEn: 'office supplies' },
  { name: '运输', nameEn: 'transport' },
  { name: '通讯', nameEn: 'communication' },
  { name: '招待', nameEn: 'hospitality' },
] as const;

export const EXPENSE_STATES = ['claimed', 'approved', 'paid', 'void'] as const;
export const ExpenseState = z.enum(EXPENSE_STATES);
export type ExpenseState = z.infer<typeof ExpenseState>;
export const EXPENSE_STATE_ZH: Record<ExpenseState, string> = { claimed: '待审批', approved: '已审批待付', paid: '已付款', void: '已作废' };

export const ExpenseCategory = z.object({ name: z.string(), nameEn: z.string(), builtin: z.boolean(), active: z.boolean() });

export const ExpenseClaim = z.object({
  id: Id,
  no: z.string(),
  category: z.string(),
  amountFen: z.number().int(),
  attachments: z.number().int(),
  summary: z.string(),
  claimant: Person,
  state: ExpenseState,
  date: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  approvedBy: Person.nullable(),
  approvedAt: z.string().nullable(),
  paidBy: Person.nullable(),
  paidAt: z.string().nullable(),
  paidDate: z.string().nullable(),
  voucherNo: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type ExpenseClaim = z.infer<typeof ExpenseClaim>;

export const BudgetRow = z.object({
  category: z.string(),
  budgetFen: z.number().int().nullable(),
  /** paid in the month (by the date of payment) */
  paidFen: z.number().int(),
  /** approved, not yet paid */
  approvedFen: z.number().int(),
  /** claimed, not yet approved */
  claimedFen: z.number().int(),
  /** budget − paid − approved (null without a budget) */
  remainingFen: z.number().int().nullable(),
  overBudget: z.boolean(),
});

// ---------------------------------------------------------------- close of day

/** Notes and coins counted at the close: 100, 50, 20, 10, 5, 1 元, 5 角, 1 角 (keys in fen). */
export const DENOMINATIONS = ['10000', '5000', '2000', '1000', '500', '100', '50', '10'] as const;
const Count = z.number().int().min(0).max(10_000_000);
export const CashCounts = z
  .object({
    '10000': Count.default(0),
    '5000': Count.default(0),
    '2000': Count.default(0),
    '1000': Count.default(0),
    '500': Count.default(0),
    '100': Count.default(0),
    '50': Count.default(0),
    '10': Count.default(0),
  })
  .strict();

export const DAY_CHECKS = ['sales_vs_money', 'dispatch_signed_paid', 'returns_refunds', 'stock_value', 'cash_not_negative'] as const;
export const DayCheckCode = z.enum(DAY_CHECKS);

export const DayCheck = z.object({
  code: DayCheckCode,
  title_zh: z.string(),
  title_en: z.string(),
  pass: z.boolean(),
  figures: z.record(z.string(), z.number()),
  /** the slips behind a failing check */
  slips: z.array(
    z.object({ slipId: Id, no: z.string(), problem_zh: z.string(), problem_en: z.string(), expectedFen: z.number().int(), recordedFen: z.number().int() }),
  ),
});
export type DayCheck = z.infer<typeof DayCheck>;

const DayMoney = z.object({
  account: MoneyAccount,
  openingFen: z.number().int(),
  receiptsFen: z.number().int(),
  paymentsFen: z.number().int(),
  /** opening + receipts − payments */
  closingFen: z.number().int(),
});

export const DayClosePreview = z.object({
  date: z.string(),
  closed: z.boolean(),
  /** false with the reasons when the day cannot be closed now (a future day, earlier days still open) */
  canClose: z.boolean(),
  blockers: z.array(z.object({ code: z.string(), message_zh: z.string(), message_en: z.string() })),
  cash: DayMoney.extend({ expectedFen: z.number().int() }),
  /** each non-cash channel: the day's net total (receipts − payments) is what its statement should show */
  channels: z.array(DayMoney.extend({ expectedFen: z.number().int() })),
  sales: z.object({
    dispatchCount: z.number().int(),
    salesDetailFen: z.number().int(),
    cashChannelReceiptsFen: z.number().int(),
    newReceivablesFen: z.number().int(),
    /** paid when finance signed, goods not yet out */
    receivedForUnpostedFen: z.number().int(),
  }),
  returns: z.object({ count: z.number().int(), amountFen: z.number().int(), refundedFen: z.number().int(), creditNotesFen: z.number().int() }),
  collections: z.object({ count: z.number().int(), amountFen: z.number().int() }),
  expenses: z.object({ count: z.number().int(), paidFen: z.number().int() }),
  stock: z.object({ openingFen: z.number().int(), inFen: z.number().int(), outFen: z.number().int(), closingFen: z.number().int(), cogsFen: z.number().int() }),
  checks: z.array(DayCheck),
  allPass: z.boolean(),
});
export type DayClosePreview = z.infer<typeof DayClosePreview>;

export const DayCloseRecord = z.object({
  date: z.string(),
  closedAt: z.string(),
  closedBy: Person,
  finance: Person,
  statistician: Person,
  manager: Person.nullable(),
  expectedCashFen: z.number().int(),
  countedCashFen: z.number().int(),
  /** counted − expected: > 0 长款 (over), < 0 短款 (short) */
  differenceFen: z.number().int(),
  result: z.enum(['even', 'over', 'short']),
  adjustmentVoucherNo: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  channels: z.array(z.object({ account: MoneyAccount, expectedFen: z.number().int(), confirmedFen: z.number().int(), differenceFen: z.number().int() })),
  reason: z.string(),
  closing: z.record(z.string(), z.number().int()),
  failedChecks: z.array(z.string()),
  rowsHash: z.string(),
});
export type DayCloseRecord = z.infer<typeof DayCloseRecord>;

// ---------------------------------------------------------------- the methods

interface Def<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: 'public' | 'any' | readonly Role[];
  write: boolean;
  doc: string;
}
const method = <I extends z.ZodType, O extends z.ZodType>(d: Def<I, O>): Def<I, O> => d;

const FINANCE = ['finance'] as const;
const MONEY_READERS = ['finance', 'manager'] as const;
const LEDGER_READERS = ['finance', 'manager', 'statistician'] as const;
const ALL_STAFF = ['manager', 'finance', 'statistician', 'keeper', 'shipper', 'driver', 'sales'] as const;

const JournalFilter = {
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** voucher no., summary, memo, customer name or slip no. */
  query: Text(50).default(''),
  cause: JournalCause.optional(),
  contraKind: ContraKind.optional(),
};

export const financeMethods = {
  'cash.accounts': method({
    input: Empty,
    output: z.array(AccountBalance),
    access: MONEY_READERS,
    write: false,
    doc: 'The money accounts (cash on hand, WeChat, Alipay, bank) and the balance of each.',
  }),
  'cash.journal': method({
    input: z.object({ account: MoneyAccount.default('cash'), ...JournalFilter, ...Page }),
    output: z.object({
      account: MoneyAccount,
      from: z.string().nullable(),
      to: z.string().nullable(),
      openingFen: z.number().int(),
      rows: z.array(JournalRow),
      total: z.number().int(),
      receiptsFen: z.number().int(),
      paymentsFen: z.number().int(),
      closingFen: z.number().int(),
    }),
    access: MONEY_READERS,
    write: false,
    doc: 'The cash journal (现金日记账) or a channel’s journal: date, voucher no., summary, contra, receipt, payment, balance; paged, with filters.',
  }),
  'cash.bySlip': method({
    input: z.object({ slipId: Id }),
    output: z.object({ journal: z.array(JournalRow), receivables: z.array(ReceivableRow), netReceivedFen: z.number().int(), netReceivableFen: z.number().int() }),
    access: [...LEDGER_READERS, 'sales', 'keeper'],
    write: false,
    doc: 'The money recorded for one slip: receipts, refunds and receivable entries.',
  }),
  'cash.remit': method({
    input: z.object({ account: MoneyAccount.default('cash'), amountFen: PosFen, memo: Text(200).default('') }),
    output: JournalRow,
    access: FINANCE,
    write: true,
    doc: 'Hand takings back to the company (交回公司货款): a payment out of cash or a channel.',
  }),
  'cash.topUp': method({
    input: z.object({ account: MoneyAccount.default('cash'), amountFen: PosFen, memo: Text(200).default('') }),
    output: JournalRow,
    access: FINANCE,
    write: true,
    doc: 'Petty cash from the company (备用金拨入): a receipt into cash or a channel.',
  }),
  'cash.reverse': method({
    input: z.object({ entryId: Id, reason: Name(200) }),
    output: z.object({ original: JournalRow, reversal: JournalRow }),
    access: FINANCE,
    write: true,
    doc: 'Reverse (红字) a remittance, a top-up or a collection; money of slips and expenses is reversed through them.',
  }),

  'receivables.collect': method({
    input: z.object({
      customerId: Id,
      account: MoneyAccount,
      amountFen: PosFen,
      /** slips chosen by hand; left out: the customer's oldest open slips first */
      allocations: z.array(AllocationInput).max(500).optional(),
      memo: Text(200).default(''),
    }),
    output: z.object({
      voucher: JournalRow,
      entry: ReceivableRow,
      allocations: z.array(AllocationResult),
      /** what of this collection is held as a prepayment (预收) */
      unallocatedFen: z.number().int(),
      balanceFen: z.number().int(),
    }),
    access: FINANCE,
    write: true,
    doc: 'A collection (回款): a receipt into an account, applied to slips (oldest first or chosen); any overpayment is held as a prepayment.',
  }),
  'receivables.apply': method({
    input: z.object({ customerId: Id, allocations: z.array(AllocationInput).max(500).optional() }),
    output: z.object({ allocations: z.array(AllocationResult), prepaymentFen: z.number().int(), balanceFen: z.number().int() }),
    access: FINANCE,
    write: true,
    doc: 'Apply a customer’s prepayment or credit notes to open slips, chosen by hand or oldest first.',
  }),
  'receivables.open': method({
    input: z.object({ customerId: Id }),
    output: z.object({ customer: CustomerRef, openSlips: z.array(OpenSlip), openFen: z.number().int(), prepaymentFen: z.number().int(), balanceFen: z.number().int() }),
    access: LEDGER_READERS,
    write: false,
    doc: 'A customer’s open slips (oldest first) and unapplied prepayment, for allocating a collection by hand.',
  }),
  'receivables.ledger': method({
    input: z.object({ customerId: Id, from: DateStr.optional(), to: DateStr.optional(), ...Page }),
    output: z.object({
      customer: CustomerRef,
      openingFen: z.number().int(),
      rows: z.array(ReceivableRow),
      total: z.number().int(),
      closingFen: z.number().int(),
    }),
    access: LEDGER_READERS,
    write: false,
    doc: 'The receivables ledger (应收款账) of one customer: credit sales, collections, credit notes and reversals, with the balance after each.',
  }),
  'receivables.aging': method({
    input: z.object({
      asOf: DateStr.optional(),
      /** upper bounds of the age buckets in days, ascending; the last bucket is “over” the last bound */
      buckets: z.array(z.number().int().min(1).max(3650)).min(1).max(12).default([...DEFAULT_AGING_BUCKETS]),
      customerIds: z.array(Id).max(10000).optional(),
      includeSettled: z.boolean().default(false),
    }),
    output: z.object({
      asOf: z.string(),
      buckets: z.array(z.object({ label: z.string(), fromDays: z.number().int(), toDays: z.number().int().nullable() })),
      rows: z.array(
        z.object({
          customerId: Id,
          code: z.string(),
          name: z.string(),
          creditLimitFen: z.number().int(),
          openFen: z.number().int(),
          prepaymentFen: z.number().int(),
          balanceFen: z.number().int(),
          buckets: z.array(z.number().int()),
          oldestDate: z.string().nullable(),
          overLimit: z.boolean(),
        }),
      ),
      totals: z.object({ openFen: z.number().int(), prepaymentFen: z.number().int(), balanceFen: z.number().int(), buckets: z.array(z.number().int()) }),
    }),
    access: LEDGER_READERS,
    write: false,
    doc: 'Customer aging (账龄): open amounts by age of the slip (0–30, 31–60, 61–90, 91–180, over 180 days, or the buckets given).',
  }),
  'receivables.statement': method({
    input: z.object({ customerId: Id, from: DateStr, to: DateStr }),
    output: z.object({
      customer: CustomerRef,
      from: z.string(),
      to: z.string(),
      openingFen: z.number().int(),
      rows: z.array(ReceivableRow),
      salesFen: z.number().int(),
      collectionsFen: z.number().int(),
      creditNotesFen: z.number().int(),
      closingFen: z.number().int(),
      openSlips: z.array(OpenSlip),
      prepaymentFen: z.number().int(),
    }),
    access: LEDGER_READERS,
    write: false,
    doc: 'A customer statement (对账单) for a period: opening balance, every entry, totals, closing balance and the slips still open.',
  }),

  'expenses.categories': method({
    input: Empty,
    output: z.array(ExpenseCategory),
    access: 'any',
    write: false,
    doc: 'Expense categories: 差旅, 办公用品, 运输, 通讯, 招待 and the office’s own.',
  }),
  'expenses.addCategory': method({
    input: z.object({ name: Name(20), nameEn: Text(40).default('') }),
    output: ExpenseCategory,
    access: ['manager'],
    write: true,
    doc: 'Add one of the office’s own expense categories.',
  }),
  'expenses.create': method({
    input: z.object({
      category: Name(20),
      amountFen: PosFen,
      attachments: z.number().int().min(0).max(999).default(0),
      summary: Name(200),
      /** finance or the manager may file for someone else; anyone else files for themselves */
      claimantId: Id.optional(),
    }),
    output: ExpenseClaim,
    access: ALL_STAFF,
    write: true,
    doc: 'File an expense claim (费用报销单).',
  }),
  'expenses.approve': method({
    input: z.object({ expenseId: Id, manager: PinSignoff }),
    output: ExpenseClaim,
    access: ['manager', 'finance'],
    write: true,
    doc: 'The manager approves a claim with the PIN (费用审批).',
  }),
  'expenses.pay': method({
    input: z.object({ expenseId: Id }),
    output: z.object({ claim: ExpenseClaim, voucher: JournalRow }),
    access: FINANCE,
    write: true,
    doc: 'Pay an approved claim from cash (现付).',
  }),
  'expenses.void': method({
    input: z.object({ expenseId: Id, reason: Name(200) }),
    output: ExpenseClaim,
    access: ALL_STAFF,
    write: true,
    doc: 'Void a claim; a paid one (finance only) has its payment reversed in red (红字).',
  }),
  'expenses.list': method({
    input: z.object({
      state: ExpenseState.optional(),
      category: Text(20).optional(),
      claimantId: Id.optional(),
      from: DateStr.optional(),
      to: DateStr.optional(),
      ...Page,
    }),
    output: z.object({ rows: z.array(ExpenseClaim), total: z.number().int(), totalAmountFen: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Expense claims, newest first; staff other than finance, the manager and the statistician see their own.',
  }),
  'budgets.set': method({
    input: z.object({ month: MonthStr, category: Name(20), amountFen: NonNegFen }),
    output: z.object({ month: z.string(), category: z.string(), amountFen: z.number().int(), setBy: Person, setAt: z.string() }),
    access: ['manager'],
    write: true,
    doc: 'The manager sets a month’s budget for a category (费用预算).',
  }),
  'budgets.report': method({
    input: z.object({ month: MonthStr }),
    output: z.object({
      month: z.string(),
      rows: z.array(BudgetRow),
      totals: z.object({ budgetFen: z.number().int(), paidFen: z.number().int(), approvedFen: z.number().int(), claimedFen: z.number().int() }),
    }),
    access: LEDGER_READERS,
    write: false,
    doc: 'Budget against actual per category for a month (费用统计表).',
  }),

  'dayClose.preview': method({
    input: z.object({ date: DateStr.optional() }),
    output: DayClosePreview,
    access: LEDGER_READERS,
    write: false,
    doc: 'The day’s expected cash and channel totals and the reconciliation checks (对账), before the close.',
  }),
  'dayClose.close': method({
    input: z.object({
      date: DateStr,
      counts: CashCounts,
      channels: z.object({ wechat: Fen, alipay: Fen, bank: Fen }),
      differenceReason: Text(200).default(''),
      managerApproval: PinSignoff.optional(),
      finance: PinSignoff,
      statistician: PinSignoff,
    }),
    output: DayCloseRecord,
    access: ['finance', 'statistician', 'manager'],
    write: true,
    doc: 'Close the day (日结): count the cash, confirm the channels, book any over/short (长款/短款), countersign; the day is locked.',
  }),
  'dayClose.list': method({
    input: z.object({ from: DateStr.optional(), to: DateStr.optional(), ...Page }),
    output: z.object({ rows: z.array(DayCloseRecord), total: z.number().int() }),
    access: LEDGER_READERS,
    write: false,
    doc: 'Past closes of day, newest first.',
  }),
  'dayClose.status': method({
    input: Empty,
    output: z.object({
      today: z.string(),
      todayClosed: z.boolean(),
      lastClosed: z.string().nullable(),
      /** past business days with postings that are not closed yet (oldest first; at most 366 listed) */
      openDays: z.array(z.string()),
      openDayCount: z.number().int(),
    }),
    access: 'any',
    write: false,
    doc: 'Which past days are still open (shown on every screen), and whether today is closed.',
  }),
} as const;
