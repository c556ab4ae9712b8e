// 0002: printed documents. Office-level settings (paper size, the copies (联) a slip prints in),
// and the print log: every slip or stock card that went to a printer, when, by whom, in which
// copies and as which print of that document (the second and later say 补打 on the paper).
// The print log is append-only, like the other records of who did what.
import type { Migration } from './index';

export const m0002Documents: Migration = {
  version: 2,
  name: 'documents',
  up(db) {
    db.exec(`
-- Office-level settings as JSON values; a key that is absent takes the app's default.
CREATE TABLE office_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL,
  updated_by INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE print_log (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL CHECK (doc IN ('dispatch','inbound','return','reversal','stockCard')),
  slip_id INTEGER REFERENCES slips(id),
  item_id INTEGER REFERENCES items(id),
  period_from TEXT,
  period_to TEXT,
  paper TEXT NOT NULL CHECK (paper IN ('A4','A5')),
  -- JSON array of the copy names printed, e.g. ["第一联 存根","第二联 客户"]
  copies TEXT NOT NULL CHECK (json_valid(copies) AND json_type(copies) = 'array'),
  -- 1 for the first print of this document, 2 for the first reprint (补打), …
  print_no INTEGER NOT NULL CHECK (print_no >= 1),
  -- the slip's content hash when it was printed (null for a stock card)
  content_hash TEXT,
  printed_at TEXT NOT NULL,
  printed_by INTEGER NOT NULL REFERENCES users(id),
  CHECK ((doc = 'stockCard') = (item_id IS NOT NULL)),
  CHECK ((doc = 'stockCard') = (slip_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX print_log_slip ON print_log(slip_id, doc, print_no) WHERE slip_id IS NOT NULL;
CREATE INDEX print_log_item ON print_log(item_id, id) WHERE item_id IS NOT NULL;
CREATE TRIGGER print_log_no_update BEFORE UPDATE ON print_log
BEGIN SELECT RAISE(ABORT, 'print_log is append-only'); END;
CREATE TRIGGER print_log_no_delete BEFORE DELETE ON print_log
BEGIN SELECT RAISE(ABORT, 'print_log is append-only'); END;
`);
  },
};
