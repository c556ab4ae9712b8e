// 0018: the posted slip's hash and the audit chain's anchors (issue #11).
//
// slips.posted_hash: SHA-256 over a posted slip's header, lines and signature rows as stored
// (store/postedSlip.ts), taken at posting and written into the posting's audit row as well; verify
// takes it again. The slips already posted get theirs here, from the rows as they stand. That is
// acceptable because migrate() runs on the office's own books, which the desk has been writing
// through its triggers (a posted slip cannot be changed by the app) and which `verify` checks
// against the signatures; a slip changed behind the triggers before this migration would already
// fail verify's signature check, and this hash only makes the next change show as well. Their
// posting audit rows, written before, do not name the hash; only later postings' rows do.
//
// audit_anchors: at each close of day the head of the audit chain (row id, its hash, the row count),
// the business date, the time and the office key's fingerprint, signed with the office key. Kept
// here, so every backup carries them, and as JSON lines in `<db file>.anchors` beside the database
// (ledger/anchors.ts); `file_error` says why the line could not be written there. Append-only.
import type { Migration } from './index';
import { POSTED_HEADER_COLUMNS, postedSlipHash, type PostedHeader } from '../postedSlip';

export const m0018AuditAnchors: Migration = {
  version: 18,
  name: 'audit-anchors',
  up(db) {
    // slips_frozen refuses any change to a posted slip: set the hashes with it out of the way, then put it back as it was
    const frozen = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'slips_frozen'").pluck().get() as string;
    // a slip's signatures, read by slip for every posted slip by verify (until now a scan of the table each)
    db.exec('DROP TRIGGER slips_frozen; ALTER TABLE slips ADD COLUMN posted_hash TEXT; CREATE INDEX signatures_slip ON signatures(slip_id);');
    const set = db.prepare('UPDATE slips SET posted_hash = ? WHERE id = ?');
    const posted = db.prepare(`SELECT ${POSTED_HEADER_COLUMNS.join(', ')} FROM slips WHERE state = 'posted' ORDER BY id`).all() as PostedHeader[];
    for (const h of posted) set.run(postedSlipHash(db, h), h.id);
    db.exec(`${frozen};
CREATE TRIGGER slips_posted_hash_kept BEFORE UPDATE OF posted_hash ON slips WHEN OLD.posted_hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a posted slip''s hash never changes'); END;

CREATE TABLE audit_anchors (
  id INTEGER PRIMARY KEY,
  close_id INTEGER NOT NULL REFERENCES day_closes(id),
  audit_seq INTEGER NOT NULL,
  audit_hash TEXT NOT NULL,
  audit_rows INTEGER NOT NULL,
  business_date TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  signature TEXT NOT NULL,
  -- why the anchor's line could not be written to the file beside the database (NULL: it was)
  file_error TEXT
) STRICT;
CREATE INDEX audit_anchors_close ON audit_anchors(close_id);
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
`);
  },
};
