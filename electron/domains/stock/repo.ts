// On-hand figures (the stock card is card.ts). Every move row carries the item's balance after it,
// so on-hand is one index seek per item.

import type { ReadableDB } from '../../store/db';
import type { OnHandRow } from '../../../shared/contract';
import { likeEscape } from '../../store/search';

export function onHand(
  db: ReadableDB,
  q: { itemIds?: number[]; query: string; belowSafetyOnly: boolean },
): { rows: OnHandRow[]; totalQty: number; totalAmountFen: number } {
  const where: string[] = ['i.active = 1'];
  const args: unknown[] = [];
  if (q.itemIds) {
    where.push(`i.id IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(q.itemIds));
  }
  if (q.query) {
    const like = `%${likeEscape(q.query)}%`;
    where.push(
      "(i.code LIKE ? ESCAPE '\\' OR i.name LIKE ? ESCAPE '\\' OR i.pinyin LIKE ? ESCAPE '\\' OR i.id IN (SELECT item_id FROM item_barcodes WHERE code = ?))",
    );
    args.push(like, like, like.toLowerCase(), q.query);
  }
  const raw = db
    .prepare(
      `SELECT i.id, i.code, i.name, i.spec, i.unit, i.location, i.safety_stock,
         COALESCE(m.balance_qty, 0) AS qty, COALESCE(m.balance_amount_fen, 0) AS amount, m.posted_at,
         (SELECT COALESCE(SUM(l.remaining_qty), 0) FROM stock_layers l WHERE l.item_id = i.id AND l.defective = 1 AND l.remaining_qty > 0) AS defective_qty
       FROM items i
       LEFT JOIN stock_moves m ON m.id = (SELECT id FROM stock_moves WHERE item_id = i.id ORDER BY id DESC LIMIT 1)
       WHERE ${where.join(' AND ')} ORDER BY i.code`,
    )
    .all(...args) as {
    id: number;
    code: string;
    name: string;
    spec: string;
    unit: string;
    location: string;
    safety_stock: number;
    qty: number;
    amount: number;
    posted_at: string | null;
    defective_qty: number;
  }[];
  let totalQty = 0;
  let totalAmountFen = 0;
  const rows: OnHandRow[] = [];
  for (const r of raw) {
    const belowSafety = r.qty < r.safety_stock;
    if (q.belowSafetyOnly && !belowSafety) continue;
    totalQty += r.qty;
    totalAmountFen += r.amount;
    rows.push({
      itemId: r.id,
      code: r.code,
      name: r.name,
      spec: r.spec,
      unit: r.unit,
      location: r.location,
      qty: r.qty,
      defectiveQty: r.defective_qty,
      amountFen: r.amount,
      safetyStock: r.safety_stock,
      belowSafety,
      lastMoveAt: r.posted_at,
    });
  }
  return { rows, totalQty, totalAmountFen };
}
