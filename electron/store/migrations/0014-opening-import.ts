// 0014 (opening-import, issue #10):
// - items.location: an item's storage location (库位), where the keeper finds it on the shelves: free
//   text such as "A-03-2", at most 20 characters, '' on every item already in the books.
// - print_log.doc may be 'opening': the opening slip (期初入库单) is printed and logged like a slip.
// - one live opening slip: a reversed opening slip (红字, before the first close) no longer counts, so
//   the corrected opening stock can be entered. The partial unique index of 0011 could not see a
//   reversal (another row), so a trigger replaces it.
import type { Migration } from './index';
import { widenCheck } from './0011-opening';

export const m0014OpeningImport: Migration = {
  version: 14,
  name: 'opening-import',
  // print_log refers to itself (preview_id): its rebuild runs with foreign keys off, checked before commit
  foreignKeysOff: true,
  up(db) {
    db.exec(`ALTER TABLE items ADD COLUMN location TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 20);`);
    widenCheck(db, 'print_log', [["'reversal','stockCard')", "'reversal','stockCard','opening')"]]);
    db.exec(`
DROP INDEX slips_one_opening;
CREATE TRIGGER slips_one_live_opening BEFORE INSERT ON slips
WHEN NEW.kind = 'opening' AND EXISTS (
  SELECT 1 FROM slips s WHERE s.kind = 'opening' AND s.state <> 'void'
    AND NOT EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id AND r.state = 'posted'))
BEGIN SELECT RAISE(ABORT, 'one live opening slip'); END;
`);
  },
};
