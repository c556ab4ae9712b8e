// The keeper's pick: scan goods against the lines of a signed dispatch (or an approved return).
// Pure and unit-tested (tests/renderer/slip-logic.test.ts): the screen only renders and beeps.

export interface PickLine {
  lineId: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  ordered: number;
  picked: number;
  /** a return line the keeper found defective (次品) on receipt */
  defective?: boolean;
}

export type PickOutcome =
  | { ok: true; lines: PickLine[]; index: number; complete: boolean }
  | { ok: false; reason: 'not_on_slip'; itemCode: string; itemName: string }
  | { ok: false; reason: 'over_pick'; index: number; itemCode: string; itemName: string; ordered: number; picked: number; adding: number };

/**
 * Apply one scan: `qty` base units of `itemId` (a case barcode brings its pack quantity).
 * Goes to the first line of that item that still has room for all of it; refuses an item that is
 * not on the slip and a scan that would pick more than ordered (nothing changes then).
 */
export function applyPick(lines: readonly PickLine[], item: { id: number; code: string; name: string }, qty: number): PickOutcome {
  const mine = lines.map((l, i) => [l, i] as const).filter(([l]) => l.itemId === item.id);
  if (mine.length === 0) return { ok: false, reason: 'not_on_slip', itemCode: item.code, itemName: item.name };
  const fit = mine.find(([l]) => l.ordered - l.picked >= qty);
  if (!fit) {
    const [l, i] = mine.find(([x]) => x.picked < x.ordered) ?? mine[mine.length - 1];
    return { ok: false, reason: 'over_pick', index: i, itemCode: l.itemCode, itemName: l.itemName, ordered: l.ordered, picked: l.picked, adding: qty };
  }
  const [, index] = fit;
  const next = lines.map((l, i) => (i === index ? { ...l, picked: l.picked + qty } : l));
  return { ok: true, lines: next, index, complete: isComplete(next) };
}

/** Set one line's picked count by hand (goods without a label); clamped to 0…ordered. Nothing received is not defective. */
export function setPicked(lines: readonly PickLine[], index: number, qty: number): PickLine[] {
  return lines.map((l, i) => {
    if (i !== index) return l;
    const picked = Math.max(0, Math.min(l.ordered, Math.floor(qty)));
    return { ...l, picked, defective: picked > 0 && !!l.defective };
  });
}

/** Mark a received return line defective (次品), or take the mark off; a line with nothing received cannot be marked. */
export function toggleDefective(lines: readonly PickLine[], index: number): { ok: true; lines: PickLine[]; defective: boolean } | { ok: false } {
  const l = lines[index];
  if (!l || (l.picked === 0 && !l.defective)) return { ok: false };
  const defective = !l.defective;
  return { ok: true, defective, lines: lines.map((x, i) => (i === index ? { ...x, defective } : x)) };
}

export function isComplete(lines: readonly PickLine[]): boolean {
  return lines.length > 0 && lines.every((l) => l.picked === l.ordered);
}

export function shortLines(lines: readonly PickLine[]): PickLine[] {
  return lines.filter((l) => l.picked < l.ordered);
}

export function pickedTotal(lines: readonly PickLine[]): number {
  return lines.reduce((s, l) => s + l.picked, 0);
}

/** What slips.post takes: the count of each line, and the defective mark on a line that received something. */
export function toPicked(lines: readonly PickLine[]): { lineId: number; qty: number; defective?: boolean }[] {
  return lines.map((l) => (l.defective && l.picked > 0 ? { lineId: l.lineId, qty: l.picked, defective: true } : { lineId: l.lineId, qty: l.picked }));
}
