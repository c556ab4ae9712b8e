// The count of a pick: the lines with what is picked so far, the last 50 changes for Ctrl+Z, and
// the count kept in sessionStorage so it survives a reload or a trip to another screen.

import { useEffect, useRef, useState } from 'react';
import type { Slip } from '../../../../shared/contract';
import type { PickLine } from '../../slip/pick';

function storageKey(s: Slip): string {
  return `branch-desk.pick.${s.id}.${s.version}`;
}

/** The slip's lines with the count saved for this version of it, if any. */
export function initialLines(s: Slip): PickLine[] {
  const lines = s.lines.map((l) => ({ lineId: l.id, itemId: l.itemId, itemCode: l.itemCode, itemName: l.itemName, ordered: l.qty, picked: 0 }));
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(s)) ?? 'null') as Record<string, number> | null;
    if (saved) return lines.map((l) => ({ ...l, picked: Math.min(l.ordered, saved[l.lineId] ?? 0) }));
  } catch {
    /* start over */
  }
  return lines;
}

/** The count is done with (posted). */
export function forgetCount(s: Slip): void {
  sessionStorage.removeItem(storageKey(s));
}

export function usePickCount(slip: Slip | null) {
  const [lines, setLinesState] = useState<PickLine[]>([]);
  const [history, setHistory] = useState<PickLine[][]>([]);
  // scans are handled one at a time (the queue), each against the latest count
  const linesRef = useRef<PickLine[]>([]);
  const setLines = (next: PickLine[]) => {
    linesRef.current = next;
    setLinesState(next);
  };
  /** a change the keeper can undo */
  const commit = (next: PickLine[], prev: PickLine[]) => {
    setHistory((h) => [...h.slice(-49), prev]);
    setLines(next);
  };
  /** back to before the last change; false when there is none */
  const undo = (): boolean => {
    if (!history.length) return false;
    setLines(history[history.length - 1]);
    setHistory(history.slice(0, -1));
    return true;
  };

  useEffect(() => {
    if (!slip) return;
    sessionStorage.setItem(storageKey(slip), JSON.stringify(Object.fromEntries(lines.map((l) => [l.lineId, l.picked]))));
  }, [slip, lines]);

  return { lines, linesRef, canUndo: history.length > 0, setLines, commit, undo };
}

export type PickCount = ReturnType<typeof usePickCount>;
