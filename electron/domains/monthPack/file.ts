// The signed month pack as text, and how to check it offline. Pure (Node's crypto only, no
// database): HQ, with the office's public key, checks an exported file with `desk verify-pack`.
//
// The payload is canonical JSON (keys sorted at every level, no spaces), so the same pack is the
// same bytes wherever it is written again. The office key signs a domain-separated message over
// its SHA-256 that cannot be confused with a slip QR or anything else the key signs:
//
//   branch-desk:month-pack:v1\n<month>\n<sha256 of the payload>
//
// The cover's QR carries the same signature: BDM1|<month>|<sha256>|<signature, base64url>.

import { createHash, createPublicKey, verify as edVerify } from 'node:crypto';
import type { MonthPackFile } from '../../../shared/contract';
import { toBase64Url } from '../documents/qr';

export const PACK_FORMAT = 'branch-desk-month-pack/1' as const;
const QR_VERSION = 'BDM1';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The payload the manager signs: the office, the month, each part's data, the chain's head, the signer. */
export interface PackPayload {
  format: typeof PACK_FORMAT;
  office: { name: string; shortName: string; timezone: string };
  month: string;
  /** each part's title, by key (A … D), as the desk named it when signing */
  titles: Record<string, { zh: string; en: string }>;
  parts: Record<string, unknown>;
  auditHead: { seq: number; hash: string };
  signedBy: { id: number; name: string; role: 'manager' };
  signedAt: string;
  keyFingerprint: string;
}

function sorted(v: unknown): Json {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sorted(x);
    }
    return out;
  }
  return v as Json;
}

/** JSON with its keys sorted at every level: one text for one value. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sorted(v));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The message the office key signs for a month's pack. */
export function packMessage(month: string, sha256: string): string {
  return `branch-desk:month-pack:v1\n${month}\n${sha256}`;
}

export function packQrPayload(month: string, sha256: string, signatureB64: string): string {
  return `${QR_VERSION}|${month}|${sha256}|${toBase64Url(signatureB64)}`;
}

/** Every PEM public key in a text (a key file may hold the current key and retired ones). */
export function publicKeysIn(text: string): string[] {
  return text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
}

function signedByAny(message: string, signatureB64: string, pems: string[]): boolean {
  const data = Buffer.from(message, 'utf8');
  const sig = Buffer.from(signatureB64, 'base64');
  return pems.some((pem) => {
    try {
      const key = createPublicKey(pem);
      return key.asymmetricKeyType === 'ed25519' && edVerify(null, data, key, sig);
    } catch {
      return false;
    }
  });
}

export type PackVerdict = { ok: true; month: string; payload: PackPayload; sha256: string } | { ok: false; message_zh: string; message_en: string };

const bad = (message_zh: string, message_en: string): PackVerdict => ({ ok: false, message_zh, message_en });

function readFile(text: string): MonthPackFile | null {
  try {
    const f = JSON.parse(text) as Partial<MonthPackFile>;
    const fields = [f.month, f.payload, f.sha256, f.signature, f.keyFingerprint];
    return f.format === PACK_FORMAT && fields.every((x) => typeof x === 'string') ? (f as MonthPackFile) : null;
  } catch {
    return null;
  }
}

/** Check an exported pack file against the office's public key(s): the payload's hash, the signature, the month. */
export function verifyPackText(text: string, publicKeyPems: string[]): PackVerdict {
  const f = readFile(text);
  if (!f) return bad('不是办事处仓财台的月报文件', 'Not a Branch Desk month pack file');
  if (!publicKeyPems.length) return bad('公钥文件里没有公钥', 'The key file holds no public key');
  const sha = sha256Hex(f.payload);
  if (sha !== f.sha256)
    return bad(
      `月报内容已被改动: SHA-256 不符(文件写 ${f.sha256}, 实为 ${sha})`,
      `The pack's content was altered: its SHA-256 is ${sha}, the file says ${f.sha256}`,
    );
  if (!signedByAny(packMessage(f.month, f.sha256), f.signature, publicKeyPems))
    return bad('签名无效: 不是该办事处签署的月报, 或已被篡改', 'The signature does not verify: not signed by this office, or tampered with');
  const payload = JSON.parse(f.payload) as PackPayload;
  if (payload.month !== f.month || payload.format !== PACK_FORMAT) return bad('文件的月份与签署的内容不符', 'The file’s month does not match what was signed');
  return { ok: true, month: f.month, payload, sha256: sha };
}
