// attendance.*: signing in and out at the desk (in the office's time), the office's working hours,
// and leave — asked for by the person, decided once by the manager (or recorded as HQ's approval).

import type { AttendanceSettings, ClockKind, ClockRecord, LeaveKind, LeaveRequest, LeaveState } from '../../../shared/contract';
import { dateTimeIn } from '../../../shared/time';
import type { ReadableDB, WritableDB } from '../../store/db';
import type { SessionUser } from '../context';
import { daysBetween, isWorkday, minutesOf } from './calendar';
import { insertClock, insertLeave, leaveRow, leaveRows, leaveView, markDecided, officeTimezone, readSettings, workCalendar, writeSettings } from './repo';
import {
  approvalOf,
  readableUser,
  requireClockAllowed,
  requireLeaveSpan,
  requireHoursInOrder,
  requireNoOverlap,
  requirePendingLeave,
  requireWorkdays,
} from './rules';

export function setSettings(db: WritableDB, s: AttendanceSettings): AttendanceSettings {
  requireHoursInOrder(s);
  writeSettings(db, s);
  return readSettings(db);
}

/** Minutes late (after the start of work) for a sign-in, early (before its end) for a sign-out. */
export function lateness(s: AttendanceSettings, kind: ClockKind, time: string): { lateMinutes: number; earlyMinutes: number } {
  const t = minutesOf(time);
  if (kind === 'in') return { lateMinutes: Math.max(0, t - minutesOf(s.amStart)), earlyMinutes: 0 };
  return { lateMinutes: 0, earlyMinutes: Math.max(0, minutesOf(s.pmEnd) - t) };
}

export interface ClockAt {
  db: WritableDB;
  now: Date;
  nowIso: string;
  /** the logged-in user at the desk */
  deskUserId: number | null;
}

/** A person signs in or out: on the office's calendar day, at the office's local time. */
export function clock(c: ClockAt, person: { id: number; name: string }, kind: ClockKind): ClockRecord {
  const [day, time] = dateTimeIn(c.now, officeTimezone(c.db)).split(' ');
  requireClockAllowed(c.db, person, day, kind);
  insertClock(c.db, { user_id: person.id, day, kind, at: c.nowIso, local_time: time, desk_user_id: c.deskUserId });
  return { user: person, kind, day, time, at: c.nowIso, ...lateness(readSettings(c.db), kind, time) };
}

/** The working days of from–to under the office's working weekdays. */
export function workdaysIn(db: ReadableDB, from: string, to: string): number {
  const cal = workCalendar(db);
  return daysBetween(from, to).filter((d) => isWorkday(d, cal)).length;
}

export interface LeaveAsk {
  kind: LeaveKind;
  from: string;
  to: string;
  reason: string;
}

export function requestLeave(db: WritableDB, user: SessionUser, ask: LeaveAsk, nowIso: string): LeaveRequest {
  const [from, to] = ask.from <= ask.to ? [ask.from, ask.to] : [ask.to, ask.from];
  requireLeaveSpan(from, to);
  const days = workdaysIn(db, from, to);
  requireWorkdays(days, from, to);
  requireNoOverlap(db, user.id, from, to);
  const id = insertLeave(db, {
    user_id: user.id,
    kind: ask.kind,
    from_date: from,
    to_date: to,
    days,
    reason: ask.reason,
    created_by: user.id,
    created_at: nowIso,
  });
  return leaveView(db, leaveRow(db, id));
}

export interface LeaveDecision {
  leaveId: number;
  decision: 'approve' | 'reject';
  hqRef?: string;
  certificate?: boolean;
  note?: string;
}

export function decideLeave(db: WritableDB, manager: { id: number }, d: LeaveDecision, nowIso: string): LeaveRequest {
  const r = leaveRow(db, d.leaveId);
  requirePendingLeave(r);
  const approval = d.decision === 'approve' ? approvalOf(db, r, manager.id, d.hqRef) : null;
  markDecided(db, r.id, {
    state: d.decision === 'approve' ? 'approved' : 'rejected',
    decided_by: manager.id,
    decided_at: nowIso,
    approval,
    hq_ref: approval === 'hq' ? (d.hqRef ?? null) : null,
    certificate: r.kind === 'sick' && d.certificate ? 1 : 0,
    note: d.note || null,
  });
  return leaveView(db, leaveRow(db, r.id));
}

export function listLeaves(db: ReadableDB, user: SessionUser, f: { userId?: number; state?: LeaveState; month?: string }): LeaveRequest[] {
  const userId = readableUser(db, user, f.userId) ?? undefined;
  const range = f.month ? { from: `${f.month}-01`, to: `${f.month}-31` } : {};
  return leaveRows(db, { userId, state: f.state, ...range }).map((r) => leaveView(db, r));
}
