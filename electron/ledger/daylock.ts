// The day lock (日结锁账): once a business day is closed, nothing more is booked into it or into
// any day before it. Every ledger row — a stock move (fifo.insertMove), a money journal row, a
// receivable entry or allocation (ledger/journal.ts) — is written through a function that calls
// assertDayOpen first; BEFORE INSERT triggers on the same tables (migration 0003) back it up.

import type { ReadableDB } from '../store/db';
import { sql } from '../store/db';
import { fail } from '../../shared/errors';

/** The latest closed business day, or null when no day has been closed. */
export function lastClosedDay(db: ReadableDB): string | null {
  return (sql(db, 'SELECT MAX(business_date) FROM day_closes').pluck().get() as string | null) ?? null;
}

/** Refuse (day_closed) a ledger row dated on or before the last closed day. */
export function assertDayOpen(db: ReadableDB, businessDate: string): void {
  const last = lastClosedDay(db);
  if (last !== null && businessDate <= last) fail('day_closed', { date: businessDate, lastClosed: last });
}
