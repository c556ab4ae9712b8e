// `verify`: every invariant of the books, checked on a real database file.
//  - per item: last balance = Σ open layers = Σ in − Σ out (quantity and amount)
//  - each move's running balance = the previous balance + the move
//  - each layer's remaining = what its moves leave on it
//  - each posted slip moved exactly its lines; drafts and voids moved nothing
//  - slip numbers never skip or repeat within a day's series
//  - the audit rows chain by hash

import type { DB } from '../../store/db';
import type { VerifyReport } from '../../../shared/contract';
import { verifyAuditChain } from '../../ledger/audit';
import { verifyFinance } from './verifyFinance';

type Problem = VerifyReport['problems'][number];

export function verifyBooks(db: DB): VerifyReport {
  const problems: Problem[] = [];
  const add = (check: string, message: string, details: Record<string, unknown> = {}) => {
    if (problems.length < 1000) problems.push({ check, message, details });
  };
  const count = (q: string) => db.prepare(q).pluck().get() as number;

  // 1. per item: last balance = Σ moves = Σ open layers
  const items = db
    .prepare(
      `WITH mv AS (
         SELECT item_id,
           SUM(CASE direction WHEN 'in' THEN qty ELSE -qty END) AS qty,
           SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END) AS amount,
           MAX(id) AS last_id
         FROM stock_moves GROUP BY item_id),
       ly AS (SELECT item_id, SUM(remaining_qty) AS qty, SUM(remaining_amount_fen) AS amount FROM stock_layers GROUP BY item_id)
       SELECT i.id, i.code, COALESCE(mv.qty, 0) AS mv_qty, COALESCE(mv.amount, 0) AS mv_amount,
         COALESCE(ly.qty, 0) AS ly_qty, COALESCE(ly.amount, 0) AS ly_amount,
         COALESCE(m.balance_qty, 0) AS bal_qty, COALESCE(m.balance_amount_fen, 0) AS bal_amount
       FROM items i LEFT JOIN mv ON mv.item_id = i.id LEFT JOIN ly ON ly.item_id = i.id
       LEFT JOIN stock_moves m ON m.id = mv.last_id`,
    )
    .all() as Record<string, number | string>[];
  for (const r of items) {
    if (!(r.mv_qty === r.ly_qty && r.ly_qty === r.bal_qty))
      add('stock.qty', `item ${r.code}: balance ${r.bal_qty}, Σin−Σout ${r.mv_qty}, open layers ${r.ly_qty}`, r);
    if (!(r.mv_amount === r.ly_amount && r.ly_amount === r.bal_amount))
      add('stock.amount', `item ${r.code}: balance ${r.bal_amount}, Σin−Σout ${r.mv_amount}, open layers ${r.ly_amount} (fen)`, r);
  }

  // 2. running balances
  const badRunning = db
    .prepare(
      `SELECT id, item_id, balance_qty, balance_amount_fen, run_qty, run_amount FROM (
         SELECT id, item_id, balance_qty, balance_amount_fen,
           SUM(CASE direction WHEN 'in' THEN qty ELSE -qty END) OVER w AS run_qty,
           SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END) OVER w AS run_amount
         FROM stock_moves WINDOW w AS (PARTITION BY item_id ORDER BY id ROWS UNBOUNDED PRECEDING))
       WHERE balance_qty <> run_qty OR balance_amount_fen <> run_amount LIMIT 100`,
    )
    .all() as Record<string, number>[];
  for (const r of badRunning) add('stock.running', `move ${r.id}: stored balance does not follow from the moves before it`, r);

  // 3. layers vs their moves
  const badLayers = db
    .prepare(
      `SELECT l.id, l.item_id, l.in_qty, l.in_amount_fen, l.remaining_qty, l.remaining_amount_fen,
         COALESCE(SUM(CASE m.direction WHEN 'in' THEN m.qty ELSE -m.qty END), 0) AS mv_qty,
         COALESCE(SUM(CASE m.direction WHEN 'in' THEN m.amount_fen ELSE -m.amount_fen END), 0) AS mv_amount
       FROM stock_layers l LEFT JOIN stock_moves m ON m.layer_id = l.id
       GROUP BY l.id HAVING l.remaining_qty <> mv_qty OR l.remaining_amount_fen <> mv_amount LIMIT 100`,
    )
    .all() as Record<string, number>[];
  for (const r of badLayers) add('stock.layer', `layer ${r.id}: remaining ${r.remaining_qty}/${r.remaining_amount_fen} but its moves leave ${r.mv_qty}/${r.mv_amount}`, r);
  const emptyAmount = db
    .prepare('SELECT id, remaining_amount_fen FROM stock_layers WHERE remaining_qty = 0 AND remaining_amount_fen <> 0 LIMIT 100')
    .all() as Record<string, number>[];
  for (const r of emptyAmount) add('stock.layer', `layer ${r.id} is empty but still holds ${r.remaining_amount_fen} fen`, r);

  // 4. posted slips moved exactly their lines; nothing else moved
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
  const strayMoves = count(`SELECT COUNT(*) FROM stock_moves m JOIN slips s ON s.id = m.slip_id WHERE s.state <> 'posted'`);
  if (strayMoves) add('slips.moves', `${strayMoves} stock moves belong to slips that are not posted`);

  // 5. numbering: per prefix and day, serials are exactly 1..last, once each (prefixes are two letters)
  const serials = `WITH s AS (
      SELECT substr(no, 1, 2) AS prefix, substr(no, 3, 8) AS day, COUNT(*) AS cnt,
        COUNT(DISTINCT CAST(substr(no, 11) AS INTEGER)) AS distinct_serials,
        MIN(CAST(substr(no, 11) AS INTEGER)) AS min_serial, MAX(CAST(substr(no, 11) AS INTEGER)) AS max_serial
      FROM slips GROUP BY 1, 2)`;
  const badSeries = db
    .prepare(
      `${serials} SELECT n.prefix, n.day, n.last, s.cnt, s.distinct_serials, s.min_serial, s.max_serial
       FROM number_series n LEFT JOIN s ON s.prefix = n.prefix AND s.day = n.day
       WHERE s.cnt IS NULL OR s.cnt <> n.last OR s.distinct_serials <> n.last OR s.min_serial <> 1 OR s.max_serial <> n.last LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of badSeries) add('slips.numbering', `series ${r.prefix}${r.day}: ${r.cnt ?? 0} slips for ${r.last} numbers issued`, r);
  const stray = db
    .prepare(`${serials} SELECT s.prefix, s.day, s.cnt FROM s LEFT JOIN number_series n ON n.prefix = s.prefix AND n.day = s.day WHERE n.last IS NULL LIMIT 100`)
    .all() as Record<string, unknown>[];
  for (const r of stray) add('slips.numbering', `${r.cnt} slips numbered ${r.prefix}${r.day}… come from no series`, r);

  // 6. the finance books: money journal, receivables, allocations, closed days (finance/verify.ts)
  verifyFinance(db, add);

  // 7. the audit chain
  const audit = verifyAuditChain(db);
  for (const p of audit.problems) add('audit.chain', `audit row ${p.seq}: ${p.message}`, { seq: p.seq });

  return {
    ok: problems.length === 0,
    checked: {
      items: items.length,
      moves: count('SELECT COUNT(*) FROM stock_moves'),
      layers: count('SELECT COUNT(*) FROM stock_layers'),
      auditRows: audit.rows,
      slips: count('SELECT COUNT(*) FROM slips'),
    },
    problems,
  };
}
