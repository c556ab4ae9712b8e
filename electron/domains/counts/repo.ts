// All SQL of counts.* (migration 0024): counts, their lines and entries, the office's count
// settings, and the views the screens read.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import type { Count, CountCause, CountEntry, CountKind, CountLine, CountMode, CountState } from '../../../shared/contract';
import { notFound } from '../errors';

export interface CountRow {
  id: number;
  no: string;
  kind: CountKind;
  scope: string;
  blind: number;
  recount: number;
  state: CountState;
  business_date: string;
  created_by: number;
  created_at: string;
  approved_by: number | null;
  approved_at: string | null;
  posted_slip_id: number | null;
  reversal_slip_id: number | null;
}

export interface LineRow {
  id: number;
  count_id: number;
  item_id: number;
  item_code: string;
  item_name: string;
  spec: string;
  unit: string;
  location: string;
  found: number;
  book_qty: number | null;
  counted_qty: number | null;
  recount_qty: number | null;
  recount_by: number | null;
  recount_by_name: string | null;
  cause: CountCause | null;
  cause_text: string;
  unit_cost_fen: number | null;
}

// ------------------------------------------------------------------ settings

export function countSettings(db: ReadableDB): { countMode: CountMode; countRecount: boolean } {
  const r = sql(db, 'SELECT count_mode, count_recount FROM office WHERE id = 1').get() as { count_mode: CountMode; count_recount: number } | undefined;
  return { countMode: r?.count_mode ?? 'blind', countRecount: r?.count_recount === 1 };
}

export function setCountSettings(db: WritableDB, s: { countMode: CountMode; countRecount: boolean }): void {
  sql(db, 'UPDATE office SET count_mode = ?, count_recount = ? WHERE id = 1').run(s.countMode, s.countRecount ? 1 : 0);
}

// ------------------------------------------------------------------ counts

export function insertCount(
  db: WritableDB,
  c: Pick<CountRow, 'no' | 'kind' | 'scope' | 'blind' | 'recount' | 'business_date' | 'created_by' | 'created_at'>,
): number {
  const info = sql(db, 'INSERT INTO counts (no, kind, scope, blind, recount, business_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    c.no,
    c.kind,
    c.scope,
    c.blind,
    c.recount,
    c.business_date,
    c.created_by,
    c.created_at,
  );
  return Number(info.lastInsertRowid);
}

/** One line per item (in the order given), with the item's location as it is now. */
export function insertLines(db: WritableDB, countId: number, itemIds: readonly number[], found = false): void {
  sql(
    db,
    'INSERT INTO count_lines (count_id, item_id, location, found) SELECT ?, i.id, i.location, ? FROM json_each(?) j JOIN items i ON i.id = j.value ORDER BY j.key',
  ).run(countId, found ? 1 : 0, JSON.stringify(itemIds));
}

export function countRow(db: ReadableDB, id: number): CountRow {
  const r = sql(db, 'SELECT * FROM counts WHERE id = ?').get(id) as CountRow | undefined;
  return r ?? notFound('count', id);
}

export function setCountState(db: WritableDB, id: number, state: CountState): void {
  sql(db, 'UPDATE counts SET state = ? WHERE id = ?').run(state, id);
}

export function markCountPosted(db: WritableDB, id: number, p: { by: number; at: string; slipId: number }): void {
  sql(db, "UPDATE counts SET state = 'posted', approved_by = ?, approved_at = ?, posted_slip_id = ? WHERE id = ?").run(p.by, p.at, p.slipId, id);
}

export function markCountReversed(db: WritableDB, id: number, reversalSlipId: number): void {
  sql(db, "UPDATE counts SET state = 'reversed', reversal_slip_id = ? WHERE id = ?").run(reversalSlipId, id);
}

const COUNT_VIEW = `SELECT c.*, cu.name AS created_by_name, au.name AS approved_by_name,
    (SELECT COUNT(*) FROM count_lines l WHERE l.count_id = c.id) AS line_count,
    (SELECT COUNT(*) FROM count_lines l WHERE l.count_id = c.id AND l.counted_qty IS NOT NULL) AS counted_lines
  FROM counts c JOIN users cu ON cu.id = c.created_by LEFT JOIN users au ON au.id = c.approved_by`;

type CountViewRow = CountRow & { created_by_name: string; approved_by_name: string | null; line_count: number; counted_lines: number };

function countOf(r: CountViewRow): Count {
  return {
    id: r.id,
    no: r.no,
    kind: r.kind,
    scope: r.scope,
    blind: r.blind === 1,
    recount: r.recount === 1,
    state: r.state,
    businessDate: r.business_date,
    createdBy: { id: r.created_by, name: r.created_by_name },
    createdAt: r.created_at,
    approvedBy: r.approved_by === null ? null : { id: r.approved_by, name: r.approved_by_name ?? '' },
    approvedAt: r.approved_at,
    postedSlipId: r.posted_slip_id,
    reversalSlipId: r.reversal_slip_id,
    lineCount: r.line_count,
    countedLines: r.counted_lines,
  };
}

export function countView(db: ReadableDB, id: number): Count {
  const r = sql(db, `${COUNT_VIEW} WHERE c.id = ?`).get(id) as CountViewRow | undefined;
  return r ? countOf(r) : notFound('count', id);
}

export function listCounts(db: ReadableDB, f: { state?: CountState; from?: string; to?: string }): Count[] {
  const rows = sql(
    db,
    `${COUNT_VIEW} WHERE (@state IS NULL OR c.state = @state) AND (@from IS NULL OR c.business_date >= @from) AND (@to IS NULL OR c.business_date <= @to)
     ORDER BY c.id DESC LIMIT 500`,
  ).all({ state: f.state ?? null, from: f.from ?? null, to: f.to ?? null }) as CountViewRow[];
  return rows.map(countOf);
}

// ------------------------------------------------------------------ lines

const LINE_SELECT = `SELECT l.id, l.count_id, l.item_id, i.code AS item_code, i.name AS item_name, i.spec, i.unit, l.location, l.found,
    l.book_qty, l.counted_qty, l.recount_qty, l.recount_by, ru.name AS recount_by_name, l.cause, l.cause_text, l.unit_cost_fen
  FROM count_lines l JOIN items i ON i.id = l.item_id LEFT JOIN users ru ON ru.id = l.recount_by`;

/** A count's lines by location (then item code), as the sheets and screens sort them. */
export function lineRows(db: ReadableDB, countId: number): LineRow[] {
  return sql(db, `${LINE_SELECT} WHERE l.count_id = ? ORDER BY l.location, i.code`).all(countId) as LineRow[];
}

/** The lines the variance report shows: not counted, or counted (recounted) off the book. */
export function varianceRows(db: ReadableDB, countId: number): LineRow[] {
  return sql(
    db,
    `${LINE_SELECT} WHERE l.count_id = ? AND (l.counted_qty IS NULL OR COALESCE(l.recount_qty, l.counted_qty) <> l.book_qty) ORDER BY l.location, i.code`,
  ).all(countId) as LineRow[];
}

export function lineRow(db: ReadableDB, countId: number, lineId: number): LineRow {
  const r = sql(db, `${LINE_SELECT} WHERE l.id = ? AND l.count_id = ?`).get(lineId, countId) as LineRow | undefined;
  return r ?? notFound('countLine', lineId);
}

export function lineOfItem(db: ReadableDB, countId: number, itemId: number): LineRow | null {
  return (sql(db, `${LINE_SELECT} WHERE l.count_id = ? AND l.item_id = ?`).get(countId, itemId) as LineRow | undefined) ?? null;
}

/** The line's first count: its book quantity is taken now. */
export function takeBook(db: WritableDB, lineId: number, bookQty: number): void {
  sql(db, 'UPDATE count_lines SET book_qty = ?, counted_qty = 0 WHERE id = ?').run(bookQty, lineId);
}

export function setCounted(db: WritableDB, lineId: number, qty: number): void {
  sql(db, 'UPDATE count_lines SET counted_qty = ? WHERE id = ?').run(qty, lineId);
}

export function setRecount(db: WritableDB, lineId: number, r: { qty: number; by: number; at: string }): void {
  sql(db, 'UPDATE count_lines SET recount_qty = ?, recount_by = ?, recount_at = ? WHERE id = ?').run(r.qty, r.by, r.at, lineId);
}

export function setCause(db: WritableDB, lineId: number, cause: CountCause, text: string): void {
  sql(db, 'UPDATE count_lines SET cause = ?, cause_text = ? WHERE id = ?').run(cause, text, lineId);
}

export function setUnitCost(db: WritableDB, lineId: number, unitCostFen: number | null): void {
  sql(db, 'UPDATE count_lines SET unit_cost_fen = ? WHERE id = ?').run(unitCostFen, lineId);
}

// ------------------------------------------------------------------ entries

export function insertEntry(db: WritableDB, e: { lineId: number; userId: number; how: 'scan' | 'typed'; qty: number; at: string }): void {
  sql(db, 'INSERT INTO count_entries (line_id, user_id, how, qty, at) VALUES (?, ?, ?, ?, ?)').run(e.lineId, e.userId, e.how, e.qty, e.at);
}

/** Who has counted the line (its entries' users). */
export function countersOf(db: ReadableDB, lineId: number): number[] {
  return sql(db, 'SELECT DISTINCT user_id FROM count_entries WHERE line_id = ?').pluck().all(lineId) as number[];
}

type EntryRow = { line_id: number; user_id: number; name: string; how: 'scan' | 'typed'; qty: number; at: string };

/** Every entry of a count's lines, by line, in order. */
export function entriesOf(db: ReadableDB, countId: number): Map<number, CountEntry[]> {
  const rows = sql(
    db,
    `SELECT e.line_id, e.user_id, u.name, e.how, e.qty, e.at FROM count_entries e JOIN count_lines l ON l.id = e.line_id
     JOIN users u ON u.id = e.user_id WHERE l.count_id = ? ORDER BY e.id`,
  ).all(countId) as EntryRow[];
  const out = new Map<number, CountEntry[]>();
  for (const r of rows) {
    const list = out.get(r.line_id) ?? [];
    list.push({ by: { id: r.user_id, name: r.name }, how: r.how, qty: r.qty, at: r.at });
    out.set(r.line_id, list);
  }
  return out;
}

export function entriesOfLine(db: ReadableDB, lineId: number): CountEntry[] {
  const rows = sql(
    db,
    'SELECT e.line_id, e.user_id, u.name, e.how, e.qty, e.at FROM count_entries e JOIN users u ON u.id = e.user_id WHERE e.line_id = ? ORDER BY e.id',
  ).all(lineId) as EntryRow[];
  return rows.map((r) => ({ by: { id: r.user_id, name: r.name }, how: r.how, qty: r.qty, at: r.at }));
}

/** The line as the screens read it; the book quantity only for who may see it. */
export function lineOut(r: LineRow, entries: CountEntry[], seesBook: boolean): CountLine {
  return {
    id: r.id,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name,
    spec: r.spec,
    unit: r.unit,
    location: r.location,
    found: r.found === 1,
    bookQty: seesBook ? r.book_qty : null,
    countedQty: r.counted_qty,
    recountQty: r.recount_qty,
    recountBy: r.recount_by === null ? null : { id: r.recount_by, name: r.recount_by_name ?? '' },
    cause: r.cause,
    causeText: r.cause_text,
    unitCostFen: r.unit_cost_fen,
    entries,
  };
}

/** The final count of a line: the recount where there is one. */
export function finalQty(r: Pick<LineRow, 'counted_qty' | 'recount_qty'>): number | null {
  return r.recount_qty ?? r.counted_qty;
}
