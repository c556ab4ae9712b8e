// Opening balances (opening.*, 期初建账, issue #10): what the office holds on its first day — stock
// per item (one opening slip, one FIFO layer per line at exactly the amount entered), what each
// customer owes (dated on the original sale, so aging is right from day one) and the money in each
// account. Allowed only until the first day is closed.

import { z } from 'zod';
import { DateStr, Id, LEDGER_READERS, PinSignoff, PosFen, Qty, Text, method } from './common';
import { MoneyAccount } from './journal';

/** The most lines one opening entry takes (the stock slip's lines, the receivables of one call or one file). */
export const MAX_OPENING_LINES = 2000;

export const OpeningStockLine = z.object({ itemId: Id, qty: Qty, amountFen: PosFen });
export const OpeningReceivableLine = z.object({ customerId: Id, saleDate: DateStr, docRef: Text(40).default(''), amountFen: PosFen });
export const OpeningCashLine = z.object({ account: MoneyAccount, amountFen: PosFen });

export const OpeningStatus = z.object({
  /** the first day has been closed: nothing more may be entered */
  closed: z.boolean(),
  /** the business day openings are dated (the go-live day) */
  businessDate: z.string(),
  stock: z
    .object({
      slipId: Id,
      no: z.string(),
      businessDate: z.string(),
      signedBy: z.string(),
      lines: z.array(
        z.object({ itemId: Id, itemCode: z.string(), itemName: z.string(), unit: z.string(), qty: z.number().int(), amountFen: z.number().int() }),
      ),
    })
    .nullable(),
  receivables: z.array(
    z.object({ entryId: Id, customerId: Id, customerName: z.string(), saleDate: z.string(), docRef: z.string(), amountFen: z.number().int() }),
  ),
  cash: z.array(z.object({ account: MoneyAccount, amountFen: z.number().int(), voucherNo: z.string(), businessDate: z.string() })),
});
export type OpeningStatus = z.infer<typeof OpeningStatus>;

const OPENING_WRITERS = ['manager', 'finance'] as const;

export const openingMethods = {
  'opening.status': method({
    input: z.object({}).strict().default({}),
    output: OpeningStatus,
    access: LEDGER_READERS,
    write: false,
    doc: 'The opening balances entered so far (stock, receivables, cash) and whether the first day is closed.',
  }),
  'opening.postStock': method({
    input: z.object({ lines: z.array(OpeningStockLine).min(1).max(MAX_OPENING_LINES), signoff: PinSignoff }),
    output: OpeningStatus,
    access: OPENING_WRITERS,
    write: true,
    doc: 'Post the opening stock as one opening slip signed by the manager: one FIFO layer per line holding exactly its amount.',
  }),
  'opening.addReceivables': method({
    input: z.object({ lines: z.array(OpeningReceivableLine).min(1).max(MAX_OPENING_LINES) }),
    output: OpeningStatus,
    access: OPENING_WRITERS,
    write: true,
    doc: 'Book what customers owe at go-live, each dated on its original sale (aging counts from that date).',
  }),
  'opening.setCash': method({
    input: z.object({ lines: z.array(OpeningCashLine).min(1).max(4) }),
    output: OpeningStatus,
    access: OPENING_WRITERS,
    write: true,
    doc: 'Book the opening balance of money accounts (cash, WeChat, Alipay, bank), once per account.',
  }),
};
