// The rules of deliveryCash.* beside the contract's `access` (finance alone confirms): the money is
// taken once, from in transit; from the person who carries the slip now (their PIN), who is not the
// finance supervisor taking it. Rules read; they never write.

import { fail } from '../../../shared/errors';
import { DELIVERY_CASH_STATE_ZH } from '../../../shared/contract';
import { ROLE_EN, ROLE_ZH } from '../../../shared/roles';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { carrierOf } from '../slips/carrier';
import type { DeliveryCashRow } from './repo';

const slipNo = (db: ReadableDB, id: number) => sql(db, 'SELECT no FROM slips WHERE id = ?').pluck().get(id) as string;

export function requireInTransit(db: ReadableDB, r: DeliveryCashRow): void {
  if (r.state === 'pending') return;
  fail('delivery_cash_not_pending', { field: 'deliveryCashId', slipNo: slipNo(db, r.slip_id), state: r.state, state_zh: DELIVERY_CASH_STATE_ZH[r.state] });
}

/** The PIN given is the carrier's of the slip now; and someone other than the finance supervisor taking the money. */
export function requireCarrier(db: ReadableDB, r: DeliveryCashRow, handing: { id: number; name: string }, taking: { id: number; name: string }): void {
  const carrier = carrierOf(db, r.slip_id);
  if (!carrier || carrier.id !== handing.id)
    fail('delivery_cash_wrong_carrier', { field: 'carrier', slipNo: slipNo(db, r.slip_id), carrier: carrier?.name ?? null, user: handing.name });
  if (handing.id === taking.id)
    fail('self_approval', { user: taking.name, signed: ROLE_EN.driver, signed_zh: ROLE_ZH.driver, role: ROLE_EN.finance, role_zh: ROLE_ZH.finance });
}
