// 0024: stock counts (盘点, issue #12).
// - office.count_mode (blind 盲盘 | open 明盘) and office.count_recount (variance lines need a
//   recount by someone else before approval): the office's count settings.
// - counts: one per count (PD number from the slips' series), its kind, scope, the settings it was
//   made under, and its state open → counted → posted (→ reversed). A posted count is frozen but
//   for the one step to reversed (triggers).
// - count_lines: per item, the location as it was, the book quantity taken at the line's first
//   count, the counted quantity (kept current from the entries), the recount, the cause and the
//   manager's unit cost for a gain. Lines of a posted count never change.
// - count_entries: who counted what and when (append-only).
// - slips.kind may be 'count': the posted count's adjustments are one slip (its number is the
//   count's), so its stock moves, posted hash and 红字 are a slip's like any other.
// - two indexes for the item's latest unit cost (a gain's cost), read per line of a count.
//
// Numbered 0024 for this round of work; its version is its place in the list (the lead renumbers
// the version when 0023 is merged before it).
import type { Migration } from './index';
import { addToCheckList } from './0011-opening';

export const m0024Counts: Migration = {
  version: 24,
  name: 'counts',
  foreignKeysOff: true,
  up(db) {
    addToCheckList(db, 'slips', 'kind', ['count']); // whatever kinds other migrations have added before
    db.exec(`
ALTER TABLE office ADD COLUMN count_mode TEXT NOT NULL DEFAULT 'blind' CHECK (count_mode IN ('blind','open'));
ALTER TABLE office ADD COLUMN count_recount INTEGER NOT NULL DEFAULT 0 CHECK (count_recount IN (0,1));

-- a gain enters at the item's latest unit cost (fifo.ts latestUnitCostFen: its newest layer not
-- reversed): these two keep that a short read for every line of a 20,000-line count
CREATE INDEX stock_layers_item ON stock_layers(item_id, id);
CREATE INDEX stock_moves_red_in ON stock_moves(layer_id) WHERE direction = 'in' AND qty < 0;

CREATE TABLE counts (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('weekly','monthEnd')),
  scope TEXT NOT NULL,
  blind INTEGER NOT NULL CHECK (blind IN (0,1)),
  recount INTEGER NOT NULL CHECK (recount IN (0,1)),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','counted','posted','reversed')),
  business_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  approved_by INTEGER REFERENCES users(id),
  approved_at TEXT,
  posted_slip_id INTEGER UNIQUE REFERENCES slips(id),
  reversal_slip_id INTEGER UNIQUE REFERENCES slips(id),
  CHECK ((state IN ('posted','reversed')) = (approved_by IS NOT NULL AND approved_at IS NOT NULL AND posted_slip_id IS NOT NULL)),
  CHECK ((state = 'reversed') = (reversal_slip_id IS NOT NULL))
) STRICT;
CREATE INDEX counts_date ON counts(business_date, id);
CREATE TRIGGER counts_no_delete BEFORE DELETE ON counts
BEGIN SELECT RAISE(ABORT, 'counts are never deleted'); END;
CREATE TRIGGER counts_posted BEFORE UPDATE ON counts
WHEN OLD.state = 'reversed' OR (OLD.state = 'posted' AND (NEW.state <> 'reversed' OR NEW.no IS NOT OLD.no OR NEW.kind IS NOT OLD.kind
  OR NEW.approved_by IS NOT OLD.approved_by OR NEW.approved_at IS NOT OLD.approved_at OR NEW.posted_slip_id IS NOT OLD.posted_slip_id))
BEGIN SELECT RAISE(ABORT, 'a posted count cannot be changed, only reversed'); END;

CREATE TABLE count_lines (
  id INTEGER PRIMARY KEY,
  count_id INTEGER NOT NULL REFERENCES counts(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  location TEXT NOT NULL,
  found INTEGER NOT NULL DEFAULT 0 CHECK (found IN (0,1)),
  book_qty INTEGER CHECK (book_qty >= 0),
  counted_qty INTEGER CHECK (counted_qty >= 0),
  recount_qty INTEGER CHECK (recount_qty >= 0),
  recount_by INTEGER REFERENCES users(id),
  recount_at TEXT,
  cause TEXT CHECK (cause IN ('wastage','breakage','crossRegion','bookError','unrecorded','other')),
  cause_text TEXT NOT NULL DEFAULT '',
  unit_cost_fen INTEGER CHECK (unit_cost_fen >= 0),
  UNIQUE (count_id, item_id),
  CHECK ((book_qty IS NULL) = (counted_qty IS NULL)),
  CHECK ((recount_qty IS NULL) = (recount_by IS NULL))
) STRICT;
CREATE INDEX count_lines_item ON count_lines(item_id);
CREATE TRIGGER count_lines_frozen BEFORE UPDATE ON count_lines
WHEN (SELECT state FROM counts WHERE id = OLD.count_id) IN ('posted','reversed')
BEGIN SELECT RAISE(ABORT, 'lines of a posted count cannot be changed'); END;
CREATE TRIGGER count_lines_closed_insert BEFORE INSERT ON count_lines
WHEN (SELECT state FROM counts WHERE id = NEW.count_id) <> 'open'
BEGIN SELECT RAISE(ABORT, 'lines are added only while the count is open'); END;
CREATE TRIGGER count_lines_no_delete BEFORE DELETE ON count_lines
BEGIN SELECT RAISE(ABORT, 'count lines are never deleted'); END;

CREATE TABLE count_entries (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL REFERENCES count_lines(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  how TEXT NOT NULL CHECK (how IN ('scan','typed')),
  qty INTEGER NOT NULL CHECK (qty >= 0),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX count_entries_line ON count_entries(line_id, id);
CREATE TRIGGER count_entries_no_update BEFORE UPDATE ON count_entries
BEGIN SELECT RAISE(ABORT, 'count entries are append-only'); END;
CREATE TRIGGER count_entries_no_delete BEFORE DELETE ON count_entries
BEGIN SELECT RAISE(ABORT, 'count entries are append-only'); END;
`);
  },
};
