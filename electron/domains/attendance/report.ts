// Report B 人员考勤表: per person and day of a month the mark — √ present, 迟 late, 早 early leave (a
// day signed in but not out counts as early leave once the day is over), 事/病/假 approved leave (sick
// leave without a certificate counts as personal leave, as the manual says), 旷 a working day with
// neither a sign-in nor leave — the counts, and the deduction: (late + early) × the office's
// deduction per time. Days after today are not judged; today is judged once work has ended.

import type { AttendanceMonth, AttendanceRow, AttendanceSettings, DayMark } from '../../../shared/contract';
import { dateIn, dateTimeIn } from '../../../shared/time';
import type { ReadableDB } from '../../store/db';
import type { SessionUser } from '../context';
import { daysOfMonth, isWorkday, weekday, type WorkCalendar } from './calendar';
import { approvedLeaveBetween, clocksBetween, officeTimezone, readSettings, staff, workCalendar, type ClockRow, type LeaveRow, type StaffRow } from './repo';
import { readableUser } from './rules';

interface Judge {
  s: AttendanceSettings;
  cal: WorkCalendar;
  today: string;
  /** work has ended today (the office's time is past the end of the afternoon) */
  todayOver: boolean;
}

type Day = { in?: ClockRow; out?: ClockRow };

function leaveMark(l: LeaveRow): DayMark {
  if (l.kind === 'sick') return l.certificate ? '病' : '事';
  return l.kind === 'personal' ? '事' : '假';
}

/** The mark of one person's day. */
export function dayMark(j: Judge, date: string, span: { joined: string; left: string | null }, clock: Day, leave: LeaveRow | undefined): DayMark {
  if (date < span.joined || (span.left !== null && date > span.left)) return '';
  const workday = isWorkday(date, j.cal);
  if (leave && workday) return leaveMark(leave);
  const over = date < j.today || (date === j.today && j.todayOver);
  if (clock.in) {
    if (!workday) return '√';
    const late = clock.in.local_time > j.s.amStart;
    const early = clock.out ? clock.out.local_time < j.s.pmEnd : over;
    return late && early ? '迟早' : late ? '迟' : early ? '早' : '√';
  }
  return workday && over ? '旷' : '';
}

function count(marks: DayMark[], s: AttendanceSettings): Omit<AttendanceRow, 'user' | 'title' | 'marks'> {
  const n = (f: (m: DayMark) => boolean) => marks.filter(f).length;
  const late = n((m) => m === '迟' || m === '迟早');
  const early = n((m) => m === '早' || m === '迟早');
  return {
    present: n((m) => m === '√' || m === '迟' || m === '早' || m === '迟早'),
    late,
    early,
    personal: n((m) => m === '事'),
    sick: n((m) => m === '病'),
    otherLeave: n((m) => m === '假'),
    absent: n((m) => m === '旷'),
    deductionFen: (late + early) * s.deductionFen,
  };
}

function personRow(j: Judge, p: StaffRow, days: string[], clocks: Map<string, Day>, leaves: LeaveRow[], tz: string): AttendanceRow {
  const span = { joined: dateIn(p.created_at, tz), left: p.left_at === null ? null : dateIn(p.left_at, tz) };
  const mine = leaves.filter((l) => l.user_id === p.id);
  const marks = days.map((d) =>
    dayMark(
      j,
      d,
      span,
      clocks.get(`${p.id}|${d}`) ?? {},
      mine.find((l) => l.from_date <= d && l.to_date >= d),
    ),
  );
  return { user: { id: p.id, name: p.name }, title: p.title, marks, ...count(marks, j.s) };
}

function clockMap(rows: ClockRow[]): Map<string, Day> {
  const m = new Map<string, Day>();
  for (const r of rows) {
    const k = `${r.user_id}|${r.day}`;
    m.set(k, { ...m.get(k), [r.kind]: r });
  }
  return m;
}

export function monthReport(db: ReadableDB, user: SessionUser, q: { month: string; userId?: number }, now: Date): AttendanceMonth {
  const only = readableUser(db, user, q.userId);
  const tz = officeTimezone(db);
  const s = readSettings(db);
  const [today, time] = dateTimeIn(now, tz).split(' ');
  const cal = workCalendar(db);
  const j: Judge = { s, cal, today, todayOver: time >= s.pmEnd };
  const days = daysOfMonth(q.month);
  const from = days[0];
  const to = days[days.length - 1];
  const clocks = clockMap(clocksBetween(db, from, to));
  const leaves = approvedLeaveBetween(db, from, to);
  const people = staff(db, from, to).filter((p) => only == null || p.id === only);
  const rows = people.map((p) => personRow(j, p, days, clocks, leaves, tz));
  const sum = (k: 'late' | 'early' | 'absent' | 'deductionFen') => rows.reduce((a, r) => a + r[k], 0);
  return {
    month: q.month,
    days: days.map((d) => ({ date: d, weekday: weekday(d), workday: isWorkday(d, cal), special: cal.special.get(d)?.name ?? null })),
    rows,
    settings: s,
    today,
    totals: { late: sum('late'), early: sum('early'), absent: sum('absent'), deductionFen: sum('deductionFen') },
  };
}
