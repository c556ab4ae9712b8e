// 库存 beside each line of a dispatch (for those who may see stock): fetched again when the set
// of items on the slip changes.

import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api';
import { useSession } from '../../session';
import type { EditLine } from '../../slip/lines';

export function useOnHand(lines: EditLine[]): Map<number, number> | undefined {
  const session = useSession();
  const [onHand, setOnHand] = useState<Map<number, number> | undefined>(undefined);
  const itemIds = useMemo(() => [...new Set(lines.map((l) => l.itemId))].sort().join(','), [lines]);
  useEffect(() => {
    if (!session.can('stock.onHand') || !itemIds) return;
    void call('stock.onHand', { itemIds: itemIds.split(',').map(Number) }).then((r) => r.ok && setOnHand(new Map(r.value.rows.map((x) => [x.itemId, x.qty]))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [itemIds]);
  return onHand;
}
