// 0009: the print log tells a preview from a print. A row is 'preview' when a document's paper was
// opened to be printed (browser mode's PDF tab, Electron's print window before the job is sent),
// and 'printed' once the job was sent or the user said it came out (documents.confirmPrint, which
// appends a 'printed' row naming its preview: the log stays append-only). Only 'printed' rows are
// counted for 补打 (print_no), so a preview never makes the next paper a reprint. Rows logged
// before this migration were logged as prints and stay 'printed'.
import type { Migration } from './index';

export const m0009PrintKinds: Migration = {
  version: 9,
  name: 'print-kinds',
  up(db) {
    db.exec(`
ALTER TABLE print_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'printed' CHECK (kind IN ('preview', 'printed'));
ALTER TABLE print_log ADD COLUMN preview_id INTEGER REFERENCES print_log(id) CHECK (preview_id IS NULL OR kind = 'printed');

-- the print numbers of a slip count its prints only; a preview carries the number its print would get
DROP INDEX print_log_slip;
CREATE UNIQUE INDEX print_log_slip ON print_log(slip_id, doc, print_no) WHERE slip_id IS NOT NULL AND kind = 'printed';
-- a preview is printed at most once
CREATE UNIQUE INDEX print_log_preview ON print_log(preview_id) WHERE preview_id IS NOT NULL;
`);
  },
};
