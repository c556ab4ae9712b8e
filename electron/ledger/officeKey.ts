// The office's Ed25519 signing keys (Node's crypto). Signatures on slips are made with the office's
// current key, so HQ can check a printed slip with the exported public key alone. The private key is
// never in the database: it is in the vault beside it (store/vault.ts, officeSecrets.ts); a desk
// without it (a copied or restored database on a new PC) reads and verifies but signs nothing
// (office_key_missing) until the key backup is imported or the manager makes a new key. Every key
// the office has used stays in office_keys, so what an old key signed still verifies.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import { keyFingerprint } from '../store/vault';
import { fail } from '../../shared/errors';
import { officeKeyRows, vaultOf } from './officeSecrets';

export function newKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A new key pair, its private half written to the vault (before anything in the books names it); its public PEM. */
export function newOfficeKey(db: WritableDB): string {
  const k = newKeyPair();
  vaultOf(db).add({ keys: [{ fingerprint: keyFingerprint(k.publicKeyPem), privateKeyPem: k.privateKeyPem }] });
  return k.publicKeyPem;
}

/** The key signs from now on: the current one is retired (kept, so what it signed still verifies). */
export function putKeyInForce(db: WritableDB, publicKeyPem: string, at: string): void {
  sql(db, 'UPDATE office_keys SET retired_at = ? WHERE retired_at IS NULL').run(at);
  sql(db, 'INSERT INTO office_keys (public_key_pem, fingerprint, created_at) VALUES (?, ?, ?)').run(publicKeyPem, keyFingerprint(publicKeyPem), at);
  sql(db, 'UPDATE office SET public_key_pem = ? WHERE id = 1').run(publicKeyPem);
}

/** The current public key (the office row's), or null before office.init. */
function currentPublicKeyPem(db: ReadableDB): string | null {
  return (sql(db, 'SELECT public_key_pem FROM office WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

/** Whether this desk can sign: the vault holds the private half of the office's current key. */
export function canSign(db: ReadableDB): boolean {
  const pem = currentPublicKeyPem(db);
  return pem !== null && vaultOf(db).privateKeyPem(keyFingerprint(pem)) !== null;
}

// the private key of the current public key, per connection; looked up again when the key changes
const signing = new WeakMap<ReadableDB, { publicKeyPem: string; priv: KeyObject }>();

function signingKey(db: ReadableDB): KeyObject {
  const pem = currentPublicKeyPem(db) ?? fail('office_not_initialised');
  const known = signing.get(db);
  if (known?.publicKeyPem === pem) return known.priv;
  const privateKeyPem = vaultOf(db).privateKeyPem(keyFingerprint(pem)) ?? fail('office_key_missing');
  const priv = createPrivateKey(privateKeyPem);
  signing.set(db, { publicKeyPem: pem, priv });
  return priv;
}

export function signWithOfficeKey(db: ReadableDB, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), signingKey(db)).toString('base64');
}

const publicKeys = new Map<string, KeyObject>();

function publicKeyOf(pem: string): KeyObject {
  let k = publicKeys.get(pem);
  if (!k) publicKeys.set(pem, (k = createPublicKey(pem)));
  return k;
}

/** Every public key the office has signed with (current first): a signature by any of them is the office's. */
export function officePublicKeyPems(db: ReadableDB): string[] {
  return officeKeyRows(db).map((r) => r.public_key_pem);
}

// Ed25519 verification costs ~0.1 ms and a slip's signatures are checked several times per write
// (postSlip, then slipView for the answer), so a result is remembered per connection. The key is
// the exact payload and signature; the office's keys are only ever added, never taken away, so a
// memo is cleared when their number changes.
const verified = new WeakMap<ReadableDB, { keyCount: number; memo: Map<string, boolean> }>();
const VERIFIED_MAX = 4096;

function checkSignature(pems: string[], payload: string, signatureB64: string): boolean {
  const data = Buffer.from(payload, 'utf8');
  const sig = Buffer.from(signatureB64, 'base64');
  return pems.some((pem) => {
    try {
      return verify(null, data, publicKeyOf(pem), sig);
    } catch {
      return false;
    }
  });
}

export function verifyOfficeSignature(db: ReadableDB, payload: string, signatureB64: string): boolean {
  const pems = officePublicKeyPems(db);
  if (!pems.length) fail('office_not_initialised');
  let m = verified.get(db);
  if (!m || m.keyCount !== pems.length) verified.set(db, (m = { keyCount: pems.length, memo: new Map() }));
  const key = `${signatureB64}\n${payload}`;
  const known = m.memo.get(key);
  if (known !== undefined) return known;
  const ok = checkSignature(pems, payload, signatureB64);
  if (m.memo.size >= VERIFIED_MAX) m.memo.clear();
  m.memo.set(key, ok);
  return ok;
}
