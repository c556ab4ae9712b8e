// The close of day (日结, dayClose.*): the cash count, the channels, the reconciliation checks and
// the countersignatures that lock a business day.

import { z } from 'zod';
import { DateStr, Empty, Fen, Id, LEDGER_READERS, Page, Person, PinSignoff, Text, method } from './common';
import { MoneyAccount } from './journal';

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
      /** the business day postings go to now: `today`, or the next day once today is closed */
      businessDate: z.string(),
    }),
    access: 'any',
    write: false,
    doc: 'Which past days are still open (shown on every screen), whether today is closed, and the business day postings go to now.',
  }),
} as const;
