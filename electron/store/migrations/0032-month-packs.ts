// 0032: the month pack to HQ (月报) and the month lock. One row per signed month: the canonical
// payload as signed (text), its SHA-256, the office's Ed25519 signature and key, the signer, the
// audit chain's head it names. A pack is signed once and never changed or deleted (triggers).
// While a month's pack stands, nothing more is booked into any day of it: BEFORE INSERT triggers on
// the ledger tables back up ledger/daylock.ts's assertDayOpen, and a close of day in it can be
// neither made nor reopened. print_log.doc may be 'monthPack' (the pack's PDF is logged as printed).
//
// Numbered 0032 for this round of work; its version is its place in the list.
import type { Migration } from './index';
import { addToCheckList, widenCheck } from './0011-opening';

const LOCKED = ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves', 'suspense_entries', 'day_closes', 'day_reopens'];

const monthLock = (table: string) => `
CREATE TRIGGER ${table}_month_lock BEFORE INSERT ON ${table}
WHEN EXISTS (SELECT 1 FROM month_packs WHERE month = substr(NEW.business_date, 1, 7))
BEGIN SELECT RAISE(ABORT, 'month_locked: ${table} row dated in a month whose pack is signed'); END;`;

export const m0032MonthPacks: Migration = {
  version: 31,
  name: 'month-packs',
  // print_log refers to itself (preview_id): its rebuild runs with foreign keys off, checked before commit
  foreignKeysOff: true,
  up(db) {
    addToCheckList(db, 'print_log', 'doc', ['monthPack']);
    // a pack's print names its month (period_from–period_to), neither a slip nor an item
    widenCheck(db, 'print_log', [["CHECK ((doc = 'stockCard') = (slip_id IS NULL))", "CHECK ((doc IN ('stockCard','monthPack')) = (slip_id IS NULL))"]]);
    db.exec(`
CREATE TABLE month_packs (
  month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  signature TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  signed_by INTEGER NOT NULL REFERENCES users(id),
  signed_at TEXT NOT NULL,
  audit_seq INTEGER NOT NULL CHECK (audit_seq >= 0),
  audit_hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER month_packs_no_update BEFORE UPDATE ON month_packs BEGIN SELECT RAISE(ABORT, 'a month pack is signed once and never changed'); END;
CREATE TRIGGER month_packs_no_delete BEFORE DELETE ON month_packs BEGIN SELECT RAISE(ABORT, 'month packs are never deleted'); END;
${LOCKED.map(monthLock).join('\n')}
`);
  },
};
