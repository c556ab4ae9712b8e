// What is on order per item (为订货规划): what signed requisitions still expect, per requisition
// never below 0 (HQ sending more of an item on one requisition does not cancel another's).

import type { ReadableDB } from '../../store/db';
import { receivedOf, signedOrdered } from './repo';

export function onOrderByItem(db: ReadableDB): Map<number, number> {
  const got = receivedOf(db);
  const out = new Map<number, number>();
  for (const o of signedOrdered(db)) {
    const open = Math.max(o.qty - (got.get(o.req)?.get(o.item) ?? 0), 0);
    if (open > 0) out.set(o.item, (out.get(o.item) ?? 0) + open);
  }
  return out;
}
