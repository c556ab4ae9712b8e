// 0004: a signature image per user (PNG bytes, nullable), drawn in the signature boxes of the
// slips and finance papers beside the signer's name. Validated by the core (users.setSignature).
import type { Migration } from './index';

export const m0004Signatures: Migration = {
  version: 4,
  name: 'signatures',
  up(db) {
    db.exec(`ALTER TABLE users ADD COLUMN signature_png BLOB;`);
  },
};
