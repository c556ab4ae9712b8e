// Signing the month pack: the manager's PIN, no blocker standing (rules.ts), then in the one
// transaction every registered part's data, the audit chain's head and the signer go into one
// canonical payload; its SHA-256 is signed with the office key and the pack stored, never to
// change. From then on the month is locked (ledger/daylock.ts).

import type { MonthPackSigned, MonthPackStatus } from '../../../shared/contract';
import { auditHead } from '../../ledger/audit';
import { officePublicKeyPems, signWithOfficeKey } from '../../ledger/officeKey';
import type { ReadableDB } from '../../store/db';
import { keyFingerprint } from '../../store/vault';
import { actor, type WriteCtx } from '../context';
import { officeInfo } from '../documents/service';
import { PACK_FORMAT, canonicalJson, packMessage, packQrPayload, sha256Hex, type PackPayload } from './file';
import { PARTS } from './parts';
import { insertPack, packRow, type PackRow } from './repo';
import { monthProblems, requireSignable } from './rules';

const partInfo = () => PARTS.map((p) => ({ key: p.key, title_zh: p.title.zh, title_en: p.title.en }));

export function payloadOf(row: PackRow): PackPayload {
  return JSON.parse(row.payload_json) as PackPayload;
}

function signedOf(row: PackRow): MonthPackSigned {
  const p = payloadOf(row);
  return {
    signedBy: { id: row.signed_by, name: row.signer_name },
    signedAt: row.signed_at,
    sha256: row.sha256,
    signature: row.signature,
    keyFingerprint: row.key_fingerprint,
    auditHead: { seq: row.audit_seq, hash: row.audit_hash },
    parts: Object.keys(p.parts)
      .sort()
      .map((key) => ({ key, title_zh: p.titles[key]?.zh ?? key, title_en: p.titles[key]?.en ?? key })),
    qrPayload: packQrPayload(row.month, row.sha256, row.signature),
  };
}

export function packStatus(db: ReadableDB, month: string, today: string): MonthPackStatus {
  const row = packRow(db, month);
  if (row) return { month, parts: partInfo(), problems: [], canSign: false, signed: signedOf(row) };
  const problems = monthProblems(db, month, today);
  return { month, parts: partInfo(), problems, canSign: !problems.some((p) => p.blocker), signed: null };
}

/** Where a pack is made from: the books, the moment (the core's clock). */
export interface PackSource {
  db: ReadableDB;
  now: Date;
  nowIso: string;
}

function buildPayload(src: PackSource, month: string, signer: { id: number; name: string }): PackPayload {
  const office = officeInfo(src.db);
  return {
    format: PACK_FORMAT,
    office: { name: office.name, shortName: office.shortName, timezone: office.timezone },
    month,
    titles: Object.fromEntries(PARTS.map((p) => [p.key, p.title])),
    parts: Object.fromEntries(PARTS.map((p) => [p.key, p.build(src.db, month, src.now)])),
    auditHead: auditHead(src.db),
    signedBy: { id: signer.id, name: signer.name, role: 'manager' },
    signedAt: src.nowIso,
    keyFingerprint: keyFingerprint(officePublicKeyPems(src.db)[0]),
  };
}

/** The pack as it is stored: every part's data in the canonical payload, its SHA-256, the office key's signature. */
export function sealPack(src: PackSource, month: string, signer: { id: number; name: string }): Omit<PackRow, 'signer_name'> {
  const payload = buildPayload(src, month, signer);
  const text = canonicalJson(payload);
  const sha256 = sha256Hex(text);
  return {
    month,
    payload_json: text,
    sha256,
    signature: signWithOfficeKey(src.db, packMessage(month, sha256)),
    key_fingerprint: payload.keyFingerprint,
    signed_by: signer.id,
    signed_at: src.nowIso,
    audit_seq: payload.auditHead.seq,
    audit_hash: payload.auditHead.hash,
  };
}

export function signPack(ctx: WriteCtx, month: string, pin: string): MonthPackStatus {
  const signer = ctx.auth.checkPin(ctx.db, actor(ctx).id, pin);
  requireSignable(ctx.db, month, ctx.calendarDate);
  const row = sealPack(ctx, month, signer);
  insertPack(ctx.db, row);
  ctx.auditRef = `月报 ${month} sha256:${row.sha256}`;
  return packStatus(ctx.db, month, ctx.calendarDate);
}
