// Anchors of the audit chain, outside the database's own say-so. At each close of day the head of
// the chain (its last row's id and hash, the row count) is signed with the office key, kept in
// `audit_anchors` (so every backup carries it) and appended as one JSON line to `<db file>.anchors`
// beside the database, written and synced inside the close's transaction: the row it names is
// already committed, so a close that rolls back leaves a line that is still true. A line that
// cannot be written does not stop the close; the row says why (`file_error`) and verify says so.
//
// `verify` reads the anchors from both places, checks each signature, and checks that each
// anchored row is still there with exactly that hash: a database whose last rows were deleted, or
// whose chain was rewritten with recomputed hashes, no longer matches an anchor the file kept.
// It reports how far the chain is anchored (the latest anchor that holds) and how many rows follow.

import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import { keyFingerprint } from '../store/vault';
import { auditHead } from './audit';
import { signWithOfficeKey } from './officeKey';

export interface Anchor {
  auditSeq: number;
  auditHash: string;
  auditRows: number;
  businessDate: string;
  closedAt: string;
  keyFingerprint: string;
  signature: string;
}

/** The file beside the database that keeps the anchors; none for a database in memory. */
export function anchorFileOf(dbPath: string): string | null {
  return dbPath === '' || dbPath === ':memory:' || dbPath.startsWith('file::memory:') ? null : `${dbPath}.anchors`;
}

/** What the office key signs: every field but the signature, in a fixed order. */
export function anchorPayload(a: Omit<Anchor, 'signature'>): string {
  return ['branch-desk:audit-anchor:v1', a.auditSeq, a.auditHash, a.auditRows, a.businessDate, a.closedAt, a.keyFingerprint].join('\n');
}

/** Append one line and sync it to the disk; the error's words if it could not be. */
function appendLine(file: string, line: string): string | null {
  try {
    const fd = openSync(file, 'a', 0o644);
    try {
      writeSync(fd, `${line}\n`, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** At the close of day (inside its transaction): sign the chain's head as it stands, keep it in the books and in the file. */
export function makeAnchor(db: WritableDB, dbPath: string, close: { closeId: number; businessDate: string; closedAt: string }): Anchor {
  const head = auditHead(db);
  const pem = sql(db, 'SELECT public_key_pem FROM office WHERE id = 1').pluck().get() as string;
  const fields = {
    auditSeq: head.seq,
    auditHash: head.hash,
    auditRows: sql(db, 'SELECT COUNT(*) FROM audit_log').pluck().get() as number,
    businessDate: close.businessDate,
    closedAt: close.closedAt,
    keyFingerprint: keyFingerprint(pem),
  };
  const anchor: Anchor = { ...fields, signature: signWithOfficeKey(db, anchorPayload(fields)) };
  const file = anchorFileOf(dbPath);
  const fileError = file ? appendLine(file, JSON.stringify(anchor)) : 'no file beside a database in memory';
  sql(
    db,
    `INSERT INTO audit_anchors (close_id, audit_seq, audit_hash, audit_rows, business_date, closed_at, key_fingerprint, signature, file_error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    close.closeId,
    anchor.auditSeq,
    anchor.auditHash,
    anchor.auditRows,
    anchor.businessDate,
    anchor.closedAt,
    anchor.keyFingerprint,
    anchor.signature,
    fileError,
  );
  return anchor;
}

const ANCHOR_COLUMNS = `audit_seq AS auditSeq, audit_hash AS auditHash, audit_rows AS auditRows, business_date AS businessDate,
  closed_at AS closedAt, key_fingerprint AS keyFingerprint, signature`;

/** The anchor made at a close, if any (the cash count sheet prints its short form). */
export function anchorOfClose(db: ReadableDB, closeId: number): Anchor | null {
  return (sql(db, `SELECT ${ANCHOR_COLUMNS} FROM audit_anchors WHERE close_id = ? ORDER BY id DESC LIMIT 1`).get(closeId) as Anchor | undefined) ?? null;
}

export function anchorsInBooks(db: ReadableDB): (Anchor & { fileError: string | null })[] {
  return sql(db, `SELECT ${ANCHOR_COLUMNS}, file_error AS fileError FROM audit_anchors ORDER BY id`).all() as (Anchor & { fileError: string | null })[];
}

function isAnchor(v: unknown): v is Anchor {
  const a = v as Record<string, unknown> | null;
  return (
    !!a &&
    typeof a === 'object' &&
    Number.isSafeInteger(a.auditSeq) &&
    Number.isSafeInteger(a.auditRows) &&
    ['auditHash', 'businessDate', 'closedAt', 'keyFingerprint', 'signature'].every((k) => typeof a[k] === 'string')
  );
}

/** The anchors in the file beside the database, the lines that are not one, and why the file could not be read, if it could not. */
export function anchorsInFile(file: string | null): { anchors: Anchor[]; badLines: number[]; found: boolean; unreadable: string | null } {
  if (!file || !existsSync(file)) return { anchors: [], badLines: [], found: false, unreadable: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { anchors: [], badLines: [], found: true, unreadable: e instanceof Error ? e.message : String(e) };
  }
  const anchors: Anchor[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      v = null;
    }
    if (isAnchor(v)) anchors.push(v);
    else badLines.push(i + 1);
  });
  return { anchors, badLines, found: true, unreadable: null };
}
