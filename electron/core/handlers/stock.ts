import { onHand, stockCard } from '../../books/stock';
import { verifyBooks } from '../../books/verify';
import { getItem } from './masterdata';
import type { Handlers } from '../context';

export const stockHandlers = {
  'stock.card': (input, ctx) => {
    const item = getItem(ctx.db, input.itemId);
    return { item, ...stockCard(ctx.db, input) };
  },
  'stock.onHand': (input, ctx) => onHand(ctx.db, input),
  'system.verify': (_input, ctx) => verifyBooks(ctx.db),
} satisfies Partial<Handlers>;
