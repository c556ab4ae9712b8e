// stock.*: the stock card (库存明细账) and on-hand figures.

import type { Handlers } from '../context';
import { latestUnitCostFen } from '../../ledger/fifo';
import { getItem } from '../items/repo';
import { stockCard } from './card';
import { onHand } from './repo';
import { requirePeriod } from './rules';

export const stockHandlers = {
  'stock.card': (input, ctx) => {
    requirePeriod(input.from, input.to);
    return { item: getItem(ctx.db, input.itemId), ...stockCard(ctx.db, input) };
  },
  'stock.onHand': (input, ctx) => onHand(ctx.db, input),
  'stock.latestUnitCosts': (input, ctx) => ({ rows: input.itemIds.map((itemId) => ({ itemId, unitCostFen: latestUnitCostFen(ctx.db, itemId) })) }),
} satisfies Partial<Handlers>;
