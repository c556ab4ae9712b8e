// The rules of customers.* and suppliers.* beside the contract's `access`.

import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { partyCodeTaken, type PartyTable } from './repo';

/** A customer's or supplier's code names one of them. */
export function requireNewCode(db: ReadableDB, table: PartyTable, code: string): void {
  if (!partyCodeTaken(db, table, code)) return;
  const [what, what_zh] = table === 'customers' ? ['customer code', '客户编码'] : ['supplier code', '供应商编码'];
  fail('duplicate', { what, what_zh, key: code });
}
