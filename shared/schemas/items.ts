// Items (商品) and their barcodes (items.*).

import { z } from 'zod';
import { Barcode, Empty, Id, MAX_QTY, Name, NonNegFen, Page, Qty, Text, method } from './common';

/** The most barcodes one item carries (a unit code, case codes, old codes kept for scanning). */
export const MAX_BARCODES = 20;

/** The longest storage location (库位), as migration 0014's CHECK. */
export const MAX_LOCATION = 20;

/** The longest item category (商品类别), as migration 0034's CHECK. */
export const MAX_CATEGORY = 20;

export const BarcodeLink = z.object({ code: Barcode, packQty: Qty.default(1) });
export const Item = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  safetyStock: z.number().int(),
  /** 库位: where the keeper finds it on the shelves */
  location: z.string(),
  /** 商品类别: '' for none */
  category: z.string(),
  /** the selling price; null for a reader who sees no prices (driver, shipper: shared/readScope.ts) */
  priceFen: z.number().int().nullable(),
  pinyin: z.string(),
  barcodes: z.array(z.object({ code: z.string(), packQty: z.number().int() })),
  active: z.boolean(),
});
export type Item = z.infer<typeof Item>;

export const itemsMethods = {
  'items.create': method({
    input: z.object({
      code: Name(32),
      name: Name(100),
      spec: Text(100).default(''),
      unit: Name(10),
      safetyStock: z.number().int().min(0).max(MAX_QTY).default(0),
      location: Text(MAX_LOCATION).default(''),
      category: Text(MAX_CATEGORY).default(''),
      priceFen: NonNegFen.default(0),
      barcodes: z.array(BarcodeLink).max(MAX_BARCODES).default([]),
    }),
    output: Item,
    access: ['keeper', 'statistician', 'manager'],
    write: true,
    doc: 'Create an item (商品) with its barcodes; a case barcode carries its pack quantity.',
  }),
  'items.update': method({
    input: z.object({
      itemId: Id,
      name: Name(100).optional(),
      spec: Text(100).optional(),
      unit: Name(10).optional(),
      safetyStock: z.number().int().min(0).max(MAX_QTY).optional(),
      location: Text(MAX_LOCATION).optional(),
      category: Text(MAX_CATEGORY).optional(),
      priceFen: NonNegFen.optional(),
      active: z.boolean().optional(),
      barcodes: z.array(BarcodeLink).max(MAX_BARCODES).optional(),
    }),
    output: Item,
    access: ['keeper', 'statistician', 'manager'],
    write: true,
    doc: 'Edit an item; safety stock is the manager’s to set (the keeper and statistician may propose it).',
  }),
  'items.linkBarcode': method({
    input: z.object({ itemId: Id, code: Barcode, packQty: Qty.default(1) }),
    output: Item,
    access: ['keeper', 'statistician', 'manager'],
    write: true,
    doc: 'Attach a new barcode to an item (e.g. an unknown code met while scanning).',
  }),
  'items.get': method({ input: z.object({ itemId: Id }), output: Item, access: 'any', write: false, doc: 'One item.' }),
  'items.findByBarcode': method({
    input: z.object({ code: Barcode }),
    output: z.object({ item: Item, packQty: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'The item a scanned code belongs to, and how many base units it stands for.',
  }),
  'items.list': method({
    input: z.object({ query: Text(50).default(''), includeInactive: z.boolean().default(false), ...Page }),
    output: z.object({ rows: z.array(Item), total: z.number().int() }),
    access: 'any',
    write: false,
    doc: 'Search by code, name, barcode or pinyin initials (拼音首字母).',
  }),
  'items.categories': method({
    input: Empty,
    output: z.array(z.object({ category: z.string(), items: z.number().int() })),
    access: 'any',
    write: false,
    doc: 'The item categories (商品类别) in use, by name, with how many items each holds (items with none are not listed).',
  }),
} as const;
