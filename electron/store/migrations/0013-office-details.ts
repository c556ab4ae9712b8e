// 0013: the office's details for the first-run setup (issue #10): its address, its phone, the HQ
// (上级公司/总部) it reports to, and the default printer's name as the system lists it (NULL: none
// chosen). An office set up before keeps empty details until someone fills them in, and the desk
// says so (office.setupStatus).
import type { Migration } from './index';

export const m0013OfficeDetails: Migration = {
  version: 13,
  name: 'office-details',
  up(db) {
    db.exec(`
ALTER TABLE office ADD COLUMN address TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 200);
ALTER TABLE office ADD COLUMN phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 30);
ALTER TABLE office ADD COLUMN hq_name TEXT NOT NULL DEFAULT '' CHECK (length(hq_name) <= 100);
ALTER TABLE office ADD COLUMN default_printer TEXT CHECK (default_printer IS NULL OR length(default_printer) BETWEEN 1 AND 200);
`);
  },
};
