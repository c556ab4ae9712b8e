// The rules of counts.*: entries only while a count is open; causes, recounts, costs and approval
// only before it is posted; a recount by someone who did not count the line; who sees the book
// quantity (盲盘: nobody counting, unless the office counts open or the reader is the manager).
// Rules read; they never write.

import type { Role } from '../../../shared/roles';
import { fail } from '../../../shared/errors';
import type { CountRow, LineRow } from './repo';

export function requireOpen(c: CountRow): void {
  if (c.state !== 'open') fail('count_not_open', { no: c.no, state: c.state });
}

/** Causes, recounts, costs and approval: before the count is posted. */
export function requireUnposted(c: CountRow): void {
  if (c.state !== 'open' && c.state !== 'counted') fail('count_not_approvable', { no: c.no, state: c.state });
}

export function requirePosted(c: CountRow): void {
  if (c.state !== 'posted') fail('count_not_posted', { no: c.no, state: c.state });
}

export function requireRecountable(line: LineRow, counters: readonly number[], userId: number): void {
  if (line.counted_qty === null) fail('count_line_not_counted', { itemCode: line.item_code });
  if (counters.includes(userId)) fail('count_recount_same_person', { itemCode: line.item_code });
}

/** 盲盘: the differences give the book away, so a counter sees them once counting is done. */
export function requireVarianceVisible(c: CountRow, roles: readonly Role[]): void {
  if (c.state === 'open' && !seesBook(c, roles)) fail('count_blind_open', { no: c.no });
}

export function seesBook(c: Pick<CountRow, 'blind'>, roles: readonly Role[]): boolean {
  return c.blind === 0 || roles.includes('manager');
}
