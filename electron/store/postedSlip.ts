// The posted hash of a slip (slips.posted_hash, migration 0018): SHA-256 over everything the
// books keep of a posted slip — every column of its header (party, memo, payment, kind, number,
// business date, who posted it and when, the frozen paper), every column of its lines and every
// signature row (id, role, signer, time, signed hash, signature). It is taken at posting and
// written into the posting's audit row too (`postedRef`), so the anchored audit chain covers it;
// `verify` takes it again for every posted slip. It lives in store/ because it is a hash over rows
// as stored, which migration 0018 takes for the slips already posted.

import { createHash } from 'node:crypto';
import type { DB } from './db';
import { sql } from './db';

/** The header columns covered, in a fixed order (a later column does not change an earlier slip's hash). */
export const POSTED_HEADER_COLUMNS = [
  'id',
  'no',
  'kind',
  'state',
  'business_date',
  'supplier_id',
  'customer_id',
  'delivery_note_no',
  'payment_mode',
  'source_slip_id',
  'memo',
  'reason',
  'created_by',
  'created_at',
  'updated_at',
  'version',
  'posted_by',
  'posted_at',
  'post_seq',
  'voided_by',
  'voided_at',
  'second_delivery_reason',
  'pre_golive',
  'paper_json',
] as const;

const LINE_COLUMNS = `id, line_no, item_id, qty, unit_cost_fen, price_fen, amount_fen, source_line_id, memo,
  shipped_qty, shipped_amount_fen, defective, amount_entered`;
const SIGNATURE_COLUMNS = 'id, role, user_id, signed_at, content_hash, signature, dropped_at';

export type PostedHeader = Record<(typeof POSTED_HEADER_COLUMNS)[number], unknown>;

/** The hash of a slip as posted: `header` as it is (or is about to be) stored, its lines and signature rows as stored now. */
export function postedSlipHash(db: DB, header: PostedHeader): string {
  // a write-off line's cause (0025) is appended only where set, so every earlier slip's hash reads as
  // before (and 0018, which runs before the column exists, reads the lines without it)
  const cause = sql(db, "SELECT 1 FROM pragma_table_info('slip_lines') WHERE name = 'cause'").get() !== undefined;
  const rows = sql(db, `SELECT ${LINE_COLUMNS}${cause ? ', cause' : ''} FROM slip_lines WHERE slip_id = ? ORDER BY line_no`)
    .raw()
    .all(header.id) as unknown[][];
  const lines = cause ? rows.map((l) => (l[l.length - 1] === null ? l.slice(0, -1) : l)) : rows;
  const sigs = sql(db, `SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE slip_id = ? ORDER BY id`).raw().all(header.id);
  const body = JSON.stringify({ header: POSTED_HEADER_COLUMNS.map((c) => header[c]), lines, signatures: sigs });
  return createHash('sha256').update('branch-desk:posted-slip:v1\n').update(body).digest('hex');
}

/** What the posting's audit row says of the slip (its number and posted hash), and how verify reads it back. */
export function postedRef(no: string, hash: string): string {
  return `${no} sha256:${hash}`;
}

export const POSTED_REF_PATTERN = /(\S+) sha256:([0-9a-f]{64})/g;
