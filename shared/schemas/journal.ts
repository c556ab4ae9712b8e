// The money accounts and the money journal (现金日记账 and the same for WeChat, Alipay and the bank):
// the books that cash.*, receivables.*, expenses.* and dayClose.* all write into and read from.

import { z } from 'zod';
import { Id, Person } from './common';

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
  'shortage_repaid', // 短款由出纳赔偿 (the manager's decision on a suspense item)
  'overage_returned', // 长款退还 (the manager's decision on a suspense item)
  'opening', // 期初资金 (opening balances, issue #10)
  'advance', // 借支 paid to a person (advances.*)
  'advance_return', // 借支退回: the person returns what the claims did not use
] as const;
export const JournalCause = z.enum(JOURNAL_CAUSES);
export type JournalCause = z.infer<typeof JournalCause>;

/** 'day_close': an over/short booked against the close before migration 0006; since then 'suspense' (待处理财产损溢) */
export const CONTRA_KINDS = ['slip', 'customer', 'expense', 'remittance', 'topup', 'day_close', 'suspense', 'opening', 'advance'] as const;
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
