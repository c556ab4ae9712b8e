// 0022: automatic backups and the idempotency table's retention.
//
// backup_settings (one row): the folder the admin chose (a USB drive, a shared folder) and the
// daily time (HH:mm, office time). backup_log: one row per backup the desk wrote (daily, at the
// close of day, or by hand), with its size and whether the copy verified after writing.
//
// requests is rebuilt to keep only what a retry needs (core/requests.ts): the request id, method,
// user, the fingerprint of the call, the answer with every slip in it kept as its id (a retry reads
// the slip again) and the SHA-256 of the first answer as given. Rows may now be deleted (the core
// purges those past the retention period); they still never change. Existing rows are kept as they
// were (their full answers) until the retention period takes them.
//
// The file is numbered 0022 (this round's number for backups); `version` is its place in the list.
import type { Migration } from './index';

export const m0022Backups: Migration = {
  version: 22,
  name: 'backups',
  up(db) {
    db.exec(`
CREATE TABLE backup_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  folder TEXT CHECK (folder IS NULL OR length(folder) BETWEEN 1 AND 1000),
  daily_time TEXT NOT NULL DEFAULT '18:30' CHECK (daily_time GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(daily_time, 1, 2) <= '23'),
  updated_at TEXT,
  updated_by INTEGER REFERENCES users(id)
) STRICT;
INSERT INTO backup_settings (id) VALUES (1);

CREATE TABLE backup_log (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('daily', 'close', 'manual')),
  at TEXT NOT NULL,
  -- the office's calendar date of 'at' (YYYY-MM-DD): a daily backup is due once per such day
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  bytes INTEGER NOT NULL CHECK (bytes >= 0),
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  message TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX backup_log_at ON backup_log (at);

CREATE TABLE requests_new (
  request_id TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  user_id INTEGER,
  fingerprint TEXT NOT NULL,
  answer_json TEXT NOT NULL CHECK (json_valid(answer_json)),
  answer_sha256 TEXT,
  at TEXT NOT NULL
) STRICT;
INSERT INTO requests_new (request_id, method, user_id, fingerprint, answer_json, answer_sha256, at)
  SELECT request_id, method, NULL, fingerprint, response_json, NULL, at FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
CREATE INDEX requests_at ON requests (at);
CREATE TRIGGER requests_no_update BEFORE UPDATE ON requests
BEGIN SELECT RAISE(ABORT, 'requests is append-only'); END;
`);
  },
};
