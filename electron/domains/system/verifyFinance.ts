// verify, the finance books (called from books/verify.ts verifyBooks):
//  - per money account: balance = Σ receipts − Σ payments, each row's running balance follows,
//    cash never below zero (in posting order and in date order)
//  - red rows negate exactly one original of the same account and direction
//  - voucher and expense-claim numbers never skip or repeat
//  - per customer: receivable = Σ credit sales − Σ collections − Σ credit notes (± reversals), the
//    running balances follow, and the open items add up to it
//  - each sale / collection / credit note's settled amount = Σ its allocations, never more than it
//  - the money of each slip follows the slip (paid when signed, refunded for what did not ship, nothing when void or reversed)
//  - a closed day's rows never change: the hash taken at the close still matches, and no row dated
//    into a closed day was posted after its close

import type { DB } from '../../store/db';
import { MONEY_ACCOUNTS } from '../../../shared/contract';
import { dayRowsHash, type CloseRow } from '../dayClose/service';
import { balanceAtEndOf } from '../cash/views';

type Add = (check: string, message: string, details?: Record<string, unknown>) => void;

export function verifyFinance(db: DB, add: Add): { journalRows: number; receivableRows: number; dayCloses: number } {
  const all = <T = Record<string, unknown>>(q: string, ...args: unknown[]) => db.prepare(q).all(...args) as T[];
  const one = (q: string, ...args: unknown[]) => db.prepare(q).pluck().get(...args) as number;
  const signed = `CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END`;

  // 1. money accounts
  for (const r of all<{ account: string; total: number; last: number }>(
    `SELECT account, SUM(${signed}) AS total, (SELECT balance_after_fen FROM money_journal x WHERE x.account = j.account ORDER BY id DESC LIMIT 1) AS last
     FROM money_journal j GROUP BY account`,
  ))
    if (r.total !== r.last) add('cash.balance', `account ${r.account}: balance ${r.last}, Σ receipts − Σ payments ${r.total} (fen)`, r);
  for (const r of all(
    `SELECT id, account, voucher_no, balance_after_fen, run FROM (
       SELECT id, account, voucher_no, balance_after_fen, SUM(${signed}) OVER (PARTITION BY account ORDER BY id ROWS UNBOUNDED PRECEDING) AS run
       FROM money_journal) WHERE run <> balance_after_fen LIMIT 100`,
  ))
    add('cash.running', `voucher ${r.voucher_no}: stored balance does not follow from the rows before it`, r);
  for (const r of all(
    `SELECT id, voucher_no, run FROM (
       SELECT id, voucher_no, SUM(${signed}) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
       FROM money_journal WHERE account = 'cash') WHERE run < 0 LIMIT 100`,
  ))
    add('cash.negative', `voucher ${r.voucher_no}: cash on hand below zero (${r.run} fen) in date order`, r);
  for (const r of all(
    `SELECT r.id, r.voucher_no, o.voucher_no AS original FROM money_journal r JOIN money_journal o ON o.id = r.reverses_id
     WHERE o.account <> r.account OR o.direction <> r.direction OR o.amount_fen <> -r.amount_fen OR o.reverses_id IS NOT NULL
       OR COALESCE(o.slip_id, 0) <> COALESCE(r.slip_id, 0) OR COALESCE(o.expense_id, 0) <> COALESCE(r.expense_id, 0) LIMIT 100`,
  ))
    add('cash.reversal', `red voucher ${r.voucher_no} does not exactly negate ${r.original}`, r);

  // 2. numbering of vouchers (现收/现付/银收/银付) and expense claims (BX)
  const numbered = `WITH n AS (
      SELECT voucher_no AS no FROM money_journal UNION ALL SELECT no FROM expense_claims),
    s AS (SELECT substr(no, 1, 2) AS prefix, substr(no, 3, 8) AS day, COUNT(*) AS cnt,
      COUNT(DISTINCT CAST(substr(no, 11) AS INTEGER)) AS distinct_serials,
      MIN(CAST(substr(no, 11) AS INTEGER)) AS min_serial, MAX(CAST(substr(no, 11) AS INTEGER)) AS max_serial FROM n GROUP BY 1, 2)`;
  for (const r of all(
    `${numbered} SELECT v.prefix, v.day, v.last, s.cnt FROM voucher_series v LEFT JOIN s ON s.prefix = v.prefix AND s.day = v.day
     WHERE s.cnt IS NULL OR s.cnt <> v.last OR s.distinct_serials <> v.last OR s.min_serial <> 1 OR s.max_serial <> v.last LIMIT 100`,
  ))
    add('cash.numbering', `series ${r.prefix}${r.day}: ${r.cnt ?? 0} vouchers for ${r.last} numbers issued`, r);
  for (const r of all(`${numbered} SELECT s.prefix, s.day, s.cnt FROM s LEFT JOIN voucher_series v ON v.prefix = s.prefix AND v.day = s.day WHERE v.last IS NULL LIMIT 100`))
    add('cash.numbering', `${r.cnt} vouchers numbered ${r.prefix}${r.day}… come from no series`, r);

  // 3. receivables per customer
  for (const r of all<Record<string, number>>(
    `SELECT customer_id,
       SUM(CASE kind WHEN 'sale' THEN amount_fen ELSE 0 END) AS sales,
       -SUM(CASE kind WHEN 'collection' THEN amount_fen ELSE 0 END) AS collections,
       -SUM(CASE kind WHEN 'credit_note' THEN amount_fen ELSE 0 END) AS credit_notes,
       (SELECT balance_after_fen FROM receivable_entries x WHERE x.customer_id = e.customer_id ORDER BY id DESC LIMIT 1) AS last,
       (SELECT COALESCE(SUM(CASE side WHEN 'debit' THEN amount_fen - settled_fen ELSE settled_fen - amount_fen END), 0)
          FROM receivable_items i WHERE i.customer_id = e.customer_id AND i.reversed = 0) AS items
     FROM receivable_entries e GROUP BY customer_id`,
  )) {
    const expected = r.sales - r.collections - r.credit_notes;
    if (expected !== r.last) add('receivables.balance', `customer ${r.customer_id}: balance ${r.last}, credit sales − collections − credit notes ${expected} (fen)`, r);
    if (r.items !== r.last) add('receivables.items', `customer ${r.customer_id}: open slips less prepayments ${r.items}, balance ${r.last} (fen)`, r);
  }
  for (const r of all(
    `SELECT id, customer_id, balance_after_fen, run FROM (
       SELECT id, customer_id, balance_after_fen, SUM(amount_fen) OVER (PARTITION BY customer_id ORDER BY id ROWS UNBOUNDED PRECEDING) AS run
       FROM receivable_entries) WHERE run <> balance_after_fen LIMIT 100`,
  ))
    add('receivables.running', `receivable entry ${r.id}: stored balance does not follow from the entries before it`, r);
  for (const r of all(
    `SELECT r.id, o.id AS original FROM receivable_entries r JOIN receivable_entries o ON o.id = r.reverses_id
     WHERE o.customer_id <> r.customer_id OR o.kind <> r.kind OR o.amount_fen <> -r.amount_fen OR o.reverses_id IS NOT NULL LIMIT 100`,
  ))
    add('receivables.reversal', `red entry ${r.id} does not exactly negate entry ${r.original}`, r);

  // 4. items and allocations
  for (const r of all(
    `SELECT e.id, i.entry_id, e.amount_fen, i.amount_fen AS item_amount, i.side, i.customer_id AS item_customer, e.customer_id
     FROM receivable_entries e LEFT JOIN receivable_items i ON i.entry_id = e.id
     WHERE e.reverses_id IS NULL AND (i.entry_id IS NULL OR i.amount_fen <> ABS(e.amount_fen) OR i.customer_id <> e.customer_id
        OR i.side <> CASE WHEN e.amount_fen > 0 THEN 'debit' ELSE 'credit' END) LIMIT 100`,
  ))
    add('receivables.items', `receivable entry ${r.id} has no matching open item`, r);
  for (const r of all(
    `SELECT i.entry_id, i.settled_fen, i.reversed,
       COALESCE((SELECT SUM(amount_fen) FROM receivable_allocations a WHERE a.debit_entry_id = i.entry_id), 0)
       + COALESCE((SELECT SUM(amount_fen) FROM receivable_allocations a WHERE a.credit_entry_id = i.entry_id), 0) AS allocated,
       EXISTS (SELECT 1 FROM receivable_entries r WHERE r.reverses_id = i.entry_id) AS has_red
     FROM receivable_items i
     WHERE settled_fen <> allocated OR reversed <> has_red OR settled_fen < 0 OR settled_fen > amount_fen LIMIT 100`,
  ))
    add('receivables.allocations', `entry ${r.entry_id}: settled ${r.settled_fen}, allocations add up to ${r.allocated}`, r);
  for (const r of all(
    `SELECT a.id FROM receivable_allocations a
       JOIN receivable_items d ON d.entry_id = a.debit_entry_id JOIN receivable_items c ON c.entry_id = a.credit_entry_id
     WHERE d.side <> 'debit' OR c.side <> 'credit' OR d.customer_id <> c.customer_id LIMIT 100`,
  ))
    add('receivables.allocations', `allocation ${r.id} joins entries that cannot settle each other`, r);
  for (const r of all(
    `SELECT debit_entry_id, credit_entry_id, SUM(amount_fen) AS amount FROM receivable_allocations GROUP BY 1, 2 HAVING SUM(amount_fen) < 0 LIMIT 100`,
  ))
    add('receivables.allocations', `allocations from ${r.credit_entry_id} to ${r.debit_entry_id} were released more than made`, r);

  // 5. the money of each slip follows the slip
  const SHIPPED = `(SELECT COALESCE(SUM(CASE WHEN l.shipped_qty IS NULL OR l.shipped_qty = l.qty THEN l.amount_fen ELSE l.shipped_qty * COALESCE(l.price_fen, 0) END), 0) FROM slip_lines l WHERE l.slip_id = s.id)`;
  for (const r of all<Record<string, unknown>>(
    `WITH m AS (
       SELECT slip_id, SUM(${signed}) AS net FROM money_journal WHERE slip_id IS NOT NULL GROUP BY slip_id
       UNION ALL SELECT slip_id, SUM(amount_fen) FROM receivable_entries WHERE slip_id IS NOT NULL GROUP BY slip_id),
     t AS (SELECT slip_id, SUM(net) AS net FROM m GROUP BY slip_id)
     SELECT s.id, s.no, s.kind, s.state, t.net, ${SHIPPED} AS shipped,
       (SELECT COALESCE(SUM(amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id) AS written,
       EXISTS (SELECT 1 FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) AS reversed,
       EXISTS (SELECT 1 FROM signatures g WHERE g.slip_id = s.id AND g.role = 'finance' AND g.dropped_at IS NULL) AS signed
     FROM t JOIN slips s ON s.id = t.slip_id`,
  )) {
    const net = r.net as number;
    let expected: number;
    if (r.state === 'void' || r.reversed) expected = 0;
    else if (r.kind === 'dispatch') expected = r.state === 'posted' ? (r.shipped as number) : r.signed ? (r.written as number) : 0;
    else if (r.kind === 'return') expected = r.state === 'posted' ? -(r.shipped as number) : 0;
    else expected = 0;
    if (net !== expected) add('slips.money', `slip ${r.no} (${r.kind}, ${r.state}): money recorded ${net}, should be ${expected} (fen)`, r);
  }

  // 6. closed days never change
  const closes = all<CloseRow>('SELECT * FROM day_closes ORDER BY business_date');
  for (const c of closes) {
    const hash = dayRowsHash(db, c.business_date);
    if (hash !== c.rows_hash) add('dayclose.hash', `${c.business_date}: the day's rows changed after its close`, { date: c.business_date });
    const closing = JSON.parse(c.closing_json) as Record<string, number>;
    for (const a of MONEY_ACCOUNTS) {
      const now = balanceAtEndOf(db, a, c.business_date);
      if (now !== closing[a]) add('dayclose.closing', `${c.business_date}: ${a} closed at ${closing[a]}, the journal now ends the day at ${now} (fen)`, { date: c.business_date, account: a });
    }
  }
  if (closes.length) {
    const lockedBy = (t: string) =>
      `SELECT COUNT(*) FROM ${t} x WHERE x.business_date <= (SELECT MAX(business_date) FROM day_closes)
         AND x.posted_at > (SELECT d.closed_at FROM day_closes d WHERE d.business_date >= x.business_date ORDER BY d.business_date LIMIT 1)`;
    for (const t of ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves']) {
      const n = one(lockedBy(t));
      if (n) add('dayclose.lock', `${n} rows of ${t} were posted into a day after it was closed`, { table: t });
    }
  }

  return {
    journalRows: one('SELECT COUNT(*) FROM money_journal'),
    receivableRows: one('SELECT COUNT(*) FROM receivable_entries'),
    dayCloses: closes.length,
  };
}
