// The draft of a return and the posted dispatch it comes back against: every returnable line of
// the dispatch is a line of the return, with this return's quantity (0 when not coming back). A new
// return starts from the dispatch in the route (/returns/from/:id).

import { useEffect, useRef, useState } from 'react';
import type { Slip } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { navigate } from '../../hooks/router';
import { localKey, type EditLine } from '../../slip/lines';
import { useSlipDraft } from '../../slip/useSlipDraft';

/** Every returnable line of the dispatch, with this return's quantity (0 when not coming back). */
export function returnLines(source: Slip, current: EditLine[]): EditLine[] {
  return source.lines
    .filter((l) => (l.returnableQty ?? 0) > 0 || current.some((c) => c.sourceLineId === l.id))
    .map((l) => {
      const mine = current.find((c) => c.sourceLineId === l.id);
      return {
        key: mine?.key ?? localKey(),
        itemId: l.itemId,
        itemCode: l.itemCode,
        itemName: l.itemName,
        spec: l.spec,
        unit: l.unit,
        qty: mine?.qty ?? 0,
        unitCostFen: null,
        enteredAmountFen: null,
        priceFen: l.priceFen,
        sourceLineId: l.id,
        memo: mine?.memo ?? '',
        returnableQty: l.returnableQty ?? 0,
        shippedQty: l.shippedQty ?? l.qty,
      };
    });
}

export function useReturnDraft(slipId: number | null, sourceId: number | null | undefined, preGoLive = false) {
  const sourceRef = useRef<Slip | null>(null);
  const [source, setSource] = useState<Slip | null>(null);
  const [loadErr, setLoadErr] = useState<DeskErr | null>(null);
  const loadSource = async (id: number): Promise<Slip | null> => {
    if (sourceRef.current?.id === id) return sourceRef.current;
    const r = await call('slips.get', { slipId: id });
    if (!r.ok) {
      setLoadErr(r.error);
      return null;
    }
    sourceRef.current = r.value;
    setSource(r.value);
    return r.value;
  };
  const draft = useSlipDraft('return', slipId, {
    initialHeader: preGoLive ? { preGoLive: true } : undefined,
    decorate: async (lines, s) => {
      const src = s.sourceSlipId ? await loadSource(s.sourceSlipId) : null;
      return src ? returnLines(src, lines) : lines;
    },
  });

  // a new return: start from the dispatch
  useEffect(() => {
    if (slipId !== null || !sourceId) return;
    void loadSource(sourceId).then((src) => {
      if (!src) return;
      if (src.kind !== 'dispatch' || src.state !== 'posted') {
        navigate(`/slips/${src.id}`, { force: true, replace: true });
        return;
      }
      draft.setHeader({ sourceSlipId: src.id, customerId: src.customerId, customerName: src.customerName, paymentMode: src.paymentMode }, { silent: true });
      // the dispatch's lines come with the return (with the quantities kept from before a reload):
      // not a change until a quantity is typed
      draft.setLines((kept) => returnLines(src, kept), { silent: true });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slipId, sourceId]);

  return { draft, source, loadErr };
}
