// Idempotency: a write sent again with the same client request id answers what it answered the
// first time instead of writing twice. The same id must mean the same call by the same user with
// the same input (its fingerprint); PINs are left out of the fingerprint (redacted), since an
// unsalted SHA-256 over a 4-digit PIN would give it away in 10 000 tries.
//
// Only what a retry needs is kept: the id, method, user, fingerprint, and the answer with every
// slip in it kept as its id ({"$slip": id}), plus the SHA-256 of the answer as first given. A retry
// reads each slip again (slips/repo.ts slipView), so it gets the same slip — as it is now, which is
// the first answer unless someone changed the slip since. Slip views are most of what the desk
// answers, so this is most of the bytes (about 1.3–1.9 kB a call before, ~0.3 kB after).
// Rows older than REQUEST_RETENTION_DAYS are deleted when the core opens and after a close of day
// (purgeRequests): a retry comes within seconds or, from a reloaded page, minutes.

import { createHash } from 'node:crypto';
import { DeskError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import { redact } from '../ledger/audit';
import { slipRow, slipView } from '../domains/slips/repo';

export const REQUEST_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function fingerprint(method: string, userId: number | null, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method, userId, redact(input)]))
    .digest('hex');
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A slip view as slips/repo.ts slipView makes it (the fields that say so). */
function isSlipView(v: Record<string, Json>): boolean {
  return typeof v.id === 'number' && typeof v.no === 'string' && typeof v.contentHash === 'string' && Array.isArray(v.lines) && Array.isArray(v.signatures);
}

/** The answer as kept: each slip in it replaced by {"$slip": id}. */
export function keptAnswer(value: Json): Json {
  if (Array.isArray(value)) return value.map(keptAnswer);
  if (value && typeof value === 'object') {
    if (isSlipView(value)) return { $slip: value.id };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keptAnswer(v)]));
  }
  return value;
}

/** The answer again from what was kept: each {"$slip": id} read afresh. */
export function rebuiltAnswer(db: ReadableDB, kept: Json): Json {
  if (Array.isArray(kept)) return kept.map((v) => rebuiltAnswer(db, v));
  if (kept && typeof kept === 'object') {
    const keys = Object.keys(kept);
    if (keys.length === 1 && typeof kept.$slip === 'number') return slipView(db, slipRow(db, kept.$slip)) as unknown as Json;
    return Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, rebuiltAnswer(db, v)]));
  }
  return kept;
}

/** The earlier answer to this request id, if any (undefined when it is new). */
export function priorAnswer(db: ReadableDB, requestId: string, print: string): { value: unknown } | undefined {
  const prior = sql(db, 'SELECT fingerprint, answer_json FROM requests WHERE request_id = ?').get(requestId) as
    { fingerprint: string; answer_json: string } | undefined;
  if (!prior) return undefined;
  if (prior.fingerprint !== print) throw new DeskError('request_reused', { requestId });
  return { value: rebuiltAnswer(db, JSON.parse(prior.answer_json) as Json) };
}

export function recordAnswer(db: WritableDB, r: { requestId: string; method: string; userId: number | null; print: string; value: unknown; at: string }): void {
  const full = JSON.stringify(r.value ?? null);
  sql(db, 'INSERT INTO requests (request_id, method, user_id, fingerprint, answer_json, answer_sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    r.requestId,
    r.method,
    r.userId,
    r.print,
    JSON.stringify(keptAnswer(JSON.parse(full) as Json)),
    createHash('sha256').update(full).digest('hex'),
    r.at,
  );
}

/** Delete the request ids older than the retention period; returns how many went. */
export function purgeRequests(db: WritableDB, now: Date, days = REQUEST_RETENTION_DAYS): number {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  return sql(db, 'DELETE FROM requests WHERE at < ?').run(before).changes;
}
