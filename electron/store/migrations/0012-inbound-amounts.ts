// 0012: an inbound line may carry HQ's amount (金额) instead of a unit cost: slip_lines.amount_entered
// is 1 on such a line, whose unit_cost_fen stays NULL and whose amount_fen is exactly what the
// delivery note says (the FIFO layer then holds that amount and splits it to the fen, fifo.ts).
// Lines already in the books were entered by unit cost (the default 0).
// slips.second_delivery_reason: the keeper's reason for posting a second inbound under a supplier's
// delivery note number already posted (set once at posting, like defective, outside the content hash).
import type { Migration } from './index';

export const m0012InboundAmounts: Migration = {
  version: 12,
  name: 'inbound-amounts',
  up(db) {
    db.exec(`
ALTER TABLE slip_lines ADD COLUMN amount_entered INTEGER NOT NULL DEFAULT 0 CHECK (amount_entered IN (0, 1));
ALTER TABLE slips ADD COLUMN second_delivery_reason TEXT CHECK (second_delivery_reason IS NULL OR kind = 'inbound');

-- an entered amount is the amount: no unit cost beside it
CREATE TRIGGER slip_lines_amount_entered_insert BEFORE INSERT ON slip_lines
WHEN NEW.amount_entered = 1 AND NEW.unit_cost_fen IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a line entered by amount has no unit cost'); END;

-- the posted inbounds of one supplier's delivery note, looked up before each inbound posting
CREATE INDEX slips_delivery_note ON slips(supplier_id, delivery_note_no) WHERE kind = 'inbound' AND state = 'posted';
`);
  },
};
