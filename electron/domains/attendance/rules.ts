// The rules of attendance.* beside the contract's `access`: one sign-in and one sign-out a day, the
// out after the in; working hours in order; who reads whose attendance (the manager and finance
// everyone's, anyone else their own); leave over at least one working day, not overlapping other
// leave, decided once — one day by the manager, two days or more recorded as approved by HQ with its
// reference, and never the manager's own leave without HQ. Rules read; they never write.

import { fail } from '../../../shared/errors';
import type { AttendanceSettings, ClockKind } from '../../../shared/contract';
import { ATTENDANCE_READERS } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import type { SessionUser } from '../context';
import { clockOf, overlappingLeave, userName, type LeaveRow } from './repo';

const KIND_ZH: Record<ClockKind, string> = { in: '签到', out: '签退' };
export const LEAVE_STATE_ZH = { pending: '待审批', approved: '已批准', rejected: '已驳回' } as const;

export function requireHoursInOrder(s: AttendanceSettings): void {
  if (s.amStart < s.amEnd && s.amEnd <= s.pmStart && s.pmStart < s.pmEnd) return;
  fail('attendance_hours', { field: 'pmEnd' });
}

export function requireClockAllowed(db: ReadableDB, user: { id: number; name: string }, day: string, kind: ClockKind): void {
  const done = clockOf(db, user.id, day, kind);
  if (done) fail('attendance_double', { user: user.name, kind, kind_zh: KIND_ZH[kind], day, time: done.local_time });
  if (kind === 'out' && !clockOf(db, user.id, day, 'in')) fail('attendance_no_sign_in', { user: user.name, day });
}

export function readsEveryone(user: SessionUser): boolean {
  return user.roles.some((r) => (ATTENDANCE_READERS as readonly string[]).includes(r));
}

/** The people whose attendance the user may read: everyone (null) or only themselves. */
export function readableUser(db: ReadableDB, user: SessionUser, asked: number | undefined): number | null {
  if (readsEveryone(user)) return asked ?? null;
  if (asked != null && asked !== user.id) fail('attendance_out_of_reach', { user: userName(db, asked) });
  return user.id;
}

/** The longest leave one request covers (calendar days), checked before its days are counted. */
export const MAX_LEAVE_DAYS = 366;

export function requireLeaveSpan(from: string, to: string): void {
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_LEAVE_DAYS) fail('leave_too_long', { field: 'to', from, to, maxDays: MAX_LEAVE_DAYS });
}

export function requireWorkdays(days: number, from: string, to: string): void {
  if (days < 1) fail('leave_no_workdays', { field: 'to', from, to });
}

export function requireNoOverlap(db: ReadableDB, userId: number, from: string, to: string): void {
  const o = overlappingLeave(db, userId, from, to);
  if (o) fail('leave_overlaps', { field: 'from', from: o.from_date, to: o.to_date });
}

export function requirePendingLeave(r: LeaveRow): void {
  if (r.state !== 'pending') fail('leave_not_pending', { state: r.state, state_zh: LEAVE_STATE_ZH[r.state] });
}

/** Who approves: the manager for one day of someone else's leave, else HQ (its reference needed). */
export function approvalOf(db: ReadableDB, r: LeaveRow, managerId: number, hqRef: string | undefined): 'manager' | 'hq' {
  if (hqRef) return 'hq';
  const user = userName(db, r.user_id);
  if (r.days >= 2) fail('leave_needs_hq', { field: 'hqRef', days: r.days, user });
  if (r.user_id === managerId) fail('leave_self_approval', { field: 'hqRef', user });
  return 'manager';
}
