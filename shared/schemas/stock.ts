// The stock books (stock.*): an item's stock card (库存明细账) and what is on hand.

import { z } from 'zod';
import { DateStr, Id, STOCK_READERS, Text, method } from './common';
import { Item } from './items';
import { SlipKind } from './slips';

export const StockCardRow = z.object({
  moveId: Id,
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
});
export type StockCardRow = z.infer<typeof StockCardRow>;

const Balance = z.object({ qty: z.number().int(), amountFen: z.number().int() });

export const OnHandRow = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  amountFen: z.number().int(),
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
      /** the last moveId of the previous page */
      cursor: Id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      item: Item,
      from: z.string().nullable(),
      to: z.string().nullable(),
      opening: Balance,
      rows: z.array(StockCardRow),
      nextCursor: Id.nullable(),
      closing: Balance,
    }),
    access: STOCK_READERS,
    write: false,
    doc: 'The stock card (库存明细账) of one item: opening balance, FIFO rows, balance after each; paged.',
  }),
  'stock.onHand': method({
    input: z.object({
      itemIds: z.array(Id).max(10000).optional(),
      query: Text(50).default(''),
      belowSafetyOnly: z.boolean().default(false),
    }),
    output: z.object({ rows: z.array(OnHandRow), totalQty: z.number().int(), totalAmountFen: z.number().int() }),
    access: [...STOCK_READERS, 'sales'],
    write: false,
    doc: 'On-hand quantity and value per item and in total.',
  }),
} as const;
