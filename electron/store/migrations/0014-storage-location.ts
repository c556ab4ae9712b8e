// 0014: an item's storage location (库位, items.location), where the keeper finds it on the shelves:
// free text such as "A-03-2", at most 20 characters, '' on every item already in the books.
// Temporarily at version 13 (its position in this tree, without 0013); the lead renumbers at merge.
import type { Migration } from './index';

export const m0014StorageLocation: Migration = {
  version: 13,
  name: 'storage-location',
  up(db) {
    db.exec(`ALTER TABLE items ADD COLUMN location TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 20);`);
  },
};
