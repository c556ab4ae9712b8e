// All SQL of documents: the print log (print_log: one row per document sent to a printer, written
// in the write's transaction before the paper is rendered, and the paper is rendered from the row,
// so what the log says was printed, copy names and 补打 number included, is what came out) and the
// office's print settings (office_settings: the paper a slip prints on and the copies (联) each
// kind of slip prints in; keys never set take the defaults below).

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { DocKind, PaperSize, PrintKind, PrintRecord, PrintSettings, SlipKind } from '../../../shared/contract';

// ------------------------------------------------------------------ print log

interface PrintRow {
  id: number;
  kind: PrintKind;
  preview_id: number | null;
  doc: DocKind;
  slip_id: number | null;
  slip_no: string | null;
  item_id: number | null;
  count_id: number | null;
  count_no: string | null;
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

const SELECT = `SELECT p.*, s.no AS slip_no, c.no AS count_no, u.name AS printed_by_name
  FROM print_log p LEFT JOIN slips s ON s.id = p.slip_id LEFT JOIN counts c ON c.id = p.count_id JOIN users u ON u.id = p.printed_by`;

function view(r: PrintRow): PrintRecord {
  return {
    id: r.id,
    kind: r.kind,
    previewId: r.preview_id,
    doc: r.doc,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    itemId: r.item_id,
    countId: r.count_id,
    countNo: r.count_no,
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

export function printRecord(db: ReadableDB, id: number): PrintRecord | null {
  const r = sql(db, `${SELECT} WHERE p.id = ?`).get(id) as PrintRow | undefined;
  return r ? view(r) : null;
}

export interface NewPrint {
  doc: DocKind;
  slipId: number | null;
  itemId: number | null;
  countId: number | null;
  from: string | null;
  to: string | null;
  paper: PaperSize;
  copies: string[];
  contentHash: string | null;
  at: string;
  by: number;
  kind: PrintKind;
  /** printed: the preview it confirms */
  previewId?: number | null;
}

/** How many times a slip (as that document), a count's paper or an item's card has been printed: previews do not count. */
export function printedCount(db: ReadableDB, p: { doc: DocKind; slipId: number | null; itemId: number | null; countId: number | null }): number {
  const [column, id] = p.slipId != null ? ['slip_id', p.slipId] : p.countId != null ? ['count_id', p.countId] : ['item_id', p.itemId];
  return sql(db, `SELECT COUNT(*) FROM print_log WHERE ${column} = ? AND doc = ? AND kind = 'printed'`).pluck().get(id, p.doc) as number;
}

/** Log a print or a preview; its number is the next print's (earlier prints of the same slip as the same document, or of the item's card). */
export function recordPrint(db: WritableDB, p: NewPrint): PrintRecord {
  const info = sql(
    db,
    `INSERT INTO print_log (doc, slip_id, item_id, count_id, period_from, period_to, paper, copies, print_no, content_hash, printed_at, printed_by, kind, preview_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.doc,
    p.slipId,
    p.itemId,
    p.countId,
    p.from,
    p.to,
    p.paper,
    JSON.stringify(p.copies),
    printedCount(db, p) + 1,
    p.contentHash,
    p.at,
    p.by,
    p.kind,
    p.previewId ?? null,
  );
  return printRecord(db, Number(info.lastInsertRowid))!;
}

/** The print that confirmed a preview, if any. */
export function printOfPreview(db: ReadableDB, previewId: number): number | null {
  return (sql(db, 'SELECT id FROM print_log WHERE preview_id = ?').pluck().get(previewId) as number | undefined) ?? null;
}

export function printLog(
  db: ReadableDB,
  q: { slipId?: number; itemId?: number; countId?: number; limit: number; offset: number },
): { rows: PrintRecord[]; total: number } {
  // the month pack's prints are the month pack's (monthPack.recordPrint), not a slip's, a card's or a count's
  const where: string[] = ["p.doc <> 'monthPack'"];
  const args: unknown[] = [];
  if (q.slipId != null) (where.push('p.slip_id = ?'), args.push(q.slipId));
  if (q.itemId != null) (where.push('p.item_id = ?'), args.push(q.itemId));
  if (q.countId != null) (where.push('p.count_id = ?'), args.push(q.countId));
  const w = `WHERE ${where.join(' AND ')}`;
  const total = db
    .prepare(`SELECT COUNT(*) FROM print_log p ${w}`)
    .pluck()
    .get(...args) as number;
  const rows = db.prepare(`${SELECT} ${w} ORDER BY p.id DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as PrintRow[];
  return { rows: rows.map(view), total };
}

// ------------------------------------------------------------------ print settings

export const DEFAULT_SETTINGS: PrintSettings = {
  paper: 'A5',
  copies: {
    dispatch: ['第一联 存根', '第二联 客户', '第三联 财务', '第四联 仓库'],
    inbound: ['第一联 存根', '第二联 财务', '第三联 仓库'],
    return: ['第一联 存根', '第二联 客户', '第三联 财务', '第四联 仓库'],
    reversal: ['第一联 存根', '第二联 财务', '第三联 仓库'],
  },
};

const KEY_PAPER = 'print.paper';
const KEY_COPIES = 'print.copies';

function getValue<T>(db: ReadableDB, key: string): T | undefined {
  const v = sql(db, 'SELECT value FROM office_settings WHERE key = ?').pluck().get(key) as string | undefined;
  return v === undefined ? undefined : (JSON.parse(v) as T);
}

function setValue(db: WritableDB, key: string, value: unknown, at: string, by: number | null): void {
  sql(
    db,
    `INSERT INTO office_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(key, JSON.stringify(value), at, by);
}

/** Someone has saved the paper or the copies (documents.updateSettings) — until then the defaults stand unconfirmed. */
export function printSettingsSaved(db: ReadableDB): boolean {
  return sql(db, 'SELECT 1 FROM office_settings WHERE key IN (?, ?)').get(KEY_PAPER, KEY_COPIES) !== undefined;
}

export function printSettings(db: ReadableDB): PrintSettings {
  const paper = getValue<PaperSize>(db, KEY_PAPER) ?? DEFAULT_SETTINGS.paper;
  const copies = { ...DEFAULT_SETTINGS.copies, ...(getValue<Partial<PrintSettings['copies']>>(db, KEY_COPIES) ?? {}) };
  return { paper, copies };
}

export function updatePrintSettings(
  db: WritableDB,
  change: { paper?: PaperSize; copies?: Partial<Record<SlipKind, string[]>> },
  at: string,
  by: number | null,
): PrintSettings {
  if (change.paper) setValue(db, KEY_PAPER, change.paper, at, by);
  if (change.copies) {
    const current = getValue<Partial<PrintSettings['copies']>>(db, KEY_COPIES) ?? {};
    const next = { ...current };
    for (const [k, v] of Object.entries(change.copies)) {
      if (!v) continue;
      next[k as keyof PrintSettings['copies']] = v.map((s) => s.trim());
    }
    setValue(db, KEY_COPIES, next, at, by);
  }
  return printSettings(db);
}
