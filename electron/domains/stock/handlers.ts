// stock.*: the stock card (库存明细账) and on-hand figures.

import type { Handlers } from '../context';
import { latestUnitCostFen } from '../../ledger/fifo';
import { getItem } from '../items/repo';
import { stockCard } from './card';
import { onHand } from './repo';
import { requirePeriod } from './rules';
import { readerOf } from '../reads/scope';

export const stockHandlers = {
  'stock.card': (input, ctx) => {
    requirePeriod(input.from, input.to);
    return { item: getItem(ctx.db, input.itemId), ...stockCard(ctx.db, input) };
  },
  // stock values and costs only for those who see costs (保密制度, shared/readScope.ts): null, not 0
  'stock.onHand': (input, ctx) => {
    const r = onHand(ctx.db, input);
    if (readerOf(ctx).scope.seesCosts) return r;
    return { ...r, totalAmountFen: null, rows: r.rows.map((x) => ({ ...x, amountFen: null })) };
  },
  'stock.latestUnitCosts': (input, ctx) => {
    const costs = readerOf(ctx).scope.seesCosts;
    return { rows: input.itemIds.map((itemId) => ({ itemId, unitCostFen: costs ? latestUnitCostFen(ctx.db, itemId) : null })) };
  },
} satisfies Partial<Handlers>;
