// Which vault (store/vault.ts) holds this database's secrets, and what the books say they should be:
// the office's keys (office_keys, the current one in office.public_key_pem) and the PIN secret
// (office.pin_secret_id). The core attaches the vault to its connection once, so signing keeps its
// plain signature signWithOfficeKey(db, payload).
//
// On opening (secureOfficeSecrets), before any call: a private key still in the office row (a
// database from before 0019) is written to the vault first and only then blanked in the database,
// with SQLite's secure_delete so its bytes are zeroed on the page and the WAL is folded in; an
// office without a PIN secret gets one.

import type { ReadableDB, WritableDB } from '../store/db';
import { openDatabase, sql, type OpenOptions } from '../store/db';
import { keyFingerprint, type Vault } from '../store/vault';

const vaults = new WeakMap<object, Vault>();

export function attachVault(db: ReadableDB, vault: Vault): void {
  vaults.set(db, vault);
}

export function vaultOf(db: ReadableDB): Vault {
  const v = vaults.get(db);
  if (!v) throw new Error('no vault attached to this connection (createCore attaches it)');
  return v;
}

export interface OfficeKeyRow {
  public_key_pem: string;
  fingerprint: string;
  created_at: string;
  retired_at: string | null;
}

const withKeyTable = new WeakSet<object>();

/** Whether the file has office_keys (0019): `desk verify` and `restore` also read older backups as they are. */
function hasKeyTable(db: ReadableDB): boolean {
  if (withKeyTable.has(db)) return true;
  const has = sql(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'office_keys'").get() !== undefined;
  if (has) withKeyTable.add(db);
  return has;
}

/** Every key the office has signed with, the current one first, then the retired ones, newest first. */
export function officeKeyRows(db: ReadableDB): OfficeKeyRow[] {
  if (!hasKeyTable(db)) {
    const o = sql(db, 'SELECT public_key_pem, created_at FROM office WHERE id = 1').get() as { public_key_pem: string; created_at: string } | undefined;
    return o ? [{ ...o, fingerprint: keyFingerprint(o.public_key_pem), retired_at: null }] : [];
  }
  return sql(
    db,
    'SELECT public_key_pem, fingerprint, created_at, retired_at FROM office_keys ORDER BY retired_at IS NOT NULL, id DESC',
  ).all() as OfficeKeyRow[];
}

/** The office's PIN secret as the books name it, and the secret itself when this machine has it. */
export function officePinSecret(db: ReadableDB): { id: string | null; secret: Buffer | null } {
  const id = (sql(db, 'SELECT pin_secret_id FROM office WHERE id = 1').pluck().get() as string | null | undefined) ?? null;
  return { id, secret: id ? vaultOf(db).pinSecret(id) : null };
}

export function setOfficePinSecret(db: WritableDB, id: string): void {
  sql(db, 'UPDATE office SET pin_secret_id = ? WHERE id = 1').run(id);
}

/** Opening a database: the private key out of the office row (vault first), and a PIN secret if none. */
export function secureOfficeSecrets(db: WritableDB, vault: Vault): { movedKey: boolean; newPinSecret: boolean } {
  attachVault(db, vault);
  vault.keepWrapped();
  // a core on an older migration list (tests of the runner) has no such columns: nothing to secure
  if (!sql(db, "SELECT 1 FROM pragma_table_info('office') WHERE name = 'pin_secret_id'").get()) return { movedKey: false, newPinSecret: false };
  const row = sql(db, 'SELECT public_key_pem, private_key_pem, pin_secret_id FROM office WHERE id = 1').get() as
    { public_key_pem: string; private_key_pem: string; pin_secret_id: string | null } | undefined;
  if (!row) return { movedKey: false, newPinSecret: false };
  const newPinSecret = row.pin_secret_id === null;
  if (newPinSecret) setOfficePinSecret(db, vault.newPinSecret());
  const movedKey = row.private_key_pem !== '';
  if (movedKey) {
    vault.add({ keys: [{ fingerprint: keyFingerprint(row.public_key_pem), privateKeyPem: row.private_key_pem }] });
    db.pragma('secure_delete = ON');
    try {
      sql(db, "UPDATE office SET private_key_pem = '' WHERE id = 1").run();
    } finally {
      db.pragma('secure_delete = OFF');
    }
    // the WAL still holds the page with the key: fold it into the file and empty it
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { movedKey, newPinSecret };
}

/**
 * The copy the upgrade took before 0019 (store/migrate.ts, `<db>.v<N>-<time>.bak`) still holds the
 * private key in its office row: once the key is safe in the vault, blank it there too (secure
 * delete, WAL folded in), so no file the desk leaves beside the database signs. The copy stays a
 * working database: opened again it finds no key to move and signs with the vault's.
 */
export function scrubKeyFromCopy(path: string, opts: Pick<OpenOptions, 'nativeBinding'> = {}): void {
  const copy = openDatabase(path, opts);
  try {
    copy.pragma('secure_delete = ON');
    sql(copy, "UPDATE office SET private_key_pem = '' WHERE id = 1").run();
    copy.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    copy.close();
  }
}
