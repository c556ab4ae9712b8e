// The rules of stock.* beside the contract's `access`.

import { DeskError } from '../../../shared/errors';

/** A backwards period would open on one balance and close on another with no rows between. */
export function requirePeriod(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to)
    throw new DeskError('invalid_input', { summary_zh: `起始日期 ${from} 晚于截止日期 ${to}`, summary_en: `from ${from} is after to ${to}` });
}
