// verify, the money journal:
//  - per money account: balance = Σ receipts − Σ payments, each row's running balance follows,
//    cash never below zero (in posting order and in date order)
//  - red rows negate exactly one original of the same account and direction
//  - voucher and expense-claim numbers (one voucher series) never skip or repeat

import type { ReadableDB } from '../../store/db';
import { verifySeries } from '../../ledger/numbering';
import type { Add } from '../system/verify';

const SIGNED = `CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END`;

export function verifyCash(db: ReadableDB, add: Add): { journalRows: number } {
  const all = (q: string) => db.prepare(q).all() as Record<string, unknown>[];
  for (const r of all(
    `SELECT account, SUM(${SIGNED}) AS total, (SELECT balance_after_fen FROM money_journal x WHERE x.account = j.account ORDER BY id DESC LIMIT 1) AS last
     FROM money_journal j GROUP BY account`,
  ))
    if (r.total !== r.last) add('cash.balance', `account ${r.account}: balance ${r.last}, Σ receipts − Σ payments ${r.total} (fen)`, r);
  for (const r of all(
    `SELECT id, account, voucher_no, balance_after_fen, run FROM (
       SELECT id, account, voucher_no, balance_after_fen, SUM(${SIGNED}) OVER (PARTITION BY account ORDER BY id ROWS UNBOUNDED PRECEDING) AS run
       FROM money_journal) WHERE run <> balance_after_fen LIMIT 100`,
  ))
    add('cash.running', `voucher ${r.voucher_no}: stored balance does not follow from the rows before it`, r);
  for (const r of all(
    `SELECT id, voucher_no, run FROM (
       SELECT id, voucher_no, SUM(${SIGNED}) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
       FROM money_journal WHERE account = 'cash') WHERE run < 0 LIMIT 100`,
  ))
    add('cash.negative', `voucher ${r.voucher_no}: cash on hand below zero (${r.run} fen) in date order`, r);
  for (const r of all(
    `SELECT r.id, r.voucher_no, o.voucher_no AS original FROM money_journal r JOIN money_journal o ON o.id = r.reverses_id
     WHERE o.account <> r.account OR o.direction <> r.direction OR o.amount_fen <> -r.amount_fen OR o.reverses_id IS NOT NULL
       OR COALESCE(o.slip_id, 0) <> COALESCE(r.slip_id, 0) OR COALESCE(o.expense_id, 0) <> COALESCE(r.expense_id, 0) LIMIT 100`,
  ))
    add('cash.reversal', `red voucher ${r.voucher_no} does not exactly negate ${r.original}`, r);
  verifySeries(
    db,
    'vouchers',
    'SELECT voucher_no AS no FROM money_journal UNION ALL SELECT no FROM expense_claims UNION ALL SELECT no FROM advances',
    'cash.numbering',
    'vouchers',
    add,
  );
  return { journalRows: db.prepare('SELECT COUNT(*) FROM money_journal').pluck().get() as number };
}
