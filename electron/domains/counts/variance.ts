// The variance report (盘点差异表): per line, the book quantity (taken when the line was first
// counted), the count (the recount where there is one) and the difference in quantity and in FIFO
// value — a loss at what the oldest layers would give up now, a gain at the manager's unit cost or
// the item's latest — with the totals of gains (盘盈) and losses (盘亏) and every problem that
// stands in the way of posting, all at once. Approval posts exactly what this reports.

import type { CountProblem, CountVariance, VarianceLine } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { issueCost, latestUnitCostFen } from '../../ledger/fifo';
import { countView, finalQty, varianceRows, type CountRow, type LineRow } from './repo';

type Problem = CountProblem['problem'];

export interface PlannedLine extends VarianceLine {
  /** for a gain: the unit cost the new layer takes */
  unitCostFen: number | null;
}

/** The FIFO value of a difference now: a loss at what the oldest layers give up, a gain at the
 *  manager's unit cost or the item's latest; the problem when it has none. */
function valueOf(db: ReadableDB, l: LineRow, diff: number): { diffFen: number | null; unit: number | null; problem?: Problem } {
  if (diff < 0) {
    const cost = issueCost(db, l.item_id, -diff);
    return cost === null ? { diffFen: null, unit: null, problem: 'shortOnHand' } : { diffFen: -cost, unit: null };
  }
  if (diff === 0) return { diffFen: 0, unit: null };
  const unit = l.unit_cost_fen ?? latestUnitCostFen(db, l.item_id);
  return unit === null ? { diffFen: null, unit: null, problem: 'noCost' } : { diffFen: unit * diff, unit };
}

/** What stands in the way of posting a line (its value's problem aside). */
function lineProblems(c: CountRow, l: LineRow, counted: number | null, diff: number): Problem[] {
  const out: Problem[] = [];
  if (counted === null) out.push('notCounted');
  if (diff !== 0 && l.cause === null) out.push('noCause');
  if (diff !== 0 && l.cause === 'other' && l.cause_text === '') out.push('noCauseText');
  if (c.recount === 1 && l.counted_qty !== null && l.counted_qty !== l.book_qty && l.recount_qty === null) out.push('noRecount');
  return out;
}

/** A line's difference valued, and what stands in its way. Moves after the first count cancel out:
 *  they change the shelf and the book alike, so the difference counted − book holds at posting.
 *  A posted count's values are what its slip moved (`posted`: amount by item). */
function planLine(db: ReadableDB, c: CountRow, l: LineRow, posted: Map<number, number> | null): { line: PlannedLine; problems: Problem[] } {
  const counted = finalQty(l);
  const diff = counted === null || l.book_qty === null ? 0 : counted - l.book_qty;
  const v = posted ? { diffFen: Math.sign(diff) * (posted.get(l.item_id) ?? 0), unit: null } : valueOf(db, l, diff);
  const problems = posted ? [] : lineProblems(c, l, counted, diff);
  if (!posted && 'problem' in v && v.problem) problems.push(v.problem);
  const line = {
    ...{ lineId: l.id, itemId: l.item_id, itemCode: l.item_code, itemName: l.item_name, location: l.location },
    ...{ bookQty: l.book_qty, countedQty: counted, diffQty: diff, diffFen: v.diffFen, cause: l.cause, causeText: l.cause_text, unitCostFen: v.unit },
  };
  return { line, problems };
}

/** Per item, the amount a posted count's slip moved. */
function postedAmounts(db: ReadableDB, slipId: number): Map<number, number> {
  const rows = sql(db, 'SELECT item_id, amount_fen FROM slip_lines WHERE slip_id = ?').all(slipId) as { item_id: number; amount_fen: number }[];
  return new Map(rows.map((r) => [r.item_id, r.amount_fen]));
}

export function planCount(db: ReadableDB, c: CountRow): { lines: PlannedLine[]; problems: CountProblem[] } {
  const lines: PlannedLine[] = [];
  const problems: CountProblem[] = [];
  const posted = c.posted_slip_id === null ? null : postedAmounts(db, c.posted_slip_id);
  for (const l of varianceRows(db, c.id)) {
    const p = planLine(db, c, l, posted);
    if (p.line.diffQty !== 0 || p.problems.length > 0) lines.push(p.line);
    for (const problem of p.problems) problems.push({ lineId: l.id, itemCode: l.item_code, problem });
  }
  return { lines, problems };
}

export function varianceOf(db: ReadableDB, c: CountRow): CountVariance {
  const { lines, problems } = planCount(db, c);
  const sum = (pick: (l: PlannedLine) => number) => lines.reduce((n, l) => n + pick(l), 0);
  return {
    count: countView(db, c.id),
    lines: lines.map(({ unitCostFen: _, ...l }) => l),
    gainQty: sum((l) => Math.max(l.diffQty, 0)),
    gainFen: sum((l) => (l.diffQty > 0 ? (l.diffFen ?? 0) : 0)),
    lossQty: sum((l) => Math.max(-l.diffQty, 0)),
    lossFen: sum((l) => (l.diffQty < 0 ? -(l.diffFen ?? 0) : 0)),
    problems,
  };
}
