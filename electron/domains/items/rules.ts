// The rules of items.* beside the contract's `access`.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { actor, type Ctx } from '../context';
import { barcodeOwner } from './repo';

/** The safety-stock quota (安全库存定额) is the manager's to set (办事处经理职责). */
export function requireManagerForSafetyStock(ctx: Ctx, changed: boolean): void {
  if (changed && !actor(ctx).roles.includes('manager')) fail('manager_only', { what: 'the safety stock', what_zh: '安全库存' });
}

/** A barcode names one item: not twice in one list, and not one another item already has. */
export function requireBarcodesFree(db: ReadableDB, itemId: number, codes: readonly { code: string }[]): void {
  const seen = new Set<string>();
  for (const b of codes) {
    if (seen.has(b.code)) fail('duplicate', { what: 'barcode', what_zh: '条码', key: b.code });
    seen.add(b.code);
    const owner = barcodeOwner(db, b.code);
    if (owner && owner.itemId !== itemId) fail('barcode_taken', { code: b.code, itemCode: owner.itemCode });
  }
}
