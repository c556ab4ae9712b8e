// The items matching a search, with their stock on hand when the user may see it.

import { useCallback, useState } from 'react';
import type { OnHandRow } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import type { ItemRow } from './itemColumns';

export function useItemList(canStock: boolean) {
  const [rows, setRows] = useState<ItemRow[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(
    async (q: string) => {
      const r = await call('items.list', { query: q, limit: 1000 });
      if (!r.ok) return setError(r.error);
      setError(null);
      let stock = new Map<number, OnHandRow>();
      if (canStock && r.value.rows.length) {
        const s = await call('stock.onHand', { itemIds: r.value.rows.map((i) => i.id) });
        if (s.ok) stock = new Map(s.value.rows.map((x) => [x.itemId, x]));
      }
      setTotal(r.value.total);
      setRows(
        r.value.rows.map((i) => {
          const s = stock.get(i.id);
          return { ...i, onHand: s?.qty ?? null, below: s?.belowSafety ?? false, lastMoveAt: s?.lastMoveAt ?? null };
        }),
      );
    },
    [canStock],
  );
  return { rows, total, error, setError, load };
}
