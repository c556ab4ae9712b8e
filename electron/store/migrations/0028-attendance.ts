// 0028: the attendance register (考勤, behind report B 人员考勤表).
//
// - attendance_settings: the office's working hours (the manual: 8:30–12:00 and 13:00–17:30), the
//   working weekdays (ISO 1 = Monday … 7 = Sunday; Monday to Friday by default) and the deduction
//   for each late arrival or early leave (10 元 = 1000 fen). One row; the manager changes it.
// - attendance_days: the days that break the weekly pattern: a public holiday (法定节假日, workday 0)
//   or a weekend day worked instead (调休补班, workday 1), with its name. The manager sets them.
// - attendance_clock: a person's sign-in (in) and sign-out (out) at the desk with their PIN, on the
//   office's calendar day, with the office's local time (HH:MM) it was made at. One in and one out
//   per person and day; never changed or deleted.
// - leave_requests: 事假 / 病假 / other leave over whole days (from–to, both included), with the
//   working days it covers; decided once: approved by the manager (one day) or recorded as approved
//   by HQ with HQ's reference (two days or more), or rejected. Never deleted.
//
// Numbered 0028 for this round of work; its version is its place in the list (the lead renumbers
// the version when 0023–0027 are merged before it).
import type { Migration } from './index';

export const m0028Attendance: Migration = {
  version: 27,
  name: 'attendance',
  up(db) {
    db.exec(`
CREATE TABLE attendance_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  am_start TEXT NOT NULL DEFAULT '08:30' CHECK (am_start GLOB '[0-2][0-9]:[0-5][0-9]' AND am_start < '24:00'),
  am_end TEXT NOT NULL DEFAULT '12:00' CHECK (am_end GLOB '[0-2][0-9]:[0-5][0-9]' AND am_end < '24:00'),
  pm_start TEXT NOT NULL DEFAULT '13:00' CHECK (pm_start GLOB '[0-2][0-9]:[0-5][0-9]' AND pm_start < '24:00'),
  pm_end TEXT NOT NULL DEFAULT '17:30' CHECK (pm_end GLOB '[0-2][0-9]:[0-5][0-9]' AND pm_end < '24:00'),
  workdays TEXT NOT NULL DEFAULT '12345' CHECK (length(workdays) BETWEEN 1 AND 7 AND workdays NOT GLOB '*[^1-7]*'),
  deduction_fen INTEGER NOT NULL DEFAULT 1000 CHECK (deduction_fen BETWEEN 0 AND 1000000),
  CHECK (am_start < am_end AND am_end <= pm_start AND pm_start < pm_end)
) STRICT;
INSERT INTO attendance_settings (id) VALUES (1);

CREATE TABLE attendance_days (
  day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  workday INTEGER NOT NULL CHECK (workday IN (0, 1)),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40)
) STRICT, WITHOUT ROWID;

CREATE TABLE attendance_clock (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  at TEXT NOT NULL,
  local_time TEXT NOT NULL CHECK (local_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  desk_user_id INTEGER REFERENCES users(id),
  UNIQUE (user_id, day, kind)
) STRICT;
CREATE INDEX attendance_clock_day ON attendance_clock(day, user_id);
CREATE TRIGGER attendance_clock_no_update BEFORE UPDATE ON attendance_clock
BEGIN SELECT RAISE(ABORT, 'attendance is append-only: a sign-in or sign-out never changes'); END;
CREATE TRIGGER attendance_clock_no_delete BEFORE DELETE ON attendance_clock
BEGIN SELECT RAISE(ABORT, 'attendance is append-only: a sign-in or sign-out is never deleted'); END;
CREATE TRIGGER attendance_clock_out_after_in BEFORE INSERT ON attendance_clock
WHEN NEW.kind = 'out' AND NOT EXISTS (SELECT 1 FROM attendance_clock WHERE user_id = NEW.user_id AND day = NEW.day AND kind = 'in')
BEGIN SELECT RAISE(ABORT, 'a sign-out needs the day''s sign-in'); END;

CREATE TABLE leave_requests (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'sick', 'other')),
  from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  to_date TEXT NOT NULL CHECK (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  certificate INTEGER NOT NULL DEFAULT 0 CHECK (certificate IN (0, 1)),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by INTEGER REFERENCES users(id),
  decided_at TEXT,
  approval TEXT CHECK (approval IN ('manager', 'hq')),
  hq_ref TEXT CHECK (hq_ref IS NULL OR length(hq_ref) BETWEEN 1 AND 60),
  note TEXT,
  CHECK (from_date <= to_date),
  CHECK ((state = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
  CHECK ((state = 'approved') = (approval IS NOT NULL)),
  CHECK ((approval = 'hq') = (hq_ref IS NOT NULL)),
  CHECK (approval IS NOT 'manager' OR days = 1)
) STRICT;
CREATE INDEX leave_requests_user ON leave_requests(user_id, from_date);
CREATE INDEX leave_requests_state ON leave_requests(state, from_date);
CREATE TRIGGER leave_requests_no_delete BEFORE DELETE ON leave_requests
BEGIN SELECT RAISE(ABORT, 'leave requests are never deleted'); END;
CREATE TRIGGER leave_requests_decided BEFORE UPDATE ON leave_requests WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided leave request cannot be changed'); END;
CREATE TRIGGER leave_requests_fixed BEFORE UPDATE ON leave_requests
WHEN NEW.user_id IS NOT OLD.user_id OR NEW.kind IS NOT OLD.kind OR NEW.from_date IS NOT OLD.from_date OR NEW.to_date IS NOT OLD.to_date
  OR NEW.days IS NOT OLD.days OR NEW.reason IS NOT OLD.reason OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a leave request''s person, kind, dates and reason never change'); END;
`);
  },
};
