// 0021: the read log (保密制度: "reading a customer list or a statement is recorded, who and when,
// for the manager"). One row per read of the customer list, a customer's ledger, statement or open
// items, aging, and their prints and exports (core/readLog.ts says which). It is a log, not part of
// the books or the audit chain: rows are only added (triggers refuse changing or deleting one), and
// repeated reads of the same thing by the same person within a few minutes make one row.
//
// The version is this migration's place in the list: 18 while this branch alone holds it after
// 0017; 21 once 0018–0020 are merged before it (migrate.ts wants versions 1, 2, 3 … in order).
import type { Migration } from './index';

export const m0021ReadLog: Migration = {
  version: 21,
  name: 'read-log',
  up(db) {
    db.exec(`
CREATE TABLE read_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  -- the office's calendar date of the read (the manager's screen filters by it)
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  user_id INTEGER NOT NULL REFERENCES users(id),
  method TEXT NOT NULL CHECK (length(method) BETWEEN 1 AND 64),
  -- the customer read; NULL for a list (the customer list, aging)
  customer_id INTEGER REFERENCES customers(id),
  -- what else names the read: the period of a statement, the paper or sheet
  detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
) STRICT;
CREATE INDEX read_log_date ON read_log(date, id);
CREATE INDEX read_log_user ON read_log(user_id, date, id);
CREATE TRIGGER read_log_no_update BEFORE UPDATE ON read_log BEGIN SELECT RAISE(ABORT, 'read_log rows are never changed'); END;
CREATE TRIGGER read_log_no_delete BEFORE DELETE ON read_log BEGIN SELECT RAISE(ABORT, 'read_log rows are never deleted'); END;
`);
  },
};
