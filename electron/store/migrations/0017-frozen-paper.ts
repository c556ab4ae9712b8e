// 0017: what a slip's paper shows, frozen (slips.paper_json): the party's name, contact, phone and
// address and each line's item code, name, spec and unit, written when the first signature is given
// (or at posting, for a slip nobody signs) and part of the signed content from then on. A reprint
// (补打) prints from it, not from today's master data. NULL on the slips already in the books: they
// keep printing as before and their signatures keep verifying (their content reads as before).
import type { Migration } from './index';

export const m0017FrozenPaper: Migration = {
  version: 17,
  name: 'frozen-paper',
  up(db) {
    db.exec(`ALTER TABLE slips ADD COLUMN paper_json TEXT CHECK (paper_json IS NULL OR json_valid(paper_json));`);
  },
};
