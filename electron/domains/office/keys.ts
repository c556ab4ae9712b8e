// The office's secrets on this PC (office.keyStatus, newKey, exportKeys, importKeys): what the books
// say the office's keys and PIN secret are, and whether the vault beside the database holds them.
// A copied or restored database on a new PC reads and verifies, but signs nothing and checks no PIN
// until the key backup (sealed under a password, store/keyExport.ts) is imported, or the manager
// makes a new key (and the administrator resets PINs on this PC: `desk reset-pin`, README).

import type { KeyStatus, Output, ParsedInput } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { newOfficeKey, putKeyInForce } from '../../ledger/officeKey';
import { officeKeyRows, officePinSecret, vaultOf } from '../../ledger/officeSecrets';
import type { ReadableDB } from '../../store/db';
import { openSecrets, sealSecrets } from '../../store/keyExport';
import type { VaultSecrets } from '../../store/vault';
import { actor, type ReadCtx, type WriteCtx } from '../context';
import { officePinSecretIds } from '../users/repo';
import { officeRow, requireOffice } from './repo';

export function keyStatus(db: ReadableDB): KeyStatus {
  const vault = vaultOf(db);
  const rows = officeKeyRows(db);
  const keys = rows.map((r) => ({
    fingerprint: r.fingerprint,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
    here: vault.privateKeyPem(r.fingerprint) !== null,
  }));
  return {
    initialised: officeRow(db) !== null,
    canSign: keys.some((k) => k.retiredAt === null && k.here),
    pinSecretHere: officePinSecret(db).secret !== null,
    keptBy: vault.keptBy,
    keys,
  };
}

/** office.newKey: the manager, his PIN again; the current key is retired, never deleted. */
export function makeNewKey(ctx: WriteCtx, input: ParsedInput<'office.newKey'>): KeyStatus {
  requireOffice(ctx.db);
  ctx.auth.checkPin(ctx.db, actor(ctx).id, input.pin);
  const publicKeyPem = newOfficeKey(ctx.db);
  putKeyInForce(ctx.db, publicKeyPem, ctx.nowIso);
  const status = keyStatus(ctx.db);
  ctx.auditRef = `新密钥 ${status.keys[0].fingerprint}`;
  return status;
}

/** The PIN secrets the books name: the office's, and any a PIN hash was keyed with. */
function officeSecretNames(db: ReadableDB): { fingerprints: string[]; pinSecretIds: string[] } {
  const current = officePinSecret(db).id;
  const ids = new Set([...(current ? [current] : []), ...officePinSecretIds(db)]);
  return { fingerprints: officeKeyRows(db).map((r) => r.fingerprint), pinSecretIds: [...ids] };
}

/** office.exportKeys: what this PC holds of the office's secrets, sealed under the password. */
export function exportKeys(ctx: ReadCtx, input: ParsedInput<'office.exportKeys'>): Output<'office.exportKeys'> {
  const office = requireOffice(ctx.db);
  const names = officeSecretNames(ctx.db);
  const secrets = vaultOf(ctx.db).pick(names.fingerprints, names.pinSecretIds);
  if (!secrets.keys.length && !secrets.pinSecrets.length) fail('office_key_missing');
  const day = ctx.calendarDate.replace(/-/g, '');
  return {
    fileName: `${office.short_name}-密钥备份-${day}.deskkey`,
    sealedSecrets: sealSecrets(secrets, input.password),
    fingerprints: secrets.keys.map((k) => k.fingerprint),
  };
}

/** Only what belongs to this office is taken from a key backup. */
function thisOfficesPart(db: ReadableDB, s: VaultSecrets): VaultSecrets {
  const names = officeSecretNames(db);
  return {
    keys: s.keys.filter((k) => names.fingerprints.includes(k.fingerprint) && typeof k.privateKeyPem === 'string'),
    pinSecrets: s.pinSecrets.filter((p) => names.pinSecretIds.includes(p.id) && typeof p.secretB64 === 'string'),
  };
}

/** office.importKeys: the key backup opened with its password; nothing is written unless it is this office's. */
export function importKeys(ctx: WriteCtx, input: ParsedInput<'office.importKeys'>): Output<'office.importKeys'> {
  requireOffice(ctx.db);
  const opened = openSecrets(input.sealedSecrets, input.password);
  if (opened === 'not_an_export') fail('key_backup_unreadable');
  if (opened === 'wrong_passphrase') fail('key_backup_wrong_password', { field: 'password' });
  const mine = thisOfficesPart(ctx.db, opened);
  if (!mine.keys.length && !mine.pinSecrets.length) fail('key_backup_foreign');
  const vault = vaultOf(ctx.db);
  const before = {
    keys: mine.keys.filter((k) => vault.privateKeyPem(k.fingerprint) === null).length,
    pins: mine.pinSecrets.filter((p) => vault.pinSecret(p.id) === null).length,
  };
  vault.add(mine);
  ctx.auditRef = `导入密钥 ${before.keys} 把, PIN 密钥 ${before.pins} 个`;
  return { ...keyStatus(ctx.db), importedKeys: before.keys, importedPinSecrets: before.pins };
}
