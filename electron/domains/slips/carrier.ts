// 承运人: who carries a slip's goods — the driver or shipper who takes a dispatch to the customer,
// fetches a return or brings an inbound delivery from HQ (migration 0023). The keeper or the manager
// names them, before or after posting; a hand-over is a new row, so slip_carriers is the slip's
// history and its latest row the carrier. 保密制度 reads it: a driver or shipper reaches the slips
// they carry now (reads/scope.ts). Naming a carrier changes nothing that was signed or posted.

import type { Role } from '../../../shared/roles';
import { DeskError } from '../../../shared/errors';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { SlipRow } from './repo';

type Person = { id: number; name: string };

const CARRIER_ROLES: readonly Role[] = ['driver', 'shipper'];
const CARRIED_KINDS = new Set(['inbound', 'dispatch', 'return']);

/** The latest carrier row of each slip, as a subquery condition: slips whose carrier now is `userId`. */
export function carriedBySql(userId: number, s: string): string {
  if (!Number.isSafeInteger(userId)) throw new Error('carrier id is not an integer');
  return `${s}.id IN (SELECT k.slip_id FROM slip_carriers k WHERE k.carrier_id = ${userId}
    AND NOT EXISTS (SELECT 1 FROM slip_carriers k2 WHERE k2.slip_id = k.slip_id AND k2.id > k.id))`;
}

export function carrierOf(db: ReadableDB, slipId: number): Person | null {
  const r = sql(
    db,
    `SELECT u.id, u.name FROM slip_carriers k JOIN users u ON u.id = k.carrier_id
      WHERE k.id = (SELECT MAX(id) FROM slip_carriers WHERE slip_id = ?)`,
  ).get(slipId) as Person | undefined;
  return r ?? null;
}

/** The active users who may carry a slip, with their roles. */
export function carriers(db: ReadableDB): { id: number; name: string; roles: Role[] }[] {
  const rows = sql(
    db,
    `SELECT u.id, u.name, group_concat(r.role) AS roles FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE u.active = 1 GROUP BY u.id
     HAVING SUM(r.role IN (${CARRIER_ROLES.map((r) => `'${r}'`).join(', ')})) > 0 ORDER BY u.name`,
  ).all() as { id: number; name: string; roles: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, roles: r.roles.split(',').sort() as Role[] }));
}

function requireCarrier(db: ReadableDB, carrierId: number): void {
  if (carriers(db).some((c) => c.id === carrierId)) return;
  const name = sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(carrierId) as string | undefined;
  throw new DeskError('carrier_not_allowed', { field: 'carrierId', carrierId, name: name ?? null });
}

function requireCarriedKind(row: SlipRow): void {
  if (row.state === 'void') throw new DeskError('carrier_slip_refused', { field: 'slipId', no: row.no, why: 'void' });
  if (!CARRIED_KINDS.has(row.kind)) throw new DeskError('carrier_slip_refused', { field: 'slipId', no: row.no, why: 'kind' });
}

/** Name the slip's carrier (null: nobody); the same carrier again writes nothing. Says whether it changed. */
export function setCarrier(db: WritableDB, row: SlipRow, carrierId: number | null, by: { userId: number; at: string }): boolean {
  requireCarriedKind(row);
  if (carrierId !== null) requireCarrier(db, carrierId);
  if ((carrierOf(db, row.id)?.id ?? null) === carrierId) return false;
  sql(db, 'INSERT INTO slip_carriers (slip_id, carrier_id, set_by, set_at) VALUES (?, ?, ?, ?)').run(row.id, carrierId, by.userId, by.at);
  return true;
}
