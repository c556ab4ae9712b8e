// 0005: the amount that moved on a posted slip line (shipped_amount_fen), stored once at posting.
// Until now the money books recomputed it in SQL in three places (the slip's money, the close of
// day and verify): the line's amount when all of it moved, else shipped_qty × price. Lines already
// posted get the same figure here; drafts and voids keep NULL. `verify` checks every posted line.
import type { Migration } from './index';

export const m0005ShippedAmount: Migration = {
  version: 5,
  name: 'shipped-amount',
  up(db) {
    db.exec(`
ALTER TABLE slip_lines ADD COLUMN shipped_amount_fen INTEGER;

-- posted lines are frozen by this trigger; lift it for the one backfill, then put it back as it was
DROP TRIGGER slip_lines_frozen_update;
UPDATE slip_lines SET shipped_amount_fen =
  CASE WHEN shipped_qty = qty THEN amount_fen ELSE shipped_qty * COALESCE(price_fen, 0) END
WHERE shipped_qty IS NOT NULL;
CREATE TRIGGER slip_lines_frozen_update BEFORE UPDATE ON slip_lines
WHEN (SELECT state FROM slips WHERE id = OLD.slip_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'lines of a posted or voided slip cannot be changed'); END;
`);
  },
};
