// items.*: items (商品) and their barcodes.

import { fail } from '../../../shared/errors';
import type { Handlers } from '../context';
import { getItem, itemCategories, listItems, scannedOwner } from './repo';
import { createItem, editItem, linkBarcode } from './service';
import type { Item } from '../../../shared/contract';
import { readerOf } from '../reads/scope';
import type { Ctx } from '../context';

/** The item as this reader may see it: no selling price for those who see no prices (保密制度). */
const shown = (ctx: Ctx, item: Item): Item => (readerOf(ctx).scope.seesPrices ? item : { ...item, priceFen: null });

export const itemsHandlers = {
  'items.create': (input, ctx) => createItem(ctx, input),
  'items.update': (input, ctx) => editItem(ctx, input),
  'items.linkBarcode': (input, ctx) => linkBarcode(ctx, input),
  'items.get': (input, ctx) => shown(ctx, getItem(ctx.db, input.itemId)),
  'items.findByBarcode': (input, ctx) => {
    const b = scannedOwner(ctx.db, input.code) ?? fail('not_found', { what: 'barcode', what_zh: '条码', key: input.code });
    return { item: shown(ctx, getItem(ctx.db, b.itemId)), packQty: b.packQty };
  },
  'items.categories': (_input, ctx) => itemCategories(ctx.db),
  'items.list': (input, ctx) => {
    const r = listItems(ctx.db, input);
    return { ...r, rows: r.rows.map((i) => shown(ctx, i)) };
  },
} satisfies Partial<Handlers>;
