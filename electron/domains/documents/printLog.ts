// The print log: one row per document sent to a printer. The row is written (in the write's
// transaction) before the paper is rendered, and the paper is rendered from the row, so what the
// log says was printed, copy names and 补打 number included, is what came out.

import type { DB } from '../../store/db';
import { sql } from '../../store/db';
import type { DocKind, PaperSize, PrintRecord } from '../../../shared/contract';

interface PrintRow {
  id: number;
  doc: DocKind;
  slip_id: number | null;
  slip_no: string | null;
  item_id: number | null;
  period_from: string | null;
  period_to: string | null;
  paper: PaperSize;
  copies: string;
  print_no: number;
  content_hash: string | null;
  printed_at: string;
  printed_by: number;
  printed_by_name: string;
}

const SELECT = `SELECT p.*, s.no AS slip_no, u.name AS printed_by_name
  FROM print_log p LEFT JOIN slips s ON s.id = p.slip_id JOIN users u ON u.id = p.printed_by`;

function view(r: PrintRow): PrintRecord {
  return {
    id: r.id,
    doc: r.doc,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    itemId: r.item_id,
    from: r.period_from,
    to: r.period_to,
    paper: r.paper,
    copies: JSON.parse(r.copies) as string[],
    printNo: r.print_no,
    contentHash: r.content_hash,
    printedAt: r.printed_at,
    printedBy: { id: r.printed_by, name: r.printed_by_name },
  };
}

export function printRecord(db: DB, id: number): PrintRecord | null {
  const r = sql(db, `${SELECT} WHERE p.id = ?`).get(id) as PrintRow | undefined;
  return r ? view(r) : null;
}

export interface NewPrint {
  doc: DocKind;
  slipId: number | null;
  itemId: number | null;
  from: string | null;
  to: string | null;
  paper: PaperSize;
  copies: string[];
  contentHash: string | null;
  at: string;
  by: number;
}

/** Log a print; its number counts earlier prints of the same slip as the same document (or of the same item's card). */
export function recordPrint(db: DB, p: NewPrint): PrintRecord {
  const prior =
    p.slipId != null
      ? (sql(db, 'SELECT COUNT(*) FROM print_log WHERE slip_id = ? AND doc = ?').pluck().get(p.slipId, p.doc) as number)
      : (sql(db, 'SELECT COUNT(*) FROM print_log WHERE item_id = ? AND doc = ?').pluck().get(p.itemId, p.doc) as number);
  const info = sql(
    db,
    `INSERT INTO print_log (doc, slip_id, item_id, period_from, period_to, paper, copies, print_no, content_hash, printed_at, printed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.doc, p.slipId, p.itemId, p.from, p.to, p.paper, JSON.stringify(p.copies), prior + 1, p.contentHash, p.at, p.by);
  return printRecord(db, Number(info.lastInsertRowid))!;
}

export function printLog(db: DB, q: { slipId?: number; itemId?: number; limit: number; offset: number }): { rows: PrintRecord[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.slipId != null) (where.push('p.slip_id = ?'), args.push(q.slipId));
  if (q.itemId != null) (where.push('p.item_id = ?'), args.push(q.itemId));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM print_log p ${w}`).pluck().get(...args) as number;
  const rows = db.prepare(`${SELECT} ${w} ORDER BY p.id DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as PrintRow[];
  return { rows: rows.map(view), total };
}
