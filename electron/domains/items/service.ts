// Items (商品): the master data slips point at. Editable, unlike the books.

import { fail } from '../../../shared/errors';
import type { Item, ParsedInput } from '../../../shared/contract';
import type { WritableDB } from '../../store/db';
import type { WriteCtx } from '../context';
import { deleteBarcodes, getItem, insertItem, itemCodeTaken, updateItem, upsertBarcode } from './repo';
import { requireBarcodesFree, requireManagerForSafetyStock } from './rules';

function linkBarcodes(db: WritableDB, itemId: number, codes: readonly { code: string; packQty: number }[]): void {
  requireBarcodesFree(db, itemId, codes);
  for (const b of codes) upsertBarcode(db, itemId, b.code, b.packQty);
}

export function createItem(ctx: WriteCtx, input: ParsedInput<'items.create'>): Item {
  const { db } = ctx;
  requireManagerForSafetyStock(ctx, input.safetyStock !== 0);
  if (itemCodeTaken(db, input.code)) fail('duplicate', { what: 'item code', what_zh: '商品编码', key: input.code });
  const fields = {
    name: input.name,
    spec: input.spec,
    unit: input.unit,
    safety_stock: input.safetyStock,
    location: input.location,
    category: input.category,
    price_fen: input.priceFen,
  };
  const id = insertItem(db, input.code, fields, ctx.nowIso);
  linkBarcodes(db, id, input.barcodes);
  ctx.auditRef = input.code;
  return getItem(db, id);
}

/** The price as the books hold it (repo.ts getItem never hides it; only the read handlers do, 保密制度). */
function storedPrice(item: Item): number {
  if (item.priceFen == null) throw new Error(`item ${item.code} read without its price`);
  return item.priceFen;
}

export function editItem(ctx: WriteCtx, input: ParsedInput<'items.update'>): Item {
  const { db } = ctx;
  const item = getItem(db, input.itemId);
  requireManagerForSafetyStock(ctx, input.safetyStock !== undefined && input.safetyStock !== item.safetyStock);
  updateItem(
    db,
    item.id,
    {
      name: input.name ?? item.name,
      spec: input.spec ?? item.spec,
      unit: input.unit ?? item.unit,
      safety_stock: input.safetyStock ?? item.safetyStock,
      location: input.location ?? item.location,
      category: input.category ?? item.category,
      price_fen: input.priceFen ?? storedPrice(item),
      active: (input.active ?? item.active) ? 1 : 0,
    },
    ctx.nowIso,
  );
  if (input.barcodes) {
    deleteBarcodes(db, item.id);
    linkBarcodes(db, item.id, input.barcodes);
  }
  ctx.auditRef = item.code;
  return getItem(db, item.id);
}

export function linkBarcode(ctx: WriteCtx, input: ParsedInput<'items.linkBarcode'>): Item {
  const item = getItem(ctx.db, input.itemId);
  linkBarcodes(ctx.db, item.id, [{ code: input.code, packQty: input.packQty }]);
  ctx.auditRef = `${item.code} ${input.code}`;
  return getItem(ctx.db, item.id);
}
