// 0034: advances to staff (借支 / 预领, issue #14). An advance pays a person money from an account
// (a money_journal row of cause 'advance', contra 'advance'), approved by the manager; the person
// owes it until it is settled (核销) by expense claims applied against it and by cash returned
// (cause 'advance_return'). money_journal.advance_id names the advance of such a row.
// - advances: one row per advance, never changed or deleted (its reversal is the red journal row).
// - advance_settlements: each claim applied or cash returned; a red row (reverses_id) negates one;
//   never changed or deleted; like every ledger row not dated into a closed day.
// SQLite cannot widen a CHECK in place: money_journal is rebuilt for the new cause and contra kind
// (0011's widenCheck, indexes and triggers kept).
// - items.category: the item's category (商品类别), free text (the text rule, at most 20), '' for none;
//   销售统计 groups by it and 进销存汇总 filters by it.
//
// Numbered 0034 for this round of work; its version is its place in the list.
import type { Migration } from './index';
import { addToCheckList } from './0011-opening';

export const m0034Advances: Migration = {
  version: 33,
  name: 'advances',
  foreignKeysOff: true,
  up(db) {
    addToCheckList(db, 'money_journal', 'cause', ['advance', 'advance_return']);
    addToCheckList(db, 'money_journal', 'contra_kind', ['advance']);
    db.exec(`
CREATE TABLE advances (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL REFERENCES users(id),
  account TEXT NOT NULL CHECK (account IN ('cash','wechat','alipay','bank')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  purpose TEXT NOT NULL CHECK (length(purpose) > 0),
  business_date TEXT NOT NULL,
  approved_by INTEGER NOT NULL REFERENCES users(id),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK (approved_by <> person_id)
) STRICT;
CREATE INDEX advances_person ON advances(person_id, id);
CREATE TRIGGER advances_no_update BEFORE UPDATE ON advances BEGIN SELECT RAISE(ABORT, 'advances are append-only'); END;
CREATE TRIGGER advances_no_delete BEFORE DELETE ON advances BEGIN SELECT RAISE(ABORT, 'advances are append-only'); END;

CREATE TABLE advance_settlements (
  id INTEGER PRIMARY KEY,
  advance_id INTEGER NOT NULL REFERENCES advances(id),
  kind TEXT NOT NULL CHECK (kind IN ('claim','cash')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
  expense_id INTEGER REFERENCES expense_claims(id),
  journal_id INTEGER UNIQUE REFERENCES money_journal(id),
  reverses_id INTEGER UNIQUE REFERENCES advance_settlements(id),
  business_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((kind = 'claim') = (expense_id IS NOT NULL)),
  CHECK ((kind = 'cash') = (journal_id IS NOT NULL)),
  CHECK ((reverses_id IS NULL) = (amount_fen > 0))
) STRICT;
CREATE INDEX advance_settlements_advance ON advance_settlements(advance_id, id);
CREATE INDEX advance_settlements_expense ON advance_settlements(expense_id) WHERE expense_id IS NOT NULL;
CREATE TRIGGER advance_settlements_no_update BEFORE UPDATE ON advance_settlements
BEGIN SELECT RAISE(ABORT, 'advance_settlements is append-only'); END;
CREATE TRIGGER advance_settlements_no_delete BEFORE DELETE ON advance_settlements
BEGIN SELECT RAISE(ABORT, 'advance_settlements is append-only'); END;
CREATE TRIGGER advance_settlements_day_lock BEFORE INSERT ON advance_settlements
WHEN NEW.business_date <= (SELECT business_date FROM live_day_closes ORDER BY business_date DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'day_closed: advance_settlements row dated on or before the last closed day'); END;

ALTER TABLE money_journal ADD COLUMN advance_id INTEGER REFERENCES advances(id);
CREATE INDEX money_journal_advance ON money_journal(advance_id) WHERE advance_id IS NOT NULL;

ALTER TABLE items ADD COLUMN category TEXT NOT NULL DEFAULT '' CHECK (length(category) <= 20);
CREATE INDEX items_category ON items(category, code);
`);
  },
};
