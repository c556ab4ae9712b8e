// Every input field of the contract has a name as the screen says it (shared/fieldLabels.ts), so a
// refused input is always said with words the clerk knows: this walks each method's input schema
// and fails on a field the tables do not name, so a new field cannot slip through unnamed.

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/contract';
import { fieldLabel, pathKey, type PathSegment } from '../../shared/fieldLabels';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Every field path of a schema (an array's element as index 0). */
function fieldPaths(schema: z.ZodType, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  const def = defOf(schema);
  const inner = (s: unknown) => fieldPaths(s as z.ZodType, path, out);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        out.push([...path, k]);
        fieldPaths(v, [...path, k], out);
      }
      break;
    case 'array':
      fieldPaths(def.element as z.ZodType, [...path, 0], out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      inner(def.innerType);
      break;
    case 'pipe':
      inner(def.in);
      break;
    case 'union':
      for (const o of def.options as z.ZodType[]) inner(o);
      break;
    case 'intersection':
      inner(def.left);
      inner(def.right);
      break;
  }
  return out;
}

const ALL = Object.entries(contract).flatMap(([m, d]) => fieldPaths(d.input as z.ZodType).map((p) => ({ m, p })));

describe('field labels', () => {
  it('walks the whole contract (the walker sees nested objects and array elements)', () => {
    expect(ALL.length).toBeGreaterThan(150);
    expect(ALL.some(({ m, p }) => m === 'slips.create' && pathKey(p) === 'lines[].qty')).toBe(true);
    expect(ALL.some(({ m, p }) => m === 'dayClose.close' && pathKey(p) === 'counts.100')).toBe(true);
  });

  it('names every input field of every method in Chinese and English', () => {
    const unnamed = ALL.filter(({ m, p }) => {
      const l = fieldLabel(m, p);
      return !l || !l.zh.trim() || !l.en.trim();
    }).map(({ m, p }) => `${m}: ${pathKey(p)}`);
    expect(unnamed).toEqual([]);
  });

  it('says a line’s field with the line’s number, as the slip editor counts them', () => {
    expect(fieldLabel('slips.create', ['lines', 3, 'qty'])).toEqual({ zh: '第4行 数量', en: 'line 4 quantity' });
    expect(fieldLabel('slips.create', ['lines', 0])).toEqual({ zh: '第1行', en: 'line 1' });
    expect(fieldLabel('slips.create', ['deliveryNoteNo'])).toEqual({ zh: '随货同行联号', en: 'delivery note no.' });
    expect(fieldLabel('items.create', ['barcodes', 1, 'packQty'])).toEqual({ zh: '第2个条码 每箱数量', en: 'barcode 2 pack quantity' });
    expect(fieldLabel('stock.onHand', ['itemIds', 2])).toEqual({ zh: '商品 第3项', en: 'items no. 3' });
  });

  it('gives a name the word of its method where it means something else there', () => {
    expect(fieldLabel('items.create', ['code'])?.zh).toBe('商品编码');
    expect(fieldLabel('items.findByBarcode', ['code'])?.zh).toBe('条码');
    expect(fieldLabel('customers.create', ['code'])?.zh).toBe('客户编码');
    expect(fieldLabel('dayClose.close', ['counts', '100'])).toEqual({ zh: '1元 张数', en: '¥1 notes' });
  });

  it('has no word for a field it does not know (so the walk above can fail)', () => {
    expect(fieldLabel('slips.create', ['noSuchField'])).toBeNull();
  });
});
