// The office's business day: the calendar date of a moment in the office's timezone (shared/time.ts,
// the same rule the renderer and the printed papers use).

import { dateIn, isTimezone } from '../../shared/time';

export function businessDateOf(at: Date, timezone: string): string {
  return dateIn(at, timezone);
}

export const isValidTimezone = isTimezone;

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function nextDay(date: string): string {
  return addDays(date, 1);
}
