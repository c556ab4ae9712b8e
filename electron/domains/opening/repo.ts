// The SQL of opening balances: the opening slip and its lines, the opening receivables, the money
// accounts' opening rows; and the status the screen reads.
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { OpeningStatus } from '../../../shared/contract';
import { firstClosedDay, LIVE_OPENING_SQL } from './rules';

export function insertOpeningReceivable(db: WritableDB, r: { entryId: number; customerId: number; saleDate: string; docRef: string; amountFen: number }): void {
  sql(db, 'INSERT INTO opening_receivables (entry_id, customer_id, sale_date, doc_ref, amount_fen) VALUES (?, ?, ?, ?, ?)').run(
    r.entryId,
    r.customerId,
    r.saleDate,
    r.docRef,
    r.amountFen,
  );
}

function openingStock(db: ReadableDB): OpeningStatus['stock'] {
  const slip = sql(
    db,
    `SELECT s.id AS slipId, s.no, s.business_date AS businessDate, COALESCE(u.name, '') AS signedBy
     FROM slips s LEFT JOIN signatures g ON g.slip_id = s.id AND g.role = 'manager' AND g.dropped_at IS NULL LEFT JOIN users u ON u.id = g.user_id
     WHERE ${LIVE_OPENING_SQL} AND s.state = 'posted'`,
  ).get() as Omit<NonNullable<OpeningStatus['stock']>, 'lines'> | undefined;
  if (!slip) return null;
  const lines = sql(
    db,
    `SELECT l.item_id AS itemId, i.code AS itemCode, i.name AS itemName, i.unit, l.qty, l.amount_fen AS amountFen
     FROM slip_lines l JOIN items i ON i.id = l.item_id WHERE l.slip_id = ? ORDER BY l.line_no`,
  ).all(slip.slipId) as NonNullable<OpeningStatus['stock']>['lines'];
  return { ...slip, lines };
}

export function openingStatus(db: ReadableDB, businessDate: string): OpeningStatus {
  const receivables = sql(
    db,
    `SELECT o.entry_id AS entryId, o.customer_id AS customerId, c.name AS customerName, o.sale_date AS saleDate, o.doc_ref AS docRef,
       o.amount_fen AS amountFen
     FROM opening_receivables o JOIN customers c ON c.id = o.customer_id ORDER BY o.entry_id`,
  ).all() as OpeningStatus['receivables'];
  const cash = sql(
    db,
    `SELECT account, amount_fen AS amountFen, voucher_no AS voucherNo, business_date AS businessDate
     FROM money_journal WHERE cause = 'opening' AND reverses_id IS NULL ORDER BY id`,
  ).all() as OpeningStatus['cash'];
  return { closed: firstClosedDay(db) !== null, businessDate, stock: openingStock(db), receivables, cash };
}
