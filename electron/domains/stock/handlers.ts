// stock.*: the stock card (库存明细账) and on-hand figures.

import { DeskError } from '../../../shared/errors';
import type { Handlers } from '../context';
import { getItem } from '../items/repo';
import { onHand, stockCard } from './repo';

export const stockHandlers = {
  'stock.card': (input, ctx) => {
    // a backwards period would open on one balance and close on another with no rows between
    if (input.from && input.to && input.from > input.to)
      throw new DeskError('invalid_input', {
        summary_zh: `起始日期 ${input.from} 晚于截止日期 ${input.to}`,
        summary_en: `from ${input.from} is after to ${input.to}`,
      });
    const item = getItem(ctx.db, input.itemId);
    return { item, ...stockCard(ctx.db, input) };
  },
  'stock.onHand': (input, ctx) => onHand(ctx.db, input),
} satisfies Partial<Handlers>;
