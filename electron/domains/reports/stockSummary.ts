// 进销存汇总表: per item, the opening balance, what moved in and out in the period by the kind of
// slip that moved it, and the closing balance. Business dates never go back in posting order, so
// the period is one range of move ids (the small date index gives its ends); the opening and the
// closing are each one seek per item on (item_id, id), since every move carries the balance after
// it. The closing read from the books must be the opening plus the period's moves — asserted, so
// a report that disagrees with the stock cards cannot be shown.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { StockSummary, StockSummaryRow, SummaryKind } from '../../../shared/contract';
import { firstMoveOnOrAfter } from '../../ledger/fifo';
import { nextDay } from '../../ledger/dates';

type QA = { qty: number; amountFen: number };
const END = Number.MAX_SAFE_INTEGER;

/** The move ids of [from, to]: lo..hi (empty when lo > hi). */
export function moveRange(db: ReadableDB, from: string, to: string): { lo: number; hi: number } {
  const lo = firstMoveOnOrAfter(db, from) ?? END;
  const after = firstMoveOnOrAfter(db, nextDay(to));
  return { lo, hi: after === null ? END - 1 : after - 1 };
}

interface KindSum {
  item_id: number;
  direction: 'in' | 'out';
  kind: string;
  qty: number;
  amount: number;
}

/** The period's moves summed per item, direction and kind (a reversal under the kind it reverses, red). */
function periodSums(db: ReadableDB, lo: number, hi: number): KindSum[] {
  if (lo > hi) return [];
  return sql(
    db,
    `SELECT m.item_id, m.direction, CASE WHEN s.kind = 'reversal' THEN COALESCE(src.kind, s.kind) ELSE s.kind END AS kind,
       SUM(m.qty) AS qty, SUM(m.amount_fen) AS amount
     FROM stock_moves m JOIN slips s ON s.id = m.slip_id LEFT JOIN slips src ON src.id = s.source_slip_id
     WHERE m.id >= ? AND m.id <= ? GROUP BY 1, 2, 3`,
  ).all(lo, hi) as KindSum[];
}

interface ItemBalances {
  id: number;
  code: string;
  name: string;
  spec: string;
  unit: string;
  category: string;
  oq: number | null;
  oa: number | null;
  cq: number | null;
  ca: number | null;
}

/** Every item's balance before move `lo` and after move `hi`. */
function balances(db: ReadableDB, lo: number, hi: number): ItemBalances[] {
  return sql(
    db,
    `SELECT i.id, i.code, i.name, i.spec, i.unit, i.category, o.balance_qty AS oq, o.balance_amount_fen AS oa, c.balance_qty AS cq, c.balance_amount_fen AS ca
     FROM items i
     LEFT JOIN stock_moves o ON o.id = (SELECT id FROM stock_moves WHERE item_id = i.id AND id < ? ORDER BY id DESC LIMIT 1)
     LEFT JOIN stock_moves c ON c.id = (SELECT id FROM stock_moves WHERE item_id = i.id AND id <= ? ORDER BY id DESC LIMIT 1)
     ORDER BY i.code`,
  ).all(lo, hi) as ItemBalances[];
}

const IN_ORDER = ['opening', 'inbound', 'return'];
const OUT_ORDER = ['dispatch'];
const rank = (order: string[], k: string) => (order.includes(k) ? order.indexOf(k) : order.length);

/** The kinds that moved, ins first, each side in the office's usual order, then any other kind by name. */
function kindsOf(sums: KindSum[]): SummaryKind[] {
  const seen = new Map<string, SummaryKind>();
  for (const s of sums) seen.set(`${s.direction}:${s.kind}`, { direction: s.direction, kind: s.kind });
  return [...seen.values()].sort((a, b) => {
    if (a.direction !== b.direction) return a.direction === 'in' ? -1 : 1;
    const order = a.direction === 'in' ? IN_ORDER : OUT_ORDER;
    return rank(order, a.kind) - rank(order, b.kind) || a.kind.localeCompare(b.kind);
  });
}

const zero = (): QA => ({ qty: 0, amountFen: 0 });
const plus = (a: QA, b: QA): QA => ({ qty: a.qty + b.qty, amountFen: a.amountFen + b.amountFen });

function rowOf(b: ItemBalances, kinds: SummaryKind[], mine: KindSum[]): StockSummaryRow {
  const byKind = kinds.map((k) => {
    const s = mine.find((x) => x.direction === k.direction && x.kind === k.kind);
    return s ? { qty: s.qty, amountFen: s.amount } : zero();
  });
  const side = (d: 'in' | 'out') => byKind.filter((_, i) => kinds[i].direction === d).reduce(plus, zero());
  const opening = { qty: b.oq ?? 0, amountFen: b.oa ?? 0 };
  const inTotal = side('in');
  const outTotal = side('out');
  const closing = { qty: b.cq ?? 0, amountFen: b.ca ?? 0 };
  if (opening.qty + inTotal.qty - outTotal.qty !== closing.qty || opening.amountFen + inTotal.amountFen - outTotal.amountFen !== closing.amountFen)
    throw new Error(`stock summary of item ${b.code} does not add up to its closing balance`);
  return { itemId: b.id, code: b.code, name: b.name, spec: b.spec, unit: b.unit, opening, byKind, inTotal, outTotal, closing };
}

export function stockSummary(db: ReadableDB, from: string, to: string, category?: string): StockSummary {
  const { lo, hi } = moveRange(db, from, to);
  const items = balances(db, lo, hi).filter((b) => category === undefined || b.category === category);
  const inCategory = new Set(items.map((b) => b.id));
  const sums = periodSums(db, lo, hi).filter((s) => inCategory.has(s.item_id));
  const kinds = kindsOf(sums);
  const perItem = new Map<number, KindSum[]>();
  for (const s of sums) perItem.set(s.item_id, [...(perItem.get(s.item_id) ?? []), s]);
  const rows = items.filter((b) => b.oq || b.oa || b.cq || b.ca || perItem.has(b.id)).map((b) => rowOf(b, kinds, perItem.get(b.id) ?? []));
  const totals = {
    opening: rows.map((r) => r.opening).reduce(plus, zero()),
    byKind: kinds.map((_, i) => rows.map((r) => r.byKind[i]).reduce(plus, zero())),
    inTotal: rows.map((r) => r.inTotal).reduce(plus, zero()),
    outTotal: rows.map((r) => r.outTotal).reduce(plus, zero()),
    closing: rows.map((r) => r.closing).reduce(plus, zero()),
  };
  return { from, to, kinds, rows, totals };
}
