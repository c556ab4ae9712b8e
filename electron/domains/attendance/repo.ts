// All SQL of attendance.*: the settings row, the sign-ins and sign-outs, the leave requests
// (migration 0028), and the people report B lists.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import type { AttendanceSettings, ClockKind, LeaveKind, LeaveRequest, LeaveState, SpecialDay } from '../../../shared/contract';
import type { WorkCalendar } from './calendar';

interface SettingsRow {
  am_start: string;
  am_end: string;
  pm_start: string;
  pm_end: string;
  workdays: string;
  deduction_fen: number;
}

export function readSettings(db: ReadableDB): AttendanceSettings {
  const r = sql(db, 'SELECT * FROM attendance_settings WHERE id = 1').get() as SettingsRow;
  return {
    amStart: r.am_start,
    amEnd: r.am_end,
    pmStart: r.pm_start,
    pmEnd: r.pm_end,
    workdays: [...r.workdays].map(Number),
    deductionFen: r.deduction_fen,
  };
}

export function writeSettings(db: WritableDB, s: AttendanceSettings): void {
  const workdays = [...new Set(s.workdays)].sort().join('');
  sql(db, 'UPDATE attendance_settings SET am_start = ?, am_end = ?, pm_start = ?, pm_end = ?, workdays = ?, deduction_fen = ? WHERE id = 1').run(
    s.amStart,
    s.amEnd,
    s.pmStart,
    s.pmEnd,
    workdays,
    s.deductionFen,
  );
}

export function officeTimezone(db: ReadableDB): string {
  return (sql(db, 'SELECT timezone FROM office WHERE id = 1').pluck().get() as string | undefined) ?? 'Asia/Shanghai';
}

export interface ClockRow {
  user_id: number;
  day: string;
  kind: ClockKind;
  at: string;
  local_time: string;
}

export function clockOf(db: ReadableDB, userId: number, day: string, kind: ClockKind): ClockRow | undefined {
  return sql(db, 'SELECT user_id, day, kind, at, local_time FROM attendance_clock WHERE user_id = ? AND day = ? AND kind = ?').get(userId, day, kind) as
    ClockRow | undefined;
}

export function insertClock(db: WritableDB, r: ClockRow & { desk_user_id: number | null }): void {
  sql(db, 'INSERT INTO attendance_clock (user_id, day, kind, at, local_time, desk_user_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.user_id,
    r.day,
    r.kind,
    r.at,
    r.local_time,
    r.desk_user_id,
  );
}

/** Every sign-in and sign-out between two days (both included). */
export function clocksBetween(db: ReadableDB, from: string, to: string): ClockRow[] {
  return sql(db, 'SELECT user_id, day, kind, at, local_time FROM attendance_clock WHERE day BETWEEN ? AND ? ORDER BY day, user_id').all(from, to) as ClockRow[];
}

export interface StaffRow {
  id: number;
  name: string;
  title: string;
  created_at: string;
  /** when a deactivated person was last changed (taken as the day they left); null while active */
  left_at: string | null;
}

/**
 * The people report B lists for the days from–to: users holding a post other than administrator,
 * active ones and those deactivated since who signed in then, in the order they were made.
 */
export function staff(db: ReadableDB, from: string, to: string): StaffRow[] {
  return sql(
    db,
    `SELECT id, name, title, created_at, CASE WHEN active = 1 THEN NULL ELSE updated_at END AS left_at FROM users u
      WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role <> 'admin')
        AND (active = 1 OR EXISTS (SELECT 1 FROM attendance_clock c WHERE c.user_id = u.id AND c.day BETWEEN ? AND ?))
      ORDER BY id`,
  ).all(from, to) as StaffRow[];
}

export function userName(db: ReadableDB, id: number): string {
  return (
    (sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? fail('not_found', { what: 'user', what_zh: '用户', key: id })
  );
}

export interface LeaveRow {
  id: number;
  user_id: number;
  kind: LeaveKind;
  from_date: string;
  to_date: string;
  days: number;
  reason: string;
  certificate: number;
  created_by: number;
  created_at: string;
  state: LeaveState;
  decided_by: number | null;
  decided_at: string | null;
  approval: 'manager' | 'hq' | null;
  hq_ref: string | null;
  note: string | null;
}

export function insertLeave(
  db: WritableDB,
  r: Pick<LeaveRow, 'user_id' | 'kind' | 'from_date' | 'to_date' | 'days' | 'reason' | 'created_by' | 'created_at'>,
): number {
  const info = sql(
    db,
    `INSERT INTO leave_requests (user_id, kind, from_date, to_date, days, reason, created_by, created_at)
     VALUES (@user_id, @kind, @from_date, @to_date, @days, @reason, @created_by, @created_at)`,
  ).run(r);
  return Number(info.lastInsertRowid);
}

export function leaveRow(db: ReadableDB, id: number): LeaveRow {
  return (
    (sql(db, 'SELECT * FROM leave_requests WHERE id = ?').get(id) as LeaveRow | undefined) ??
    fail('not_found', { what: 'leave request', what_zh: '请假申请', key: id })
  );
}

export function markDecided(
  db: WritableDB,
  id: number,
  d: Pick<LeaveRow, 'state' | 'decided_by' | 'decided_at' | 'approval' | 'hq_ref' | 'certificate' | 'note'>,
): void {
  sql(
    db,
    'UPDATE leave_requests SET state = @state, decided_by = @decided_by, decided_at = @decided_at, approval = @approval, hq_ref = @hq_ref, certificate = @certificate, note = @note WHERE id = @id',
  ).run({
    ...d,
    id,
  });
}

/** A person's pending or approved leave that overlaps the days from–to. */
export function overlappingLeave(db: ReadableDB, userId: number, from: string, to: string): LeaveRow | undefined {
  return sql(db, "SELECT * FROM leave_requests WHERE user_id = ? AND state <> 'rejected' AND from_date <= ? AND to_date >= ? LIMIT 1").get(userId, to, from) as
    LeaveRow | undefined;
}

/** Approved leave overlapping the days from–to. */
export function approvedLeaveBetween(db: ReadableDB, from: string, to: string): LeaveRow[] {
  return sql(db, "SELECT * FROM leave_requests WHERE state = 'approved' AND from_date <= ? AND to_date >= ? ORDER BY id").all(to, from) as LeaveRow[];
}

export interface LeaveFilter {
  userId?: number;
  state?: LeaveState;
  from?: string;
  to?: string;
}

export const MAX_LEAVES_LISTED = 500;

export function leaveRows(db: ReadableDB, f: LeaveFilter): LeaveRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.userId != null) (where.push('user_id = ?'), args.push(f.userId));
  if (f.state) (where.push('state = ?'), args.push(f.state));
  if (f.from && f.to) (where.push('from_date <= ? AND to_date >= ?'), args.push(f.to, f.from));
  const text = `SELECT * FROM leave_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY state = 'pending' DESC, from_date DESC, id DESC LIMIT ${MAX_LEAVES_LISTED}`;
  return sql(db, text).all(...args) as LeaveRow[];
}

export function leaveView(db: ReadableDB, r: LeaveRow): LeaveRequest {
  return {
    id: r.id,
    user: { id: r.user_id, name: userName(db, r.user_id) },
    kind: r.kind,
    from: r.from_date,
    to: r.to_date,
    days: r.days,
    reason: r.reason,
    certificate: r.certificate === 1,
    createdAt: r.created_at,
    state: r.state,
    decidedBy: r.decided_by == null ? null : { id: r.decided_by, name: userName(db, r.decided_by) },
    decidedAt: r.decided_at,
    approval: r.approval,
    hqRef: r.hq_ref,
    note: r.note,
  };
}

export function specialDays(db: ReadableDB): SpecialDay[] {
  return (sql(db, 'SELECT day, workday, name FROM attendance_days ORDER BY day').all() as { day: string; workday: number; name: string }[]).map((r) => ({
    date: r.day,
    workday: r.workday === 1,
    name: r.name,
  }));
}

export function setSpecialDay(db: WritableDB, date: string, workday: boolean | null, name: string): void {
  if (workday === null) sql(db, 'DELETE FROM attendance_days WHERE day = ?').run(date);
  else
    sql(
      db,
      'INSERT INTO attendance_days (day, workday, name) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET workday = excluded.workday, name = excluded.name',
    ).run(date, workday ? 1 : 0, name);
}

/** The working weekdays and the special days, as report B and leave count them. */
export function workCalendar(db: ReadableDB): WorkCalendar {
  return { workdays: readSettings(db).workdays, special: new Map(specialDays(db).map((d) => [d.date, { workday: d.workday, name: d.name }])) };
}
