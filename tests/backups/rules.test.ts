// The rules of automatic backups (domains/backups/rules.ts): file names in office time, rotation
// (the last 30 days, then the newest of each month for 12 months, never a file not the desk's),
// when the daily backup is due, and when the status bar warns.
import { describe, expect, it } from 'vitest';
import { backupFileName, dailyDue, filesToDelete, parseBackupName, staleness } from '../../electron/domains/backups/rules';

const TZ = 'Asia/Shanghai';

/** One daily backup file per day from `first`, for `days` days. */
function dailies(first: string, days: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    out.push(`branch-desk-${d}-1830-daily.db`);
  }
  return out;
}

describe('backup file names', () => {
  it('are in office time, one per minute and kind, numbered when the minute repeats', () => {
    const at = new Date('2026-12-06T16:05:00Z'); // 00:05 on the 7th in Shanghai
    expect(backupFileName(at, TZ, 'close')).toBe('branch-desk-20261207-0005-close.db');
    expect(backupFileName(at, TZ, 'manual', 2)).toBe('branch-desk-20261207-0005-manual-2.db');
    expect(parseBackupName('branch-desk-20261207-0005-manual-2.db')).toMatchObject({ kind: 'manual', madeAt: '2026-12-07 00:05' });
    for (const foreign of [
      'branch-desk.sqlite',
      'branch-desk-20261207-0005-weekly.db',
      'x-branch-desk-20261207-0005-daily.db',
      'branch-desk-20261207-0005-daily.db.bak',
    ])
      expect(parseBackupName(foreign)).toBeNull();
  });
});

describe('rotation', () => {
  it('keeps the last 30 days and the newest of each of the 12 months before, deleting the rest', () => {
    const files = dailies('2025-06-01', 560); // to 2026-12-12
    const gone = new Set(filesToDelete(files));
    const kept = files.filter((f) => !gone.has(f));
    expect(kept).toHaveLength(30 + 12);
    expect(kept.slice(-30)).toEqual(files.slice(-30));
    // before those 30 days (from 2026-11-13): the last of each month, the 12 newest months
    const monthly = kept.slice(0, 12);
    expect(monthly[monthly.length - 1]).toBe('branch-desk-20261112-1830-daily.db'); // newest of November before the 30 days
    expect(monthly[0]).toBe('branch-desk-20251231-1830-daily.db');
    expect(monthly.slice(1, -1).every((f) => /branch-desk-20\d{4}(28|29|30|31)-/.test(f))).toBe(true);
  });

  it('counts days, not files: every backup of a recent day is kept (daily, close and by hand)', () => {
    const files = [
      ...dailies('2026-11-01', 30),
      'branch-desk-20261130-1700-close.db',
      'branch-desk-20261130-1200-manual.db',
      'branch-desk-20261031-1830-daily.db',
    ];
    expect(filesToDelete(files)).toEqual([]);
    expect(filesToDelete([...files, 'branch-desk-20261030-1830-daily.db'])).toEqual(['branch-desk-20261030-1830-daily.db']);
  });

  it('never names a file that is not the desk’s', () => {
    const foreign = [
      'branch-desk.sqlite',
      'notes.txt',
      'branch-desk-20200101-0000-daily.db.anchors',
      'branch-desk-20200101-0000-weekly.db',
      'Branch-Desk-20200101-0000-daily.db',
    ];
    expect(filesToDelete([...dailies('2024-01-01', 900), ...foreign]).filter((f) => foreign.includes(f))).toEqual([]);
  });
});

describe('the daily backup is due', () => {
  const at = (local: string) => new Date(`${local}+08:00`);
  it('from the set time on, until one is good; a failed one is tried again after an hour', () => {
    expect(dailyDue(at('2026-12-07T18:29'), TZ, '18:30', [])).toBe(false);
    expect(dailyDue(at('2026-12-07T18:30'), TZ, '18:30', [])).toBe(true);
    expect(dailyDue(at('2026-12-07T23:59'), TZ, '18:30', [{ day: '2026-12-06', at: at('2026-12-06T18:30').toISOString(), ok: true }])).toBe(true);
    expect(dailyDue(at('2026-12-07T19:00'), TZ, '18:30', [{ day: '2026-12-07', at: at('2026-12-07T18:30').toISOString(), ok: true }])).toBe(false);
    const failed = [{ day: '2026-12-07', at: at('2026-12-07T18:30').toISOString(), ok: false }];
    expect(dailyDue(at('2026-12-07T19:00'), TZ, '18:30', failed)).toBe(false);
    expect(dailyDue(at('2026-12-07T19:31'), TZ, '18:30', failed)).toBe(true);
  });
});

describe('the status bar warns', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('after 2 days without a good backup, with none at all, or with no folder', () => {
    expect(staleness(now, '2026-12-05T10:00:01Z', true)).toEqual({ daysWithout: 1, warn: false });
    expect(staleness(now, '2026-12-05T10:00:00Z', true)).toEqual({ daysWithout: 2, warn: true });
    expect(staleness(now, null, true)).toEqual({ daysWithout: null, warn: true });
    expect(staleness(now, '2026-12-07T09:00:00Z', false)).toEqual({ daysWithout: 0, warn: true });
  });
});
