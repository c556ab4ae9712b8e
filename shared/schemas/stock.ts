// The stock books (stock.*): an item's stock card (库存明细账) and what is on hand.

import { z } from 'zod';
import { DateStr, Id, STOCK_READERS, Text, method } from './common';
import { Item } from './items';
import { ReturnsOnCard } from './office';
import { SlipKind } from './slips';

/** One FIFO take (or receipt) behind a card row: the layer it came from or made. */
export const CardLayer = z.object({
  moveId: Id,
  layerId: Id,
  qty: z.number().int(),
  amountFen: z.number().int(),
  unitCostFen: z.number().int(),
});
export type CardLayer = z.infer<typeof CardLayer>;

/**
 * A row of the stock card: one slip line's consecutive moves at the same unit cost (one FIFO take
 * each), merged; `layers` are the moves behind it. A customer return (and its reversal) is written
 * by the office's setting: as 收入 (inQty), or as 红字发出 (a negative outQty). Unit costs are
 * amount ÷ quantity rounded half up (shared/money.ts unitFen); 结存单价 only when something is on hand.
 */
export const StockCardRow = z.object({
  /** the first move of the row (its key) and the last (the cursor after it) */
  moveId: Id,
  lastMoveId: Id,
  date: z.string(),
  postedAt: z.string(),
  slipId: Id,
  slipNo: z.string(),
  slipKind: SlipKind,
  /** 摘要, in Chinese as on the paper card */
  summary: z.string(),
  /** customer or supplier name */
  counterparty: z.string().nullable(),
  /** delivery note no. (inbound) or original slip no. (return, reversal) */
  refNo: z.string().nullable(),
  inQty: z.number().int().nullable(),
  inUnitCostFen: z.number().int().nullable(),
  inAmountFen: z.number().int().nullable(),
  outQty: z.number().int().nullable(),
  outUnitCostFen: z.number().int().nullable(),
  outAmountFen: z.number().int().nullable(),
  balanceQty: z.number().int(),
  balanceAmountFen: z.number().int(),
  balanceUnitCostFen: z.number().int().nullable(),
  /** of balanceQty, the defective goods (其中次品) after the row: kept apart, not offered for dispatch */
  defectiveQty: z.number().int(),
  layers: z.array(CardLayer),
});
export type StockCardRow = z.infer<typeof StockCardRow>;

export const CardTotals = z.object({
  inQty: z.number().int(),
  inAmountFen: z.number().int(),
  outQty: z.number().int(),
  outAmountFen: z.number().int(),
});
export type CardTotals = z.infer<typeof CardTotals>;

/**
 * 本月合计 and 本年累计 after the last row of a month (and after the last row of the period, when
 * it ends inside a month). The month's figures are of the period's part of it; the year's run
 * from 1 January (as the paper ledger's do) to the same row. Returns as the office's setting says.
 */
export const CardMonthEnd = z.object({
  /** the row it follows (StockCardRow.lastMoveId) */
  afterMoveId: Id,
  month: z.string(),
  monthTotals: CardTotals,
  yearTotals: CardTotals,
  balanceQty: z.number().int(),
  balanceAmountFen: z.number().int(),
  balanceUnitCostFen: z.number().int().nullable(),
});
export type CardMonthEnd = z.infer<typeof CardMonthEnd>;

const Balance = z.object({ qty: z.number().int(), amountFen: z.number().int() });

export const OnHandRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  /** 库位 */
  location: z.string(),
  qty: z.number().int(),
  /** of qty, the defective goods (次品) kept apart: not offered for dispatch */
  defectiveQty: z.number().int(),
  /** the stock value; null for a reader who does not see costs (shared/readScope.ts) */
  amountFen: z.number().int().nullable(),
  safetyStock: z.number().int(),
  belowSafety: z.boolean(),
  lastMoveAt: z.string().nullable(),
});
export type OnHandRow = z.infer<typeof OnHandRow>;

export const stockMethods = {
  'stock.card': method({
    input: z.object({
      itemId: Id,
      from: DateStr.optional(),
      to: DateStr.optional(),
      /** forward: the page after this move (nextCursor); backward: the page before it (prevCursor) */
      cursor: Id.optional(),
      /** backward without a cursor: the last page of the period (Ctrl+End) */
      direction: z.enum(['forward', 'backward']).default('forward'),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      item: Item,
      from: z.string().nullable(),
      to: z.string().nullable(),
      returnsOnCard: ReturnsOnCard,
      /** the item has ever had defective stock (次品): the card shows 其中次品 */
      hasDefective: z.boolean(),
      opening: Balance,
      /** in card order, whichever way the page was read */
      rows: z.array(StockCardRow),
      /** after the rows they follow */
      monthEnds: z.array(CardMonthEnd),
      /** the last move of the page when more follow in the period */
      nextCursor: Id.nullable(),
      /** the first move of the page when more come before it in the period */
      prevCursor: Id.nullable(),
      closing: Balance,
    }),
    access: STOCK_READERS,
    write: false,
    doc: 'The stock card (库存明细账) of one item: opening balance, merged FIFO rows, 本月合计/本年累计, balances; paged either way.',
  }),
  'stock.latestUnitCosts': method({
    input: z.object({ itemIds: z.array(Id).max(500) }),
    output: z.object({ rows: z.array(z.object({ itemId: Id, unitCostFen: z.number().int().nullable() })) }),
    access: [...STOCK_READERS, 'sales'],
    write: false,
    doc: 'Each item’s latest unit cost (its last receipt layer’s; null when never received): the default cost of a return without a dispatch.',
  }),
  'stock.onHand': method({
    input: z.object({
      itemIds: z.array(Id).max(10000).optional(),
      query: Text(50).default(''),
      belowSafetyOnly: z.boolean().default(false),
    }),
    output: z.object({ rows: z.array(OnHandRow), totalQty: z.number().int(), totalAmountFen: z.number().int().nullable() }),
    access: [...STOCK_READERS, 'sales'],
    write: false,
    doc: 'On-hand quantity and value per item and in total.',
  }),
} as const;
