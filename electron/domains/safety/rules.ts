// The rules of safety stock (安全库存定额): how a suggestion is reckoned from usage — in integers,
// no floats — and who may decide a proposal.

import { DeskError } from '../../../shared/errors';
import { SAFETY_STATE_ZH, type SafetyUsage } from '../../../shared/contract';
import type { ProposalRow } from './repo';

/** ⌈a ÷ b⌉ for a ≥ 0, b > 0. */
export const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * The usage behind a figure: the average per day in thousandths (half up), and the suggestion —
 * the units sold in `coverDays` at that pace, rounded up, then up to a whole case.
 */
export function usageOf(soldQty: number, windowDays: number, coverDays: number, packQty: number): SafetyUsage {
  const sold = Math.max(soldQty, 0);
  const avgDailyMilli = Math.floor((sold * 1000 * 2 + windowDays) / (2 * windowDays));
  const units = ceilDiv(sold * coverDays, windowDays);
  const pack = Math.max(packQty, 1);
  return { windowDays, coverDays, soldQty, avgDailyMilli, suggested: ceilDiv(units, pack) * pack };
}

export function requireDecidable(p: ProposalRow, itemCode: string, deciderId: number, deciderName: string): void {
  if (p.state !== 'pending')
    throw new DeskError('safety_not_pending', { field: 'proposalId', item: itemCode, state: p.state, state_zh: SAFETY_STATE_ZH[p.state] });
  if (p.proposed_by === deciderId) throw new DeskError('safety_own_proposal', { field: 'manager', user: deciderName, item: itemCode });
}
