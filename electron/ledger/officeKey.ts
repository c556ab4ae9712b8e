// The office's Ed25519 signing key (Node's crypto). Signatures on slips are made with
// the office's key, so HQ can check a printed slip with the exported public key alone.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { ReadableDB } from '../store/db';
import { sql } from '../store/db';
import { fail } from '../../shared/errors';

const keys = new WeakMap<ReadableDB, { priv: KeyObject; pub: KeyObject }>();

export function newKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function officeKeys(db: ReadableDB): { priv: KeyObject; pub: KeyObject } {
  let k = keys.get(db);
  if (!k) {
    const row =
      (sql(db, 'SELECT public_key_pem, private_key_pem FROM office WHERE id = 1').get() as { public_key_pem: string; private_key_pem: string } | undefined) ??
      fail('office_not_initialised');
    k = { priv: createPrivateKey(row.private_key_pem), pub: createPublicKey(row.public_key_pem) };
    keys.set(db, k);
  }
  return k;
}

export function signWithOfficeKey(db: ReadableDB, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), officeKeys(db).priv).toString('base64');
}

// Ed25519 verification costs ~0.1 ms and a slip's signatures are checked several times per write
// (postSlip, then slipView for the answer), so a result is remembered per connection. The key is
// the exact payload and signature under the office's one key, for which the answer cannot change.
const verified = new WeakMap<ReadableDB, Map<string, boolean>>();
const VERIFIED_MAX = 4096;

export function verifyOfficeSignature(db: ReadableDB, payload: string, signatureB64: string): boolean {
  let memo = verified.get(db);
  if (!memo) verified.set(db, (memo = new Map()));
  const key = `${signatureB64}\n${payload}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    ok = verify(null, Buffer.from(payload, 'utf8'), officeKeys(db).pub, Buffer.from(signatureB64, 'base64'));
  } catch {
    ok = false;
  }
  if (memo.size >= VERIFIED_MAX) memo.clear();
  memo.set(key, ok);
  return ok;
}
