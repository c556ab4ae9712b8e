// Stock cards (库存明细账) and on-hand figures. Every move row carries the item's balance after
// it, so a card page is an index range read and on-hand is one index seek per item.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { OnHandRow, StockCardRow, SlipKind } from '../../../shared/contract';
import { balanceBefore, firstMoveOnOrAfter, type Balance } from '../../ledger/fifo';
import { nextDay } from '../../ledger/dates';
import { likeEscape } from '../../store/search';

interface CardMoveRow {
  id: number;
  business_date: string;
  posted_at: string;
  slip_id: number;
  slip_no: string;
  slip_kind: SlipKind;
  direction: 'in' | 'out';
  qty: number;
  amount_fen: number;
  balance_qty: number;
  balance_amount_fen: number;
  customer_name: string | null;
  supplier_name: string | null;
  delivery_note_no: string | null;
  source_no: string | null;
  reason: string | null;
}

const ZERO: Balance = { qty: 0, amountFen: 0 };

function summaryOf(r: CardMoveRow): { summary: string; counterparty: string | null; refNo: string | null } {
  switch (r.slip_kind) {
    case 'inbound':
      return {
        summary: `进仓 ${r.supplier_name ?? ''}${r.delivery_note_no ? ` 随货同行联 ${r.delivery_note_no}` : ''}`.trim(),
        counterparty: r.supplier_name,
        refNo: r.delivery_note_no,
      };
    case 'dispatch':
      return { summary: `发货 ${r.customer_name ?? ''}`.trim(), counterparty: r.customer_name, refNo: null };
    case 'return':
      return { summary: `退货 ${r.customer_name ?? ''} 原单 ${r.source_no ?? ''}`.trim(), counterparty: r.customer_name, refNo: r.source_no };
    case 'reversal':
      return {
        summary: `红字冲销 ${r.source_no ?? ''}${r.reason ? `: ${r.reason}` : ''}`,
        counterparty: r.customer_name ?? r.supplier_name,
        refNo: r.source_no,
      };
  }
}

/** Unit cost shown on a row: the amount over the quantity, to the nearest fen. */
function unitOf(amount: number, qty: number): number {
  return Math.round(amount / qty);
}

export function stockCard(
  db: ReadableDB,
  q: { itemId: number; from?: string; to?: string; cursor?: number; limit: number },
): { from: string | null; to: string | null; opening: Balance; rows: StockCardRow[]; nextCursor: number | null; closing: Balance } {
  // The period as a range of move ids: business dates never go back in posting order, so
  // [from, to] is [first move on or after from, last move before the day after to).
  const fromId = q.from ? firstMoveOnOrAfter(db, q.from) : 1;
  const afterTo = q.to ? firstMoveOnOrAfter(db, nextDay(q.to)) : null;
  const opening = q.from ? balanceBefore(db, q.itemId, fromId) : ZERO;
  const closing = balanceBefore(db, q.itemId, afterTo);
  const startAfter = fromId === null ? Number.MAX_SAFE_INTEGER : Math.max(q.cursor ?? 0, fromId - 1);
  const endAt = afterTo === null ? Number.MAX_SAFE_INTEGER : afterTo - 1;

  const raw = sql(
    db,
    `SELECT m.id, m.business_date, m.posted_at, m.slip_id, s.no AS slip_no, s.kind AS slip_kind, m.direction, m.qty, m.amount_fen,
       m.balance_qty, m.balance_amount_fen, c.name AS customer_name, p.name AS supplier_name, s.delivery_note_no, src.no AS source_no, s.reason
     FROM stock_moves m
     JOIN slips s ON s.id = m.slip_id
     LEFT JOIN customers c ON c.id = s.customer_id
     LEFT JOIN suppliers p ON p.id = s.supplier_id
     LEFT JOIN slips src ON src.id = s.source_slip_id
     WHERE m.item_id = ? AND m.id > ? AND m.id <= ?
     ORDER BY m.id LIMIT ?`,
  ).all(q.itemId, startAfter, endAt, q.limit + 1) as CardMoveRow[];
  const more = raw.length > q.limit;
  const page = more ? raw.slice(0, q.limit) : raw;
  const rows: StockCardRow[] = page.map((r) => {
    const isIn = r.direction === 'in';
    return {
      moveId: r.id,
      date: r.business_date,
      postedAt: r.posted_at,
      slipId: r.slip_id,
      slipNo: r.slip_no,
      slipKind: r.slip_kind,
      ...summaryOf(r),
      inQty: isIn ? r.qty : null,
      inUnitCostFen: isIn ? unitOf(r.amount_fen, r.qty) : null,
      inAmountFen: isIn ? r.amount_fen : null,
      outQty: isIn ? null : r.qty,
      outUnitCostFen: isIn ? null : unitOf(r.amount_fen, r.qty),
      outAmountFen: isIn ? null : r.amount_fen,
      balanceQty: r.balance_qty,
      balanceAmountFen: r.balance_amount_fen,
    };
  });
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    opening,
    rows,
    nextCursor: more ? page[page.length - 1].id : null,
    closing,
  };
}

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
      `SELECT i.id, i.code, i.name, i.spec, i.unit, i.safety_stock,
         COALESCE(m.balance_qty, 0) AS qty, COALESCE(m.balance_amount_fen, 0) AS amount, m.posted_at
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
    safety_stock: number;
    qty: number;
    amount: number;
    posted_at: string | null;
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
      qty: r.qty,
      amountFen: r.amount,
      safetyStock: r.safety_stock,
      belowSafety,
      lastMoveAt: r.posted_at,
    });
  }
  return { rows, totalQty, totalAmountFen };
}
