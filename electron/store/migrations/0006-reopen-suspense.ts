// 0006: reopening a closed day (反日结) and the suspense account (待处理财产损溢).
//
// - day_closes gets an id, so a day can have a history of closes: a reopen (day_reopens, one per
//   close) takes a close out of force; the row itself stays. live_day_closes is the closes in force,
//   and the day lock (the BEFORE INSERT triggers of every ledger table) now reads it: a reopened
//   day takes postings again until it is closed anew. At most one close of a day is in force.
// - suspense_entries is the suspense ledger: the 长款/短款 of a close waits there (its cash row's
//   contra is the suspense account, no longer the close) until the manager decides; a decision or a
//   reopen closes the item. amount_fen is signed like the cash difference: over +, short −.
// - money_journal is rebuilt for two new causes (shortage_repaid: the cashier pays a 短款 back;
//   overage_returned: a 长款 handed back to its payer) and the contra kind 'suspense'. SQLite cannot
//   widen a CHECK in place, so the table is copied as SQLite's documented procedure says (the
//   migration asks migrate.ts for foreign keys off; migrate.ts runs foreign_key_check before commit).
import type { Migration } from './index';

const LOCKED = ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves', 'suspense_entries'];

const append_only = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

const day_lock = (table: string) => `
CREATE TRIGGER ${table}_day_lock BEFORE INSERT ON ${table}
WHEN NEW.business_date <= (SELECT business_date FROM live_day_closes ORDER BY business_date DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'day_closed: ${table} row dated on or before the last closed day'); END;`;

const CLOSE_COLUMNS = `business_date, closed_at, closed_by, finance_id, statistician_id, manager_id, expected_cash_fen, counted_cash_fen,
  difference_fen, adjustment_journal_id, counts_json, channels_json, reason, closing_json, failed_checks_json, rows_hash`;

const dayCloses = `
CREATE TABLE day_closes_new (
  id INTEGER PRIMARY KEY,
  business_date TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  closed_by INTEGER NOT NULL REFERENCES users(id),
  finance_id INTEGER NOT NULL REFERENCES users(id),
  statistician_id INTEGER NOT NULL REFERENCES users(id),
  manager_id INTEGER REFERENCES users(id),
  expected_cash_fen INTEGER NOT NULL,
  counted_cash_fen INTEGER NOT NULL CHECK (counted_cash_fen >= 0),
  difference_fen INTEGER NOT NULL CHECK (difference_fen = counted_cash_fen - expected_cash_fen),
  adjustment_journal_id INTEGER REFERENCES money_journal(id),
  counts_json TEXT NOT NULL,
  channels_json TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  closing_json TEXT NOT NULL,
  failed_checks_json TEXT NOT NULL,
  rows_hash TEXT NOT NULL
) STRICT;
INSERT INTO day_closes_new (${CLOSE_COLUMNS}) SELECT ${CLOSE_COLUMNS} FROM day_closes ORDER BY business_date;
DROP TABLE day_closes;
ALTER TABLE day_closes_new RENAME TO day_closes;
CREATE INDEX day_closes_date ON day_closes(business_date, id);
${append_only('day_closes')}

-- 反日结: the manager takes one close out of force, with a reason; the close row stays
CREATE TABLE day_reopens (
  id INTEGER PRIMARY KEY,
  close_id INTEGER NOT NULL UNIQUE REFERENCES day_closes(id),
  business_date TEXT NOT NULL,
  reopened_at TEXT NOT NULL,
  reopened_by INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 200)
) STRICT;
${append_only('day_reopens')}

CREATE VIEW live_day_closes AS
  SELECT c.* FROM day_closes c WHERE NOT EXISTS (SELECT 1 FROM day_reopens r WHERE r.close_id = c.id);

CREATE TRIGGER day_closes_one_live BEFORE INSERT ON day_closes
WHEN EXISTS (SELECT 1 FROM live_day_closes WHERE business_date >= NEW.business_date)
BEGIN SELECT RAISE(ABORT, 'day_closes: a close of this day or a later one is in force'); END;
CREATE TRIGGER day_reopens_latest BEFORE INSERT ON day_reopens
WHEN NEW.business_date IS NOT (SELECT business_date FROM live_day_closes ORDER BY business_date DESC LIMIT 1)
  OR NEW.business_date IS NOT (SELECT business_date FROM day_closes WHERE id = NEW.close_id)
BEGIN SELECT RAISE(ABORT, 'day_reopens: only the latest close in force can be reopened'); END;`;

const moneyJournal = `
CREATE TABLE money_journal_new (
  id INTEGER PRIMARY KEY,
  account TEXT NOT NULL REFERENCES money_accounts(code),
  voucher_no TEXT NOT NULL UNIQUE,
  direction TEXT NOT NULL CHECK (direction IN ('in','out')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  balance_after_fen INTEGER NOT NULL,
  business_date TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  cause TEXT NOT NULL CHECK (cause IN ('sale','sale_refund','return_refund','collection','expense','remittance','topup','overage','shortage',
    'shortage_repaid','overage_returned')),
  contra_kind TEXT NOT NULL CHECK (contra_kind IN ('slip','customer','expense','remittance','topup','day_close','suspense')),
  slip_id INTEGER REFERENCES slips(id),
  customer_id INTEGER REFERENCES customers(id),
  expense_id INTEGER REFERENCES expense_claims(id),
  reverses_id INTEGER UNIQUE REFERENCES money_journal_new(id),
  summary TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  CHECK ((amount_fen > 0) = (reverses_id IS NULL)),
  CHECK (account <> 'cash' OR balance_after_fen >= 0)
) STRICT;
INSERT INTO money_journal_new SELECT * FROM money_journal ORDER BY id;
DROP TABLE money_journal;
ALTER TABLE money_journal_new RENAME TO money_journal;
CREATE INDEX money_journal_account_date ON money_journal(account, business_date, id, direction, amount_fen);
CREATE INDEX money_journal_date ON money_journal(business_date);
CREATE INDEX money_journal_slip ON money_journal(slip_id) WHERE slip_id IS NOT NULL;
CREATE INDEX money_journal_customer ON money_journal(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX money_journal_expense ON money_journal(expense_id) WHERE expense_id IS NOT NULL;
${append_only('money_journal')}`;

const suspense = `
CREATE TABLE suspense_entries (
  id INTEGER PRIMARY KEY,
  -- NULL on the difference that opens an item; else the difference it closes
  item_id INTEGER REFERENCES suspense_entries(id),
  kind TEXT NOT NULL CHECK (kind IN ('difference','decision','reopen')),
  decision TEXT CHECK (decision IN ('cashier_repays','expense','other_income','returned')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  balance_after_fen INTEGER NOT NULL,
  journal_id INTEGER REFERENCES money_journal(id),
  business_date TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  memo TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'difference') = (item_id IS NULL)),
  CHECK ((kind = 'decision') = (decision IS NOT NULL)),
  CHECK (kind <> 'difference' OR journal_id IS NOT NULL)
) STRICT;
-- an item is closed once, by a decision or by the reopen of its close
CREATE UNIQUE INDEX suspense_entries_item ON suspense_entries(item_id) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX suspense_entries_journal ON suspense_entries(journal_id) WHERE journal_id IS NOT NULL;
CREATE INDEX suspense_entries_open ON suspense_entries(kind, id);
${append_only('suspense_entries')}`;

export const m0006ReopenSuspense: Migration = {
  version: 6,
  name: 'reopen-suspense',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
${LOCKED.filter((t) => t !== 'suspense_entries')
  .map((t) => `DROP TRIGGER ${t}_day_lock;`)
  .join('\n')}
${moneyJournal}
${dayCloses}
${suspense}
${LOCKED.map(day_lock).join('\n')}
`);
  },
};
