// 保密制度 in SQL: the reach of shared/readScope.ts as WHERE conditions over slips and customers,
// and the refusals of a read outside it. The read handlers of slips, customers, receivables, the
// exports and the papers all ask here, so one slip or customer is in or out of reach alike.

import { DeskError } from '../../../shared/errors';
import { readScopeOf, reachesAll, type ReadScope, type Reach } from '../../../shared/readScope';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { actor, type Ctx } from '../context';
import { carriedBySql } from '../slips/carrier';

export interface Reader {
  id: number;
  scope: ReadScope;
}

export function readerOf(ctx: Ctx): Reader {
  const u = actor(ctx);
  return { id: u.id, scope: readScopeOf(u.roles) };
}

function idOf(r: Reader): number {
  if (!Number.isSafeInteger(r.id)) throw new Error('reader id is not an integer');
  return r.id;
}

function slipCondition(reach: Reach, r: Reader, s: string): string {
  if (reach === 'carried') return carriedBySql(idOf(r), s);
  if (reach === 'ownCustomers') return `(${s}.customer_id IN (SELECT id FROM customers WHERE salesperson_id = ${idOf(r)}) OR ${s}.created_by = ${idOf(r)})`;
  return '1 = 1';
}

function customerCondition(reach: Reach, r: Reader, c: string): string {
  if (reach === 'carried') return `${c}.id IN (SELECT cs.customer_id FROM slips cs WHERE cs.customer_id IS NOT NULL AND ${carriedBySql(idOf(r), 'cs')})`;
  if (reach === 'ownCustomers') return `${c}.salesperson_id = ${idOf(r)}`;
  return '1 = 1';
}

const anyOf = (parts: string[]) => (parts.length ? `(${parts.join(' OR ')})` : '(1 = 0)');

/** The slips (table alias `s`) this reader reaches, as a condition. */
export function slipReachSql(r: Reader, s = 's'): string {
  return reachesAll(r.scope) ? '1 = 1' : anyOf(r.scope.reach.map((x) => slipCondition(x, r, s)));
}

/** The customers (table alias `c`) this reader reaches, as a condition. */
export function customerReachSql(r: Reader, c = 'customers'): string {
  return reachesAll(r.scope) ? '1 = 1' : anyOf(r.scope.reach.map((x) => customerCondition(x, r, c)));
}

function outOfReach(what: 'slip' | 'customer', key: unknown): DeskError {
  return new DeskError('out_of_reach', { what, what_zh: what === 'slip' ? '单据' : '客户', key });
}

export function requireSlipInReach(db: ReadableDB, r: Reader, slipId: number, key: unknown = slipId): void {
  if (reachesAll(r.scope)) return;
  const ok = sql(db, `SELECT 1 FROM slips s WHERE s.id = ? AND ${slipReachSql(r)}`).get(slipId);
  if (!ok) throw outOfReach('slip', key);
}

export function requireCustomerInReach(db: ReadableDB, r: Reader, customerId: number): void {
  if (reachesAll(r.scope)) return;
  const ok = sql(db, `SELECT 1 FROM customers c WHERE c.id = ? AND ${customerReachSql(r, 'c')}`).get(customerId);
  if (!ok) throw outOfReach('customer', customerId);
}

/** The customers a reader reaches, or null for all of them (aging, the collection list). */
export function reachedCustomerIds(db: ReadableDB, r: Reader): number[] | null {
  if (reachesAll(r.scope)) return null;
  return sql(db, `SELECT c.id FROM customers c WHERE ${customerReachSql(r, 'c')}`)
    .pluck()
    .all() as number[];
}
