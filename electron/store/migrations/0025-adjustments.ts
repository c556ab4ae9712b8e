// 0025 (adjustments, issue #12): stock leaves the books outside a sale.
// - slips.kind may be 'writeoff' (报损单: damaged, lost or expired goods, at FIFO cost) or 'hqReturn'
//   (退回总部: goods sent back to HQ at FIFO cost, naming the inbound slip and/or HQ's delivery note).
// - slip_lines.cause: why a write-off line leaves (损耗 loss · 破碎 breakage · 丢失 lost · 过期 expired ·
//   其他 other, the line's memo saying what); NULL on every other line. Part of the signed content.
// - print_log.doc may be either kind: both are printed and logged like any slip.
// - defective stock (次品) is kept apart: stock_layers.defective is 1 on a layer a customer return's
//   defective line brought in; a dispatch never takes such a layer (slips/rules.ts says so first). A
//   write-off's or return to HQ's line may be marked defective too (slip_lines.defective): it then
//   takes defective layers only. Layers already in the books are saleable (0).
// Numbered 0025 by the lead's plan; its version is its position in this branch's list (migrate.ts
// wants 1..n), which the lead renumbers at merge.
import type { Migration } from './index';
import { addToCheckList, widenCheck } from './0011-opening';

export const WRITEOFF_CAUSES_SQL = "('loss','breakage','lost','expired','other')";

export const m0025Adjustments: Migration = {
  version: 25,
  name: 'adjustments',
  // slips and print_log refer to themselves: rebuilt with foreign keys off, checked before commit
  foreignKeysOff: true,
  up(db) {
    addToCheckList(db, 'slips', 'kind', ['writeoff', 'hqReturn']); // whatever kinds other migrations have added before
    widenCheck(db, 'print_log', [["'stockCard','opening')", "'stockCard','opening','writeoff','hqReturn')"]]);
    db.exec(`
ALTER TABLE slip_lines ADD COLUMN cause TEXT CHECK (cause IS NULL OR cause IN ${WRITEOFF_CAUSES_SQL});
-- only a write-off line (or the reversal of one, which copies it) carries a cause
CREATE TRIGGER slip_lines_cause_writeoff BEFORE INSERT ON slip_lines
WHEN NEW.cause IS NOT NULL AND (SELECT kind FROM slips WHERE id = NEW.slip_id) NOT IN ('writeoff', 'reversal')
BEGIN SELECT RAISE(ABORT, 'only a write-off line has a cause'); END;

ALTER TABLE stock_layers ADD COLUMN defective INTEGER NOT NULL DEFAULT 0 CHECK (defective IN (0, 1));
CREATE INDEX stock_layers_open_pool ON stock_layers(item_id, defective, id) WHERE remaining_qty > 0;

-- a defective line: a customer return's (set at posting), or a write-off's or return to HQ's (taking defective stock)
DROP TRIGGER slip_lines_defective_return;
DROP TRIGGER slip_lines_defective_return_insert;
CREATE TRIGGER slip_lines_defective_return BEFORE UPDATE OF defective ON slip_lines
WHEN NEW.defective = 1 AND (SELECT kind FROM slips WHERE id = NEW.slip_id) NOT IN ('return', 'writeoff', 'hqReturn')
BEGIN SELECT RAISE(ABORT, 'only a return line (or a write-off or return to HQ line) can be marked defective'); END;
CREATE TRIGGER slip_lines_defective_return_insert BEFORE INSERT ON slip_lines
WHEN NEW.defective = 1 AND (SELECT kind FROM slips WHERE id = NEW.slip_id) NOT IN ('return', 'writeoff', 'hqReturn')
BEGIN SELECT RAISE(ABORT, 'only a return line (or a write-off or return to HQ line) can be marked defective'); END;
`);
  },
};
