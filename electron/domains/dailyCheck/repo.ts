// All SQL of dailyCheck.*: the items that moved on a business day with their book balance (from the
// stock moves), and the daily_checks table (migration 0031).

import type { DailyCheckLine, DailyCheckRecord } from '../../../shared/contract';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';

/** The items that moved on the day: in and out (reversals netted), and the balance at the day's end; by location. */
export function movedOn(db: ReadableDB, date: string): DailyCheckLine[] {
  return sql(
    db,
    `SELECT i.id AS itemId, i.code, i.name, i.unit, i.location,
       SUM(CASE WHEN m.direction = 'in' THEN m.qty ELSE 0 END) AS inQty,
       SUM(CASE WHEN m.direction = 'out' THEN m.qty ELSE 0 END) AS outQty,
       (SELECT b.balance_qty FROM stock_moves b WHERE b.item_id = i.id AND b.business_date <= @d ORDER BY b.id DESC LIMIT 1) AS bookQty
     FROM stock_moves m JOIN items i ON i.id = m.item_id
     WHERE m.business_date = @d GROUP BY i.id ORDER BY i.location, i.code`,
  ).all({ d: date }) as DailyCheckLine[];
}

interface CheckRow {
  date: string;
  user_id: number;
  user_name: string;
  at: string;
  items: number;
  differences_json: string;
  writeoff_slip_id: number | null;
  writeoff_no: string | null;
}

export function checkOn(db: ReadableDB, date: string): DailyCheckRecord | null {
  const r = sql(
    db,
    `SELECT c.*, u.name AS user_name, s.no AS writeoff_no FROM daily_checks c JOIN users u ON u.id = c.user_id
     LEFT JOIN slips s ON s.id = c.writeoff_slip_id WHERE c.date = ?`,
  ).get(date) as CheckRow | undefined;
  if (!r) return null;
  return {
    date: r.date,
    by: { id: r.user_id, name: r.user_name },
    at: r.at,
    items: r.items,
    differences: JSON.parse(r.differences_json) as DailyCheckRecord['differences'],
    writeoff: r.writeoff_slip_id == null ? null : { id: r.writeoff_slip_id, no: r.writeoff_no! },
  };
}

export function insertCheck(
  db: WritableDB,
  c: { date: string; userId: number; at: string; items: number; differences: DailyCheckRecord['differences']; writeoffSlipId: number | null },
): void {
  sql(db, 'INSERT INTO daily_checks (date, user_id, at, items, differences_json, writeoff_slip_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    c.date,
    c.userId,
    c.at,
    c.items,
    JSON.stringify(c.differences),
    c.writeoffSlipId,
  );
}
