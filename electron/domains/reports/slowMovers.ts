// 呆滞商品: for the keeper's storage advice, every item on hand with its last issue, the days it
// has lain since, what went out in the last N days (returns netted) and the days that stock would
// last at that pace. Slowest first: nothing issued in the window, then the longest cover.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { SlowMoverRow } from '../../../shared/contract';
import { addDays } from '../../ledger/dates';
import { daysBetween } from '../receivables/views';
import { moveRange } from './stockSummary';

interface OnHand {
  id: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  location: string;
  qty: number;
  amount: number;
  last_move: string;
  last_out: string | null;
}

/** Items with stock on hand, their last move and their last issue (a red reversal is no issue). */
function onHand(db: ReadableDB): OnHand[] {
  return sql(
    db,
    `SELECT i.id, i.code, i.name, i.spec, i.unit, i.location, m.balance_qty AS qty, m.balance_amount_fen AS amount, m.business_date AS last_move,
       (SELECT o.business_date FROM stock_moves o WHERE o.item_id = i.id AND o.direction = 'out' AND o.qty > 0 ORDER BY o.id DESC LIMIT 1) AS last_out
     FROM items i JOIN stock_moves m ON m.id = (SELECT id FROM stock_moves WHERE item_id = i.id ORDER BY id DESC LIMIT 1)
     WHERE m.balance_qty > 0`,
  ).all() as OnHand[];
}

/** Per item, issued in move ids lo..hi: issues (red ones subtract) less what customers returned. */
function issuedIn(db: ReadableDB, lo: number, hi: number): Map<number, number> {
  if (lo > hi) return new Map();
  const rows = sql(
    db,
    `SELECT m.item_id, SUM(CASE WHEN m.direction = 'out' THEN m.qty
         WHEN s.kind = 'return' OR (s.kind = 'reversal' AND src.kind = 'return') THEN -m.qty ELSE 0 END) AS qty
     FROM stock_moves m JOIN slips s ON s.id = m.slip_id LEFT JOIN slips src ON src.id = s.source_slip_id
     WHERE m.id >= ? AND m.id <= ? GROUP BY m.item_id`,
  ).all(lo, hi) as { item_id: number; qty: number }[];
  return new Map(rows.map((r) => [r.item_id, r.qty]));
}

export function slowMovers(db: ReadableDB, asOf: string, days: number, seesCosts: boolean): SlowMoverRow[] {
  const { lo, hi } = moveRange(db, addDays(asOf, 1 - days), asOf);
  const issued = issuedIn(db, lo, hi);
  const rows = onHand(db).map((i): SlowMoverRow => {
    const outQty = Math.max(0, issued.get(i.id) ?? 0);
    return {
      itemId: i.id,
      code: i.code,
      name: i.name,
      spec: i.spec,
      unit: i.unit,
      location: i.location,
      qty: i.qty,
      amountFen: seesCosts ? i.amount : null,
      lastMoveDate: i.last_move,
      lastOutDate: i.last_out,
      idleDays: Math.max(0, daysBetween(i.last_out ?? i.last_move, asOf)),
      outQty,
      coverDays: outQty > 0 ? Math.round((i.qty * days) / outQty) : null,
      stale: outQty === 0,
    };
  });
  return rows.sort((a, b) => Number(b.stale) - Number(a.stale) || (b.coverDays ?? b.idleDays) - (a.coverDays ?? a.idleDays) || a.code.localeCompare(b.code));
}
