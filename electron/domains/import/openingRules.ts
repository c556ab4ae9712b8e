// The rules of the opening kinds (期初建账 from a file), beside the opening domain's own (which the
// commit goes through): the opening stock names known items, each once, with a quantity and an
// amount (or a unit cost); an opening receivable names a known customer, a real date no later than
// the go-live day, an amount, and is not entered twice. Refused whole once a day is closed, as the
// opening screen is.

import { MAX_FEN, parseYuanToFen } from '../../../shared/money';
import { SHEET_COLUMNS, type OpeningImportKind, type SheetColumn } from '../../../shared/sheets';
import { sql } from '../../store/db';
import type { Ctx } from '../context';
import { requireNoOpeningStock, requireNotClosed } from '../opening/rules';
import { add, hasProblem, Seen, yuanText, type Problems } from './cells';

type Cells = Record<string, string>;
type RowRule = (p: Problems, cells: Cells, rowNo: number) => void;

const col = (kind: OpeningImportKind, key: string): SheetColumn => SHEET_COLUMNS[kind].find((c) => c.key === key)!;
/** A yuan cell in fen (null when empty); the rules have checked it. */
export const fenOf = (v: string | undefined): number | null => (v ? parseYuanToFen(yuanText(v)) : null);

/** 2026-11-05, 2026/11/5, 2026.11.5 or 2026年11月5日 as yyyy-MM-dd; null when it is no calendar day. */
export function normalDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

/** An opening stock row's amount in fen: 金额 as given, else 数量 × 单价. */
export function stockAmountFen(cells: Cells): number {
  const amount = fenOf(cells.amount);
  return amount ?? Number(cells.qty) * (fenOf(cells.unitCost) ?? 0);
}

function stockAmountProblems(p: Problems, cells: Cells): void {
  const c = (key: string) => col('openingStock', key);
  if (['qty', 'amount', 'unitCost'].some((k) => hasProblem(p, k))) return;
  const qty = Number(cells.qty);
  if (qty === 0) return add(p, c('qty'), 'not_positive', '须大于 0', 'must be more than 0');
  const amount = fenOf(cells.amount);
  const unit = fenOf(cells.unitCost);
  if (amount === null && unit === null) return add(p, c('amount'), 'missing', '请填金额或单价', 'give the amount or the unit cost');
  if (amount !== null && unit !== null && amount !== qty * unit)
    return add(
      p,
      c('amount'),
      'amount_mismatch',
      `不等于 数量 × 单价 (${qty} × ${cells.unitCost})`,
      `is not quantity × unit cost (${qty} × ${cells.unitCost})`,
    );
  const fen = stockAmountFen(cells);
  if (fen === 0) add(p, c(amount !== null ? 'amount' : 'unitCost'), 'not_positive', '须大于 0', 'must be more than 0');
  else if (fen > MAX_FEN) add(p, c('unitCost'), 'too_large', '金额超出范围', 'amount out of range');
}

function openingStockRules(ctx: Ctx): RowRule {
  requireNoOpeningStock(ctx.db);
  const known = new Set(sql(ctx.db, 'SELECT code FROM items').pluck().all() as string[]);
  const seen = new Seen();
  const code = col('openingStock', 'itemCode');
  return (p, cells, rowNo) => {
    const v = cells.itemCode ?? '';
    if (v !== '' && !known.has(v)) add(p, code, 'unknown_item', `没有编码为「${v}」的商品`, `no item with the code "${v}"`);
    seen.check(p, code, v, rowNo, undefined);
    stockAmountProblems(p, cells);
  };
}

/** The receivable a row books: by its original doc number when it has one, else by customer, day and amount. */
const receivableKey = (cells: Cells, date: string): string =>
  cells.docRef ? `${cells.customerCode}|${cells.docRef}` : `${cells.customerCode}|${date}|${fenOf(cells.amount)}`;

function openingReceivableRules(ctx: Ctx): RowRule {
  const c = (key: string) => col('openingReceivables', key);
  const customers = new Set(sql(ctx.db, 'SELECT code FROM customers').pluck().all() as string[]);
  const booked = new Set(
    sql(ctx.db, "SELECT c.code || '|' || o.doc_ref FROM opening_receivables o JOIN customers c ON c.id = o.customer_id WHERE o.doc_ref <> ''")
      .pluck()
      .all() as string[],
  );
  const first = new Map<string, number>();
  return (p, cells, rowNo) => {
    const code = cells.customerCode ?? '';
    if (code !== '' && !customers.has(code))
      add(p, c('customerCode'), 'unknown_customer', `没有编码为「${code}」的客户`, `no customer with the code "${code}"`);
    const text = cells.saleDate ?? '';
    const date = text === '' ? null : normalDate(text);
    if (text !== '' && date === null) add(p, c('saleDate'), 'bad_date', `「${text}」不是日期(如 2026-11-05)`, `"${text}" is not a date (e.g. 2026-11-05)`);
    if (date !== null && date > ctx.businessDate)
      add(p, c('saleDate'), 'after_go_live', `${date} 晚于建账日 ${ctx.businessDate}`, `${date} is after the go-live day ${ctx.businessDate}`);
    if (!hasProblem(p, 'amount') && fenOf(cells.amount) === 0) add(p, c('amount'), 'not_positive', '须大于 0', 'must be more than 0');
    if (code === '' || date === null) return;
    const key = receivableKey(cells, date);
    const where = c(cells.docRef ? 'docRef' : 'amount');
    const earlier = first.get(key);
    if (earlier !== undefined) add(p, where, 'duplicate_in_file', `与第 ${earlier} 行重复`, `repeats row ${earlier}`);
    else first.set(key, rowNo);
    if (cells.docRef && booked.has(key))
      add(p, where, 'duplicate_in_books', `「${cells.docRef}」已录为该客户的期初应收`, `"${cells.docRef}" is already an opening receivable of this customer`);
  };
}

/** The row rules of an opening kind; refused whole (the opening domain's message) once a day is closed. */
export function openingRules(ctx: Ctx, kind: OpeningImportKind): RowRule {
  requireNotClosed(ctx.db);
  return kind === 'openingStock' ? openingStockRules(ctx) : openingReceivableRules(ctx);
}
