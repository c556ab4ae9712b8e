// The office's secrets sealed under a passphrase (密钥备份), the one way they leave the PC: the
// administrator exports them once and keeps the file apart from the backups; restoring onto a new PC
// imports it. scrypt (N = 2^15, r = 8, p = 1) derives a 256-bit key from the passphrase and a random
// salt; AES-256-GCM seals the secrets (the format line is authenticated too). The blob is base64 of
// one JSON object, so it travels as text through every door.

import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { VaultSecrets } from './vault';

const FORMAT = 'branch-desk-key-export/1';
const KDF = { N: 1 << 15, r: 8, p: 1 };

interface Sealed {
  format: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  iv: string;
  tag: string;
  data: string;
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 });
}

export function sealSecrets(secrets: VaultSecrets, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, KDF), iv);
  cipher.setAAD(Buffer.from(FORMAT));
  const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  const sealed: Sealed = {
    format: FORMAT,
    kdf: { name: 'scrypt', ...KDF, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return Buffer.from(JSON.stringify(sealed)).toString('base64');
}

/** What the blob is not: not an export at all, or sealed under another passphrase (or altered). */
export type OpenFailure = 'not_an_export' | 'wrong_passphrase';

function readSealed(blob: string): Sealed | null {
  try {
    const s = JSON.parse(Buffer.from(blob, 'base64').toString('utf8')) as Sealed;
    const k = s.kdf;
    const sane = s.format === FORMAT && k?.name === 'scrypt' && [k.N, k.r, k.p].every(Number.isInteger) && k.N <= 1 << 20 && k.r <= 16 && k.p <= 4;
    return sane ? s : null;
  } catch {
    return null;
  }
}

export function openSecrets(blob: string, passphrase: string): VaultSecrets | OpenFailure {
  const s = readSealed(blob);
  if (!s) return 'not_an_export';
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(s.kdf.salt, 'base64'), s.kdf), Buffer.from(s.iv, 'base64'));
    decipher.setAAD(Buffer.from(FORMAT));
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]).toString('utf8');
    const o = JSON.parse(plain) as VaultSecrets;
    return { keys: Array.isArray(o.keys) ? o.keys : [], pinSecrets: Array.isArray(o.pinSecrets) ? o.pinSecrets : [] };
  } catch {
    return 'wrong_passphrase';
  }
}
