// verify, the warehouse books:
//  - per item: last balance = Σ open layers = Σ in − Σ out (quantity and amount)
//  - each move's running balance = the previous balance + the move
//  - each layer's remaining = what its moves leave on it; an empty layer holds no money
//  - each item's month totals (stock_month_totals, the card's 本月合计 / 本年累计) = its moves of the month
//  - defective stock (次品, 0025) stays apart: a layer is defective exactly when the line that brought it
//    in is, and goods leave a defective layer only on a write-off's, return to HQ's or repair's defective line

import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';

export function verifyStock(db: ReadableDB, add: Add): { items: number; moves: number; layers: number } {
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
  verifyRunning(db, add);
  verifyLayers(db, add);
  verifyMonthTotals(db, add);
  verifyDefective(db, add);
  const count = (q: string) => db.prepare(q).pluck().get() as number;
  return { items: items.length, moves: count('SELECT COUNT(*) FROM stock_moves'), layers: count('SELECT COUNT(*) FROM stock_layers') };
}

function verifyRunning(db: ReadableDB, add: Add): void {
  const bad = db
    .prepare(
      `SELECT id, item_id, balance_qty, balance_amount_fen, run_qty, run_amount FROM (
         SELECT id, item_id, balance_qty, balance_amount_fen,
           SUM(CASE direction WHEN 'in' THEN qty ELSE -qty END) OVER w AS run_qty,
           SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END) OVER w AS run_amount
         FROM stock_moves WINDOW w AS (PARTITION BY item_id ORDER BY id ROWS UNBOUNDED PRECEDING))
       WHERE balance_qty <> run_qty OR balance_amount_fen <> run_amount LIMIT 100`,
    )
    .all() as Record<string, number>[];
  for (const r of bad) add('stock.running', `move ${r.id}: stored balance does not follow from the moves before it`, r);
}

function verifyLayers(db: ReadableDB, add: Add): void {
  const bad = db
    .prepare(
      `SELECT l.id, l.item_id, l.in_qty, l.in_amount_fen, l.remaining_qty, l.remaining_amount_fen,
         COALESCE(SUM(CASE m.direction WHEN 'in' THEN m.qty ELSE -m.qty END), 0) AS mv_qty,
         COALESCE(SUM(CASE m.direction WHEN 'in' THEN m.amount_fen ELSE -m.amount_fen END), 0) AS mv_amount
       FROM stock_layers l LEFT JOIN stock_moves m ON m.layer_id = l.id
       GROUP BY l.id HAVING l.remaining_qty <> mv_qty OR l.remaining_amount_fen <> mv_amount LIMIT 100`,
    )
    .all() as Record<string, number>[];
  for (const r of bad)
    add('stock.layer', `layer ${r.id}: remaining ${r.remaining_qty}/${r.remaining_amount_fen} but its moves leave ${r.mv_qty}/${r.mv_amount}`, r);
  const emptyAmount = db
    .prepare('SELECT id, remaining_amount_fen FROM stock_layers WHERE remaining_qty = 0 AND remaining_amount_fen <> 0 LIMIT 100')
    .all() as Record<string, number>[];
  for (const r of emptyAmount) add('stock.layer', `layer ${r.id} is empty but still holds ${r.remaining_amount_fen} fen`, r);
}

function verifyMonthTotals(db: ReadableDB, add: Add): void {
  const cls = `CASE WHEN s.kind = 'return' OR (s.kind = 'reversal' AND src.kind = 'return') THEN 'ret' ELSE m.direction END`;
  const sum = (c: string, col: string) => `SUM(CASE WHEN ${cls} = '${c}' THEN m.${col} ELSE 0 END)`;
  const bad = db
    .prepare(
      `WITH mv AS (
         SELECT m.item_id, substr(m.business_date, 1, 7) AS month,
           ${sum('in', 'qty')} AS in_qty, ${sum('in', 'amount_fen')} AS in_amount_fen, ${sum('out', 'qty')} AS out_qty,
           ${sum('out', 'amount_fen')} AS out_amount_fen, ${sum('ret', 'qty')} AS ret_qty, ${sum('ret', 'amount_fen')} AS ret_amount_fen
         FROM stock_moves m JOIN slips s ON s.id = m.slip_id LEFT JOIN slips src ON src.id = s.source_slip_id
         GROUP BY 1, 2)
       SELECT item_id, month FROM (SELECT * FROM mv EXCEPT SELECT * FROM stock_month_totals)
       UNION SELECT item_id, month FROM (SELECT * FROM stock_month_totals EXCEPT SELECT * FROM mv) LIMIT 100`,
    )
    .all() as { item_id: number; month: string }[];
  for (const r of bad) add('stock.month', `item ${r.item_id}, ${r.month}: the month's totals differ from its moves`, r);
}

function verifyDefective(db: ReadableDB, add: Add): void {
  const layers = db
    .prepare(
      `SELECT l.id, l.defective, sl.defective AS line_defective FROM stock_layers l
       JOIN stock_moves m ON m.layer_id = l.id AND m.direction = 'in' AND m.qty > 0
       JOIN slip_lines sl ON sl.id = m.slip_line_id
       WHERE l.defective <> sl.defective LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of layers) add('stock.defective', `layer ${r.id}: defective ${r.defective}, but the line that brought it in says ${r.line_defective}`, r);
  const takes = db
    .prepare(
      `SELECT m.id, s.no, l.defective FROM stock_moves m JOIN stock_layers l ON l.id = m.layer_id
       JOIN slip_lines sl ON sl.id = m.slip_line_id JOIN slips s ON s.id = sl.slip_id
       WHERE m.direction = 'out' AND m.qty > 0
         AND l.defective <> CASE WHEN s.kind IN ('writeoff', 'hqReturn', 'repair') THEN sl.defective ELSE 0 END LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of takes) add('stock.defective', `move ${r.id} of ${r.no} took from a ${r.defective ? 'defective' : 'saleable'} layer it may not take from`, r);
}
