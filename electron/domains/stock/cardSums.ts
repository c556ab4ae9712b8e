// 本月合计 and 本年累计 on the stock card, after the last row of each month (and of the period).
// A whole month is one row of stock_month_totals (kept by a trigger on stock_moves, migration
// 0007) and a year to date at most twelve, so the sums cost the same on a card of 100 moves or of
// 100,000. Only a month the period cuts (a `from` or `to` inside it) is summed from its moves: at
// most one month of one item, through the (item_id, id) index.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { CardMonthEnd, CardTotals, ReturnsOnCard, StockCardRow } from '../../../shared/contract';
import { unitFen } from '../../../shared/money';
import { firstMoveOnOrAfter } from '../../ledger/fifo';

/** What a move is on the card: goods in, goods out, or a customer return (or its reversal). */
export type MoveClass = 'in' | 'out' | 'ret';

/** The period of a card as dates and as the range of move ids [fromId, endId]. */
export interface Period {
  itemId: number;
  from: string | null;
  to: string | null;
  fromId: number;
  endId: number;
}

interface Raw {
  inQty: number;
  inFen: number;
  outQty: number;
  outFen: number;
  retQty: number;
  retFen: number;
}

const END = Number.MAX_SAFE_INTEGER;
const NONE: Raw = { inQty: 0, inFen: 0, outQty: 0, outFen: 0, retQty: 0, retFen: 0 };
const RAW_COLS = `in_qty AS inQty, in_amount_fen AS inFen, out_qty AS outQty, out_amount_fen AS outFen, ret_qty AS retQty, ret_amount_fen AS retFen`;

function plus(a: Raw, b: Raw): Raw {
  return {
    inQty: a.inQty + b.inQty,
    inFen: a.inFen + b.inFen,
    outQty: a.outQty + b.outQty,
    outFen: a.outFen + b.outFen,
    retQty: a.retQty + b.retQty,
    retFen: a.retFen + b.retFen,
  };
}

/** Returns as 收入 add to what came in; as 红字发出 they take away from what went out. */
function present(r: Raw, returns: ReturnsOnCard): CardTotals {
  return returns === 'receipt'
    ? { inQty: r.inQty + r.retQty, inAmountFen: r.inFen + r.retFen, outQty: r.outQty, outAmountFen: r.outFen }
    : { inQty: r.inQty, inAmountFen: r.inFen, outQty: r.outQty - r.retQty, outAmountFen: r.outFen - r.retFen };
}

/** Whole months of one item from stock_month_totals, months in [first, last]. */
function monthsSum(db: ReadableDB, itemId: number, first: string, last: string): Raw {
  const rows = sql(db, `SELECT ${RAW_COLS} FROM stock_month_totals WHERE item_id = ? AND month >= ? AND month <= ?`).all(itemId, first, last) as Raw[];
  return rows.reduce(plus, NONE);
}

/** The item's moves with ids in [lo, hi], summed by class. */
function movesSum(db: ReadableDB, itemId: number, lo: number, hi: number): Raw {
  if (lo > hi) return NONE;
  const cls = `CASE WHEN s.kind = 'return' OR (s.kind = 'reversal' AND src.kind = 'return') THEN 'ret' ELSE m.direction END`;
  const sum = (c: string, col: string) => `COALESCE(SUM(CASE WHEN ${cls} = '${c}' THEN m.${col} END), 0)`;
  return sql(
    db,
    `SELECT ${sum('in', 'qty')} AS inQty, ${sum('in', 'amount_fen')} AS inFen, ${sum('out', 'qty')} AS outQty, ${sum('out', 'amount_fen')} AS outFen,
       ${sum('ret', 'qty')} AS retQty, ${sum('ret', 'amount_fen')} AS retFen
     FROM stock_moves m JOIN slips s ON s.id = m.slip_id LEFT JOIN slips src ON src.id = s.source_slip_id
     WHERE m.item_id = ? AND m.id >= ? AND m.id <= ?`,
  ).get(itemId, lo, hi) as Raw;
}

/** 'YYYY-MM' → its first day, its last day and the first day of the next month. */
function monthDays(month: string): { first: string; last: string; next: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last, next };
}

/** The month's and the year's figures up to the end of `month` within the period. */
function sumsOf(db: ReadableDB, p: Period, month: string): { month: Raw; year: Raw } {
  const d = monthDays(month);
  const cutStart = p.from !== null && p.from > d.first;
  const cutEnd = p.to !== null && p.to < d.last;
  const whole = monthsSum(db, p.itemId, month, month);
  const startId = firstMoveOnOrAfter(db, d.first) ?? END;
  const endId = Math.min(p.endId, (firstMoveOnOrAfter(db, d.next) ?? END) - 1);
  const inPeriod = cutStart || cutEnd ? movesSum(db, p.itemId, Math.max(p.fromId, startId), endId) : whole;
  const prior = month.endsWith('-01') ? NONE : monthsSum(db, p.itemId, `${month.slice(0, 4)}-01`, prevMonth(month));
  return { month: inPeriod, year: plus(prior, cutEnd ? movesSum(db, p.itemId, startId, endId) : whole) };
}

function prevMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The month ends among a page's rows: after a row whose next row (on the page, or `nextDate`, the
 * date of the first move after the page) is in another month, or that is the period's last.
 */
export function monthEndsOf(db: ReadableDB, p: Period, rows: StockCardRow[], nextDate: string | null, returns: ReturnsOnCard): CardMonthEnd[] {
  const out: CardMonthEnd[] = [];
  rows.forEach((r, i) => {
    const month = r.date.slice(0, 7);
    const after = i + 1 < rows.length ? rows[i + 1].date : nextDate;
    if (after !== null && after.slice(0, 7) === month) return;
    const s = sumsOf(db, p, month);
    out.push({
      afterMoveId: r.lastMoveId,
      month,
      monthTotals: present(s.month, returns),
      yearTotals: present(s.year, returns),
      balanceQty: r.balanceQty,
      balanceAmountFen: r.balanceAmountFen,
      balanceUnitCostFen: r.balanceQty > 0 ? unitFen(r.balanceAmountFen, r.balanceQty) : null,
    });
  });
  return out;
}
