// The rules of opening balances (期初建账): allowed only until the first day is closed; the opening
// stock once, each money account's opening once; a receivable's original sale no later than the
// go-live day; items and customers must exist and be in use. A wrong opening slip is reversed (红字)
// by the manager before the first close, then entered again; after it, never.
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import { MONEY_ACCOUNT_ZH, type MoneyAccount } from '../../../shared/contract';
import { ROLE_ZH, type Role } from '../../../shared/roles';
import { invalid } from '../errors';

/** The first day ever closed (a reopened close counts: the books have been used), or null. */
export function firstClosedDay(db: ReadableDB): string | null {
  return (sql(db, 'SELECT MIN(business_date) FROM day_closes').pluck().get() as string | null) ?? null;
}

export function requireNotClosed(db: ReadableDB): void {
  const first = firstClosedDay(db);
  if (first !== null) fail('opening_closed', { firstClosed: first });
}

/** The opening slips in force: not void, not reversed (the books' one live opening slip, trigger slips_one_live_opening). */
export const LIVE_OPENING_SQL = `s.kind = 'opening' AND s.state <> 'void'
  AND NOT EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id AND r.state = 'posted')`;

export function requireNoOpeningStock(db: ReadableDB): void {
  if (sql(db, `SELECT 1 FROM slips s WHERE ${LIVE_OPENING_SQL}`).get() !== undefined) fail('opening_done', { what_zh: '期初库存', what: 'stock' });
}

/** Reversing the opening slip (slips.reverse): the manager's, and only until the first close. */
export function requireOpeningReversible(db: ReadableDB, no: string, roles: readonly Role[]): void {
  if (!roles.includes('manager')) fail('forbidden', { method: 'slips.reverse', roles: [ROLE_ZH.manager] });
  const first = firstClosedDay(db);
  if (first !== null) fail('opening_reversal_closed', { no, firstClosed: first });
}

export function requireNoOpeningCash(db: ReadableDB, accounts: MoneyAccount[]): void {
  const seen = new Set<MoneyAccount>();
  for (const a of accounts) {
    const done = seen.has(a) || sql(db, "SELECT 1 FROM money_journal WHERE account = ? AND cause = 'opening'").get(a) !== undefined;
    if (done) fail('opening_done', { what_zh: `${MONEY_ACCOUNT_ZH[a]}期初余额`, what: `balance of ${a}` });
    seen.add(a);
  }
}

export function requireItems(db: ReadableDB, itemIds: number[]): void {
  itemIds.forEach((id, i) => {
    if (sql(db, 'SELECT 1 FROM items WHERE id = ?').get(id) === undefined) invalid(`第${i + 1}行 商品不存在`, `line ${i + 1}: no such item`);
  });
  const dup = itemIds.findIndex((id, i) => itemIds.indexOf(id) !== i);
  if (dup >= 0) invalid(`第${dup + 1}行 商品重复: 每种商品期初只录一行`, `line ${dup + 1}: the item is entered twice (one opening line per item)`);
}

export function requireReceivableLines(db: ReadableDB, lines: { customerId: number; saleDate: string }[], businessDate: string): void {
  lines.forEach((l, i) => {
    if (sql(db, 'SELECT 1 FROM customers WHERE id = ?').get(l.customerId) === undefined) invalid(`第${i + 1}行 客户不存在`, `line ${i + 1}: no such customer`);
    if (l.saleDate > businessDate) fail('opening_sale_date', { line: i + 1, saleDate: l.saleDate, businessDate });
  });
}
