// items.*: items (商品) and their barcodes.

import { fail } from '../../../shared/errors';
import type { Handlers } from '../context';
import { barcodeOwner, getItem, listItems } from './repo';
import { createItem, editItem, linkBarcode } from './service';

export const itemsHandlers = {
  'items.create': (input, ctx) => createItem(ctx, input),
  'items.update': (input, ctx) => editItem(ctx, input),
  'items.linkBarcode': (input, ctx) => linkBarcode(ctx, input),
  'items.get': (input, ctx) => getItem(ctx.db, input.itemId),
  'items.findByBarcode': (input, ctx) => {
    const b = barcodeOwner(ctx.db, input.code) ?? fail('not_found', { what: 'barcode', what_zh: '条码', key: input.code });
    return { item: getItem(ctx.db, b.itemId), packQty: b.packQty };
  },
  'items.list': (input, ctx) => listItems(ctx.db, input),
} satisfies Partial<Handlers>;
