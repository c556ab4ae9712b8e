// The lines of a slip being edited: pure functions, unit-tested (tests/renderer/slip-logic.test.ts).

import type { CreatableSlipKind, Item, Slip, SlipLine, SlipLineInput, WriteoffCause } from '../../../shared/contract';
import { unitFen } from '../../../shared/money';
import { amountFen } from '../numbers';

export interface EditLine {
  /** stable key in the grid (the server line id, or a local one for new lines) */
  key: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  spec: string;
  unit: string;
  qty: number;
  /** inbound: cost per base unit (null until typed, and on a line entered by its amount) */
  unitCostFen: number | null;
  /** inbound: the line's amount (金额) when the keeper typed it instead of the unit cost, as HQ's
   *  delivery note gives it; null on a line entered by unit cost */
  enteredAmountFen: number | null;
  /** dispatch / return: price per base unit */
  priceFen: number | null;
  sourceLineId: number | null;
  memo: string;
  /** return: the most that may come back on this line */
  returnableQty: number | null;
  /** return: what went out on the source line */
  shippedQty: number | null;
  /** a return without a dispatch: the manager typed this line's unit cost (sent only then; else the
   *  core keeps the line's cost or the item's latest) */
  costByManager?: boolean;
  /** write-off: why the goods leave (the memo says what for 其他) */
  cause?: WriteoffCause | null;
}

let localSeq = 0;
export function localKey(): string {
  localSeq += 1;
  return `new-${Date.now().toString(36)}-${localSeq}`;
}

/** The kinds whose lines are added by item (a scan, the item search). */
export type ByItemKind = 'inbound' | 'dispatch' | 'writeoff' | 'hqReturn';

export function lineFromItem(item: Item, qty: number, kind: ByItemKind): EditLine {
  return {
    key: localKey(),
    itemId: item.id,
    itemCode: item.code,
    itemName: item.name,
    spec: item.spec,
    unit: item.unit,
    qty,
    unitCostFen: null,
    enteredAmountFen: null,
    priceFen: kind === 'dispatch' ? item.priceFen : null,
    sourceLineId: null,
    memo: '',
    returnableQty: null,
    shippedQty: null,
  };
}

export function linesFromSlip(slip: Slip): EditLine[] {
  return slip.lines.map((l: SlipLine) => ({
    key: `line-${l.id}`,
    itemId: l.itemId,
    itemCode: l.itemCode,
    itemName: l.itemName,
    spec: l.spec,
    unit: l.unit,
    qty: l.qty,
    unitCostFen: l.unitCostFen,
    enteredAmountFen: l.amountEntered ? l.amountFen : null,
    priceFen: l.priceFen,
    sourceLineId: l.sourceLineId,
    memo: l.memo,
    returnableQty: null,
    shippedQty: null,
    cause: l.cause,
  }));
}

/**
 * A scan or a pick from the item search: add `qty` base units of `item`. The item's existing line
 * grows (one line per item, as on HQ's delivery note); otherwise a new line goes at the end.
 * Returns the new lines and the index of the line that changed.
 */
export function addItemQty(lines: readonly EditLine[], item: Item, qty: number, kind: ByItemKind): { lines: EditLine[]; index: number } {
  const i = lines.findIndex((l) => l.itemId === item.id && l.sourceLineId === null);
  if (i >= 0) {
    const next = lines.slice();
    next[i] = { ...next[i], qty: next[i].qty + qty };
    return { lines: next, index: i };
  }
  return { lines: [...lines, lineFromItem(item, qty, kind)], index: lines.length };
}

export function removeLine(lines: readonly EditLine[], index: number): EditLine[] {
  return lines.filter((_, i) => i !== index);
}

/** The unit cost shown: as typed, or the entered amount ÷ qty rounded half up (for display only). */
export function lineUnitCostFen(l: EditLine): number | null {
  return l.enteredAmountFen != null ? unitFen(l.enteredAmountFen, l.qty) : l.unitCostFen;
}

/** An inbound line with neither a unit cost nor an amount yet (it cannot be posted). */
export function lineCostMissing(l: EditLine): boolean {
  return l.unitCostFen == null && l.enteredAmountFen == null;
}

/** The unit figure of a line's amount: its price (dispatch, return — a return without a dispatch
 *  has a unit cost beside its refund price), else its unit cost (inbound). */
function amountUnitFen(l: EditLine): number | null {
  return l.priceFen ?? l.unitCostFen;
}

/** The amount as entered, else qty × price or unit cost; null when there is no unit figure yet or the product is out of bounds. */
export function lineAmountFen(l: EditLine): number | null {
  if (l.enteredAmountFen != null) return l.enteredAmountFen;
  const unit = amountUnitFen(l);
  return unit == null ? null : amountFen(l.qty, unit);
}

/** The line's amount is beyond the core's bound (±MAX_FEN): shown as an error, never thrown. */
export function lineAmountOver(l: EditLine): boolean {
  if (l.enteredAmountFen != null) return false; // typed within bounds (parseMoney)
  const unit = amountUnitFen(l);
  return unit != null && amountFen(l.qty, unit) === null;
}

/** 1-based numbers of the lines whose amount is out of bounds (saving is refused while any is). */
export function overLines(lines: readonly EditLine[]): number[] {
  return lines.flatMap((l, i) => (lineAmountOver(l) ? [i + 1] : []));
}

/** Sums of the lines; a line whose amount is out of bounds adds nothing to amountFen. */
export function totals(lines: readonly EditLine[]): { qty: number; amountFen: number } {
  let qty = 0;
  let amountFen = 0;
  for (const l of lines) {
    qty += l.qty;
    amountFen += lineAmountFen(l) ?? 0;
  }
  return { qty, amountFen };
}

/** What slips.create / slips.update take. Lines with qty 0 are left out (a return line not coming back). */
export function toLineInputs(kind: CreatableSlipKind, lines: readonly EditLine[]): SlipLineInput[] {
  return lines
    .filter((l) => l.qty > 0)
    .map((l) => {
      const base: SlipLineInput = { itemId: l.itemId, qty: l.qty };
      if (l.memo) base.memo = l.memo;
      if (kind === 'inbound' && l.enteredAmountFen != null) base.amountFen = l.enteredAmountFen;
      else if (kind === 'inbound' && l.unitCostFen != null) base.unitCostFen = l.unitCostFen;
      if (kind === 'dispatch' && l.priceFen != null) base.priceFen = l.priceFen;
      if (kind === 'writeoff' && l.cause) base.cause = l.cause;
      if (kind === 'return' && l.sourceLineId != null) base.sourceLineId = l.sourceLineId;
      else if (kind === 'return') Object.assign(base, preGoLiveInput(l)); // no dispatch: the refund price, the manager's cost
      return base;
    });
}

/** A return-without-dispatch line's refund price, and its unit cost when the manager typed it. */
function preGoLiveInput(l: EditLine): Partial<SlipLineInput> {
  return {
    ...(l.priceFen != null ? { priceFen: l.priceFen } : {}),
    ...(l.costByManager && l.unitCostFen != null ? { unitCostFen: l.unitCostFen } : {}),
  };
}

/** Item codes named in an error's details (insufficient stock, over pick…), to mark those lines. */
export function erroredItemCodes(details: Record<string, unknown> | undefined): Set<string> {
  const out = new Set<string>();
  const lines = details?.lines;
  if (Array.isArray(lines)) for (const l of lines) if (l && typeof l === 'object' && 'itemCode' in l) out.add(String((l as { itemCode: unknown }).itemCode));
  return out;
}
