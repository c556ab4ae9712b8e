// Cash (cash.*): the money accounts' balances and journals, remittances to the company (交回公司货款),
// petty-cash top-ups (备用金拨入) and their reversals.

import { z } from 'zod';
import { DateStr, Empty, FINANCE, Id, LEDGER_READERS, MONEY_READERS, Name, Page, PosFen, Text, method } from './common';
import { ContraKind, JournalCause, JournalRow, MoneyAccount } from './journal';
import { ReceivableRow } from './receivables';

export const AccountBalance = z.object({
  account: MoneyAccount,
  name: z.string(),
  kind: z.enum(['cash', 'noncash']),
  balanceFen: z.number().int(),
  lastDate: z.string().nullable(),
});

const JournalFilter = {
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** voucher no., summary, memo, customer name or slip no. */
  query: Text(50).default(''),
  cause: JournalCause.optional(),
  contraKind: ContraKind.optional(),
};

export const cashMethods = {
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
    output: z.object({
      journal: z.array(JournalRow),
      receivables: z.array(ReceivableRow),
      netReceivedFen: z.number().int(),
      netReceivableFen: z.number().int(),
    }),
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
} as const;
