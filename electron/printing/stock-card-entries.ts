// The rows of a stock card (库存明细账) before layout, as the screen shows them: the opening
// balance, each row (one slip line at one unit cost, as stock.card merges them) with the balance
// after it, 本月合计 and 本年累计 after each month (the core's figures, returns as the office
// writes them), 本期合计 when the period spans months, 期末结存; and the running totals of the
// rows after each entry, which a page break carries (过次页 / 承前页).

import type { CardMonthEnd, CardTotals, StockCardRow } from '../../shared/contract';
import { unitFen } from '../../shared/money';
import type { StockCardDocData } from './stock-card-doc';

export interface Balance {
  qty: number;
  amountFen: number;
}

export interface Entry {
  kind: 'opening' | 'move' | 'month' | 'year' | 'period' | 'closing';
  date: string;
  slipNo: string;
  summary: string;
  inQty: number | null;
  inUnit: number | null;
  inAmount: number | null;
  outQty: number | null;
  outUnit: number | null;
  outAmount: number | null;
  balance: Balance | null;
}

export interface Totals {
  inQty: number;
  inAmount: number;
  outQty: number;
  outAmount: number;
}
const zero = (): Totals => ({ inQty: 0, inAmount: 0, outQty: 0, outAmount: 0 });

function add(t: Totals, r: StockCardRow): void {
  t.inQty += r.inQty ?? 0;
  t.inAmount += r.inAmountFen ?? 0;
  t.outQty += r.outQty ?? 0;
  t.outAmount += r.outAmountFen ?? 0;
}

/** A row of sums (本月合计, 本期合计, 承前页, 过次页): move totals and the balance after them. */
export function sumEntry(kind: Entry['kind'], date: string, summary: string, t: Totals, balance: Balance | null): Entry {
  return {
    kind,
    date,
    slipNo: '',
    summary,
    inQty: t.inQty,
    inUnit: null,
    inAmount: t.inAmount,
    outQty: t.outQty,
    outUnit: null,
    outAmount: t.outAmount,
    balance,
  };
}

/** 期初结存 or 期末结存: a balance and nothing moved. */
function balanceEntry(kind: 'opening' | 'closing', date: string, summary: string, balance: Balance): Entry {
  return { kind, date, slipNo: '', summary, inQty: null, inUnit: null, inAmount: null, outQty: null, outUnit: null, outAmount: null, balance };
}

function moveEntry(r: StockCardRow): Entry {
  return {
    kind: 'move',
    date: r.date,
    slipNo: r.slipNo,
    summary: r.summary,
    inQty: r.inQty,
    inUnit: r.inUnitCostFen,
    inAmount: r.inAmountFen,
    outQty: r.outQty,
    outUnit: r.outUnitCostFen,
    outAmount: r.outAmountFen,
    balance: { qty: r.balanceQty, amountFen: r.balanceAmountFen },
  };
}

type CardData = Pick<StockCardDocData, 'from' | 'to' | 'opening' | 'closing' | 'rows' | 'monthEnds'>;

const totals = (t: CardTotals): Totals => ({ inQty: t.inQty, inAmount: t.inAmountFen, outQty: t.outQty, outAmount: t.outAmountFen });

/** 本月合计 and 本年累计 of a month end. */
function monthEntries(m: CardMonthEnd): Entry[] {
  const [y, mo] = m.month.split('-');
  const balance = { qty: m.balanceQty, amountFen: m.balanceAmountFen };
  return [
    sumEntry('month', '', `${y}年${Number(mo)}月 本月合计`, totals(m.monthTotals), balance),
    sumEntry('year', '', `${y}年 本年累计`, totals(m.yearTotals), balance),
  ];
}

export function entriesOf(d: CardData): { entries: Entry[]; totalsAfter: Totals[] } {
  const entries: Entry[] = [];
  const totalsAfter: Totals[] = []; // cumulative row totals after each entry (for 过次页)
  const period = zero();
  const push = (e: Entry) => {
    entries.push(e);
    totalsAfter.push({ ...period });
  };
  push(balanceEntry('opening', d.from ?? '', d.from ? '期初结存' : '期初结存(建账)', d.opening));
  const ends = new Map(d.monthEnds.map((m) => [m.afterMoveId, m]));
  for (const r of d.rows) {
    add(period, r);
    push(moveEntry(r));
    const end = ends.get(r.lastMoveId);
    if (end) monthEntries(end).forEach(push);
  }
  if (d.monthEnds.length > 1) push(sumEntry('period', '', '本期合计', period, d.closing));
  push(balanceEntry('closing', d.to, '期末结存', d.closing));
  return { entries, totalsAfter };
}

/** The balance after entry i (the nearest entry at or before it that has one). */
export function lastBalance(entries: Entry[], i: number): Balance | null {
  for (let k = i; k >= 0; k--) if (entries[k].balance) return entries[k].balance;
  return null;
}

/** 结存单价: the balance's amount ÷ quantity, rounded half up; none when nothing is on hand. */
export const unitOf = (b: Balance) => (b.qty > 0 ? unitFen(b.amountFen, b.qty) : null);
