// Stock books for the stock card tests, written as the bench writes them (tests/bench/chromium.ts):
// through the slips service with a SlipWriter, so a test can post on any business date (months
// and years apart) without moving the core's clock and logging everyone in again.
import type { Core } from '../../electron/core';
import { createSlip, postSlip, reverseSlip, signSlip, type SlipWriter } from '../../electron/domains/slips/service';
import { sql } from '../../electron/store/db';
import type { Role } from '../../shared/roles';

export interface CardBooks {
  /** posts an inbound slip of one line per [qty, unit cost]; returns the slip id */
  inbound(date: string, lines: [number, number][]): number;
  /** posts a dispatch of one line per quantity; returns the slip id and its line ids */
  dispatch(date: string, qtys: number[]): { id: number; lineIds: number[] };
  /** posts a customer return of [line id, qty] from a dispatch */
  ret(date: string, dispatchId: number, lines: [number, number][]): number;
  reverse(date: string, slipId: number): number;
}

/** `customerId`: who the dispatches go to (the office's first customer when left out). */
export function cardBooks(core: Core, itemId: number, customer?: number): CardBooks {
  const db = core.db;
  const user = (role: Role) =>
    sql(db, 'SELECT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? ORDER BY u.id LIMIT 1').get(role) as {
      id: number;
      name: string;
    };
  const who = { keeper: user('keeper'), sales: user('sales'), manager: user('manager'), finance: user('finance') };
  const supplierId = sql(db, 'SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  const customerId = customer ?? (sql(db, 'SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number);
  const w = (date: string, role: keyof typeof who): SlipWriter => ({
    db,
    nowIso: `${date}T02:00:00.000Z`,
    businessDate: date,
    actor: { id: who[role].id, roles: [role] },
  });
  const signer = (role: 'manager' | 'finance') => ({ ...who[role], roles: [role] as Role[] });
  const tx = <T>(f: () => T): T => db.transaction(f)();
  let notes = 0; // one delivery note number per receipt (a number posted twice needs a reason)
  return {
    inbound: (date, lines) =>
      tx(() => {
        const s = createSlip(
          w(date, 'keeper'),
          'inbound',
          { supplierId, deliveryNoteNo: `HQ-${date}-${itemId}-${++notes}` },
          lines.map(([qty, unitCostFen]) => ({ itemId, qty, unitCostFen })),
        );
        return postSlip(w(date, 'keeper'), s.id).id;
      }),
    dispatch: (date, qtys) =>
      tx(() => {
        const s = createSlip(
          w(date, 'sales'),
          'dispatch',
          { customerId, paymentMode: 'cash' },
          qtys.map((qty) => ({ itemId, qty, priceFen: 9900 })),
        );
        signSlip(w(date, 'sales'), s.id, 'manager', signer('manager'));
        signSlip(w(date, 'sales'), s.id, 'finance', signer('finance'));
        postSlip(w(date, 'keeper'), s.id);
        return { id: s.id, lineIds: sql(db, 'SELECT id FROM slip_lines WHERE slip_id = ? ORDER BY line_no').pluck().all(s.id) as number[] };
      }),
    ret: (date, dispatchId, lines) =>
      tx(() => {
        const s = createSlip(
          w(date, 'sales'),
          'return',
          { sourceSlipId: dispatchId, paymentMode: 'credit' },
          lines.map(([sourceLineId, qty]) => ({ itemId, qty, sourceLineId })),
        );
        signSlip(w(date, 'sales'), s.id, 'manager', signer('manager'));
        return postSlip(w(date, 'keeper'), s.id).id;
      }),
    reverse: (date, slipId) => tx(() => reverseSlip(w(date, 'keeper'), slipId, '录错', { manager: signer('manager'), finance: signer('finance') }).reversal.id),
  };
}
