// verify, the refunds (待付退款):
//  - a paid refund has its journal row: a payment (out) of its amount, account, cause, slip and
//    customer, and finance's signature on it verifies under the office key
//  - a pending refund's slip is posted and not reversed; a cancelled one's slip is reversed
//  - what a slip owes back (pending + paid) is no more than the slip owes the customer: a return
//    what it took back, a short-picked sale what was received beyond what shipped

import type { MoneyAccount } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { verifyOfficeSignature } from '../../ledger/officeKey';
import type { Add } from '../system/verify';
import { refundPayload } from './service';

export function verifyRefunds(db: ReadableDB, add: Add): void {
  verifyPaid(db, add);
  verifyStates(db, add);
  verifyOwed(db, add);
}

function verifyPaid(db: ReadableDB, add: Add): void {
  const rows = db
    .prepare(
      `SELECT f.id, f.amount_fen, f.account, f.signature, f.confirmed_at, s.no AS slip_no, u.name AS confirmer, j.voucher_no,
         (j.id IS NULL OR j.direction <> 'out' OR j.amount_fen <> f.amount_fen OR j.account <> f.account OR j.cause <> f.cause
           OR j.slip_id IS NOT f.slip_id OR j.customer_id IS NOT f.customer_id OR j.reverses_id IS NOT NULL) AS mismatch
       FROM refunds f JOIN slips s ON s.id = f.slip_id JOIN users u ON u.id = f.confirmed_by
       LEFT JOIN money_journal j ON j.id = f.journal_id WHERE f.state = 'paid'`,
    )
    .all() as {
    id: number;
    amount_fen: number;
    account: MoneyAccount;
    signature: string;
    confirmed_at: string;
    slip_no: string;
    confirmer: string;
    voucher_no: string | null;
    mismatch: number;
  }[];
  for (const r of rows) {
    if (r.mismatch)
      add('refunds.paid', `refund of ${r.slip_no}: paid ${r.amount_fen} fen, its voucher ${r.voucher_no ?? '(none)'} does not match`, { id: r.id });
    const payload = refundPayload(r.slip_no, r.amount_fen, r.account, r.confirmer, r.confirmed_at);
    if (!verifyOfficeSignature(db, payload, r.signature)) add('refunds.signature', `refund of ${r.slip_no}: finance's signature does not verify`, { id: r.id });
  }
}

function verifyStates(db: ReadableDB, add: Add): void {
  const rows = db
    .prepare(
      `SELECT f.id, f.state, s.no, s.state AS slip_state,
         EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) AS reversed
       FROM refunds f JOIN slips s ON s.id = f.slip_id
       WHERE s.state <> 'posted' OR (f.state = 'pending' AND reversed) OR (f.state = 'cancelled' AND NOT reversed) LIMIT 100`,
    )
    .all() as { id: number; state: string; no: string; slip_state: string; reversed: number }[];
  for (const r of rows)
    add('refunds.state', `refund of ${r.no} is ${r.state} while the slip is ${r.slip_state}${r.reversed ? ', reversed' : ''}`, { id: r.id });
}

function verifyOwed(db: ReadableDB, add: Add): void {
  const rows = db
    .prepare(
      `SELECT f.id, s.no, f.amount_fen,
         CASE s.kind WHEN 'return' THEN (SELECT COALESCE(SUM(l.shipped_amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id)
           ELSE (SELECT COALESCE(SUM(j.amount_fen), 0) FROM money_journal j WHERE j.slip_id = s.id AND j.cause = 'sale' AND j.reverses_id IS NULL)
             - (SELECT COALESCE(SUM(l.shipped_amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id) END AS owed
       FROM refunds f JOIN slips s ON s.id = f.slip_id WHERE f.state <> 'cancelled' AND f.amount_fen > owed LIMIT 100`,
    )
    .all() as { id: number; no: string; amount_fen: number; owed: number }[];
  for (const r of rows) add('refunds.owed', `refund of ${r.no}: ${r.amount_fen} fen, more than the slip owes the customer (${r.owed} fen)`, r);
}
