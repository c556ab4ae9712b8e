// The attendance register (考勤, attendance.*): each person signs in and out at the desk with their
// PIN, asks for leave (事假 / 病假 / other) that the manager approves (one day) or that is recorded as
// approved by HQ with its reference (two days or more), and the month's sheet — report B 人员考勤表 —
// marks each person's working days (√ present, 迟 late, 早 early leave, 事/病/假 leave, 旷 absent) and
// the deduction for each late arrival or early leave. Days and times are the office's (its timezone).

import { z } from 'zod';
import { DateStr, Empty, Id, MonthStr, Name, NonNegFen, Person, Pin, Text, method } from './common';

/** Who reads everyone's attendance; anyone else reads their own. */
export const ATTENDANCE_READERS = ['manager', 'finance'] as const;

export const CLOCK_KINDS = ['in', 'out'] as const;
export const ClockKind = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof ClockKind>;

export const LEAVE_KINDS = ['personal', 'sick', 'other'] as const;
export const LeaveKind = z.enum(LEAVE_KINDS);
export type LeaveKind = z.infer<typeof LeaveKind>;

export const LEAVE_STATES = ['pending', 'approved', 'rejected'] as const;
export const LeaveState = z.enum(LEAVE_STATES);
export type LeaveState = z.infer<typeof LeaveState>;

/** A time of day in the office, 24-hour HH:mm. */
export const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/** The office's working hours, working weekdays (1 = Monday … 7 = Sunday) and deduction per late arrival or early leave. */
export const AttendanceSettings = z.object({
  amStart: HourMinute,
  amEnd: HourMinute,
  pmStart: HourMinute,
  pmEnd: HourMinute,
  workdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  deductionFen: NonNegFen.max(1_000_000),
});
export type AttendanceSettings = z.infer<typeof AttendanceSettings>;

/** A day that breaks the weekly pattern: a public holiday (workday false) or a weekend day worked instead (调休, true). */
export const SpecialDay = z.object({ date: z.string(), workday: z.boolean(), name: z.string() });
export type SpecialDay = z.infer<typeof SpecialDay>;

export const ClockRecord = z.object({
  user: Person,
  kind: ClockKind,
  /** the office's calendar day */
  day: z.string(),
  /** the office's local time, HH:mm */
  time: z.string(),
  at: z.string(),
  /** minutes after the start of work (in) or before its end (out); 0 when on time */
  lateMinutes: z.number().int(),
  earlyMinutes: z.number().int(),
});
export type ClockRecord = z.infer<typeof ClockRecord>;

export const LeaveRequest = z.object({
  id: Id,
  user: Person,
  kind: LeaveKind,
  from: z.string(),
  to: z.string(),
  /** the working days it covers */
  days: z.number().int(),
  reason: z.string(),
  /** sick leave with a hospital certificate (else it counts as personal leave) */
  certificate: z.boolean(),
  createdAt: z.string(),
  state: LeaveState,
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  /** manager: one day, the manager approved · hq: approved by HQ (分管副总), with its reference */
  approval: z.enum(['manager', 'hq']).nullable(),
  hqRef: z.string().nullable(),
  note: z.string().nullable(),
});
export type LeaveRequest = z.infer<typeof LeaveRequest>;

/** One day's mark on report B: √ present, 迟 late, 早 early, 迟早 both, 事/病/假 leave, 旷 absent, '' nothing to mark. */
export const DayMark = z.enum(['√', '迟', '早', '迟早', '事', '病', '假', '旷', '']);
export type DayMark = z.infer<typeof DayMark>;

export const AttendanceRow = z.object({
  user: Person,
  title: z.string(),
  /** one mark per day of the month */
  marks: z.array(DayMark),
  present: z.number().int(),
  late: z.number().int(),
  early: z.number().int(),
  personal: z.number().int(),
  sick: z.number().int(),
  otherLeave: z.number().int(),
  absent: z.number().int(),
  deductionFen: z.number().int(),
});
export type AttendanceRow = z.infer<typeof AttendanceRow>;

export const AttendanceMonth = z.object({
  month: z.string(),
  /** each day of the month: a working day or not, and the holiday's or swapped day's name */
  days: z.array(z.object({ date: z.string(), weekday: z.number().int(), workday: z.boolean(), special: z.string().nullable() })),
  rows: z.array(AttendanceRow),
  settings: AttendanceSettings,
  /** the office's today: days after it are not judged yet */
  today: z.string(),
  totals: z.object({ late: z.number().int(), early: z.number().int(), absent: z.number().int(), deductionFen: z.number().int() }),
});
export type AttendanceMonth = z.infer<typeof AttendanceMonth>;

const MonthTarget = z.object({ month: MonthStr });
const FileOut = z.object({ fileName: z.string(), base64: z.string() });

export const attendanceMethods = {
  'attendance.settings': method({
    input: Empty,
    output: AttendanceSettings.extend({ specialDays: z.array(SpecialDay) }),
    access: 'any',
    write: false,
    doc: "The office's working hours, working weekdays, the deduction per late arrival or early leave (the manual: 8:30–12:00, 13:00–17:30, 10 元) and the holidays and swapped workdays.",
  }),
  'attendance.setSettings': method({
    input: AttendanceSettings,
    output: AttendanceSettings,
    access: ['manager'],
    write: true,
    doc: 'The manager sets the working hours (in order: morning start < end ≤ afternoon start < end), working weekdays and the deduction.',
  }),
  'attendance.setDay': method({
    input: z.object({ date: DateStr, workday: z.boolean().nullable(), name: Text(40) }),
    output: z.object({ specialDays: z.array(SpecialDay) }),
    access: ['manager'],
    write: true,
    doc: 'The manager marks a public holiday (workday false) or a weekend day worked instead (调休, true) with its name, or (null) returns the day to the weekly pattern.',
  }),
  'attendance.clock': method({
    input: z.object({ userName: Name(30).optional(), pin: Pin, kind: ClockKind }),
    output: ClockRecord,
    access: 'any',
    write: true,
    doc: 'A person signs in or out at the desk with their own PIN (the logged-in user when no name is given): one in and one out per office day, the out after the in; the time is the office’s.',
  }),
  'attendance.requestLeave': method({
    input: z.object({ kind: LeaveKind, from: DateStr, to: DateStr, reason: Name(200) }),
    output: LeaveRequest,
    access: 'any',
    write: true,
    doc: 'The logged-in person asks for leave over whole days (both ends included, at least one working day, not overlapping their other leave).',
  }),
  'attendance.decideLeave': method({
    input: z.object({
      leaveId: Id,
      decision: z.enum(['approve', 'reject']),
      pin: Pin,
      /** HQ's reference (批复文号): leave of two days or more is approved by HQ's deputy GM */
      hqRef: Text(60).optional(),
      /** sick leave: the hospital certificate was shown */
      certificate: z.boolean().optional(),
      note: Text(200).optional(),
    }),
    output: LeaveRequest,
    access: ['manager'],
    write: true,
    doc: 'The manager (PIN again) approves one day of leave, or records leave of two days or more as approved by HQ with its reference; or rejects it. Once; not his own leave without HQ.',
  }),
  'attendance.leaves': method({
    input: z.object({ userId: Id.optional(), state: LeaveState.optional(), month: MonthStr.optional() }),
    output: z.object({ rows: z.array(LeaveRequest) }),
    access: 'any',
    write: false,
    doc: 'Leave requests (pending first, then newest): the manager and finance see everyone’s, anyone else their own; by person, state and month (at most 500).',
  }),
  'attendance.month': method({
    input: MonthTarget.extend({ userId: Id.optional() }),
    output: AttendanceMonth,
    access: 'any',
    write: false,
    doc: 'Report B 人员考勤表 for a month: per person and day the mark, the counts and the deduction in fen. The manager and finance see everyone; anyone else their own row.',
  }),
  'attendance.pdf': method({
    input: MonthTarget,
    output: FileOut.extend({ pages: z.number().int() }),
    access: ATTENDANCE_READERS,
    write: false,
    doc: 'Report B 人员考勤表 as PDF (A4 landscape, signed boxes 制表 / 财务主管 / 经理).',
  }),
  'attendance.xlsx': method({
    input: MonthTarget,
    output: FileOut,
    access: ATTENDANCE_READERS,
    write: false,
    doc: 'Report B 人员考勤表 as XLSX: a row per person, a column per day, the counts and the deduction in yuan.',
  }),
} as const;
