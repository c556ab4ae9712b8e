// A return without a dispatch (无原单退货): each new line shows the item's latest unit cost (its last
// receipt layer's, stock.latestUnitCosts) until the manager types another. Shown only: the core
// fills the same default when the line's cost is not sent (slips/preGoLiveRules.ts).

import { useEffect, useRef } from 'react';
import { call } from '../../api';
import type { SlipDraft } from '../../slip/useSlipDraft';

export function useLatestCosts(draft: SlipDraft, enabled: boolean): void {
  const asked = useRef(new Map<number, number | null>());
  const missing = enabled ? [...new Set(draft.lines.filter((l) => l.unitCostFen == null).map((l) => l.itemId))] : [];
  const key = missing.join(',');
  useEffect(() => {
    if (!key) return;
    const fill = () =>
      draft.setLines(
        (ls) => ls.map((l) => (l.unitCostFen == null && asked.current.get(l.itemId) != null ? { ...l, unitCostFen: asked.current.get(l.itemId)! } : l)),
        {
          silent: true,
        },
      );
    const toAsk = missing.filter((id) => !asked.current.has(id));
    if (!toAsk.length) return fill();
    void call('stock.latestUnitCosts', { itemIds: toAsk }).then((r) => {
      if (!r.ok) return;
      for (const row of r.value.rows) asked.current.set(row.itemId, row.unitCostFen);
      fill();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the items still without a cost
  }, [key]);
}
