// The SQL of the month pack: the signed packs (month_packs, migration 0032) and what the month
// still lacks, read from the counts, expense claims and refunds of the month.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';

export interface PackRow {
  month: string;
  payload_json: string;
  sha256: string;
  signature: string;
  key_fingerprint: string;
  signed_by: number;
  signer_name: string;
  signed_at: string;
  audit_seq: number;
  audit_hash: string;
}

export function packRow(db: ReadableDB, month: string): PackRow | undefined {
  return sql(db, 'SELECT p.*, u.name AS signer_name FROM month_packs p JOIN users u ON u.id = p.signed_by WHERE p.month = ?').get(month) as PackRow | undefined;
}

export function insertPack(db: WritableDB, r: Omit<PackRow, 'signer_name'>): void {
  sql(
    db,
    `INSERT INTO month_packs (month, payload_json, sha256, signature, key_fingerprint, signed_by, signed_at, audit_seq, audit_hash)
     VALUES (@month, @payload_json, @sha256, @signature, @key_fingerprint, @signed_by, @signed_at, @audit_seq, @audit_hash)`,
  ).run(r);
}

export interface Numbered {
  count: number;
  refs: string[];
}

const REFS = 20;

function numbered(db: ReadableDB, query: string, ...args: unknown[]): Numbered {
  const refs = sql(db, query)
    .pluck()
    .all(...args) as string[];
  return { count: refs.length, refs: refs.slice(0, REFS) };
}

/** Counts of the month not yet approved (open or counted). */
export function openCounts(db: ReadableDB, from: string, to: string): Numbered {
  return numbered(db, "SELECT no FROM counts WHERE business_date BETWEEN ? AND ? AND state IN ('open','counted') ORDER BY no", from, to);
}

/** Whether a month-end count of the month stands posted (a reversed one does not count). */
export function monthEndCountPosted(db: ReadableDB, from: string, to: string): boolean {
  return sql(db, "SELECT 1 FROM counts WHERE kind = 'monthEnd' AND state = 'posted' AND business_date BETWEEN ? AND ? LIMIT 1").get(from, to) !== undefined;
}

/** Whether the office has had stock by the month's end (a month-end count is owed only then). */
export function hadStock(db: ReadableDB, to: string): boolean {
  return sql(db, 'SELECT 1 FROM stock_moves WHERE business_date <= ? LIMIT 1').get(to) !== undefined;
}

export function claimsIn(db: ReadableDB, state: 'claimed' | 'approved', from: string, to: string): Numbered {
  return numbered(db, 'SELECT no FROM expense_claims WHERE state = ? AND business_date BETWEEN ? AND ? ORDER BY no', state, from, to);
}

/** Refunds still waiting for finance, owed by the month's end: their slips' numbers. */
export function refundsWaiting(db: ReadableDB, to: string): Numbered {
  return numbered(db, "SELECT s.no FROM refunds r JOIN slips s ON s.id = r.slip_id WHERE r.state = 'pending' AND r.business_date <= ? ORDER BY s.no", to);
}

/** Log a print of the month's pack in the print log: its number among the pack's prints, its SHA-256 as the content hash. */
export function logPackPrint(db: WritableDB, p: { from: string; to: string; sha256: string; at: string; by: number }): number {
  const printNo =
    (sql(db, "SELECT COUNT(*) FROM print_log WHERE doc = 'monthPack' AND period_from = ? AND kind = 'printed'").pluck().get(p.from) as number) + 1;
  sql(
    db,
    `INSERT INTO print_log (doc, slip_id, item_id, period_from, period_to, paper, copies, print_no, content_hash, printed_at, printed_by, kind)
     VALUES ('monthPack', NULL, NULL, ?, ?, 'A4', '["月报"]', ?, ?, ?, ?, 'printed')`,
  ).run(p.from, p.to, printNo, p.sha256, p.at, p.by);
  return printNo;
}
