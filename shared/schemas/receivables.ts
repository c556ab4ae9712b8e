// Receivables (应收款, receivables.*): what customers owe, collections (回款) applied to slips,
// prepayments, aging (账龄) and statements (对账单).

import { z } from 'zod';
import { DateStr, FINANCE, Id, LEDGER_READERS, MultiLineText, Name, Page, Person, PosFen, Text, method } from './common';

/** Who reads customers' balances: the ledger readers, and salespeople for their own customers (保密制度, shared/readScope.ts). */
const BALANCE_READERS = [...LEDGER_READERS, 'sales'] as const;

/** Who logs collection calls: finance chases receivables (催收), the manager too. */
const CHASERS = ['finance', 'manager'] as const;
import { JournalRow, MoneyAccount } from './journal';

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
  /** 到期日: the sale's date + the customer's payment terms */
  dueDate: z.string(),
  /** days past the due date; 0 until it is due */
  overdueDays: z.number().int(),
});
export type OpenSlip = z.infer<typeof OpenSlip>;

export const AllocationInput = z.object({ slipId: Id, amountFen: PosFen });
export const AllocationResult = z.object({ slipId: Id.nullable(), slipNo: z.string().nullable(), amountFen: z.number().int() });

export const DEFAULT_AGING_BUCKETS = [30, 60, 90, 180] as const;

const CustomerRef = z.object({ id: Id, code: z.string(), name: z.string(), creditLimitFen: z.number().int(), paymentTermsDays: z.number().int() });

/** One call of collection follow-up (催收): who chased which open credit sale, whom, when, with what promise. */
export const Chase = z.object({
  id: Id,
  slipId: Id,
  slipNo: z.string(),
  customerId: Id,
  date: z.string(),
  chasedAt: z.string(),
  user: Person,
  contacted: z.string(),
  note: z.string(),
  promisedDate: z.string().nullable(),
});
export type Chase = z.infer<typeof Chase>;

/** An open credit sale on the collection list (催收清单). */
export const DueRow = z.object({
  entryId: Id,
  slipId: Id,
  slipNo: z.string(),
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  phone: z.string(),
  date: z.string(),
  dueDate: z.string(),
  overdueDays: z.number().int(),
  openFen: z.number().int(),
  lastChase: Chase.nullable(),
  chaseCount: z.number().int(),
});
export type DueRow = z.infer<typeof DueRow>;

export const receivablesMethods = {
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
    output: z.object({
      customer: CustomerRef,
      openSlips: z.array(OpenSlip),
      openFen: z.number().int(),
      prepaymentFen: z.number().int(),
      balanceFen: z.number().int(),
    }),
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
    access: BALANCE_READERS,
    write: false,
    doc: 'The receivables ledger (应收款账) of one customer: credit sales, collections, credit notes and reversals, with the balance after each.',
  }),
  'receivables.aging': method({
    input: z.object({
      asOf: DateStr.optional(),
      /** upper bounds of the age buckets in days, ascending; the last bucket is “over” the last bound */
      buckets: z
        .array(z.number().int().min(1).max(3650))
        .min(1)
        .max(12)
        .default([...DEFAULT_AGING_BUCKETS]),
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
          /** open sales past their due date (sale date + payment terms) */
          overdueFen: z.number().int(),
          overLimit: z.boolean(),
        }),
      ),
      totals: z.object({
        openFen: z.number().int(),
        prepaymentFen: z.number().int(),
        balanceFen: z.number().int(),
        overdueFen: z.number().int(),
        buckets: z.array(z.number().int()),
      }),
    }),
    access: BALANCE_READERS,
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
    access: BALANCE_READERS,
    write: false,
    doc: 'A customer statement (对账单) for a period: opening balance, every entry, totals, closing balance and the slips still open.',
  }),
  'receivables.chase': method({
    input: z.object({
      slipId: Id,
      /** whom they reached: the customer's contact as named on the phone */
      contacted: Name(50),
      note: MultiLineText(200).default(''),
      promisedDate: DateStr.nullable().default(null),
    }),
    output: Chase,
    access: CHASERS,
    write: true,
    doc: 'Log a collection call (催收) on an open credit sale: whom was reached, what was said, the date the customer promised to pay.',
  }),
  'receivables.chases': method({
    input: z.object({ slipId: Id }),
    output: z.array(Chase),
    access: LEDGER_READERS,
    write: false,
    doc: 'The collection calls logged on a credit sale, newest first.',
  }),
  'receivables.due': method({
    input: z.object({ customerId: Id.optional(), dueBy: DateStr.optional() }),
    output: z.object({ today: z.string(), dueBy: z.string(), rows: z.array(DueRow), totalFen: z.number().int() }),
    access: LEDGER_READERS,
    write: false,
    doc: 'The collection list (催收清单): open credit sales due by a day (default: the end of this week, Sunday), overdue ones included, earliest due first, with the last call logged.',
  }),
} as const;
