// Sales from the books: every posted sale (发货), customer return (退货) and reversal of either
// (红字冲销) line, signed so that returns and reversals net: quantity and amount as they moved
// (shipped_qty, shipped_amount_fen), the FIFO cost as the line's stock moves took it (an issue's
// out amounts, a return's in amounts back, a reversal's red moves). 月度销售统计表 groups them,
// 销售收入明细账 lists them. The reader's reach of customers (reads/scope.ts) bounds the slips.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { SalesFigures, SalesGrouping, SalesLedgerRow, SalesMonthlyRow } from '../../../shared/contract';
import { customerReachSql, type Reader } from '../reads/scope';
import { reachesAll } from '../../../shared/readScope';

export interface SaleLine {
  line_id: number;
  slip_id: number;
  slip_no: string;
  kind: 'dispatch' | 'return' | 'reversal';
  date: string;
  customer_id: number | null;
  customer: string | null;
  customer_code: string | null;
  item_id: number;
  item_code: string;
  item_name: string;
  item_category: string;
  unit: string;
  price_fen: number | null;
  qty: number;
  amount_fen: number;
  cost_fen: number;
}

const SALE_SLIPS = `s.state = 'posted' AND (s.kind IN ('dispatch', 'return') OR (s.kind = 'reversal' AND src.kind IN ('dispatch', 'return')))`;
/** +1 for what sells (a sale, the reversal of a return), −1 for what comes back */
const SIGN = `(CASE WHEN s.kind = 'dispatch' OR (s.kind = 'reversal' AND src.kind = 'return') THEN 1 ELSE -1 END)`;

const LINES = (where: string) => `SELECT l.id AS line_id, s.id AS slip_id, s.no AS slip_no, s.kind, s.business_date AS date,
    s.customer_id, c.name AS customer, c.code AS customer_code, l.item_id, i.code AS item_code, i.name AS item_name, i.category AS item_category, i.unit, l.price_fen,
    ${SIGN} * COALESCE(l.shipped_qty, 0) AS qty, ${SIGN} * COALESCE(l.shipped_amount_fen, 0) AS amount_fen,
    COALESCE((SELECT SUM(CASE WHEN m.direction = 'out' THEN m.amount_fen ELSE -m.amount_fen END) FROM stock_moves m WHERE m.slip_line_id = l.id), 0) AS cost_fen
  FROM slips s
  LEFT JOIN slips src ON src.id = s.source_slip_id
  JOIN slip_lines l ON l.slip_id = s.id
  JOIN items i ON i.id = l.item_id
  LEFT JOIN customers c ON c.id = s.customer_id
  WHERE ${SALE_SLIPS} AND ${where}`;

export interface LineFilter {
  from: string;
  to: string;
  customerId?: number;
}

/** A salesperson's figures are his own customers' (not every slip he typed for someone else's). */
const customerReach = (r: Reader) => (reachesAll(r.scope) ? '1 = 1' : `s.customer_id IN (SELECT c.id FROM customers c WHERE ${customerReachSql(r, 'c')})`);

function filterSql(r: Reader, f: LineFilter): { where: string; args: unknown[] } {
  const parts = ['s.business_date >= ?', 's.business_date <= ?', customerReach(r)];
  const args: unknown[] = [f.from, f.to];
  if (f.customerId !== undefined) (parts.push('s.customer_id = ?'), args.push(f.customerId));
  return { where: parts.join(' AND '), args };
}

/** The sale lines of a period the reader reaches, in posting order. */
export function saleLines(db: ReadableDB, r: Reader, f: LineFilter, page?: { limit: number; offset: number }): SaleLine[] {
  const { where, args } = filterSql(r, f);
  const tail = page ? ' LIMIT ? OFFSET ?' : '';
  return sql(db, `${LINES(where)} ORDER BY s.post_seq, l.line_no${tail}`).all(...args, ...(page ? [page.limit, page.offset] : [])) as SaleLine[];
}

/** Count and sums of the same lines (the ledger's 合计 over every page). */
export function saleTotals(db: ReadableDB, r: Reader, f: LineFilter): { n: number; qty: number; amount: number; cost: number } {
  const { where, args } = filterSql(r, f);
  return sql(
    db,
    `SELECT COUNT(*) AS n, COALESCE(SUM(qty), 0) AS qty, COALESCE(SUM(amount_fen), 0) AS amount, COALESCE(SUM(cost_fen), 0) AS cost FROM (${LINES(where)})`,
  ).get(...args) as { n: number; qty: number; amount: number; cost: number };
}

export function ledgerRowOf(l: SaleLine, seesCosts: boolean): SalesLedgerRow {
  return {
    lineId: l.line_id,
    date: l.date,
    slipId: l.slip_id,
    slipNo: l.slip_no,
    kind: l.kind,
    customer: l.customer,
    itemCode: l.item_code,
    itemName: l.item_name,
    unit: l.unit,
    qty: l.qty,
    priceFen: l.price_fen,
    amountFen: l.amount_fen,
    costFen: seesCosts ? l.cost_fen : null,
  };
}

// ------------------------------------------------------------------ 月度销售统计表

interface Group {
  key: number | null;
  code: string;
  name: string;
}

/** The salesperson of each customer the lines name (customers.salesperson_id). */
function salespeople(db: ReadableDB): Map<number, Group> {
  const rows = sql(db, 'SELECT c.id, u.id AS uid, u.name FROM customers c JOIN users u ON u.id = c.salesperson_id').all() as {
    id: number;
    uid: number;
    name: string;
  }[];
  return new Map(rows.map((x) => [x.id, { key: x.uid, code: '', name: x.name }]));
}

const NO_SALESPERSON: Group = { key: null, code: '', name: '' };

function grouper(db: ReadableDB, by: SalesGrouping): (l: SaleLine) => Group {
  if (by === 'item') return (l) => ({ key: l.item_id, code: l.item_code, name: l.item_name });
  if (by === 'customer') return (l) => ({ key: l.customer_id, code: l.customer_code ?? '', name: l.customer ?? '' });
  if (by === 'category') return (l) => ({ key: null, code: '', name: l.item_category });
  const people = salespeople(db);
  return (l) => (l.customer_id !== null ? (people.get(l.customer_id) ?? NO_SALESPERSON) : NO_SALESPERSON);
}

type Sums = { qty: number; amount: number; cost: number };
const add = (s: Sums | undefined, l: SaleLine): Sums => ({
  qty: (s?.qty ?? 0) + l.qty,
  amount: (s?.amount ?? 0) + l.amount_fen,
  cost: (s?.cost ?? 0) + l.cost_fen,
});

export function figuresOf(s: Sums | undefined, seesCosts: boolean): SalesFigures {
  const x = s ?? { qty: 0, amount: 0, cost: 0 };
  return { qty: x.qty, amountFen: x.amount, costFen: seesCosts ? x.cost : null, marginFen: seesCosts ? x.amount - x.cost : null };
}

export interface MonthSums {
  groups: Map<string, Group>;
  sums: Map<string, Sums>;
  total: Sums | undefined;
  any: boolean;
}

const monthEnd = (month: string) => `${month}-31`;

/** A month's sale lines the reader reaches, summed per group. */
export function monthSums(db: ReadableDB, r: Reader, month: string, by: SalesGrouping): MonthSums {
  const groupOf = grouper(db, by);
  const groups = new Map<string, Group>();
  const sums = new Map<string, Sums>();
  let total: Sums | undefined;
  const lines = saleLines(db, r, { from: `${month}-01`, to: monthEnd(month) });
  for (const l of lines) {
    const g = groupOf(l);
    // a category has no id: its name is the key
    const k = g.key === null ? `name:${g.name}` : String(g.key);
    groups.set(k, g);
    sums.set(k, add(sums.get(k), l));
    total = add(total, l);
  }
  return { groups, sums, total, any: lines.length > 0 };
}

export function monthlyRows(cur: MonthSums, prev: MonthSums, ly: MonthSums, seesCosts: boolean): SalesMonthlyRow[] {
  const compare = (m: MonthSums, k: string) => (m.any ? figuresOf(m.sums.get(k), seesCosts) : null);
  return [...cur.groups]
    .map(([k, g]) => ({ ...g, current: figuresOf(cur.sums.get(k), seesCosts), previousMonth: compare(prev, k), lastYear: compare(ly, k) }))
    .sort((a, b) => b.current.amountFen - a.current.amountFen || a.code.localeCompare(b.code) || a.name.localeCompare(b.name));
}
