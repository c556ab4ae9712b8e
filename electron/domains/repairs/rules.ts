// The rules of repairs.*: a repair record takes defective units (次品) that are on hand and not
// already on a draft write-off or return to HQ; the item must exist.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { poolQty } from '../../ledger/fifo';
import { getItem } from '../items/repo';
import { pendingDefective } from './repo';

export function requireDefectiveAvailable(db: ReadableDB, itemId: number, qty: number): void {
  const item = getItem(db, itemId);
  const defective = poolQty(db, itemId, true);
  const pending = pendingDefective(db, itemId);
  if (qty > defective - pending)
    fail('repair_exceeds_defective', {
      itemCode: item.code,
      itemName: item.name,
      qty,
      defective,
      pending,
      field: 'qty',
      field_zh: '数量',
      field_en: 'quantity',
    });
}
