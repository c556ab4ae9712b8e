// 0035 (repairs, issue #12): repair records (维修记录) on defective stock, and three more papers in the print log.
// - repairs: one row per repair record, numbered WX from the slips' series, append-only (triggers): the
//   item, how many defective units, the fault, who repaired them, the outcome and the slip it made:
//   repaired → a posted slip of kind 'repair' under the record's own number (line 1 takes the defective
//   layers, line 2 brings the same quantity and FIFO cost back as a saleable layer); scrapped → a draft
//   write-off (报损单) of the defective units; sent back to HQ → a draft return to HQ (退回总部单).
// - slips.kind may be 'repair'; a repair slip's first line is marked defective (it takes 次品 stock).
// - stock_moves(layer_id) is indexed: the stock card's 其中次品 (defective balance) sums the moves of
//   an item's defective layers.
// - print_log.doc may be the pick list (拣货单, of a dispatch: slip_id) or a count's sheet or report
//   (盘点表 / 盘点报告: count_id), so their prints are logged and numbered (补打) like any paper.
// Numbered 0035 by the lead's plan; its version is its position in this branch's list (migrate.ts
// wants 1..n), which the lead renumbers at merge.
import type { Migration } from './index';
import { addToCheckList, widenCheck } from './0011-opening';

export const REPAIR_OUTCOMES_SQL = "('repaired','scrapped','hqReturn')";

const DEFECTIVE_KINDS = "('return', 'writeoff', 'hqReturn', 'repair')";

export const m0035Repairs: Migration = {
  version: 34,
  name: 'repairs',
  // slips and print_log refer to themselves: rebuilt with foreign keys off, checked before commit
  foreignKeysOff: true,
  up(db) {
    addToCheckList(db, 'slips', 'kind', ['repair']);
    addToCheckList(db, 'print_log', 'doc', ['pickList', 'countSheet', 'countReport']);
    // a row names its slip, or the item of a stock card, or (now) the count of a count's paper
    widenCheck(db, 'print_log', [
      [
        // as 0032 (the month pack) left it
        "CHECK ((doc IN ('stockCard','monthPack')) = (slip_id IS NULL))",
        "CHECK ((doc IN ('stockCard', 'monthPack', 'countSheet', 'countReport')) = (slip_id IS NULL))",
      ],
    ]);
    db.exec(`
ALTER TABLE print_log ADD COLUMN count_id INTEGER REFERENCES counts(id) CHECK ((doc IN ('countSheet', 'countReport')) = (count_id IS NOT NULL));
CREATE UNIQUE INDEX print_log_count ON print_log(count_id, doc, print_no) WHERE count_id IS NOT NULL AND kind = 'printed';

DROP TRIGGER slip_lines_defective_return;
DROP TRIGGER slip_lines_defective_return_insert;
CREATE TRIGGER slip_lines_defective_return BEFORE UPDATE OF defective ON slip_lines
WHEN NEW.defective = 1 AND (SELECT kind FROM slips WHERE id = NEW.slip_id) NOT IN ${DEFECTIVE_KINDS}
BEGIN SELECT RAISE(ABORT, 'only a return line (or a write-off, return to HQ or repair line) can be marked defective'); END;
CREATE TRIGGER slip_lines_defective_return_insert BEFORE INSERT ON slip_lines
WHEN NEW.defective = 1 AND (SELECT kind FROM slips WHERE id = NEW.slip_id) NOT IN ${DEFECTIVE_KINDS}
BEGIN SELECT RAISE(ABORT, 'only a return line (or a write-off, return to HQ or repair line) can be marked defective'); END;

-- the stock card's 其中次品: the moves of an item's defective layers, read by layer
CREATE INDEX stock_moves_layer ON stock_moves(layer_id);

CREATE TABLE repairs (
  id INTEGER PRIMARY KEY,
  no TEXT NOT NULL UNIQUE,
  item_id INTEGER NOT NULL REFERENCES items(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  fault TEXT NOT NULL CHECK (length(fault) > 0),
  repaired_by TEXT NOT NULL CHECK (length(repaired_by) > 0),
  outcome TEXT NOT NULL CHECK (outcome IN ${REPAIR_OUTCOMES_SQL}),
  memo TEXT NOT NULL DEFAULT '',
  slip_id INTEGER NOT NULL REFERENCES slips(id),
  business_date TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX repairs_item ON repairs(item_id, id);
CREATE INDEX repairs_date ON repairs(business_date);
CREATE TRIGGER repairs_no_update BEFORE UPDATE ON repairs BEGIN SELECT RAISE(ABORT, 'a repair record is never changed'); END;
CREATE TRIGGER repairs_no_delete BEFORE DELETE ON repairs BEGIN SELECT RAISE(ABORT, 'repair records are never deleted'); END;
`);
  },
};
