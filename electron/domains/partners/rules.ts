// The rules of customers.* and suppliers.* beside the contract's `access`.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { partyCodeTaken, partyHasHistory, type PartyTable } from './repo';

/** A customer's or supplier's code names one of them. */
export function requireNewCode(db: ReadableDB, table: PartyTable, code: string): void {
  if (!partyCodeTaken(db, table, code)) return;
  const [what, what_zh] = table === 'customers' ? ['customer code', '客户编码'] : ['supplier code', '供应商编码'];
  fail('duplicate', { what, what_zh, key: code });
}

/** 信用额度 is the manager's to set: anyone else may only leave it as it is. */
export function requireManagerForCreditLimit(roles: readonly string[], customer: string, givenFen: number | undefined, currentFen: number): void {
  if (givenFen === undefined || givenFen === currentFen || roles.includes('manager')) return;
  fail('credit_limit_manager_only', { customer });
}

/** The salesperson who owns a customer is an active user holding the sales role. */
export function requireSalesperson(db: ReadableDB, userId: number | null | undefined): void {
  if (userId == null) return;
  const ok = sql(db, "SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'sales' WHERE u.id = ? AND u.active = 1").get(userId);
  if (!ok)
    fail('salesperson_not_sales', { user: (sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(userId) as string | undefined) ?? String(userId) });
}

/** A customer or supplier named by any slip or receivable stays: it is deactivated, never deleted. */
export function requireNoHistory(db: ReadableDB, table: PartyTable, id: number, code: string): void {
  if (!partyHasHistory(db, table, id)) return;
  const [what, what_zh] = table === 'customers' ? ['Customer', '客户'] : ['Supplier', '供应商'];
  fail('party_has_history', { what, what_zh, key: code });
}
