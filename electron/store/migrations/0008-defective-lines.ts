// 0008: a customer return's line can be marked defective (次品) by the keeper who receives it
// (slip_lines.defective, 0 or 1). It is set once, at posting, like shipped_qty: the mark is what the
// keeper found on receipt, not part of what the manager signed, so it is outside the slip's content
// hash. Lines already in the books are not defective (the default).
import type { Migration } from './index';

export const m0008DefectiveLines: Migration = {
  version: 8,
  name: 'defective-lines',
  up(db) {
    db.exec(`
ALTER TABLE slip_lines ADD COLUMN defective INTEGER NOT NULL DEFAULT 0 CHECK (defective IN (0, 1));

-- only the lines of a customer return come back defective (slips/rules.ts says so first)
CREATE TRIGGER slip_lines_defective_return BEFORE UPDATE OF defective ON slip_lines
WHEN NEW.defective = 1 AND (SELECT kind FROM slips WHERE id = NEW.slip_id) <> 'return'
BEGIN SELECT RAISE(ABORT, 'only a return line can be marked defective'); END;
CREATE TRIGGER slip_lines_defective_return_insert BEFORE INSERT ON slip_lines
WHEN NEW.defective = 1 AND (SELECT kind FROM slips WHERE id = NEW.slip_id) <> 'return'
BEGIN SELECT RAISE(ABORT, 'only a return line can be marked defective'); END;
`);
  },
};
