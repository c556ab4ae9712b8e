// Messages about one line of a slip (a refused quantity, a line the core named in its refusal, a
// quantity above what is on hand): each is tied to its line, so it goes away when that line is
// fixed or deleted. Lines are immutable (every edit makes a new object), so a message given about
// a line holds only while that very line object is still on the slip. Pure functions, unit-tested
// in tests/renderer/line-messages.test.ts.

import type { DeskErr } from '../api';
import { erroredItemCodes, type EditLine } from './lines';

export interface LineMessage {
  /** the line as it was when the message was given */
  line: EditLine;
  /** the message without its line number (the number is the line's place now) */
  text: string;
}

/** The line's place in the slip now, or -1 when it is gone. */
export function lineIndex(lines: readonly EditLine[], key: string): number {
  return lines.findIndex((l) => l.key === key);
}

/** Messages still true: their line is on the slip and has not changed since. */
export function liveMessages<M extends { line: EditLine }>(msgs: readonly M[], lines: readonly EditLine[]): M[] {
  const byKey = new Map(lines.map((l) => [l.key, l]));
  return msgs.filter((m) => byKey.get(m.line.key) === m.line);
}

/** A new message about a line replaces the one it had. */
export function sayAboutLine(msgs: readonly LineMessage[], line: EditLine, text: string): LineMessage[] {
  return [...msgs.filter((m) => m.line.key !== line.key), { line, text }];
}

const LINE_FIELD = /^lines\.(\d+)(\.|$)/;

/**
 * The lines a refusal of the core is about: those whose item it names (insufficient stock, over
 * pick…), or the line of a refused field ("lines.3.qty": the 4th line sent, lines of qty 0 are
 * not sent).
 */
export function linesNamedBy(error: DeskErr | null | undefined, lines: readonly EditLine[]): EditLine[] {
  const d = error?.details;
  if (!d) return [];
  const codes = erroredItemCodes(d);
  const named = lines.filter((l) => codes.has(l.itemCode));
  const m = typeof d.field === 'string' ? LINE_FIELD.exec(d.field) : null;
  const sent = m ? lines.filter((l) => l.qty > 0)[Number(m[1])] : undefined;
  return sent && !named.includes(sent) ? [...named, sent] : named;
}

/**
 * Whether a refusal is still worth showing: one about lines only while one of them is unchanged;
 * any other until it is replaced.
 */
export function errorStillTrue(named: readonly EditLine[], lines: readonly EditLine[]): boolean {
  if (!named.length) return true;
  return (
    liveMessages(
      named.map((line) => ({ line })),
      lines,
    ).length > 0
  );
}

export interface OverOnHand {
  index: number;
  line: EditLine;
  /** what the slip asks for of this item, over all its lines */
  qty: number;
  onHand: number;
}

/** Lines whose item the slip asks more of than is on hand (onHand unknown: none). */
export function overOnHand(lines: readonly EditLine[], onHand: ReadonlyMap<number, number> | undefined): OverOnHand[] {
  if (!onHand) return [];
  const asked = new Map<number, number>();
  for (const l of lines) asked.set(l.itemId, (asked.get(l.itemId) ?? 0) + l.qty);
  return lines.flatMap((line, index) => {
    const have = onHand.get(line.itemId);
    const qty = asked.get(line.itemId) ?? 0;
    return have !== undefined && qty > have ? [{ index, line, qty, onHand: have }] : [];
  });
}
