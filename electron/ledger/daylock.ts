// The day lock (日结锁账): once a business day is closed, nothing more is booked into it or into
// any day before it. Every ledger row — a stock move (fifo.insertMove), a money journal row, a
// receivable entry or allocation (ledger/journal.ts) — is written through a function that calls
// assertDayOpen first; BEFORE INSERT triggers on the same tables (migrations 0003, 0006) back it up.
// A close reopened by the manager (反日结, day_reopens) is out of force: only live_day_closes lock.
// The month lock (月报锁账) is the same lock a month wide: once a month's pack to HQ is signed
// (month_packs, migration 0032), nothing is booked into any day of it and no day of it is closed
// or reopened; a correction is a reversal in the next month. Triggers back this up too.

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

/** Whether the month of the day has a signed pack (月报已签署: the month is locked). */
export function monthLocked(db: ReadableDB, businessDate: string): boolean {
  return sql(db, 'SELECT 1 FROM month_packs WHERE month = ?').get(businessDate.slice(0, 7)) !== undefined;
}

/** Refuse (month_locked) anything dated in a month whose pack is signed. */
export function assertMonthOpen(db: ReadableDB, businessDate: string): void {
  if (monthLocked(db, businessDate)) fail('month_locked', { month: businessDate.slice(0, 7), date: businessDate });
}

/** Refuse a ledger row dated in a signed month (month_locked) or on or before the last closed day (day_closed). */
export function assertDayOpen(db: ReadableDB, businessDate: string): void {
  assertMonthOpen(db, businessDate);
  const last = lastClosedDay(db);
  if (last !== null && businessDate <= last) fail('day_closed', { date: businessDate, lastClosed: last });
}
