// The opening figures against the books (opening.*): at most one opening slip in force (not void nor
// reversed), each posted, each line one 'in' move of exactly its quantity and amount, dated no later
// than the first close; each opening receivable is a sale entry of its customer, amount and original
// date, with no slip; each money account has at most one opening row, booked against 'opening' and
// nothing else booked so.
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { Add } from '../system/verify';
import { LIVE_OPENING_SQL } from './rules';

function verifyOpeningStock(db: ReadableDB, add: Add): void {
  const slips = sql(db, "SELECT id, no, state, business_date FROM slips WHERE kind = 'opening'").all() as {
    id: number;
    no: string;
    state: string;
    business_date: string;
  }[];
  const live = sql(db, `SELECT no FROM slips s WHERE ${LIVE_OPENING_SQL}`).pluck().all() as string[];
  if (live.length > 1) add('opening.stock', `${live.length} opening slips in force (at most one; a reversed one does not count)`, { nos: live });
  const firstClose = sql(db, 'SELECT MIN(business_date) FROM day_closes').pluck().get() as string | null;
  for (const s of slips) {
    if (s.state !== 'posted') add('opening.stock', `opening slip ${s.no} is ${s.state}, not posted`, { no: s.no });
    if (firstClose !== null && s.business_date > firstClose)
      add('opening.stock', `opening slip ${s.no} is dated after the first close ${firstClose}`, { no: s.no });
    const bad = sql(
      db,
      `SELECT l.line_no, l.qty, l.amount_fen, COUNT(m.id) AS moves, COALESCE(SUM(m.qty), 0) AS moved, COALESCE(SUM(m.amount_fen), 0) AS movedFen,
         COALESCE(MIN(m.direction), 'in') AS dir, MIN(y.in_qty || '/' || y.in_amount_fen) AS layer
       FROM slip_lines l LEFT JOIN stock_moves m ON m.slip_line_id = l.id AND m.source_move_id IS NULL AND m.qty > 0
         LEFT JOIN stock_layers y ON y.id = m.layer_id
       WHERE l.slip_id = ? GROUP BY l.id`,
    ).all(s.id) as { line_no: number; qty: number; amount_fen: number; moves: number; moved: number; movedFen: number; dir: string; layer: string | null }[];
    for (const l of bad) {
      const okLine = l.moves === 1 && l.dir === 'in' && l.moved === l.qty && l.movedFen === l.amount_fen && l.layer === `${l.qty}/${l.amount_fen}`;
      if (s.state === 'posted' && !okLine)
        add('opening.stock', `opening slip ${s.no} line ${l.line_no}: entered ${l.qty} / ${l.amount_fen} fen, booked ${l.moved} / ${l.movedFen} fen`, {
          no: s.no,
          line: l.line_no,
        });
    }
  }
}

function verifyOpeningReceivables(db: ReadableDB, add: Add): void {
  const rows = sql(
    db,
    `SELECT o.entry_id, o.customer_id, o.sale_date, o.amount_fen, e.customer_id AS e_customer, e.kind, e.amount_fen AS e_amount, e.business_date, e.slip_id
     FROM opening_receivables o JOIN receivable_entries e ON e.id = o.entry_id`,
  ).all() as Record<string, unknown>[];
  for (const r of rows) {
    const same = r.kind === 'sale' && r.slip_id === null && r.e_customer === r.customer_id && r.e_amount === r.amount_fen && r.business_date === r.sale_date;
    if (!same) add('opening.receivables', `opening receivable (entry ${r.entry_id}) differs from its receivable entry`, r);
  }
}

function verifyOpeningCash(db: ReadableDB, add: Add): void {
  const twice = sql(db, "SELECT account, COUNT(*) AS n FROM money_journal WHERE cause = 'opening' AND reverses_id IS NULL GROUP BY account HAVING n > 1").all();
  for (const r of twice as { account: string; n: number }[]) add('opening.cash', `account ${r.account} has ${r.n} opening rows (at most one)`, r);
  const mixed = sql(
    db,
    "SELECT id, voucher_no, cause, contra_kind, direction FROM money_journal WHERE (cause = 'opening') <> (contra_kind = 'opening') OR (cause = 'opening' AND reverses_id IS NULL AND direction <> 'in')",
  ).all() as { voucher_no: string }[];
  for (const r of mixed) add('opening.cash', `voucher ${r.voucher_no}: an opening row must be a receipt booked against the opening`, r);
}

export function verifyOpening(db: ReadableDB, add: Add): void {
  verifyOpeningStock(db, add);
  verifyOpeningReceivables(db, add);
  verifyOpeningCash(db, add);
}
