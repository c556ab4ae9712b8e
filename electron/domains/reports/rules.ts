// The rules of reports.* beside the contract's `access`: a period runs forwards and is at most
// a few years long (a report is read whole), and a month's neighbours for the comparison.

import { DeskError } from '../../../shared/errors';
import { requirePeriod } from '../stock/rules';
import { daysBetween } from '../receivables/views';

/** The longest period a report reads at once (the stock summary, the sales ledger). */
export const MAX_PERIOD_DAYS = 3 * 366;

export function requireReportPeriod(from: string, to: string): void {
  requirePeriod(from, to);
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    throw new DeskError('invalid_input', {
      summary_zh: `期间不能超过 ${MAX_PERIOD_DAYS} 天`,
      summary_en: `the period may not be longer than ${MAX_PERIOD_DAYS} days`,
    });
}

/** YYYY-MM moved by whole months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String((k % 12) + 1).padStart(2, '0')}`;
}
