// 0019: the office's secrets leave the database (issue #11 defect 7). The public keys the office has
// signed with are kept in office_keys (the current one has no retired_at), so a slip or QR signed
// with a retired key still verifies; rows are never deleted and only retired_at may be set, once.
// office.pin_secret_id names the PIN secret (pepper) the PIN hashes are keyed with; the secret itself
// is in the vault beside the database (store/vault.ts). office.pin_length: 4 or 6 digits for new PINs.
//
// The migration cannot see the vault, so it leaves office.private_key_pem as it is: the core, on
// opening (ledger/officeKey.ts secureOfficeSecrets), writes the key to the vault first and then
// blanks the column (secure_delete on), before any call is answered.
import { keyFingerprint } from '../vault';
import type { Migration } from './index';

export const m0019OfficeSecrets: Migration = {
  version: 19,
  name: 'office-secrets',
  up(db) {
    db.exec(`
CREATE TABLE office_keys (
  id INTEGER PRIMARY KEY,
  public_key_pem TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
CREATE UNIQUE INDEX office_keys_one_current ON office_keys ((retired_at IS NULL)) WHERE retired_at IS NULL;
CREATE TRIGGER office_keys_no_delete BEFORE DELETE ON office_keys
BEGIN SELECT RAISE(ABORT, 'office_keys is append-only'); END;
CREATE TRIGGER office_keys_only_retire BEFORE UPDATE ON office_keys
WHEN OLD.retired_at IS NOT NULL OR NEW.retired_at IS NULL OR NEW.public_key_pem IS NOT OLD.public_key_pem
  OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.created_at IS NOT OLD.created_at OR NEW.id IS NOT OLD.id
BEGIN SELECT RAISE(ABORT, 'an office key may only be retired, once'); END;
ALTER TABLE office ADD COLUMN pin_secret_id TEXT;
ALTER TABLE office ADD COLUMN pin_length INTEGER NOT NULL DEFAULT 4 CHECK (pin_length IN (4, 6));
`);
    const office = db.prepare('SELECT public_key_pem, created_at FROM office WHERE id = 1').get() as { public_key_pem: string; created_at: string } | undefined;
    if (office)
      db.prepare('INSERT INTO office_keys (public_key_pem, fingerprint, created_at) VALUES (?, ?, ?)').run(
        office.public_key_pem,
        keyFingerprint(office.public_key_pem),
        office.created_at,
      );
  },
};
