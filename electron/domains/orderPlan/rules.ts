// The rules of order planning (订货规划): the suggested quantity, in integers — what brings on hand +
// on order up to safety stock + the sales expected over HQ's lead time and the days of cover wanted,
// rounded up to a whole case, never below 0 — and the states a plan must be in.

import { fail } from '../../../shared/errors';
import { ceilDiv, usageOf } from '../safety/rules';

export interface PlanInputs {
  onHand: number;
  onOrder: number;
  soldQty: number;
  safetyStock: number;
  leadDays: number;
  packQty: number;
}

export interface PlanNumbers {
  avgDailyMilli: number;
  daysOfCover: number | null;
  suggested: number;
}

/** The sales over lead + cover days is the safety domain's usage over that many days (unrounded to the case). */
export function planNumbers(i: PlanInputs, windowDays: number, coverDays: number): PlanNumbers {
  const usage = usageOf(i.soldQty, windowDays, i.leadDays + coverDays, 1);
  const short = i.safetyStock + usage.suggested - i.onHand - i.onOrder;
  const pack = Math.max(i.packQty, 1);
  return {
    avgDailyMilli: usage.avgDailyMilli,
    daysOfCover: usage.avgDailyMilli === 0 ? null : Math.floor((i.onHand * 1000) / usage.avgDailyMilli),
    suggested: short <= 0 ? 0 : ceilDiv(short, pack) * pack,
  };
}

export function requirePlanState(p: { id: number; state: string }, wanted: 'draft' | 'signed'): void {
  if (p.state === wanted) return;
  if (wanted === 'draft') fail('order_plan_signed', { field: 'planId', planId: p.id });
  fail('order_plan_unsigned', { field: 'planId', planId: p.id });
}
