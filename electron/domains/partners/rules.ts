// The rules of customers.* and suppliers.* beside the contract's `access`.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { partyCodeTaken, partyHasHistory, type PartyTable } from './repo';
import { reachesAll } from '../../../shared/readScope';
import { requireCustomerInReach, type Reader } from '../reads/scope';

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

/**
 * 保密制度: a salesperson who reads only their own customers (shared/readScope.ts) adds customers as
 * their own and may not hand one to anyone else — else a customer could be moved into their reach.
 * The owner a new customer gets: the one given, or the salesperson themself.
 */
export function ownerOfNewCustomer(reader: Reader, code: string, given: number | null): number | null {
  if (reachesAll(reader.scope) || !reader.scope.reach.includes('ownCustomers')) return given;
  if (given != null && given !== reader.id) fail('out_of_reach', { what: 'customer', what_zh: '客户', key: code });
  return reader.id;
}

/** Editing or deleting a customer: only one in the reader's reach, and a salesperson gives it to no one else. */
export function requireOwnCustomerEdit(db: ReadableDB, reader: Reader, customerId: number, salespersonId?: number | null): void {
  requireCustomerInReach(db, reader, customerId);
  if (!reachesAll(reader.scope) && salespersonId !== undefined && salespersonId !== reader.id)
    fail('out_of_reach', { what: 'customer', what_zh: '客户', key: customerId });
}
