// The close of day (日结, dayClose.*): the cash count, the channels, the reconciliation checks and
// the countersignatures that lock a business day.

import { z } from 'zod';
import { DateStr, Empty, Fen, Id, LEDGER_READERS, Page, Person, PinSignoff, Text, method } from './common';
import { MoneyAccount } from './journal';
import { Refund } from './refunds';
import { InTransit } from './deliveryCash';
import { DailyCheckRecord } from './dailyCheck';
import { OpenAdvance } from './advances';

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
  returns: z.object({
    count: z.number().int(),
    amountFen: z.number().int(),
    refundedFen: z.number().int(),
    creditNotesFen: z.number().int(),
    /** refunds of the day's returns still waiting for finance at the end of the day */
    pendingRefundsFen: z.number().int(),
  }),
  /**
   * Refunds made on or before the day that finance has not paid (待付退款): a warning, not a
   * blocker — the expected cash counts only paid refunds, and an unpaid one carries over to the
   * next day, listed on each close and its cash count sheet until finance pays it.
   */
  pendingRefunds: z.object({ count: z.number().int(), amountFen: z.number().int(), rows: z.array(Refund).max(1000) }),
  /** 送货收款: money the carriers collected on delivery and had not handed over by the end of the day, by person (a warning) */
  inTransit: z.array(InTransit),
  /** 每日对账: the keeper's check of the day's moved items, or null when not done yet */
  keeperCheck: DailyCheckRecord.nullable(),
  collections: z.object({ count: z.number().int(), amountFen: z.number().int() }),
  expenses: z.object({ count: z.number().int(), paidFen: z.number().int() }),
  stock: z.object({ openingFen: z.number().int(), inFen: z.number().int(), outFen: z.number().int(), closingFen: z.number().int(), cogsFen: z.number().int() }),
  checks: z.array(DayCheck),
  allPass: z.boolean(),
  /** 借支: paid out and returned on the day (in the cash figures above), and every advance still open at its end (information) */
  advances: z.object({ paidFen: z.number().int(), returnedFen: z.number().int(), open: z.array(OpenAdvance).max(1000) }),
});
export type DayClosePreview = z.infer<typeof DayClosePreview>;

/** 反日结: who took a close out of force, when and why (the close stays in the history). */
export const DayReopen = z.object({ at: z.string(), by: Person, reason: z.string() });

export const DayCloseRecord = z.object({
  /** one day may have several closes over time: each reopen takes one out of force */
  id: Id,
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
  /** null while the close is in force; set once the manager reopened the day (反日结) */
  reopened: DayReopen.nullable(),
});
export type DayCloseRecord = z.infer<typeof DayCloseRecord>;

/** The manager's decision on a 长款/短款 waiting in the suspense account (待处理财产损溢). */
export const SUSPENSE_DECISIONS = ['cashier_repays', 'expense', 'other_income', 'returned'] as const;
export const SuspenseDecision = z.enum(SUSPENSE_DECISIONS);
export type SuspenseDecision = z.infer<typeof SuspenseDecision>;
export const SUSPENSE_DECISION_ZH: Record<SuspenseDecision, string> = {
  cashier_repays: '由出纳赔偿',
  expense: '计入管理费用',
  other_income: '计入营业外收入',
  returned: '退还',
};
/** Which decisions fit which side: a 短款 is paid back by the cashier or expensed; a 长款 becomes other income or goes back to its payer. */
export const DECISIONS_FOR: Record<'short' | 'over', readonly SuspenseDecision[]> = {
  short: ['cashier_repays', 'expense'],
  over: ['other_income', 'returned'],
};

/** One 长款/短款 in the suspense account, from the close that booked it to the decision or the reopen that cleared it. */
export const SuspenseItem = z.object({
  id: Id,
  date: z.string(),
  result: z.enum(['over', 'short']),
  /** the difference, positive */
  amountFen: z.number().int(),
  /** what still waits for the manager's decision, positive (0 once decided or reopened) */
  openFen: z.number().int(),
  /** the close's reason and its cash voucher */
  reason: z.string(),
  voucherNo: z.string(),
  state: z.enum(['open', 'decided', 'reopened']),
  decision: z.object({ decision: SuspenseDecision, at: z.string(), by: Person, memo: z.string(), voucherNo: z.string().nullable() }).nullable(),
});
export type SuspenseItem = z.infer<typeof SuspenseItem>;

const ReopenInput = z.object({ date: DateStr, reason: Text(200), manager: PinSignoff });

export const dayCloseMethods = {
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
  'dayClose.reopen': method({
    input: ReopenInput,
    output: DayCloseRecord,
    access: ['manager'],
    write: true,
    doc: 'Reopen the latest closed day (反日结): manager’s PIN and a reason; the close leaves force (its signatures drop), its 长款/短款 is reversed (红字) and the day takes postings until it is closed again.',
  }),
  'dayClose.differences': method({
    input: z.object({ state: z.enum(['open', 'all']).default('open'), ...Page }),
    output: z.object({ rows: z.array(SuspenseItem), total: z.number().int(), balanceFen: z.number().int() }),
    access: ['finance', 'manager'],
    write: false,
    doc: 'The 长款/短款 in the suspense account (待处理财产损溢), newest first; balanceFen is the account’s balance (over +, short −).',
  }),
  'dayClose.settleDifference': method({
    input: z.object({ differenceId: Id, decision: SuspenseDecision, memo: Text(200), manager: PinSignoff }),
    output: SuspenseItem,
    access: ['manager'],
    write: true,
    doc: 'The manager decides a 长款/短款 (PIN and a memo): 短款 由出纳赔偿 (cash in) or 计入管理费用; 长款 计入营业外收入 or 退还 (cash out).',
  }),
  'dayClose.list': method({
    input: z.object({ from: DateStr.optional(), to: DateStr.optional(), ...Page }),
    output: z.object({ rows: z.array(DayCloseRecord), total: z.number().int() }),
    access: LEDGER_READERS,
    write: false,
    doc: 'Past closes of day, newest first, reopened ones included (with who reopened, when and why).',
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
      /** the business day postings go to now: `today`, or the next day once today is closed */
      businessDate: z.string(),
      /** days the manager reopened (反日结) that are not closed again yet, oldest first */
      reopenedDays: z.array(z.string()),
    }),
    access: 'any',
    write: false,
    doc: 'Which past days are still open (shown on every screen), whether today is closed, and the business day postings go to now.',
  }),
} as const;
