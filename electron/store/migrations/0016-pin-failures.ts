// 0016: wrong PINs are kept in the database, one row per person (pin_failures), so every desk and
// the CLI on one file share one count, a restart forgets nothing, and names that are nobody's take
// no room at all. A right PIN deletes the row; until wait_until_ms (the office clock, epoch ms) no
// PIN of that person is tried (users/rules.ts: growing waits after a few free tries).
import type { Migration } from './index';

export const m0016PinFailures: Migration = {
  version: 16,
  name: 'pin-failures',
  up(db) {
    db.exec(`
CREATE TABLE pin_failures (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  failures INTEGER NOT NULL CHECK (failures >= 1),
  last_failed_at TEXT NOT NULL,
  wait_until_ms INTEGER NOT NULL CHECK (wait_until_ms >= 0)
) STRICT;
`);
  },
};
