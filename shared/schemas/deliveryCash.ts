// Cash collected on delivery (送货收款, deliveryCash.*): a cash dispatch the carrier collects at the
// customer's (slips.collectByCarrier). Posting it puts the shipped amount in transit with the carrier;
// the finance supervisor confirms the hand-over with the carrier's PIN (现收 on that day); the close
// of day lists the money still in transit by person. Reversing the slip first cancels it.

import { z } from 'zod';
import { FINANCE, Id, MONEY_READERS, Page, Person, PinSignoff, method } from './common';
import { JournalRow } from './journal';

export const DELIVERY_CASH_STATES = ['pending', 'handed', 'cancelled'] as const;
export const DeliveryCashState = z.enum(DELIVERY_CASH_STATES);
export type DeliveryCashState = z.infer<typeof DeliveryCashState>;
export const DELIVERY_CASH_STATE_ZH: Record<DeliveryCashState, string> = { pending: '待交回', handed: '已交回', cancelled: '已取消' };

/** What a slip shows of its delivery cash. */
export const SlipDeliveryCash = z.object({
  id: Id,
  state: DeliveryCashState,
  amountFen: z.number().int(),
  handedBy: Person.nullable(),
  handedAt: z.string().nullable(),
  voucherNo: z.string().nullable(),
});
export type SlipDeliveryCash = z.infer<typeof SlipDeliveryCash>;

export const DeliveryCash = SlipDeliveryCash.extend({
  slipId: Id,
  slipNo: z.string(),
  customerId: Id,
  customerName: z.string(),
  /** who carries the slip now (the PIN that hands the money over); null: nobody named */
  carrier: Person.nullable(),
  summary: z.string(),
  /** the business day the slip was posted (the money went into transit) */
  date: z.string(),
  confirmedBy: Person.nullable(),
  handedDate: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type DeliveryCash = z.infer<typeof DeliveryCash>;

/** Money still in transit, by the person carrying it. */
export const InTransit = z.object({ carrier: Person.nullable(), count: z.number().int(), amountFen: z.number().int() });
export type InTransit = z.infer<typeof InTransit>;

export const deliveryCashMethods = {
  'deliveryCash.list': method({
    input: z.object({ state: DeliveryCashState.optional(), ...Page }),
    output: z.object({ rows: z.array(DeliveryCash), total: z.number().int(), inTransit: z.array(InTransit) }),
    access: MONEY_READERS,
    write: false,
    doc: '送货收款: money in transit first (oldest first), then handed over and cancelled, newest first; and the money in transit by carrier.',
  }),
  'deliveryCash.confirm': method({
    input: z.object({ deliveryCashId: Id, carrier: PinSignoff }),
    output: z.object({ deliveryCash: DeliveryCash, voucher: JournalRow }),
    access: FINANCE,
    write: true,
    doc: 'The finance supervisor takes the money a carrier collected on delivery: the carrier’s PIN; a 现收 row on today’s business day; once.',
  }),
} as const;
