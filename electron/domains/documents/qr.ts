// The QR code on a printed slip, and how to check it offline.
//
// Payload (one line of ASCII, so any scanner types it as is):
//
//   BD1|<slip no>|<content hash, 64 hex>|<Ed25519 signature, base64url, 86 chars>
//
// The signature is the office key's, over a domain-separated message that cannot be confused
// with a slip signature or anything else the office key signs:
//
//   branch-desk:slip-qr:v1\n<slip no>\n<content hash>
//
// This module is pure (Node's crypto only, no database): with the office's public key (PEM,
// from office.get / documents.publicKey) anyone, e.g. HQ, can tell whether a QR was issued by
// that office and for which slip content. Whether the slip still matches the books is for the
// desk to say (documents.verifyQr). See scripts/verify-slip.ts for the command-line check.

import { createPublicKey, verify as edVerify, type KeyObject } from 'node:crypto';

export const QR_VERSION = 'BD1';
const NO = /^[A-Z]{2}\d{12,16}$/;
const HASH = /^[0-9a-f]{64}$/;
const SIG = /^[A-Za-z0-9_-]{86}$/;

export interface QrFields {
  no: string;
  hash: string;
  /** base64url, no padding */
  signature: string;
}

/** The message the office signs for a slip's QR. */
export function qrMessage(no: string, hash: string): string {
  return `branch-desk:slip-qr:v1\n${no}\n${hash}`;
}

export function formatQrPayload(f: QrFields): string {
  return `${QR_VERSION}|${f.no}|${f.hash}|${f.signature}`;
}

/** base64 (as node:crypto gives it) → base64url without padding. */
export function toBase64Url(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The fields of a payload, or null when it is not a well-formed Branch Desk QR. */
export function parseQrPayload(payload: string): QrFields | null {
  const parts = payload.trim().split('|');
  if (parts.length !== 4 || parts[0] !== QR_VERSION) return null;
  const [, no, hash, signature] = parts;
  if (!NO.test(no) || !HASH.test(hash) || !SIG.test(signature)) return null;
  return { no, hash, signature };
}

export type QrVerdict =
  { valid: true; no: string; hash: string } | { valid: false; reason: 'malformed' | 'bad_key' | 'bad_signature'; no: string | null; hash: string | null };

/** Whether a payload carries a valid signature of the office whose public key is given. */
export function verifyQrPayload(payload: string, publicKey: string | KeyObject): QrVerdict {
  const f = parseQrPayload(payload);
  if (!f) return { valid: false, reason: 'malformed', no: null, hash: null };
  let key: KeyObject;
  try {
    key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  } catch {
    return { valid: false, reason: 'bad_key', no: f.no, hash: f.hash };
  }
  let ok = false;
  try {
    ok = edVerify(null, Buffer.from(qrMessage(f.no, f.hash), 'utf8'), key, Buffer.from(f.signature, 'base64url'));
  } catch {
    ok = false;
  }
  return ok ? { valid: true, no: f.no, hash: f.hash } : { valid: false, reason: 'bad_signature', no: f.no, hash: f.hash };
}

/** A short fingerprint of a public key to read out over the phone (store/vault.ts). */
export { keyFingerprint as publicKeyFingerprint } from '../../store/vault';
