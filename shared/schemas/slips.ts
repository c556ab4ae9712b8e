// Slips (单据, slips.*): inbound (进仓单), dispatch (发货单), return (退货单), write-off (报损单), return
// to HQ (退回总部) and reversal (红字冲销),
// their lines, signatures and states, and the tables of who creates and signs each kind.

import { z } from 'zod';
import { unitFen } from '../money';
import type { Role } from '../roles';
import { DateStr, Id, Name, NonNegFen, Page, Person, Pin, PinSignoff, MAX_ID, MAX_QTY, Qty, RoleSchema, Text, method } from './common';
import { SlipRefund } from './refunds';
import { SlipDeliveryCash } from './deliveryCash';

export const SLIP_KINDS = ['inbound', 'dispatch', 'return', 'reversal', 'opening', 'count', 'writeoff', 'hqReturn', 'repair'] as const;
export const SlipKind = z.enum(SLIP_KINDS);
export type SlipKind = z.infer<typeof SlipKind>;
/** Kinds a user creates; a reversal is made only by slips.reverse. */
export const CreatableSlipKind = z.enum(['inbound', 'dispatch', 'return', 'writeoff', 'hqReturn']);
export type CreatableSlipKind = z.infer<typeof CreatableSlipKind>;
/** The kinds made through slips.create (a reversal comes from slips.reverse, the opening slip from opening.postStock). */
export function isCreatableKind(kind: SlipKind): kind is CreatableSlipKind {
  return kind !== 'reversal' && kind !== 'opening' && kind !== 'count' && kind !== 'repair';
}
/** Kinds that take goods out of stock at FIFO cost without a sale: 报损单 and 退回总部 (issue #12). */
export const ADJUSTMENT_KINDS = ['writeoff', 'hqReturn'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export function isAdjustmentKind(kind: SlipKind): kind is AdjustmentKind {
  return kind === 'writeoff' || kind === 'hqReturn';
}
/** Why a write-off line leaves: 损耗 · 破碎 · 丢失 · 过期 · 其他 (the line's memo says what). */
export const WRITEOFF_CAUSES = ['loss', 'breakage', 'lost', 'expired', 'other'] as const;
export const WriteoffCause = z.enum(WRITEOFF_CAUSES);
export type WriteoffCause = z.infer<typeof WriteoffCause>;
export const WRITEOFF_CAUSE_ZH: Record<WriteoffCause, string> = { loss: '损耗', breakage: '破碎', lost: '丢失', expired: '过期', other: '其他' };
export const SLIP_STATES = ['draft', 'posted', 'void'] as const;
export const SlipState = z.enum(SLIP_STATES);
export type SlipState = z.infer<typeof SlipState>;
export const PAYMENT_MODES = ['cash', 'wechat', 'alipay', 'bank', 'credit'] as const;
export const PaymentMode = z.enum(PAYMENT_MODES);
export type PaymentMode = z.infer<typeof PaymentMode>;

export const SlipLineInput = z.object({
  itemId: Id,
  qty: Qty,
  /** inbound: cost per base unit from HQ's delivery note; a return without a dispatch (无原单退货):
   *  the unit cost the manager sets (left out: the line's cost so far, else the item's latest) */
  unitCostFen: NonNegFen.optional(),
  /** inbound, instead of the unit cost: the line's amount (金额) as HQ's delivery note gives it */
  amountFen: NonNegFen.optional(),
  /** dispatch: selling price per base unit; a return without a dispatch: the refund price */
  priceFen: NonNegFen.optional(),
  /** return: the dispatch line the goods come back against */
  sourceLineId: Id.optional(),
  memo: Text(100).optional(),
  /** write-off: why the goods leave (其他: the memo says what) */
  cause: WriteoffCause.optional(),
  /** write-off, return to HQ: the line takes defective stock (次品), kept apart from saleable stock */
  defective: z.boolean().optional(),
});
export type SlipLineInput = z.infer<typeof SlipLineInput>;

const slipHeaderFields = {
  supplierId: Id.nullish(),
  customerId: Id.nullish(),
  /** HQ's delivery note number (随货同行联) on an inbound slip */
  deliveryNoteNo: Text(50).nullish(),
  paymentMode: PaymentMode.nullish(),
  /** the posted dispatch a return comes back against; the posted inbound a return to HQ sends back */
  sourceSlipId: Id.nullish(),
  memo: Text(200).nullish(),
  /** a cash dispatch whose money the carrier collects on delivery (送货收款); part of what is signed */
  collectByCarrier: z.boolean().nullish(),
  /** an inbound slip: the signed requisition to HQ (要货单) it delivers against */
  requisitionId: Id.nullish(),
};

export const Signature = z.object({
  role: RoleSchema,
  userId: Id,
  userName: z.string(),
  signedAt: z.string(),
  contentHash: z.string(),
  signature: z.string(),
  /** false when the slip's content no longer matches what was signed */
  valid: z.boolean(),
});
export type Signature = z.infer<typeof Signature>;

export const SlipLine = z.object({
  id: Id,
  lineNo: z.number().int(),
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  /** the item's storage location (库位), where the keeper picks it */
  location: z.string(),
  qty: z.number().int(),
  unitCostFen: z.number().int().nullable(),
  priceFen: z.number().int().nullable(),
  /** qty × unit cost (inbound) or qty × price (dispatch, return); null where the reader may not see it (shared/readScope.ts) */
  amountFen: z.number().int().nullable(),
  sourceLineId: Id.nullable(),
  memo: z.string(),
  /** for posted slips: what actually moved (less than qty on a confirmed short pick) */
  shippedQty: z.number().int().nullable(),
  /** for posted slips: the FIFO cost of the goods that moved on this line */
  costFen: z.number().int().nullable(),
  /** for a posted dispatch: how many units can still be returned */
  returnableQty: z.number().int().nullable(),
  /** a return line the keeper marked defective (次品) when receiving it, or a write-off's or return
   *  to HQ's line that takes defective stock; false on every other line */
  defective: z.boolean(),
  /** an inbound line entered by its amount (金额): amountFen is exact, unitCostFen is null */
  amountEntered: z.boolean(),
  /** a write-off line's cause (and its reversal's); null on every other line */
  cause: WriteoffCause.nullable(),
  /** a draft dispatch's line: the oldest saleable layer on hand of its item — its inbound date and
   *  slip number — so the keeper takes the oldest goods first (先进先出 on the shelf); null elsewhere */
  oldestLayer: z.object({ date: z.string(), slipNo: z.string() }).nullable(),
});
export type SlipLine = z.infer<typeof SlipLine>;

/** A line's unit cost as shown (screen, paper): as entered, or its entered amount ÷ qty rounded
 *  half up — for display only, the amount stays exact; null on a line without a cost. */
export function shownUnitCostFen(l: Pick<SlipLine, 'unitCostFen' | 'amountFen' | 'qty' | 'amountEntered'>): number | null {
  if (!l.amountEntered) return l.unitCostFen;
  return l.amountFen == null ? null : unitFen(l.amountFen, l.qty);
}

export const Slip = z.object({
  id: Id,
  no: z.string(),
  kind: SlipKind,
  state: SlipState,
  businessDate: z.string(),
  supplierId: Id.nullable(),
  supplierName: z.string().nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  deliveryNoteNo: z.string().nullable(),
  paymentMode: PaymentMode.nullable(),
  sourceSlipId: Id.nullable(),
  sourceSlipNo: z.string().nullable(),
  /** a customer return without a dispatch in this desk (无原单退货: goods sold before go-live) */
  preGoLive: z.boolean(),
  memo: z.string(),
  reason: z.string().nullable(),
  /** a posted inbound under a delivery note number already posted: the keeper's reason */
  secondDeliveryReason: z.string().nullable(),
  totalQty: z.number().int(),
  /** null where the reader may not see the slip's amounts (shared/readScope.ts) */
  totalAmountFen: z.number().int().nullable(),
  createdBy: Person,
  createdAt: z.string(),
  postedBy: Person.nullable(),
  postedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  reversedBy: z.object({ id: Id, no: z.string() }).nullable(),
  version: z.number().int(),
  contentHash: z.string(),
  lines: z.array(SlipLine),
  signatures: z.array(Signature),
  requiredSignatures: z.array(RoleSchema),
  missingSignatures: z.array(RoleSchema),
  /** a posted return or short-picked sale's refund: waiting for finance, paid or cancelled (refunds.*) */
  refund: SlipRefund.nullable(),
  /** the driver or shipper who carries the goods now (承运人, slips.setCarrier); null: nobody named */
  carrier: Person.nullable(),
  /** a cash dispatch the carrier collects on delivery (送货收款) */
  collectByCarrier: z.boolean(),
  /** that money once the slip is posted: in transit with the carrier, handed over or cancelled (deliveryCash.*) */
  deliveryCash: SlipDeliveryCash.nullable(),
  /** an inbound slip's requisition to HQ (要货单), null: none */
  requisition: z.object({ id: Id, no: z.string() }).nullable(),
});
export type Slip = z.infer<typeof Slip>;

export const SlipSummary = Slip.pick({
  id: true,
  no: true,
  kind: true,
  state: true,
  businessDate: true,
  customerName: true,
  supplierName: true,
  deliveryNoteNo: true,
  paymentMode: true,
  sourceSlipNo: true,
  preGoLive: true,
  totalQty: true,
  totalAmountFen: true,
  createdAt: true,
  postedAt: true,
  reversedBy: true,
  missingSignatures: true,
  carrier: true,
}).extend({ lineCount: z.number().int() });
export type SlipSummary = z.infer<typeof SlipSummary>;

export const slipsMethods = {
  'slips.create': method({
    input: z.object({
      kind: CreatableSlipKind,
      ...slipHeaderFields,
      /** a return without a dispatch in this desk (无原单退货, goods sold before go-live); fixed once made */
      preGoLive: z.boolean().optional(),
      lines: z.array(SlipLineInput).max(500).default([]),
    }),
    output: Slip,
    access: ['keeper', 'statistician', 'sales', 'manager'],
    write: true,
    doc: 'Open a draft slip; it takes its number now (prefix + yyyyMMdd + serial).',
  }),
  'slips.update': method({
    input: z.object({
      slipId: Id,
      /** the version the editor started from; a stale one is refused */
      version: z.number().int().min(0).max(MAX_ID).optional(),
      ...slipHeaderFields,
      lines: z.array(SlipLineInput).max(500).optional(),
    }),
    output: Slip,
    access: ['keeper', 'statistician', 'sales', 'manager'],
    write: true,
    doc: 'Edit a draft; fields left out stay; lines, when given, replace all lines. Any change of content drops its signatures.',
  }),
  'slips.sign': method({
    input: z.object({
      slipId: Id,
      role: RoleSchema,
      user: z.union([Id, Name(30)]),
      pin: Pin,
      /** finance signing a credit sale over the customer's limit: the manager's PIN lets it through (finance.ts) */
      creditOverride: PinSignoff.optional(),
    }),
    output: Slip,
    access: 'any',
    write: true,
    doc: 'Sign a draft as one role; the signer re-enters the PIN (the signer may differ from who is logged in).',
  }),
  'slips.post': method({
    input: z.object({
      slipId: Id,
      /** dispatch/return: what the keeper picked (scanned) per line; lines left out count as 0 */
      picked: z
        .array(
          z.object({
            lineId: Id,
            qty: z.number().int().min(0).max(MAX_QTY),
            /** return: the keeper found the goods of this line defective (次品) on receipt */
            defective: z.boolean().optional(),
          }),
        )
        .max(500)
        .optional(),
      /** the keeper confirms posting less than the slip says (short pick) */
      confirmShort: z.boolean().default(false),
      /** inbound: the keeper confirms a second delivery under a delivery note number already posted */
      secondDelivery: z.object({ reason: Name(200) }).optional(),
    }),
    output: Slip,
    access: ['keeper'],
    write: true,
    doc: 'Post a draft to the books (进仓 / 出库 / 退货入库) through the FIFO layers.',
  }),
  'slips.reverse': method({
    input: z.object({
      slipId: Id,
      reason: Name(200),
      /** 经理审核: always */
      manager: PinSignoff,
      /** 财务: when the original moved money (a payment, a receivable, a refund); someone other than the manager */
      finance: PinSignoff.optional(),
    }),
    output: z.object({ original: Slip, reversal: Slip }),
    access: ['keeper', 'manager'],
    write: true,
    doc: 'Reverse a posted slip (红字冲销): a new posted slip that puts back exactly what the original moved, signed by the manager (and finance where money moved).',
  }),
  'slips.void': method({
    input: z.object({ slipId: Id, reason: Name(200) }),
    output: Slip,
    access: ['keeper', 'statistician', 'sales', 'manager'],
    write: true,
    doc: 'Void a draft (作废); its number stays used.',
  }),
  'slips.setCarrier': method({
    input: z.object({
      slipId: Id,
      /** an active driver or shipper; null: nobody carries it (the customer fetches the goods) */
      carrierId: Id.nullable(),
    }),
    output: Slip,
    access: ['keeper', 'manager'],
    write: true,
    doc: 'Name who carries an inbound, dispatch or return slip (承运人), before or after posting; a hand-over is a new row of its history.',
  }),
  'slips.carriers': method({
    input: z.object({}),
    output: z.array(z.object({ id: Id, name: z.string(), roles: z.array(RoleSchema) })),
    access: ['keeper', 'manager'],
    write: false,
    doc: 'The active drivers and shippers, who may carry a slip.',
  }),
  'slips.get': method({
    input: z.union([z.object({ slipId: Id }), z.object({ no: Name(40) })]),
    output: Slip,
    access: 'any',
    write: false,
    doc: 'One slip with lines and signatures, by id or number.',
  }),
  'slips.list': method({
    input: z.object({
      kind: SlipKind.optional(),
      state: SlipState.optional(),
      from: DateStr.optional(),
      to: DateStr.optional(),
      customerId: Id.optional(),
      query: Text(50).default(''),
      ...Page,
    }),
    output: z.object({ rows: z.array(SlipSummary), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Slips by number, date, kind, state or customer, newest first.',
  }),
} as const;

/** Roles that may create each kind of slip (the core enforces it; the UI uses it to offer actions). */
export const SLIP_CREATE_ROLES: Record<CreatableSlipKind, readonly Role[]> = {
  inbound: ['keeper', 'statistician'],
  dispatch: ['sales', 'statistician', 'manager'],
  return: ['sales', 'statistician', 'keeper', 'manager'],
  writeoff: ['keeper', 'manager'],
  hqReturn: ['keeper', 'statistician', 'manager'],
};

/** Signatures a slip needs before the keeper may post it, in the order they are given. */
export const SLIP_SIGNATURES: Record<SlipKind, readonly Role[]> = {
  inbound: [],
  dispatch: ['manager', 'finance'],
  return: ['manager'],
  reversal: [],
  opening: ['manager'],
  count: ['manager'],
  writeoff: ['manager'],
  hqReturn: ['manager'],
  repair: [],
};

/** Two letters each: a slip number is prefix + yyyyMMdd + serial (verify relies on the widths). */
export const SLIP_PREFIX: Record<SlipKind, string> = {
  inbound: 'JC', // 进仓单
  dispatch: 'FH', // 发货单
  return: 'TH', // 退货单
  reversal: 'HC', // 红字冲销
  opening: 'QC', // 期初建账 (opening stock, one slip at go-live)
  count: 'PD', // 盘点 (a posted count's adjustments; its number is the count's)
  writeoff: 'BS', // 报损单
  hqReturn: 'TZ', // 退回总部 (退总; TH is the customer return's)
  repair: 'WX', // 维修记录 (a repaired record's slip carries the record's number)
};

export const SLIP_KIND_ZH: Record<SlipKind, string> = {
  inbound: '进仓单',
  dispatch: '发货单',
  return: '退货单',
  reversal: '红字冲销单',
  opening: '期初入库单',
  count: '盘点单',
  writeoff: '报损单',
  hqReturn: '退回总部单',
  repair: '维修单',
};

export const PAYMENT_MODE_ZH: Record<PaymentMode, string> = {
  cash: '现金',
  wechat: '微信',
  alipay: '支付宝',
  bank: '银行转账',
  credit: '赊销(挂账)',
};
