// The stock card (库存明细账) of one item, a page at a time either way: forward from the start
// (cursor = the last move of the page before) or backward from the end (Ctrl+End: no cursor; then
// cursor = the first move of the page after). Every move carries the item's balance after it, so a
// page is one range read of the (item_id, id) index whichever way it goes, and the last page costs
// what the first does. The FIFO takes of one slip line at the same unit cost make one row (their
// moves in `layers`); a page never splits a row. 本月合计 / 本年累计 come from cardSums.ts. Each row
// also says how much of the balance is defective (其中次品): the moves of the item's defective layers.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { WRITEOFF_CAUSE_ZH, type ReturnsOnCard, type SlipKind, type StockCardRow, type WriteoffCause } from '../../../shared/contract';
import { unitFen } from '../../../shared/money';
import { balanceBefore, firstMoveOnOrAfter, type Balance } from '../../ledger/fifo';
import { nextDay } from '../../ledger/dates';
import { returnsOnCard } from '../office/repo';
import { monthEndsOf, type MoveClass, type Period } from './cardSums';

interface CardMoveRow {
  id: number;
  business_date: string;
  posted_at: string;
  slip_id: number;
  slip_line_id: number;
  layer_id: number;
  slip_no: string;
  slip_kind: SlipKind;
  source_kind: SlipKind | null;
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
  pre_golive: number;
  cause: WriteoffCause | null;
  line_memo: string;
  /** 1: the move's layer is defective stock (次品) */
  defective: number;
}

const ZERO: Balance = { qty: 0, amountFen: 0 };
const END = Number.MAX_SAFE_INTEGER;

const MOVES = (order: 'ASC' | 'DESC') => `SELECT m.id, m.business_date, m.posted_at, m.slip_id, m.slip_line_id, m.layer_id, s.no AS slip_no,
       s.kind AS slip_kind, src.kind AS source_kind, m.direction, m.qty, m.amount_fen, m.balance_qty, m.balance_amount_fen,
       c.name AS customer_name, p.name AS supplier_name, s.delivery_note_no, src.no AS source_no, s.reason, s.pre_golive,
       l.cause, l.memo AS line_memo, ly.defective
     FROM stock_moves m
     JOIN slips s ON s.id = m.slip_id
     JOIN slip_lines l ON l.id = m.slip_line_id
     LEFT JOIN customers c ON c.id = s.customer_id
     LEFT JOIN suppliers p ON p.id = s.supplier_id
     LEFT JOIN slips src ON src.id = s.source_slip_id
     JOIN stock_layers ly ON ly.id = m.layer_id
     WHERE m.item_id = ? AND m.id >= ? AND m.id <= ?
     ORDER BY m.id ${order} LIMIT ?`;

/** The item's moves with ids in [lo, hi], `limit` of them from the low end (asc) or the high end (desc). */
function movesIn(db: ReadableDB, itemId: number, lo: number, hi: number, order: 'ASC' | 'DESC', limit: number): CardMoveRow[] {
  if (lo > hi) return [];
  return sql(db, MOVES(order)).all(itemId, lo, hi, limit) as CardMoveRow[];
}

/** Whether the item has a move with id in [lo, hi]. */
function anyMoveIn(db: ReadableDB, itemId: number, lo: number, hi: number): boolean {
  return lo <= hi && sql(db, 'SELECT 1 FROM stock_moves WHERE item_id = ? AND id >= ? AND id <= ? LIMIT 1').get(itemId, lo, hi) !== undefined;
}

/** The business date of the item's first move with id in [lo, hi], if any. */
function firstDateIn(db: ReadableDB, itemId: number, lo: number, hi: number): string | null {
  if (lo > hi) return null;
  const d = sql(db, 'SELECT business_date FROM stock_moves WHERE item_id = ? AND id >= ? AND id <= ? ORDER BY id LIMIT 1').pluck().get(itemId, lo, hi);
  return (d as string | undefined) ?? null;
}

function classOf(r: CardMoveRow): MoveClass {
  return r.slip_kind === 'return' || (r.slip_kind === 'reversal' && r.source_kind === 'return') ? 'ret' : r.direction;
}

/** Two moves that make one row: the same slip line, the same side of the card, the same unit cost. */
function sameRow(a: CardMoveRow, b: CardMoveRow): boolean {
  return a.slip_line_id === b.slip_line_id && classOf(a) === classOf(b) && unitFen(a.amount_fen, a.qty) === unitFen(b.amount_fen, b.qty);
}

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
      if (r.pre_golive === 1) return { summary: `无原单退货(上线前销售) ${r.customer_name ?? ''}`.trim(), counterparty: r.customer_name, refNo: null };
      return { summary: `退货 ${r.customer_name ?? ''} 原单 ${r.source_no ?? ''}`.trim(), counterparty: r.customer_name, refNo: r.source_no };
    case 'reversal':
      return {
        summary: `红字冲销 ${r.source_no ?? ''}${r.reason ? `: ${r.reason}` : ''}`,
        counterparty: r.customer_name ?? r.supplier_name,
        refNo: r.source_no,
      };
    case 'opening':
      return { summary: '期初结存', counterparty: null, refNo: null };
    case 'count':
      // the line's memo is the cause (count/service.ts): 盘盈/盘亏 PD… 破碎: …
      return { summary: `${r.direction === 'in' ? '盘盈' : '盘亏'} ${r.slip_no} ${r.line_memo}`.trim(), counterparty: null, refNo: r.slip_no };
    case 'repair':
      // line 1 takes the defective units, line 2 brings them back saleable (repairs/service.ts); the memo says which
      return { summary: `维修 ${r.slip_no} ${r.line_memo}`.trim(), counterparty: null, refNo: r.slip_no };
    case 'writeoff':
      return { summary: `报损 ${r.cause ? WRITEOFF_CAUSE_ZH[r.cause] : ''}${r.line_memo ? `: ${r.line_memo}` : ''}`.trim(), counterparty: null, refNo: null };
    case 'hqReturn':
      return {
        summary:
          `退回总部 ${r.supplier_name ?? ''}${r.delivery_note_no ? ` 原送货单 ${r.delivery_note_no}` : ''}${r.source_no ? ` 原进仓单 ${r.source_no}` : ''}`.trim(),
        counterparty: r.supplier_name,
        refNo: r.delivery_note_no ?? r.source_no,
      };
  }
}

/** The in / out columns of a row: a return (and its reversal) as 收入 or as 红字发出 (negated). */
function sides(cls: MoveClass, qty: number, amountFen: number, returns: ReturnsOnCard) {
  const unit = unitFen(amountFen, qty);
  const none = { qty: null, unit: null, amount: null };
  const fig = { qty, unit, amount: amountFen };
  if (cls === 'in' || (cls === 'ret' && returns === 'receipt')) return { in: fig, out: none };
  if (cls === 'out') return { in: none, out: fig };
  return { in: none, out: { qty: -qty, unit, amount: -amountFen } };
}

/** The item's defective units (次品) after its moves before `beforeId`: the moves on its defective layers (stock_moves_layer, 0035). */
function defectiveBefore(db: ReadableDB, itemId: number, beforeId: number): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE m.direction WHEN 'in' THEN m.qty ELSE -m.qty END), 0)
     FROM stock_layers l JOIN stock_moves m ON m.layer_id = l.id WHERE l.item_id = ? AND l.defective = 1 AND m.id < ?`,
  )
    .pluck()
    .get(itemId, beforeId) as number;
}

/** Each move's running defective balance (其中次品) after it, from the balance before the page. */
function defectiveAfter(db: ReadableDB, itemId: number, page: CardMoveRow[]): Map<number, number> {
  const after = new Map<number, number>();
  if (!page.length) return after;
  let n = defectiveBefore(db, itemId, page[0].id);
  for (const m of page) {
    if (m.defective === 1) n += m.direction === 'in' ? m.qty : -m.qty;
    after.set(m.id, n);
  }
  return after;
}

/** One card row from the consecutive moves of one slip line at one unit cost. */
function rowOf(group: CardMoveRow[], returns: ReturnsOnCard, defective: Map<number, number>): StockCardRow {
  const first = group[0];
  const last = group[group.length - 1];
  const qty = group.reduce((n, r) => n + r.qty, 0);
  const amount = group.reduce((n, r) => n + r.amount_fen, 0);
  const s = sides(classOf(first), qty, amount, returns);
  return {
    moveId: first.id,
    lastMoveId: last.id,
    date: first.business_date,
    postedAt: first.posted_at,
    slipId: first.slip_id,
    slipNo: first.slip_no,
    slipKind: first.slip_kind,
    ...summaryOf(first),
    inQty: s.in.qty,
    inUnitCostFen: s.in.unit,
    inAmountFen: s.in.amount,
    outQty: s.out.qty,
    outUnitCostFen: s.out.unit,
    outAmountFen: s.out.amount,
    balanceQty: last.balance_qty,
    balanceAmountFen: last.balance_amount_fen,
    balanceUnitCostFen: last.balance_qty > 0 ? unitFen(last.balance_amount_fen, last.balance_qty) : null,
    defectiveQty: defective.get(last.id) ?? 0,
    layers: group.map((r) => ({ moveId: r.id, layerId: r.layer_id, qty: r.qty, amountFen: r.amount_fen, unitCostFen: unitFen(r.amount_fen, r.qty) ?? 0 })),
  };
}

function groupRows(moves: CardMoveRow[], returns: ReturnsOnCard, defective: Map<number, number>): StockCardRow[] {
  const rows: StockCardRow[] = [];
  let group: CardMoveRow[] = [];
  for (const m of moves) {
    if (group.length && !sameRow(group[group.length - 1], m)) {
      rows.push(rowOf(group, returns, defective));
      group = [];
    }
    group.push(m);
  }
  if (group.length) rows.push(rowOf(group, returns, defective));
  return rows;
}

/**
 * `limit` moves read away from the cursor (more when the limit falls inside a row), and the move
 * just beyond them, if any. `more(lastId)` reads on past the last move read.
 */
function takeWhole(raw: CardMoveRow[], limit: number, more: (lastId: number) => CardMoveRow[]): { page: CardMoveRow[]; beyond: CardMoveRow | undefined } {
  let n = Math.min(limit, raw.length);
  while (n < raw.length && sameRow(raw[n - 1], raw[n])) {
    n++;
    if (n === raw.length) raw.push(...more(raw[n - 1].id));
  }
  return { page: raw.slice(0, n), beyond: raw[n] };
}

/** The period as a range of move ids: business dates never go back in posting order (fifo.ts). */
function periodOf(db: ReadableDB, itemId: number, from?: string, to?: string): Period & { opening: Balance; closing: Balance } {
  const fromId = from ? (firstMoveOnOrAfter(db, from) ?? END) : 1;
  const afterTo = to ? firstMoveOnOrAfter(db, nextDay(to)) : null;
  return {
    itemId,
    from: from ?? null,
    to: to ?? null,
    fromId,
    endId: afterTo === null ? END : afterTo - 1,
    opening: from ? balanceBefore(db, itemId, fromId === END ? null : fromId) : ZERO,
    closing: balanceBefore(db, itemId, afterTo),
  };
}

interface CardQuery {
  itemId: number;
  from?: string;
  to?: string;
  cursor?: number;
  direction?: 'forward' | 'backward';
  limit: number;
}

interface PageRead {
  page: CardMoveRow[];
  /** the date of the first move after the page in the period (null: the page ends the period) */
  nextDate: string | null;
  /** moves come before the page in the period */
  before: boolean;
}

type CardPeriod = ReturnType<typeof periodOf>;

/** From the start, or after the cursor (the last move of the page before). */
function readForward(db: ReadableDB, p: CardPeriod, cursor: number | undefined, limit: number): PageRead {
  const ahead = (lo: number, n: number) => movesIn(db, p.itemId, lo, p.endId, 'ASC', n);
  const r = takeWhole(ahead(Math.max(p.fromId, (cursor ?? 0) + 1), limit + 1), limit, (id) => ahead(id + 1, 16));
  const before = r.page.length > 0 && anyMoveIn(db, p.itemId, p.fromId, r.page[0].id - 1);
  return { page: r.page, nextDate: r.beyond?.business_date ?? null, before };
}

/** From the end (Ctrl+End), or before the cursor (the first move of the page after). */
function readBackward(db: ReadableDB, p: CardPeriod, cursor: number | undefined, limit: number): PageRead {
  const behind = (hi: number, n: number) => movesIn(db, p.itemId, p.fromId, hi, 'DESC', n);
  const r = takeWhole(behind(Math.min(p.endId, (cursor ?? END) - 1), limit + 1), limit, (id) => behind(id - 1, 16));
  const page = r.page.reverse();
  const nextDate = page.length ? firstDateIn(db, p.itemId, page[page.length - 1].id + 1, p.endId) : null;
  return { page, nextDate, before: r.beyond !== undefined };
}

export function stockCard(db: ReadableDB, q: CardQuery) {
  const p = periodOf(db, q.itemId, q.from, q.to);
  const returns = returnsOnCard(db);
  const { page, nextDate, before } = (q.direction === 'backward' ? readBackward : readForward)(db, p, q.cursor, q.limit);
  const rows = groupRows(page, returns, defectiveAfter(db, q.itemId, page));
  return {
    from: p.from,
    to: p.to,
    returnsOnCard: returns,
    hasDefective: sql(db, 'SELECT 1 FROM stock_layers WHERE item_id = ? AND defective = 1 LIMIT 1').get(q.itemId) !== undefined,
    opening: p.opening,
    rows,
    monthEnds: monthEndsOf(db, p, rows, nextDate, returns),
    nextCursor: nextDate !== null ? page[page.length - 1].id : null,
    prevCursor: before ? page[0].id : null,
    closing: p.closing,
  };
}

/** All rows of an item's stock card for a period, with its month ends (stock.card pages through them). */
export function fullStockCard(db: ReadableDB, itemId: number, from: string | undefined, to: string | undefined) {
  const first = stockCard(db, { itemId, from, to, limit: 1000 });
  const rows = [...first.rows];
  const monthEnds = [...first.monthEnds];
  for (let page = first; page.nextCursor != null;) {
    page = stockCard(db, { itemId, from, to, cursor: page.nextCursor, limit: 1000 });
    rows.push(...page.rows);
    monthEnds.push(...page.monthEnds);
  }
  return { opening: first.opening, closing: first.closing, returnsOnCard: first.returnsOnCard, rows, monthEnds };
}
