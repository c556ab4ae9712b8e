// A slip line's amount: qty × unit, checked against the books' bounds (rules.ts, preGoLiveRules.ts).

import { fail } from '../../../shared/errors';
import { MAX_FEN } from '../../../shared/money';

/** qty × unit, an integer amount of fen within the books' bounds. */
export function checkAmount(qty: number, unit: number | null): number {
  if (unit == null) return 0;
  const amount = qty * unit;
  if (!Number.isSafeInteger(amount) || amount > MAX_FEN) fail('amount_too_large');
  return amount;
}
