// 0031: the keeper's daily check (每日对账). One row per business day the keeper confirmed: who,
// when, how many moved items were checked, the differences found (JSON: item, book, counted) and the
// draft write-off the shortages opened. A check is confirmed once and never changed (triggers).
//
// Numbered 0031 for this round of work; its version is its place in the list.
import type { Migration } from './index';

export const m0031DailyChecks: Migration = {
  version: 30,
  name: 'daily-checks',
  up(db) {
    db.exec(`
CREATE TABLE daily_checks (
  date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  user_id INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  items INTEGER NOT NULL CHECK (items >= 0),
  differences_json TEXT NOT NULL DEFAULT '[]',
  writeoff_slip_id INTEGER REFERENCES slips(id)
) STRICT;
CREATE TRIGGER daily_checks_no_update BEFORE UPDATE ON daily_checks BEGIN SELECT RAISE(ABORT, 'a daily check is confirmed once and never changed'); END;
CREATE TRIGGER daily_checks_no_delete BEFORE DELETE ON daily_checks BEGIN SELECT RAISE(ABORT, 'daily checks are never deleted'); END;
`);
  },
};
