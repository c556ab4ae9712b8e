// The lines of a requisition made by hand, kept in the dialog until the core accepts them: an item
// added is expected after its lead time (today in office time + the item's own days or the office
// default), quantities and dates are edited in place; a refused save keeps everything as typed.

import { useCallback, useEffect, useState } from 'react';
import type { Item, Requisition } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { useWrite } from '../../hooks/useWrite';
import { localError, refusalError } from '../../i18n';
import { parseQty } from '../../numbers';
import { datePlus, itemLead, leadFacts, type LeadFacts } from './leadFacts';

export interface DraftLine {
  itemId: number;
  itemCode: string;
  itemName: string;
  unit: string;
  packQty: number;
  qty: number;
  expectedDate: string;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && datePlus(s, 0) === s;

function linesOf(r: Requisition | undefined, f: LeadFacts): DraftLine[] {
  return (r?.lines ?? []).map((l) => ({ ...l, packQty: itemLead(f, l.itemId).packQty }));
}

export function useRequisitionDraft(draft: Requisition | undefined) {
  const w = useWrite();
  const [facts, setFacts] = useState<LeadFacts | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [memo, setMemo] = useState(draft?.memo ?? '');
  useEffect(() => {
    void leadFacts().then((f) => {
      if (!f.ok) return w.setError(f.error);
      setFacts(f.value);
      setLines(linesOf(draft, f.value));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = (item: Item) => {
    if (!facts) return;
    if (lines.some((l) => l.itemId === item.id)) return w.setError(localError('rqh.twice', { code: item.code }));
    const { leadDays, packQty } = itemLead(facts, item.id);
    const line = {
      itemId: item.id,
      itemCode: item.code,
      itemName: item.name,
      unit: item.unit,
      packQty,
      qty: packQty,
      expectedDate: datePlus(facts.asOf, leadDays),
    };
    w.setError(null);
    setLines((ls) => [...ls, line]);
  };
  const remove = useCallback((itemId: number) => setLines((ls) => ls.filter((l) => l.itemId !== itemId)), []);
  /** A cell typed in the grid: the quantity (whole base units) or the expected date. */
  const edit = (itemId: number, field: 'qty' | 'expectedDate', text: string): DeskErr | null => {
    let patch: Partial<DraftLine>;
    if (field === 'qty') {
      const q = parseQty(text);
      if (!q.ok) return refusalError(q.refusal);
      patch = { qty: q.value };
    } else {
      if (!isDate(text.trim())) return localError('rqh.badDate');
      patch = { expectedDate: text.trim() };
    }
    setLines((ls) => ls.map((l) => (l.itemId === itemId ? { ...l, ...patch } : l)));
    return null;
  };
  const save = async (onDone: (r: Requisition) => void) => {
    if (w.busy) return;
    if (lines.length === 0) return w.setError(localError('rqh.empty'));
    const sent = lines.map((l) => ({ itemId: l.itemId, qty: l.qty, expectedDate: l.expectedDate }));
    await w.run(
      (requestId) =>
        draft
          ? call('requisitions.update', { requisitionId: draft.id, memo, lines: sent }, { requestId })
          : call('requisitions.create', { memo, lines: sent }, { requestId }),
      onDone,
    );
  };
  return { ready: facts !== null, lines, memo, setMemo, add, remove, edit, save, write: w };
}
