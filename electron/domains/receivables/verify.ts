// verify, the receivables:
//  - per customer: receivable = Σ credit sales − Σ collections − Σ credit notes (± reversals), the
//    running balances follow, and the open items add up to it
//  - red entries negate exactly one original
//  - each sale / collection / credit note's settled amount = Σ its allocations, never more than it

import type { ReadableDB } from '../../store/db';
import type { Add } from '../system/verify';

type Rows = Record<string, number>[];

export function verifyReceivables(db: ReadableDB, add: Add): { receivableRows: number } {
  const all = (q: string) => db.prepare(q).all() as Rows;
  for (const r of all(
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
    if (expected !== r.last)
      add('receivables.balance', `customer ${r.customer_id}: balance ${r.last}, credit sales − collections − credit notes ${expected} (fen)`, r);
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
  verifyAllocations(db, add);
  return { receivableRows: db.prepare('SELECT COUNT(*) FROM receivable_entries').pluck().get() as number };
}

function verifyAllocations(db: ReadableDB, add: Add): void {
  const all = (q: string) => db.prepare(q).all() as Rows;
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
}
