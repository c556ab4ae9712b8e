// The count of a pick: the lines with what is picked so far, the last 50 changes for Ctrl+Z, and
// the count kept in sessionStorage so it survives a reload or a trip to another screen.

import { useEffect, useRef, useState } from 'react';
import type { Slip } from '../../../../shared/contract';
import type { PickLine } from '../../slip/pick';

function storageKey(s: Slip): string {
  return `branch-desk.pick.${s.id}.${s.version}`;
}

/** What is kept per line id: the count, and the defective mark of a return line. */
type Saved = Record<string, number | { picked: number; defective: boolean }>;

/** The slip's lines with the count saved for this version of it, if any. */
/** The lines in the order the keeper walks the shelves: by 库位 (lines without one last), then as on the slip. */
const byLocation = (a: Slip['lines'][number], b: Slip['lines'][number]) =>
  (a.location === '' ? 1 : 0) - (b.location === '' ? 1 : 0) || a.location.localeCompare(b.location) || a.lineNo - b.lineNo;

export function initialLines(s: Slip): PickLine[] {
  const lines = [...s.lines]
    .sort(byLocation)
    .map((l) => ({ lineId: l.id, itemId: l.itemId, itemCode: l.itemCode, itemName: l.itemName, ordered: l.qty, picked: 0 }));
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(s)) ?? 'null') as Saved | null;
    if (saved)
      return lines.map((l) => {
        const v = saved[l.lineId] ?? 0;
        const picked = Math.min(l.ordered, typeof v === 'number' ? v : v.picked);
        return { ...l, picked, defective: typeof v !== 'number' && v.defective && picked > 0 };
      });
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
    const saved: Saved = Object.fromEntries(lines.map((l) => [l.lineId, l.defective ? { picked: l.picked, defective: true } : l.picked]));
    sessionStorage.setItem(storageKey(slip), JSON.stringify(saved));
  }, [slip, lines]);

  return { lines, linesRef, canUndo: history.length > 0, setLines, commit, undo };
}

export type PickCount = ReturnType<typeof usePickCount>;
