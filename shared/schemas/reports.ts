// The statistician's reports (reports.*, 统计员): 进销存汇总表 (stock summary), 月度销售统计表
// (monthly sales statistics), 销售收入明细账 (sales ledger) and the slow movers (呆滞商品). Reads
// only, from the books: the stock moves (each carries its balance and FIFO amount) and the
// posted slips' lines. Costs and margins only for who sees costs (shared/readScope.ts); a
// salesperson reaches only his own customers' sales.

import { z } from 'zod';
import { DateStr, Id, LEDGER_READERS, MonthStr, Page, STOCK_READERS, Text, method } from './common';
import { MAX_CATEGORY } from './items';

const QtyAmount = z.object({ qty: z.number().int(), amountFen: z.number().int() });

/** One column of in or out on the stock summary: a slip kind as its moves went (a reversal counts, red, under the kind it reverses). */
export const SummaryKind = z.object({ direction: z.enum(['in', 'out']), kind: z.string() });
export type SummaryKind = z.infer<typeof SummaryKind>;

export const StockSummaryRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  opening: QtyAmount,
  /** aligned with the answer's `kinds` */
  byKind: z.array(QtyAmount),
  inTotal: QtyAmount,
  outTotal: QtyAmount,
  closing: QtyAmount,
});
export type StockSummaryRow = z.infer<typeof StockSummaryRow>;

export const StockSummary = z.object({
  from: z.string(),
  to: z.string(),
  kinds: z.array(SummaryKind),
  rows: z.array(StockSummaryRow),
  totals: StockSummaryRow.omit({ itemId: true, code: true, name: true, spec: true, unit: true }),
});
export type StockSummary = z.infer<typeof StockSummary>;

/** by 商品类别: the group's name is the category ('' for items with none), its key null */
export const SALES_GROUPINGS = ['item', 'customer', 'salesperson', 'category'] as const;
export const SalesGrouping = z.enum(SALES_GROUPINGS);
export type SalesGrouping = z.infer<typeof SalesGrouping>;

/** Sales of a group in a month, returns and reversals netted; cost and margin null for who sees no costs. */
export const SalesFigures = z.object({
  qty: z.number().int(),
  amountFen: z.number().int(),
  costFen: z.number().int().nullable(),
  marginFen: z.number().int().nullable(),
});
export type SalesFigures = z.infer<typeof SalesFigures>;

export const SalesMonthlyRow = z.object({
  /** the item's, customer's or salesperson's id; null for customers without a salesperson */
  key: Id.nullable(),
  code: z.string(),
  name: z.string(),
  current: SalesFigures,
  /** null when the month had no sales at all (nothing to compare with) */
  previousMonth: SalesFigures.nullable(),
  lastYear: SalesFigures.nullable(),
});
export type SalesMonthlyRow = z.infer<typeof SalesMonthlyRow>;

export const SalesLedgerRow = z.object({
  lineId: Id,
  date: z.string(),
  slipId: Id,
  slipNo: z.string(),
  /** sale (发货), return (退货) or the reversal of either (红字冲销) */
  kind: z.enum(['dispatch', 'return', 'reversal']),
  customer: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  /** negative for a return or a reversed sale */
  qty: z.number().int(),
  priceFen: z.number().int().nullable(),
  amountFen: z.number().int(),
  costFen: z.number().int().nullable(),
});
export type SalesLedgerRow = z.infer<typeof SalesLedgerRow>;

export const SlowMoverRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  location: z.string(),
  qty: z.number().int(),
  amountFen: z.number().int().nullable(),
  /** the last move of any kind, and the last issue (发出) */
  lastMoveDate: z.string().nullable(),
  lastOutDate: z.string().nullable(),
  /** days since the last issue (or the last move, for an item never issued) */
  idleDays: z.number().int(),
  /** issued in the last `days` days, returns netted */
  outQty: z.number().int(),
  /** on hand ÷ average daily issue over the window; null when nothing was issued */
  coverDays: z.number().int().nullable(),
  /** nothing issued in the window */
  stale: z.boolean(),
});
export type SlowMoverRow = z.infer<typeof SlowMoverRow>;

const SALES_READERS = [...LEDGER_READERS, 'sales'] as const;

export const reportsMethods = {
  'reports.stockSummary': method({
    /** category: only the items of that 商品类别 ('' the items with none) */
    input: z.object({ from: DateStr, to: DateStr, category: Text(MAX_CATEGORY).optional() }),
    output: StockSummary,
    access: STOCK_READERS,
    write: false,
    doc: '进销存汇总表: per item opening / in and out by kind / closing, quantity and FIFO amount, with totals; agrees with the stock cards.',
  }),
  'reports.salesMonthly': method({
    input: z.object({ month: MonthStr, by: SalesGrouping }),
    output: z.object({
      month: z.string(),
      previousMonth: z.string(),
      lastYearMonth: z.string(),
      rows: z.array(SalesMonthlyRow),
      totals: SalesMonthlyRow.pick({ current: true, previousMonth: true, lastYear: true }),
    }),
    access: SALES_READERS,
    write: false,
    doc: '月度销售统计表: a month’s sales by item, customer or salesperson, returns netted, with FIFO cost and margin, against the previous month and the same month last year.',
  }),
  'reports.salesLedger': method({
    input: z.object({ from: DateStr, to: DateStr, customerId: Id.optional(), ...Page }),
    output: z.object({
      rows: z.array(SalesLedgerRow),
      total: z.number().int(),
      totals: z.object({ qty: z.number().int(), amountFen: z.number().int(), costFen: z.number().int().nullable() }),
    }),
    access: SALES_READERS,
    write: false,
    doc: '销售收入明细账: each posted sale, return and reversal line of the period, in posting order, with cost for who sees costs.',
  }),
  'reports.slowMovers': method({
    input: z.object({ days: z.number().int().min(1).max(3660).default(90) }),
    output: z.object({ asOf: z.string(), days: z.number().int(), rows: z.array(SlowMoverRow) }),
    access: STOCK_READERS,
    write: false,
    doc: '呆滞商品: items on hand with their last issue, days idle, issues in the window and days of cover, slowest first.',
  }),
} as const;
