// Idempotency: a write sent again with the same client request id answers what it answered the
// first time instead of writing twice. The same id must mean the same call by the same user with
// the same input (its fingerprint); PINs are left out of the fingerprint (redacted), since an
// unsalted SHA-256 over a 4-digit PIN would give it away in 10 000 tries.

import { createHash } from 'node:crypto';
import { DeskError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import { redact } from '../ledger/audit';

export function fingerprint(method: string, userId: number | null, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method, userId, redact(input)]))
    .digest('hex');
}

/** The earlier answer to this request id, if any (undefined when it is new). */
export function priorAnswer(db: ReadableDB, requestId: string, print: string): { value: unknown } | undefined {
  const prior = sql(db, 'SELECT fingerprint, response_json FROM requests WHERE request_id = ?').get(requestId) as
    { fingerprint: string; response_json: string } | undefined;
  if (!prior) return undefined;
  if (prior.fingerprint !== print) throw new DeskError('request_reused', { requestId });
  return { value: JSON.parse(prior.response_json) };
}

export function recordAnswer(db: WritableDB, r: { requestId: string; method: string; print: string; value: unknown; at: string }): void {
  sql(db, 'INSERT INTO requests (request_id, method, fingerprint, response_json, at) VALUES (?, ?, ?, ?, ?)').run(
    r.requestId,
    r.method,
    r.print,
    JSON.stringify(r.value),
    r.at,
  );
}
