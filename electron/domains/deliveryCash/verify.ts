// verify, the cash collected on delivery (送货收款):
//  - only a posted dispatch the carrier collects has it, of what shipped on it
//  - money handed over has its journal row: a cash receipt (现收) of its amount, slip and customer
//  - money in transit belongs to a slip not reversed; cancelled money to a reversed one

import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';

export function verifyDeliveryCash(db: ReadableDB, add: Add): void {
  const rows = db
    .prepare(
      `SELECT d.id, d.state, d.amount_fen, s.no, s.kind, s.state AS slip_state, s.collect_by_carrier AS cod,
         (SELECT COALESCE(SUM(l.shipped_amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS shipped,
         EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) AS reversed,
         (d.state = 'handed' AND (j.id IS NULL OR j.account <> 'cash' OR j.direction <> 'in' OR j.amount_fen <> d.amount_fen
           OR j.slip_id IS NOT d.slip_id OR j.customer_id IS NOT d.customer_id OR j.reverses_id IS NOT NULL)) AS bad_voucher
       FROM delivery_cash d JOIN slips s ON s.id = d.slip_id LEFT JOIN money_journal j ON j.id = d.journal_id`,
    )
    .all() as Record<string, number | string>[];
  for (const r of rows) {
    const details = { id: r.id, no: r.no };
    if (r.kind !== 'dispatch' || r.slip_state !== 'posted' || r.cod !== 1)
      add('deliveryCash.slip', `delivery cash of ${r.no}: the slip is not a posted dispatch collected by its carrier`, details);
    if (r.amount_fen !== r.shipped) add('deliveryCash.amount', `delivery cash of ${r.no}: ${r.amount_fen} fen, ${r.shipped} fen shipped`, details);
    if (r.bad_voucher) add('deliveryCash.voucher', `delivery cash of ${r.no}: handed over without a matching cash receipt`, details);
    if ((r.state === 'pending' && r.reversed) || (r.state === 'cancelled' && !r.reversed))
      add('deliveryCash.state', `delivery cash of ${r.no} is ${r.state} while the slip is ${r.reversed ? '' : 'not '}reversed`, details);
  }
}
