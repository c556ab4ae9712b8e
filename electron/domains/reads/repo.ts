// The read log's SQL (migration 0021): a row appended after a logged read (core/readLog.ts), and
// the manager's view of it (reads.log).

import type { LoggedRead, ReadLogRow } from '../../../shared/contract';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';

/** The same person reading the same thing again within this long makes no new row (a list re-read as it is searched, paged, refreshed). */
export const READ_LOG_COALESCE_MS = 5 * 60_000;

export interface ReadEntry {
  at: string;
  date: string;
  userId: number;
  method: LoggedRead;
  customerId: number | null;
  detail: string;
}

/** Appends the read unless the same read by the same person is already logged within READ_LOG_COALESCE_MS. */
export function appendRead(db: WritableDB, e: ReadEntry): void {
  const since = new Date(Date.parse(e.at) - READ_LOG_COALESCE_MS).toISOString();
  const recent = sql(db, `SELECT 1 FROM read_log WHERE user_id = ? AND date = ? AND method = ? AND customer_id IS ? AND detail = ? AND at >= ? LIMIT 1`).get(
    e.userId,
    e.date,
    e.method,
    e.customerId,
    e.detail,
    since,
  );
  if (recent) return;
  sql(db, 'INSERT INTO read_log (at, date, user_id, method, customer_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.at,
    e.date,
    e.userId,
    e.method,
    e.customerId,
    e.detail,
  );
}

export interface ReadLogQuery {
  userId?: number;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

interface Row {
  id: number;
  at: string;
  date: string;
  user_id: number;
  user_name: string;
  method: LoggedRead;
  customer_id: number | null;
  customer_code: string | null;
  customer_name: string | null;
  detail: string;
}

function rowView(r: Row): ReadLogRow {
  return {
    id: r.id,
    at: r.at,
    date: r.date,
    user: { id: r.user_id, name: r.user_name },
    method: r.method,
    customer: r.customer_id == null ? null : { id: r.customer_id, code: r.customer_code ?? '', name: r.customer_name ?? '' },
    detail: r.detail,
  };
}

/** reads.log: newest first, by person and office dates. */
export function readLog(db: ReadableDB, q: ReadLogQuery): { rows: ReadLogRow[]; total: number } {
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  if (q.userId) (where.push('r.user_id = @userId'), (args.userId = q.userId));
  if (q.from) (where.push('r.date >= @from'), (args.from = q.from));
  if (q.to) (where.push('r.date <= @to'), (args.to = q.to));
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { limit: _l, offset: _o, ...countArgs } = args;
  const total = db.prepare(`SELECT COUNT(*) FROM read_log r ${w}`).pluck().get(countArgs) as number;
  const rows = db
    .prepare(
      `SELECT r.*, u.name AS user_name, c.code AS customer_code, c.name AS customer_name
       FROM read_log r JOIN users u ON u.id = r.user_id LEFT JOIN customers c ON c.id = r.customer_id
       ${w} ORDER BY r.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(args) as Row[];
  return { total, rows: rows.map(rowView) };
}
