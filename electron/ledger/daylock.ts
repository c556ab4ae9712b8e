// The day lock (日结锁账): once a business day is closed, nothing more is booked into it or into
// any day before it. Every ledger row — a stock move (fifo.insertMove), a money journal row, a
// receivable entry or allocation (ledger/journal.ts) — is written through a function that calls
// assertDayOpen first; BEFORE INSERT triggers on the same tables (migrations 0003, 0006) back it up.
// A close reopened by the manager (反日结, day_reopens) is out of force: only live_day_closes lock.

import type { ReadableDB } from '../store/db';
import { sql } from '../store/db';
import { fail } from '../../shared/errors';
import { nextDay } from './dates';

/** The latest closed business day (a close in force: not reopened), or null when there is none. */
export function lastClosedDay(db: ReadableDB): string | null {
  return (sql(db, 'SELECT business_date FROM live_day_closes ORDER BY business_date DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
}

/**
 * The business day new postings go to: the calendar date, or — once that day has been closed (a
 * late delivery or payment after the close of day) — the first day after the last closed one. So
 * nothing is refused for a closed day in normal use, and nothing is ever booked into one.
 */
export function postingDate(db: ReadableDB, calendarDate: string): string {
  const last = lastClosedDay(db);
  if (last === null) return calendarDate;
  const next = nextDay(last);
  return next > calendarDate ? next : calendarDate;
}

/** Refuse (day_closed) a ledger row dated on or before the last closed day. */
export function assertDayOpen(db: ReadableDB, businessDate: string): void {
  const last = lastClosedDay(db);
  if (last !== null && businessDate <= last) fail('day_closed', { date: businessDate, lastClosed: last });
}
