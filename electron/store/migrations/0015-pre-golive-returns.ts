// 0015: a customer return without a dispatch in this desk (无原单退货: goods sold before go-live).
// slips.pre_golive is 1 on such a return, set when the draft is made and never changed. It has no
// source dispatch and its lines no source line; each line carries the unit cost the manager set
// (unit_cost_fen, the cost of the new FIFO layer the posting makes) and the refund price
// (price_fen).
import type { Migration } from './index';

export const m0015PreGoLiveReturns: Migration = {
  version: 15,
  name: 'pre-golive-returns',
  up(db) {
    db.exec(`
ALTER TABLE slips ADD COLUMN pre_golive INTEGER NOT NULL DEFAULT 0
  CHECK (pre_golive IN (0, 1) AND (pre_golive = 0 OR (kind = 'return' AND source_slip_id IS NULL)));

-- the mark is what the manager signed: it never changes
CREATE TRIGGER slips_pre_golive_fixed BEFORE UPDATE OF pre_golive ON slips
WHEN NEW.pre_golive <> OLD.pre_golive
BEGIN SELECT RAISE(ABORT, 'a return''s pre-go-live mark never changes'); END;

-- a return without a dispatch points at no dispatch line
CREATE TRIGGER slip_lines_pre_golive_no_source BEFORE INSERT ON slip_lines
WHEN NEW.source_line_id IS NOT NULL AND (SELECT pre_golive FROM slips WHERE id = NEW.slip_id) = 1
BEGIN SELECT RAISE(ABORT, 'a pre-go-live return line has no dispatch line'); END;

-- it posts only with a unit cost and a refund price on every line (slips/rules.ts says so first)
CREATE TRIGGER slips_pre_golive_post BEFORE UPDATE OF state ON slips
WHEN NEW.state = 'posted' AND NEW.pre_golive = 1
  AND EXISTS (SELECT 1 FROM slip_lines l WHERE l.slip_id = NEW.id AND (l.unit_cost_fen IS NULL OR l.unit_cost_fen <= 0 OR l.price_fen IS NULL))
BEGIN SELECT RAISE(ABORT, 'a pre-go-live return posts with a unit cost and a refund price on every line'); END;
`);
  },
};
