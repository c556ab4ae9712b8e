// The office's clock in the renderer: "today" and every time shown are in the office's timezone
// (Office.timezone, Asia/Shanghai unless set up otherwise), never the PC's — a PC left in UTC
// must not date the desk's work a day early. office.get gives the timezone and the desk's own
// clock, read once at start (loadOfficeClock) and again when the office is set up; the PC's clock
// only measures the time since, so the renderer's "today" is the core's business date.

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Office, Output } from '../../../shared/contract';
import { dateIn, dateTimeIn, isTimezone } from '../../../shared/time';
import { call, type ApiResult } from '../api';

export { dateIn, isTimezone };

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface OfficeClock {
  /** office.get has answered (or failed): screens may date things */
  loaded: boolean;
  timezone: string;
  /** the desk's clock minus the PC's, in ms */
  offsetMs: number;
  office: Office | null;
  /** the last office.get reached the desk */
  online: boolean;
}

let state: OfficeClock = { loaded: false, timezone: DEFAULT_TIMEZONE, offsetMs: 0, office: null, online: true };
const listeners = new Set<() => void>();

function publish(next: OfficeClock): void {
  state = next;
  for (const fn of listeners) fn();
}

/** Take office.get's answer: the office's timezone and the desk's clock (`pcNow`: the PC's clock when it came). */
export function setOfficeClock(o: Pick<Output<'office.get'>, 'office' | 'now'> | null, pcNow = Date.now()): void {
  const tz = o?.office?.timezone;
  const desk = o ? Date.parse(o.now) : NaN;
  publish({
    loaded: true,
    timezone: tz && isTimezone(tz) ? tz : DEFAULT_TIMEZONE,
    offsetMs: Number.isNaN(desk) ? state.offsetMs : desk - pcNow,
    office: o?.office ?? null,
    online: o ? true : state.online,
  });
}

/** Ask the desk (office.get) and take its answer; the answer is returned for the caller's own use. */
export async function loadOfficeClock(): Promise<ApiResult<Output<'office.get'>>> {
  const r = await call('office.get', {});
  if (r.ok) setOfficeClock(r.value);
  else publish({ ...state, loaded: true, online: r.error.code !== 'network' });
  return r;
}

export function officeClock(): OfficeClock {
  return state;
}

/** The desk's clock now. */
export function deskNow(): Date {
  return new Date(Date.now() + state.offsetMs);
}

/** The office's business date today, YYYY-MM-DD. */
export function today(): string {
  return dateIn(deskNow(), state.timezone);
}

/** "2026-11-29T01:02:03Z" → "2026-11-29 09:02" in the office's timezone ('' for none). */
export function formatDateTime(iso: string | null | undefined, timezone = state.timezone): string {
  if (!iso) return '';
  if (Number.isNaN(Date.parse(iso))) return iso;
  return dateTimeIn(iso, timezone);
}

/** "2026-11-29T01:02:03Z" → "09:02" in the office's timezone. */
export function formatTime(iso: string | null | undefined, timezone = state.timezone): string {
  return formatDateTime(iso, timezone).slice(11);
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The office's clock as state: re-renders when office.get answers. */
export function useOfficeClock(): OfficeClock {
  return useSyncExternalStore(subscribe, officeClock, officeClock);
}

/** The office's date today, kept current (checked each minute, so the office's midnight shows). */
export function useOfficeToday(): string {
  useOfficeClock();
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 60_000);
    return () => clearInterval(id);
  }, []);
  return today();
}
