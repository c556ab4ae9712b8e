// The office row and its Ed25519 signing key (Node's crypto). Signatures on slips are made with
// the office's key, so HQ can check a printed slip with the exported public key alone.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { DB } from '../store/db';
import { sql } from '../store/db';
import { fail } from '../../shared/errors';
import type { Office } from '../../shared/contract';

interface OfficeRow {
  name: string;
  short_name: string;
  timezone: string;
  public_key_pem: string;
  private_key_pem: string;
  created_at: string;
}

const keys = new WeakMap<DB, { priv: KeyObject; pub: KeyObject }>();

export function officeRow(db: DB): OfficeRow | null {
  return (sql(db, 'SELECT * FROM office WHERE id = 1').get() as OfficeRow | undefined) ?? null;
}

export function requireOffice(db: DB): OfficeRow {
  return officeRow(db) ?? fail('office_not_initialised');
}

export function officeView(row: OfficeRow): Office {
  return {
    name: row.name,
    shortName: row.short_name,
    timezone: row.timezone,
    publicKeyPem: row.public_key_pem,
    createdAt: row.created_at,
  };
}

export function newKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function officeKeys(db: DB): { priv: KeyObject; pub: KeyObject } {
  let k = keys.get(db);
  if (!k) {
    const row = requireOffice(db);
    k = { priv: createPrivateKey(row.private_key_pem), pub: createPublicKey(row.public_key_pem) };
    keys.set(db, k);
  }
  return k;
}

export function signWithOfficeKey(db: DB, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), officeKeys(db).priv).toString('base64');
}

export function verifyOfficeSignature(db: DB, payload: string, signatureB64: string): boolean {
  try {
    return verify(null, Buffer.from(payload, 'utf8'), officeKeys(db).pub, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
