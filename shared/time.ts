// Dates and times in a given timezone (the office's), never the process's or the PC's own: the
// printed papers and the renderer write every moment with these.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, f);
  }
  return f;
}

/** Whether the runtime knows the IANA timezone ('Asia/Shanghai'). */
export function isTimezone(timezone: string): boolean {
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

function fields(at: Date | number | string, timezone: string): Record<string, string> {
  return Object.fromEntries(
    formatter(timezone)
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
}

/** The calendar date of a moment in the timezone: '2026-11-30' for 2026-11-29T18:30Z in Asia/Shanghai. */
export function dateIn(at: Date | number | string, timezone: string): string {
  const p = fields(at, timezone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A moment in the timezone as '2026-11-30 02:30' (24-hour). */
export function dateTimeIn(at: Date | number | string, timezone: string): string {
  const p = fields(at, timezone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
