// Migration 0028 (attendance): the office's working hours (one row, the manual's defaults), its
// holidays and swapped workdays, the
// sign-ins and sign-outs (one of each per person and day, the out after the in, never changed or
// deleted) and the leave requests (decided once, by the manager only for one day, by HQ with a
// reference; never deleted).
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0028Attendance } from '../../../electron/store/migrations/0028-attendance';
import { clock, expectEveryTableStrict, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0028Attendance);

describe('migration 0028 (attendance)', () => {
  it('comes after the migrations before it, named attendance, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0028Attendance.version, m0028Attendance.name]).toEqual([at + 1, 'attendance']);
  });

  it('adds the settings row with the manual’s hours, the clock and the leave requests, guarded by checks and triggers', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, pin_hash, created_at, updated_at) VALUES (7, '王强', 'x', 'a', 'a')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expectEveryTableStrict(d);

    expect(d.prepare('SELECT am_start, am_end, pm_start, pm_end, workdays, deduction_fen FROM attendance_settings').all()).toEqual([
      { am_start: '08:30', am_end: '12:00', pm_start: '13:00', pm_end: '17:30', workdays: '12345', deduction_fen: 1000 },
    ]);
    expect(() => d.prepare("UPDATE attendance_settings SET am_start = '12:30'").run()).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE attendance_settings SET workdays = '1238'").run()).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE attendance_settings SET deduction_fen = -1').run()).toThrow(/CHECK/);
    expect(() => d.prepare('INSERT INTO attendance_settings (id) VALUES (2)').run()).toThrow(/CHECK/);

    const day = d.prepare('INSERT INTO attendance_days (day, workday, name) VALUES (?, ?, ?)');
    day.run('2026-10-01', 0, '国庆节');
    expect(() => day.run('2026-10-01', 1, '补班')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => day.run('2026-10-08', 2, '补班')).toThrow(/CHECK/);
    expect(() => day.run('2026-10-09', 1, '')).toThrow(/CHECK/);

    const clockIn = d.prepare('INSERT INTO attendance_clock (user_id, day, kind, at, local_time) VALUES (7, ?, ?, ?, ?)');
    expect(() => clockIn.run('2026-12-01', 'out', '2026-12-01T09:30:00Z', '17:30')).toThrow(/sign-in/);
    clockIn.run('2026-12-01', 'in', '2026-12-01T00:29:00Z', '08:29');
    expect(() => clockIn.run('2026-12-01', 'in', '2026-12-01T00:40:00Z', '08:40')).toThrow(/UNIQUE/);
    clockIn.run('2026-12-01', 'out', '2026-12-01T09:31:00Z', '17:31');
    expect(() => clockIn.run('2026-12-02', 'in', 'x', '8:29')).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE attendance_clock SET local_time = '08:00'").run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM attendance_clock').run()).toThrow(/append-only/);

    const leave = d.prepare(
      "INSERT INTO leave_requests (user_id, kind, from_date, to_date, days, reason, created_by, created_at) VALUES (7, 'personal', ?, ?, ?, '家事', 7, 'a')",
    );
    expect(() => leave.run('2026-12-03', '2026-12-02', 1)).toThrow(/CHECK/);
    const id = Number(leave.run('2026-12-02', '2026-12-03', 2).lastInsertRowid);
    // two days: not the manager's alone; HQ needs its reference
    expect(() =>
      d.prepare("UPDATE leave_requests SET state = 'approved', decided_by = 7, decided_at = 'b', approval = 'manager' WHERE id = ?").run(id),
    ).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE leave_requests SET state = 'approved', decided_by = 7, decided_at = 'b', approval = 'hq' WHERE id = ?").run(id)).toThrow(
      /CHECK/,
    );
    d.prepare("UPDATE leave_requests SET state = 'approved', decided_by = 7, decided_at = 'b', approval = 'hq', hq_ref = '营销〔2026〕12号' WHERE id = ?").run(
      id,
    );
    expect(() => d.prepare("UPDATE leave_requests SET note = 'x' WHERE id = ?").run(id)).toThrow(/decided/);
    expect(() => d.prepare('DELETE FROM leave_requests').run()).toThrow(/never deleted/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
