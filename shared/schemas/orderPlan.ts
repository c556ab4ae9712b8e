// 月、周订货规划表 (orderPlan.*): per item, on hand, on order (outstanding on signed requisitions),
// the average daily sales over a window (the safety domain's usage), days of cover, safety stock,
// HQ's lead time, and the suggested quantity — what brings on hand + on order up to safety stock +
// the sales over lead time and the days of cover wanted, rounded up to the case pack, never below 0.
// The statistician or keeper saves a plan with the quantities to order; the manager edits and signs
// it with the PIN; a signed plan is frozen and a requisition (requisitions.*) is made from it.

import { z } from 'zod';
import { Id, MAX_QTY, Person, PinSignoff, Text, method, Page } from './common';

export const ORDER_PLAN_STATES = ['draft', 'signed'] as const;
export const OrderPlanState = z.enum(ORDER_PLAN_STATES);
export type OrderPlanState = z.infer<typeof OrderPlanState>;

export const OrderPlanWindow = {
  /** the days of sales averaged (7: a weekly plan, 30: a monthly one) */
  windowDays: z.number().int().min(7).max(365).default(30),
  /** the days of sales the order should cover beyond the lead time */
  coverDays: z.number().int().min(0).max(180).default(7),
};

export const OrderPlanFigures = z.object({
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  packQty: z.number().int(),
  onHand: z.number().int(),
  /** outstanding on signed requisitions not yet received */
  onOrder: z.number().int(),
  /** net units sold in the window (safety.table's usage) */
  soldQty: z.number().int(),
  avgDailyMilli: z.number().int(),
  /** whole days the stock on hand lasts at that pace; null: no sales in the window */
  daysOfCover: z.number().int().nullable(),
  safetyStock: z.number().int(),
  /** HQ's lead time for the item (the office's default when the item has none) */
  leadDays: z.number().int(),
  suggested: z.number().int(),
});
export type OrderPlanFigures = z.infer<typeof OrderPlanFigures>;

/** A row of the computed table: the figures and the item's own lead time (null: it takes the office default). */
export const OrderPlanRow = OrderPlanFigures.extend({ ownLeadDays: z.number().int().nullable() });
export type OrderPlanRow = z.infer<typeof OrderPlanRow>;

export const OrderPlanLine = OrderPlanFigures.extend({ qty: z.number().int() });
export type OrderPlanLine = z.infer<typeof OrderPlanLine>;

export const OrderPlan = z.object({
  id: Id,
  asOf: z.string(),
  windowDays: z.number().int(),
  coverDays: z.number().int(),
  state: OrderPlanState,
  memo: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  signedBy: Person.nullable(),
  signedAt: z.string().nullable(),
  lines: z.array(OrderPlanLine),
  /** requisitions made from this plan */
  requisitions: z.array(z.object({ id: Id, no: z.string() })),
});
export type OrderPlan = z.infer<typeof OrderPlan>;

export const OrderPlanSummary = OrderPlan.omit({ lines: true }).extend({ lineCount: z.number().int(), totalQty: z.number().int() });
export type OrderPlanSummary = z.infer<typeof OrderPlanSummary>;

export const MAX_PLAN_LINES = 20_000;
const PLANNERS = ['keeper', 'statistician', 'manager'] as const;

export const orderPlanMethods = {
  'orderPlan.compute': method({
    input: z.object({ ...OrderPlanWindow, query: Text(50).default(''), needOnly: z.boolean().default(false) }),
    output: z.object({
      asOf: z.string(),
      windowDays: z.number().int(),
      coverDays: z.number().int(),
      /** the office's default lead time (for items without one of their own) */
      leadDefault: z.number().int(),
      rows: z.array(OrderPlanRow),
    }),
    access: PLANNERS,
    write: false,
    doc: '订货规划表: every active item (or only those with a suggestion) with on hand, on order, sales pace, days of cover, safety stock, lead time and the suggested quantity.',
  }),
  'orderPlan.save': method({
    input: z.object({
      /** a draft plan to replace; left out: a new plan */
      planId: Id.optional(),
      ...OrderPlanWindow,
      memo: Text(200).default(''),
      lines: z
        .array(z.object({ itemId: Id, qty: z.number().int().min(0).max(MAX_QTY) }))
        .min(1)
        .max(MAX_PLAN_LINES),
    }),
    output: OrderPlan,
    access: PLANNERS,
    write: true,
    doc: 'Save a draft plan: each line’s figures as of today with the quantity to order (the suggestion, or as edited).',
  }),
  'orderPlan.sign': method({
    input: z.object({ planId: Id, manager: PinSignoff }),
    output: OrderPlan,
    access: ['manager'],
    write: true,
    doc: 'The manager signs a draft plan with the PIN; it is frozen from then on.',
  }),
  'orderPlan.get': method({
    input: z.object({ planId: Id }),
    output: OrderPlan,
    access: PLANNERS,
    write: false,
    doc: 'One plan with its lines.',
  }),
  'orderPlan.list': method({
    input: z.object({ state: OrderPlanState.optional(), ...Page }),
    output: z.object({ rows: z.array(OrderPlanSummary), total: z.number().int() }),
    access: PLANNERS,
    write: false,
    doc: 'Plans, newest first.',
  }),
  'orderPlan.setLeadDays': method({
    input: z.object({ itemId: Id.optional(), leadDays: z.number().int().min(0).max(365).nullable() }),
    output: z.object({ itemId: Id.nullable(), leadDays: z.number().int().nullable() }),
    access: ['manager'],
    write: true,
    doc: 'HQ’s lead time: an item’s own (null: the office default), or the office default when no item is named.',
  }),
} as const;
