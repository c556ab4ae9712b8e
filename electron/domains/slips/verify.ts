// verify, the slips:
//  - each posted slip moved exactly its lines (what shipped); drafts and voids moved nothing
//  - each posted line stores the amount that moved (shipped_amount_fen), and it is the line's
//    amount when all of it moved, else the shipped quantity at the line's price; a write-off's or
//    return to HQ's line stores the FIFO cost its moves took
//  - slip numbers never skip or repeat within a day's series
//  - a posted return without a dispatch (无原单退货) received each line at the manager's unit cost
//  - the money of each slip follows the slip (paid when finance signed, refunded — or owed back in a
//    refund waiting for finance — for what did not ship, nothing when void or reversed; a dispatch
//    the carrier collects: nothing until posted, then in transit with the carrier or received)
//  - each posted slip's signatures cover its content as it is now (header, lines, the frozen paper),
//    verify under the office key, and none its kind needs is missing (a customer, memo or line
//    changed behind the triggers, or a signature row deleted, shows here)
//  - each posted slip is still the slip as posted: its posted hash (store/postedSlip.ts) over the
//    whole header (posted_by and the other fields nobody signs included), its lines and its signature
//    rows, and the same hash its posting's audit row recorded, which the anchored chain covers

import type { ReadableDB } from '../../store/db';
import { verifySeries } from '../../ledger/numbering';
import { POSTED_REF_PATTERN, postedSlipHash } from '../../store/postedSlip';
import type { Add } from '../system/verify';
import { contentHash, liveSignatures, missingOf, type SlipRow } from './repo';

export function verifySlips(db: ReadableDB, add: Add): { slips: number } {
  const badLines = db
    .prepare(
      `SELECT s.no, l.line_no, l.qty, s.kind,
         COALESCE((SELECT SUM(m.qty) FROM stock_moves m WHERE m.slip_line_id = l.id), 0) AS moved
       FROM slip_lines l JOIN slips s ON s.id = l.slip_id
       WHERE (s.state = 'posted' AND moved <> CASE s.kind WHEN 'reversal' THEN -l.qty ELSE COALESCE(l.shipped_qty, -1) END)
          OR (s.state <> 'posted' AND moved <> 0)
       LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of badLines) add('slips.moves', `slip ${r.no} line ${r.line_no}: ${r.qty} on the slip, ${r.moved} moved`, r);
  const strayMoves = db.prepare(`SELECT COUNT(*) FROM stock_moves m JOIN slips s ON s.id = m.slip_id WHERE s.state <> 'posted'`).pluck().get() as number;
  if (strayMoves) add('slips.moves', `${strayMoves} stock moves belong to slips that are not posted`);
  verifyShippedAmounts(db, add);
  verifyPreGoLiveCosts(db, add);
  // a count (PD) takes its number when it is started, a repair record (WX) when it is made; a slip of
  // either, once posted, carries the same number; a requisition to HQ (YH, 0033) is numbered from the
  // same series and is no slip
  verifySeries(
    db,
    'slips',
    "SELECT no FROM slips WHERE kind NOT IN ('count', 'repair') UNION ALL SELECT no FROM counts UNION ALL SELECT no FROM repairs UNION ALL SELECT no FROM requisitions",
    'slips.numbering',
    'slips',
    add,
  );
  verifySlipMoney(db, add);
  verifySignatures(db, add);
  return { slips: db.prepare('SELECT COUNT(*) FROM slips').pluck().get() as number };
}

const EXPECTED_SHIPPED = `CASE WHEN s.kind IN ('writeoff', 'hqReturn')
    THEN (SELECT COALESCE(SUM(m.amount_fen), 0) FROM stock_moves m WHERE m.slip_line_id = l.id)
    WHEN l.shipped_qty = l.qty THEN l.amount_fen ELSE l.shipped_qty * COALESCE(l.price_fen, 0) END`;

function verifyShippedAmounts(db: ReadableDB, add: Add): void {
  const bad = db
    .prepare(
      `SELECT s.no, l.line_no, l.shipped_amount_fen, ${EXPECTED_SHIPPED} AS expected
       FROM slip_lines l JOIN slips s ON s.id = l.slip_id
       WHERE (s.state = 'posted' AND (l.shipped_amount_fen IS NULL OR l.shipped_qty IS NULL OR l.shipped_amount_fen <> ${EXPECTED_SHIPPED}))
          OR (s.state <> 'posted' AND l.shipped_amount_fen IS NOT NULL)
       LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of bad)
    add('slips.shipped', `slip ${r.no} line ${r.line_no}: shipped amount ${r.shipped_amount_fen ?? 'missing'}, should be ${r.expected ?? 'none'} (fen)`, r);
}

function verifyPreGoLiveCosts(db: ReadableDB, add: Add): void {
  const bad = db
    .prepare(
      `SELECT s.no, l.line_no, l.shipped_qty * l.unit_cost_fen AS expected,
         (SELECT COALESCE(SUM(m.amount_fen), 0) FROM stock_moves m WHERE m.slip_line_id = l.id AND m.direction = 'in') AS moved
       FROM slip_lines l JOIN slips s ON s.id = l.slip_id
       WHERE s.pre_golive = 1 AND s.state = 'posted' AND moved IS NOT expected
       LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of bad) add('slips.preGoLive', `return ${r.no} line ${r.line_no}: received at ${r.moved}, the manager's cost makes ${r.expected} (fen)`, r);
}

function verifySlipMoney(db: ReadableDB, add: Add): void {
  const rows = db
    .prepare(
      `WITH m AS (
         SELECT slip_id, SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END) AS net FROM money_journal WHERE slip_id IS NOT NULL GROUP BY slip_id
         UNION ALL SELECT slip_id, SUM(amount_fen) FROM receivable_entries WHERE slip_id IS NOT NULL GROUP BY slip_id
         UNION ALL SELECT slip_id, -amount_fen FROM refunds WHERE state = 'pending'
         UNION ALL SELECT slip_id, amount_fen FROM delivery_cash WHERE state = 'pending'),
       t AS (SELECT slip_id, SUM(net) AS net FROM m GROUP BY slip_id)
       SELECT s.id, s.no, s.kind, s.state, t.net, s.collect_by_carrier AS cod,
         (SELECT COALESCE(SUM(COALESCE(l.shipped_amount_fen, l.amount_fen)), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS shipped,
         (SELECT COALESCE(SUM(amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS written,
         EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) AS reversed,
         EXISTS (SELECT 1 FROM signatures g WHERE g.slip_id = s.id AND g.role = 'finance' AND g.dropped_at IS NULL) AS signed
       FROM t JOIN slips s ON s.id = t.slip_id`,
    )
    .all() as Record<string, unknown>[];
  for (const r of rows) {
    const expected = expectedMoney(r);
    if (r.net !== expected) add('slips.money', `slip ${r.no} (${r.kind}, ${r.state}): money recorded ${r.net}, should be ${expected} (fen)`, r);
  }
}

function expectedMoney(r: Record<string, unknown>): number {
  if (r.state === 'void' || r.reversed) return 0;
  if (r.kind === 'dispatch') return r.state === 'posted' ? (r.shipped as number) : r.signed && !r.cod ? (r.written as number) : 0;
  if (r.kind === 'return') return r.state === 'posted' ? -(r.shipped as number) : 0;
  return 0;
}

/** Each slip number's posted hash as its posting's audit row recorded it (postings since 0018). */
function postedHashesInAudit(db: ReadableDB): Map<string, string> {
  const m = new Map<string, string>();
  for (const ref of db.prepare("SELECT ref FROM audit_log WHERE ref LIKE '%sha256:%'").pluck().iterate() as IterableIterator<string>)
    for (const [, no, hash] of ref.matchAll(POSTED_REF_PATTERN)) m.set(no, hash);
  return m;
}

function verifyPostedHash(db: ReadableDB, row: SlipRow, audited: string | undefined, add: Add): void {
  const details = { no: row.no, kind: row.kind };
  if (row.posted_hash === null) add('slips.content', `slip ${row.no}: posted without a posted hash`, details);
  else if (postedSlipHash(db, row) !== row.posted_hash)
    add('slips.content', `slip ${row.no}: its header, lines or signature rows are no longer what was posted`, details);
  if (audited !== undefined && audited !== row.posted_hash)
    add('slips.content', `slip ${row.no}: its posted hash is not the one its posting's audit row recorded`, details);
}

function verifySignatures(db: ReadableDB, add: Add): void {
  const audited = postedHashesInAudit(db);
  for (const row of db.prepare(`SELECT * FROM slips WHERE state = 'posted' ORDER BY id`).iterate() as IterableIterator<SlipRow>) {
    verifyPostedHash(db, row, audited.get(row.no), add);
    const sigs = liveSignatures(db, row, contentHash(db, row));
    for (const s of sigs.filter((g) => !g.valid))
      add('slips.signatures', `slip ${row.no}: the ${s.role} signature does not match the slip as it is now`, { no: row.no, role: s.role });
    for (const role of missingOf(row.kind, sigs)) add('slips.signatures', `slip ${row.no}: posted without a valid ${role} signature`, { no: row.no, role });
  }
}
