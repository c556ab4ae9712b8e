// 安全库存定额 (safety.*): each item's safety stock with the usage it rests on — net sales over a
// window (dispatches less returns, reversals netted), the average per day and the days of cover the
// office wants (HQ's lead time and the time to the next order) — and the suggested figure, rounded
// up to the case pack. The keeper or the statistician proposes a new figure with a reason; the
// manager approves (with the PIN) or rejects it; approval sets the item's safety stock. The table
// of proposals is the record of why each figure is what it is.

import { z } from 'zod';
import { Id, MAX_QTY, Name, Page, Person, PinSignoff, Text, method } from './common';

export const SAFETY_STATES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export const SafetyState = z.enum(SAFETY_STATES);
export type SafetyState = z.infer<typeof SafetyState>;
export const SAFETY_STATE_ZH: Record<SafetyState, string> = { pending: '待经理审批', approved: '已批准', rejected: '已驳回', superseded: '已被新提议取代' };

/** How far back sales are averaged, and how many days of sales the safety stock should cover. */
export const SafetyWindow = {
  windowDays: z.number().int().min(7).max(365).default(90),
  coverDays: z.number().int().min(1).max(180).default(15),
};

/** The usage a figure rests on, as of a business day. */
export const SafetyUsage = z.object({
  windowDays: z.number().int(),
  coverDays: z.number().int(),
  /** net units sold in the window (dispatched less returned; reversals netted) */
  soldQty: z.number().int(),
  /** soldQty ÷ windowDays in thousandths of a unit (no floats in the books) */
  avgDailyMilli: z.number().int(),
  /** ⌈avg per day × cover days⌉, rounded up to the item's case pack */
  suggested: z.number().int(),
});
export type SafetyUsage = z.infer<typeof SafetyUsage>;

export const SafetyProposal = z.object({
  id: Id,
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  /** the safety stock when it was proposed, and the figure proposed */
  fromQty: z.number().int(),
  qty: z.number().int(),
  reason: z.string(),
  usage: SafetyUsage,
  /** the business day the usage was taken */
  asOf: z.string(),
  state: SafetyState,
  proposedBy: Person,
  proposedAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  note: z.string(),
});
export type SafetyProposal = z.infer<typeof SafetyProposal>;

export const SafetyRow = z.object({
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  location: z.string(),
  /** the case pack the suggestion is rounded up to (1: none) */
  packQty: z.number().int(),
  onHand: z.number().int(),
  safetyStock: z.number().int(),
  usage: SafetyUsage,
  /** a proposal waiting for the manager */
  pending: SafetyProposal.nullable(),
});
export type SafetyRow = z.infer<typeof SafetyRow>;

const SAFETY_READERS = ['keeper', 'statistician', 'manager'] as const;

export const safetyMethods = {
  'safety.table': method({
    input: z.object({ ...SafetyWindow, query: Text(50).default('') }),
    output: z.object({ asOf: z.string(), rows: z.array(SafetyRow) }),
    access: SAFETY_READERS,
    write: false,
    doc: '安全库存定额表: every active item with on hand, safety stock, net sales over the window, the average per day and the suggested figure.',
  }),
  'safety.propose': method({
    input: z.object({ itemId: Id, qty: z.number().int().min(0).max(MAX_QTY), reason: Name(200), ...SafetyWindow }),
    output: SafetyProposal,
    access: ['keeper', 'statistician'],
    write: true,
    doc: 'Propose a new safety stock for an item, with the usage it rests on; an earlier proposal still waiting is superseded.',
  }),
  'safety.proposals': method({
    input: z.object({ state: SafetyState.optional(), itemId: Id.optional(), ...Page }),
    output: z.object({ rows: z.array(SafetyProposal), total: z.number().int() }),
    access: SAFETY_READERS,
    write: false,
    doc: 'Safety stock proposals, waiting ones first (oldest first), then the rest newest first.',
  }),
  'safety.decide': method({
    input: z.object({ proposalId: Id, approve: z.boolean(), note: Text(200).default(''), manager: PinSignoff }),
    output: SafetyProposal,
    access: ['manager'],
    write: true,
    doc: 'The manager approves (the item’s safety stock becomes the figure) or rejects a waiting proposal, with the PIN.',
  }),
} as const;
