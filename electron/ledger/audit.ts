// The audit chain: one row per successful write, chained by SHA-256 so that a row changed or
// removed behind the app's back shows up in `verify`.

import { createHash } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import { isWellFormedText } from '../../shared/text';

export const GENESIS_HASH = '0'.repeat(64);

/** Secrets never reach the log. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = /pin|password|secret/i.test(k) ? '***' : redact(v);
    return out;
  }
  return value;
}

interface AuditFields {
  seq: number;
  at: string;
  user_id: number | null;
  roles: string;
  method: string;
  input_json: string;
  ref: string | null;
  request_id: string | null;
}

/**
 * The hash must be taken over exactly what SQLite stores: a lone surrogate would be stored as other
 * bytes than the hash saw and break the chain for good. The contract's text rule keeps them out of
 * every input (shared/text.ts); this is the storage side of that assertion.
 */
function assertStorable(f: AuditFields): void {
  for (const [name, v] of Object.entries(f)) {
    if (typeof v === 'string' && !isWellFormedText(v)) throw new Error(`audit ${name} holds a lone surrogate: it would not be stored as hashed`);
  }
}

export function auditHash(prevHash: string, f: AuditFields): string {
  const body = JSON.stringify([f.seq, f.at, f.user_id, f.roles, f.method, f.input_json, f.ref, f.request_id]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The chain's head as it stands: the last row's number and hash (0 and the genesis hash when empty). */
export function auditHead(db: ReadableDB): { seq: number; hash: string } {
  const head = sql(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

export function appendAudit(
  db: WritableDB,
  e: { at: string; userId: number | null; roles: string[]; method: string; input: unknown; ref: string | null; requestId: string | null },
): void {
  const last = sql(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const f: AuditFields = {
    seq: (last?.seq ?? 0) + 1,
    at: e.at,
    user_id: e.userId,
    roles: e.roles.join(','),
    method: e.method,
    input_json: JSON.stringify(redact(e.input)),
    ref: e.ref,
    request_id: e.requestId,
  };
  assertStorable(f);
  const prev = last?.hash ?? GENESIS_HASH;
  sql(
    db,
    `INSERT INTO audit_log (seq, at, user_id, roles, method, input_json, ref, request_id, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @roles, @method, @input_json, @ref, @request_id, @prev_hash, @hash)`,
  ).run({ ...f, prev_hash: prev, hash: auditHash(prev, f) });
}

export interface ChainProblem {
  seq: number;
  message: string;
}

/** Walk the whole chain; returns every broken link. */
export function verifyAuditChain(db: ReadableDB): { rows: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectSeq = 1;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditFields & { prev_hash: string; hash: string }>) {
    rows++;
    if (r.seq !== expectSeq) problems.push({ seq: r.seq, message: `audit row ${expectSeq} is missing` });
    if (r.prev_hash !== prev) problems.push({ seq: r.seq, message: 'prev_hash does not match the previous row' });
    if (auditHash(r.prev_hash, r) !== r.hash) problems.push({ seq: r.seq, message: 'row content does not match its hash' });
    prev = r.hash;
    expectSeq = r.seq + 1;
  }
  return { rows, problems };
}
