// Calendar arithmetic on the office's dates (YYYY-MM-DD strings, no timezone: they are already the
// office's days) and times of day (HH:mm).

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Every day of a month ('2026-02' → 28 dates). */
export function daysOfMonth(month: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

/** Every day from–to, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 'HH:mm' → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The office's working weekdays and the days that break the pattern (holidays, swapped workdays). */
export interface WorkCalendar {
  workdays: readonly number[];
  special: ReadonlyMap<string, { workday: boolean; name: string }>;
}

export function isWorkday(date: string, c: WorkCalendar): boolean {
  return c.special.get(date)?.workday ?? c.workdays.includes(weekday(date));
}
