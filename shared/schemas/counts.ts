// Stock counts (盘点, counts.*): the keeper's weekly self-count (每周自我盘库: chosen items, a
// storage location, an ABC class by value moved, items not counted for N days, a random sample)
// and the month-end full count (每月月底全面盘库). Blind by default (盲盘: counters never see the
// book quantity), open (明盘) by the office's setting. Each line takes its book quantity when it is
// first counted, so moves posted during the count make no false variance. Every line with a
// difference needs a cause (对库存差异进行分析,查明原因); the manager approves with the PIN and the
// count posts all-or-nothing: a loss takes the oldest FIFO layers, a gain enters a new layer.

import { z } from 'zod';
import { RenderedDocument } from './documents';
import { Barcode, DateStr, Id, MAX_QTY, NonNegFen, Person, Pin, PinSignoff, STOCK_READERS, Text, method } from './common';

export const COUNT_KINDS = ['weekly', 'monthEnd'] as const;
export const CountKind = z.enum(COUNT_KINDS);
export type CountKind = z.infer<typeof CountKind>;
export const COUNT_KIND_ZH: Record<CountKind, string> = { weekly: '每周盘点', monthEnd: '月末盘点' };

export const COUNT_STATES = ['open', 'counted', 'posted', 'reversed'] as const;
export const CountState = z.enum(COUNT_STATES);
export type CountState = z.infer<typeof CountState>;

export const COUNT_MODES = ['blind', 'open'] as const;
export const CountMode = z.enum(COUNT_MODES);
export type CountMode = z.infer<typeof CountMode>;

/** 损耗, 破碎, 串货, 记账错误, 未入账, 其他 (with a text) */
export const COUNT_CAUSES = ['wastage', 'breakage', 'crossRegion', 'bookError', 'unrecorded', 'other'] as const;
export const CountCause = z.enum(COUNT_CAUSES);
export type CountCause = z.infer<typeof CountCause>;
export const COUNT_CAUSE_ZH: Record<CountCause, string> = {
  wastage: '损耗',
  breakage: '破碎',
  crossRegion: '串货',
  bookError: '记账错误',
  unrecorded: '未入账',
  other: '其他',
};

/** The most lines one count holds (a month-end count of every item). */
export const MAX_COUNT_LINES = 50_000;
/** The most items chosen by hand or sampled for a weekly count. */
export const MAX_CHOSEN = 5_000;

/** What a weekly count covers. */
export const CountSelection = z.discriminatedUnion('by', [
  z.object({ by: z.literal('items'), itemIds: z.array(Id).min(1).max(MAX_CHOSEN) }),
  z.object({ by: z.literal('location'), prefix: Text(30).min(1) }),
  z.object({ by: z.literal('abc'), abcClass: z.enum(['A', 'B', 'C']) }),
  z.object({ by: z.literal('notCounted'), days: z.number().int().min(1).max(3650) }),
  z.object({ by: z.literal('random'), sampleSize: z.number().int().min(1).max(MAX_CHOSEN) }),
]);
export type CountSelection = z.infer<typeof CountSelection>;

export const CountEntry = z.object({
  by: Person,
  /** 'scan' adds qty (1, or a case barcode's pack quantity); 'typed' sets the line to qty */
  how: z.enum(['scan', 'typed']),
  qty: z.number().int(),
  at: z.string(),
});
export type CountEntry = z.infer<typeof CountEntry>;

export const CountLine = z.object({
  id: Id,
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string(),
  unit: z.string(),
  /** 库位 as it was when the count was made */
  location: z.string(),
  /** scanned although not on the count's list (a found item) */
  found: z.boolean(),
  /** the book quantity when the line was first counted; null before, and for a blind counter */
  bookQty: z.number().int().nullable(),
  countedQty: z.number().int().nullable(),
  recountQty: z.number().int().nullable(),
  recountBy: Person.nullable(),
  cause: CountCause.nullable(),
  causeText: z.string(),
  /** the manager's unit cost for a gain (else the item's latest unit cost) */
  unitCostFen: z.number().int().nullable(),
  entries: z.array(CountEntry),
});
export type CountLine = z.infer<typeof CountLine>;

export const Count = z.object({
  id: Id,
  no: z.string(),
  kind: CountKind,
  scope: z.string(),
  blind: z.boolean(),
  recount: z.boolean(),
  state: CountState,
  businessDate: z.string(),
  createdBy: Person,
  createdAt: z.string(),
  approvedBy: Person.nullable(),
  approvedAt: z.string().nullable(),
  /** the slip the count posted as (its stock moves), and the 红字 that reversed it */
  postedSlipId: Id.nullable(),
  reversalSlipId: Id.nullable(),
  lineCount: z.number().int(),
  countedLines: z.number().int(),
});
export type Count = z.infer<typeof Count>;

export const VarianceLine = z.object({
  lineId: Id,
  itemId: Id,
  itemCode: z.string(),
  itemName: z.string(),
  location: z.string(),
  bookQty: z.number().int().nullable(),
  countedQty: z.number().int().nullable(),
  diffQty: z.number().int(),
  /** FIFO value of the difference: a loss at the oldest layers' cost, a gain at the unit cost used (null: no cost known) */
  diffFen: z.number().int().nullable(),
  cause: CountCause.nullable(),
  causeText: z.string(),
});
export type VarianceLine = z.infer<typeof VarianceLine>;

export const CountProblem = z.object({
  lineId: Id,
  itemCode: z.string(),
  problem: z.enum(['notCounted', 'noCause', 'noCauseText', 'noRecount', 'noCost', 'shortOnHand']),
});
export type CountProblem = z.infer<typeof CountProblem>;

export const CountVariance = z.object({
  count: Count,
  /** lines with a difference (or not yet counted), by location */
  lines: z.array(VarianceLine),
  gainQty: z.number().int(),
  gainFen: z.number().int(),
  lossQty: z.number().int(),
  lossFen: z.number().int(),
  problems: z.array(CountProblem),
});
export type CountVariance = z.infer<typeof CountVariance>;

const KEEPER = ['keeper'] as const;
const COUNTERS = ['keeper', 'manager'] as const;
const MANAGER = ['manager'] as const;
const CountView = z.object({ count: Count, lines: z.array(CountLine) });
const CountSettings = z.object({ countMode: CountMode, countRecount: z.boolean() });

export const countsMethods = {
  'counts.create': method({
    input: z.object({
      kind: CountKind,
      /** weekly only: what it covers */
      selection: CountSelection.optional(),
      scope: Text(100).optional(),
    }),
    output: Count,
    access: KEEPER,
    write: true,
    doc: 'The keeper starts a count (PD number): weekly over a selection, or month-end over every item with stock or moves this month.',
  }),
  'counts.list': method({
    input: z.object({ state: CountState.optional(), from: DateStr.optional(), to: DateStr.optional() }),
    output: z.array(Count),
    access: STOCK_READERS,
    write: false,
    doc: 'Counts, newest first (at most 500).',
  }),
  'counts.view': method({
    input: z.object({ countId: Id }),
    output: CountView,
    access: STOCK_READERS,
    write: false,
    doc: 'A count with its lines by location; blind: no book quantity unless the office counts open or the reader is the manager.',
  }),
  'counts.enter': method({
    input: z.union([
      /** count: a GS1 scan's count (AI 30 / 37, scans.read): it adds that many times the code's pack quantity */
      z.object({ countId: Id, code: Barcode, count: z.number().int().min(1).max(MAX_QTY).optional() }),
      z.object({ countId: Id, itemId: Id, qty: z.number().int().min(0).max(MAX_QTY) }),
    ]),
    output: CountLine,
    access: COUNTERS,
    write: true,
    doc: 'One count entry: a scanned code adds 1 (a case barcode its pack quantity; a GS1 count that many times), a typed quantity sets the line; an item not on the list is added as found.',
  }),
  'counts.finish': method({
    input: z.object({ countId: Id }),
    output: Count,
    access: COUNTERS,
    write: true,
    doc: 'Counting is over (已盘完): no more entries; causes, recounts and approval remain.',
  }),
  'counts.recount': method({
    input: z.object({ countId: Id, lineId: Id, qty: z.number().int().min(0).max(MAX_QTY) }),
    output: CountLine,
    access: COUNTERS,
    write: true,
    doc: '复核: a variance line counted again by someone who did not count it; the recount is the line’s count.',
  }),
  'counts.setCause': method({
    input: z.object({ countId: Id, lineId: Id, cause: CountCause, causeText: Text(100).default('') }),
    output: CountLine,
    access: COUNTERS,
    write: true,
    doc: 'The cause of a line’s difference (损耗/破碎/串货/记账错误/未入账/其他 with a text).',
  }),
  'counts.setCost': method({
    input: z.object({ countId: Id, lineId: Id, unitCostFen: NonNegFen.nullable() }),
    output: CountLine,
    access: MANAGER,
    write: true,
    doc: 'The manager’s unit cost for a gain line (null: the item’s latest unit cost).',
  }),
  'counts.variance': method({
    input: z.object({ countId: Id }),
    output: CountVariance,
    access: STOCK_READERS,
    write: false,
    doc: 'The variance report: book / counted / difference in quantity and FIFO value per line, 盘盈/盘亏 totals, and every problem at once.',
  }),
  'counts.approve': method({
    input: z.object({ countId: Id, signoff: PinSignoff }),
    output: CountVariance,
    access: COUNTERS,
    write: true,
    doc: 'The manager approves with the PIN and the count posts in one transaction (a PD slip of its adjustments); refused while any problem stands.',
  }),
  'counts.reverse': method({
    input: z.object({ countId: Id, reason: Text(200).min(1), pin: Pin }),
    output: Count,
    access: MANAGER,
    write: true,
    doc: '红字冲销 of a posted count by the manager (PIN): its moves are undone exactly.',
  }),
  'counts.paper': method({
    input: z.object({ countId: Id, paper: z.enum(['sheet', 'report']) }),
    output: RenderedDocument,
    access: STOCK_READERS,
    write: false,
    doc: 'The count as PDF: the count sheet (盘点表, no book quantity, boxes for the count and the counter’s signature) or the report (盘点报告: variance, causes, totals, signatures).',
  }),
  'counts.settings': method({
    input: z.object({}).strict().default({}),
    output: CountSettings,
    access: STOCK_READERS,
    write: false,
    doc: 'The office’s count settings: blind (盲盘) or open (明盘), and whether variance lines need a recount (复核).',
  }),
  'counts.setSettings': method({
    input: CountSettings,
    output: CountSettings,
    access: MANAGER,
    write: true,
    doc: 'The manager sets the count mode and the recount rule; a count keeps the settings it was made under.',
  }),
} as const;
