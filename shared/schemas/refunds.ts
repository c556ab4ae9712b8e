// Pending refunds (待付退款, refunds.*): money that goes back to a customer — a customer return
// refunded in cash or a channel, the unshipped part of a short-picked cash sale — waits for the
// finance supervisor, who confirms it with the PIN (财务确认付款); only then does it leave the cash
// box (现付/银付). Reversing the slip first cancels it.

import { z } from 'zod';
import { DateStr, FINANCE, Id, MONEY_READERS, Page, Person, Pin, method } from './common';
import { JournalRow, MoneyAccount } from './journal';

export const REFUND_STATES = ['pending', 'paid', 'cancelled'] as const;
export const RefundState = z.enum(REFUND_STATES);
export type RefundState = z.infer<typeof RefundState>;
export const REFUND_STATE_ZH: Record<RefundState, string> = { pending: '待财务确认', paid: '已付', cancelled: '已取消' };

export const REFUND_CAUSES = ['return_refund', 'sale_refund'] as const;
export const RefundCause = z.enum(REFUND_CAUSES);
export type RefundCause = z.infer<typeof RefundCause>;

/** What a slip shows of its refund (退款待财务确认 / 已付 / 已取消). */
export const SlipRefund = z.object({
  id: Id,
  state: RefundState,
  amountFen: z.number().int(),
  account: MoneyAccount,
  voucherNo: z.string().nullable(),
  confirmedBy: Person.nullable(),
  confirmedAt: z.string().nullable(),
});
export type SlipRefund = z.infer<typeof SlipRefund>;

export const Refund = z.object({
  id: Id,
  slipId: Id,
  slipNo: z.string(),
  slipKind: z.enum(['dispatch', 'return']),
  cause: RefundCause,
  customerId: Id,
  customerName: z.string(),
  account: MoneyAccount,
  amountFen: z.number().int(),
  summary: z.string(),
  /** the business day the slip was posted (the refund made) */
  date: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  state: RefundState,
  confirmedBy: Person.nullable(),
  confirmedAt: z.string().nullable(),
  paidDate: z.string().nullable(),
  voucherNo: z.string().nullable(),
  journalId: Id.nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type Refund = z.infer<typeof Refund>;

export const refundsMethods = {
  'refunds.list': method({
    input: z.object({ state: RefundState.optional(), customerId: Id.optional(), from: DateStr.optional(), to: DateStr.optional(), ...Page }),
    output: z.object({
      rows: z.array(Refund),
      total: z.number().int(),
      /** every refund still waiting for finance, whatever the filter */
      pendingCount: z.number().int(),
      pendingFen: z.number().int(),
    }),
    access: MONEY_READERS,
    write: false,
    doc: 'Refunds (待付退款): pending first (oldest first), then paid and cancelled, newest first; filters by state, customer and date.',
  }),
  'refunds.confirm': method({
    input: z.object({ refundId: Id, pin: Pin }),
    output: z.object({ refund: Refund, voucher: JournalRow }),
    access: FINANCE,
    write: true,
    doc: 'The finance supervisor pays a pending refund (PIN re-entered): a 现付/银付 row on today’s business day; not by whoever posted the slip; once only.',
  }),
} as const;
