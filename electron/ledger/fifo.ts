// First in, first out, with the layers stored rather than replayed.
// Each receipt creates a layer; each issue takes from the oldest open layers and records one
// 'out' move per layer taken. A partial take costs round(layer amount × take / layer qty) (the
// layer as received, so every unit of it costs the same whatever was taken before, design.md), never
// more than the layer has left, and the take that empties a layer gets exactly what is left, so
// value in = cost out + value on hand, to the fen. A reversal (红字) writes a negative move of the
// same direction and puts the layer back exactly as it was.

import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import { fail } from '../../shared/errors';
import { unitFen } from '../../shared/money';
import { assertDayOpen } from './daylock';

export interface PostingCtx {
  slipId: number;
  businessDate: string;
  postedAt: string;
}

export interface Balance {
  qty: number;
  amountFen: number;
}

interface LayerRow {
  id: number;
  in_qty: number;
  in_amount_fen: number;
  remaining_qty: number;
  remaining_amount_fen: number;
}

export interface MoveRow {
  id: number;
  item_id: number;
  slip_id: number;
  slip_line_id: number;
  direction: 'in' | 'out';
  qty: number;
  amount_fen: number;
  layer_id: number;
  source_move_id: number | null;
}

/** round(amount × take / qty), half up, exact in integers; the whole remainder when take = qty. */
export function takeCost(remainingQty: number, remainingAmountFen: number, take: number): number {
  if (take === remainingQty) return remainingAmountFen;
  const x = remainingAmountFen * take;
  const num = 2 * x + remainingQty;
  if (Number.isSafeInteger(num)) return Math.floor(num / (2 * remainingQty));
  return Number((BigInt(remainingAmountFen) * BigInt(take) * 2n + BigInt(remainingQty)) / (2n * BigInt(remainingQty)));
}

/** The first move id dated on or after `date` (moves are in date order), or null when none is. */
export function firstMoveOnOrAfter(db: ReadableDB, date: string): number | null {
  // ORDER BY … LIMIT 1 reads one index entry; MIN(id) would scan every move after the date.
  return (sql(db, 'SELECT id FROM stock_moves WHERE business_date >= ? ORDER BY business_date, id LIMIT 1').pluck().get(date) as number | undefined) ?? null;
}

/** An item's balance after its last move with id below `beforeId` (all moves when null). */
export function balanceBefore(db: ReadableDB, itemId: number, beforeId: number | null): Balance {
  if (beforeId === null) return balanceOf(db, itemId);
  const r = sql(db, 'SELECT balance_qty AS qty, balance_amount_fen AS amountFen FROM stock_moves WHERE item_id = ? AND id < ? ORDER BY id DESC LIMIT 1').get(
    itemId,
    beforeId,
  ) as Balance | undefined;
  return r ?? { qty: 0, amountFen: 0 };
}

export function balanceOf(db: ReadableDB, itemId: number): Balance {
  const r = sql(db, 'SELECT balance_qty AS qty, balance_amount_fen AS amountFen FROM stock_moves WHERE item_id = ? ORDER BY id DESC LIMIT 1').get(itemId) as
    Balance | undefined;
  return r ?? { qty: 0, amountFen: 0 };
}

function insertMove(
  db: WritableDB,
  pc: PostingCtx,
  m: { itemId: number; lineId: number; direction: 'in' | 'out'; qty: number; amountFen: number; layerId: number; sourceMoveId: number | null },
): number {
  assertDayOpen(db, pc.businessDate); // nothing is booked into a closed day (daylock.ts)
  const lastDate = sql(db, 'SELECT business_date FROM stock_moves ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  if (lastDate !== undefined && pc.businessDate < lastDate) fail('clock_behind', { date: pc.businessDate, lastPosted: lastDate });
  const bal = balanceOf(db, m.itemId);
  const sign = m.direction === 'in' ? 1 : -1;
  const info = sql(
    db,
    `INSERT INTO stock_moves (item_id, slip_id, slip_line_id, direction, qty, amount_fen, layer_id, source_move_id,
       business_date, posted_at, balance_qty, balance_amount_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.itemId,
    pc.slipId,
    m.lineId,
    m.direction,
    m.qty,
    m.amountFen,
    m.layerId,
    m.sourceMoveId,
    pc.businessDate,
    pc.postedAt,
    bal.qty + sign * m.qty,
    bal.amountFen + sign * m.amountFen,
  );
  return Number(info.lastInsertRowid);
}

/** Goods in: a new layer at the given amount (defective: kept apart from saleable stock, 0025). */
export function receive(
  db: WritableDB,
  pc: PostingCtx,
  r: { itemId: number; lineId: number; qty: number; amountFen: number; sourceMoveId?: number | null; defective?: boolean },
): number {
  const layer = sql(
    db,
    'INSERT INTO stock_layers (item_id, in_qty, in_amount_fen, remaining_qty, remaining_amount_fen, defective) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(r.itemId, r.qty, r.amountFen, r.qty, r.amountFen, r.defective ? 1 : 0);
  return insertMove(db, pc, {
    itemId: r.itemId,
    lineId: r.lineId,
    direction: 'in',
    qty: r.qty,
    amountFen: r.amountFen,
    layerId: Number(layer.lastInsertRowid),
    sourceMoveId: r.sourceMoveId ?? null,
  });
}

/** What taking `take` units from a layer costs: round(in amount × take / in qty), half up, capped by
 *  what the layer has left; the take that empties the layer gets exactly what is left. */
export function layerTakeCost(layer: Omit<LayerRow, 'id'>, take: number): number {
  if (take === layer.remaining_qty) return layer.remaining_amount_fen;
  return Math.min(layer.remaining_amount_fen, takeCost(layer.in_qty, layer.in_amount_fen, take));
}

type Take = { layer: LayerRow; take: number; amount: number };

/** The takes an issue of `qty` would make from the oldest layers of one pool now — saleable, or
 *  defective (次品); null when less is on hand in it. */
function planTakes(db: ReadableDB, itemId: number, qty: number, defective = false): Take[] | null {
  let left = qty;
  const layers = sql(
    db,
    `SELECT id, in_qty, in_amount_fen, remaining_qty, remaining_amount_fen FROM stock_layers
     WHERE item_id = ? AND defective = ? AND remaining_qty > 0 ORDER BY id`,
  ).iterate(itemId, defective ? 1 : 0) as IterableIterator<LayerRow>;
  const takes: Take[] = [];
  for (const layer of layers) {
    const take = Math.min(left, layer.remaining_qty);
    takes.push({ layer, take, amount: layerTakeCost(layer, take) });
    left -= take;
    if (left === 0) break;
  }
  return left > 0 ? null : takes;
}

/** What issuing `qty` now would cost (the oldest layers of the pool first), without issuing; null when less is on hand. */
export function issueCost(db: ReadableDB, itemId: number, qty: number, defective = false): number | null {
  const takes = planTakes(db, itemId, qty, defective);
  return takes ? takes.reduce((n, t) => n + t.amount, 0) : null;
}

/** Goods out from the oldest layers of one pool — saleable, or defective (次品) —; the caller has
 *  checked that enough is on hand in it. Returns the cost. */
export function issue(db: WritableDB, pc: PostingCtx, r: { itemId: number; lineId: number; qty: number; defective?: boolean }): number {
  let cost = 0;
  const takes = planTakes(db, r.itemId, r.qty, r.defective);
  if (!takes) throw new Error(`FIFO: item ${r.itemId} is short (sufficiency must be checked first)`);
  for (const { layer, take, amount } of takes) {
    sql(db, 'UPDATE stock_layers SET remaining_qty = remaining_qty - ?, remaining_amount_fen = remaining_amount_fen - ? WHERE id = ?').run(
      take,
      amount,
      layer.id,
    );
    insertMove(db, pc, { itemId: r.itemId, lineId: r.lineId, direction: 'out', qty: take, amountFen: amount, layerId: layer.id, sourceMoveId: null });
    cost += amount;
  }
  return cost;
}

/** What is on hand of an item in one pool: saleable (defective = false) or defective (次品). */
export function poolQty(db: ReadableDB, itemId: number, defective: boolean): number {
  return sql(db, 'SELECT COALESCE(SUM(remaining_qty), 0) FROM stock_layers WHERE item_id = ? AND defective = ? AND remaining_qty > 0')
    .pluck()
    .get(itemId, defective ? 1 : 0) as number;
}

/** The layer of an 'in' move that has not been touched since (nothing taken from it). */
export function isLayerUntouched(db: ReadableDB, layerId: number): boolean {
  const l = sql(db, 'SELECT in_qty, in_amount_fen, remaining_qty, remaining_amount_fen FROM stock_layers WHERE id = ?').get(layerId) as LayerRow;
  return l.remaining_qty === l.in_qty && l.remaining_amount_fen === l.in_amount_fen;
}

/** 红字: undo one move exactly. An 'in' move's layer must be untouched (checked by the caller). */
export function reverseMove(db: WritableDB, pc: PostingCtx, move: MoveRow, lineId: number): number {
  if (move.direction === 'in') {
    sql(db, 'UPDATE stock_layers SET remaining_qty = remaining_qty - ?, remaining_amount_fen = remaining_amount_fen - ? WHERE id = ?').run(
      move.qty,
      move.amount_fen,
      move.layer_id,
    );
  } else {
    sql(db, 'UPDATE stock_layers SET remaining_qty = remaining_qty + ?, remaining_amount_fen = remaining_amount_fen + ? WHERE id = ?').run(
      move.qty,
      move.amount_fen,
      move.layer_id,
    );
  }
  return insertMove(db, pc, {
    itemId: move.item_id,
    lineId,
    direction: move.direction,
    qty: -move.qty,
    amountFen: -move.amount_fen,
    layerId: move.layer_id,
    sourceMoveId: move.id,
  });
}

/** The item's latest unit cost: the last receipt layer (not reversed) as in amount ÷ in qty,
 *  rounded half up; null when the item has never been received. */
export function latestUnitCostFen(db: ReadableDB, itemId: number): number | null {
  const l = sql(
    db,
    `SELECT l.in_qty, l.in_amount_fen FROM stock_layers l WHERE l.item_id = ?
       AND NOT EXISTS (SELECT 1 FROM stock_moves x WHERE x.layer_id = l.id AND x.direction = 'in' AND x.qty < 0)
     ORDER BY l.id DESC LIMIT 1`,
  ).get(itemId) as { in_qty: number; in_amount_fen: number } | undefined;
  return l ? unitFen(l.in_amount_fen, l.in_qty) : null;
}

/** What of a dispatch's out move has come back on posted, unreversed returns. */
export function returnedOf(db: ReadableDB, outMoveId: number): Balance {
  return sql(
    db,
    `SELECT COALESCE(SUM(r.qty), 0) AS qty, COALESCE(SUM(r.amount_fen), 0) AS amountFen
     FROM stock_moves r
     WHERE r.source_move_id = ? AND r.direction = 'in' AND r.qty > 0
       AND NOT EXISTS (SELECT 1 FROM stock_moves x WHERE x.source_move_id = r.id)`,
  ).get(outMoveId) as Balance;
}
