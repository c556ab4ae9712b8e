// Which items a count covers. Month-end: every item with stock or with moves in the business month
// (每月月底全面盘库). Weekly (每周自我盘库): items chosen by hand, a storage location (库位 prefix),
// an ABC class by the value issued in the last 90 days (A: the items making the first 80% of it,
// B: the next 15%, C: the rest with stock), items not counted for N days, or a random sample.

import type { CountSelection } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { likeEscape } from '../../store/search';
import { addDays } from '../../ledger/dates';
import { notFound } from '../errors';

const HAS_STOCK = 'EXISTS (SELECT 1 FROM stock_layers s WHERE s.item_id = i.id AND s.remaining_qty > 0)';

export function monthEndItems(db: ReadableDB, businessDate: string): number[] {
  return sql(
    db,
    `SELECT i.id FROM items i WHERE ${HAS_STOCK}
       OR EXISTS (SELECT 1 FROM stock_month_totals t WHERE t.item_id = i.id AND t.month = ?) ORDER BY i.location, i.code`,
  )
    .pluck()
    .all(businessDate.slice(0, 7)) as number[];
}

function chosenItems(db: ReadableDB, ids: readonly number[]): number[] {
  const unique = [...new Set(ids)];
  const found = new Set(sql(db, 'SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(unique)) as number[]);
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) notFound('item', missing);
  return unique;
}

function abcItems(db: ReadableDB, abcClass: 'A' | 'B' | 'C', businessDate: string): number[] {
  const rows = sql(
    db,
    `SELECT i.id, COALESCE(v.value, 0) AS value FROM items i
     LEFT JOIN (SELECT item_id, SUM(amount_fen) AS value FROM stock_moves WHERE direction = 'out' AND business_date > ? GROUP BY item_id) v ON v.item_id = i.id
     WHERE i.active = 1 AND (v.value > 0 OR ${HAS_STOCK}) ORDER BY value DESC, i.code`,
  ).all(addDays(businessDate, -90)) as { id: number; value: number }[];
  const total = rows.reduce((n, r) => n + r.value, 0);
  let before = 0;
  const out: number[] = [];
  for (const r of rows) {
    const share = total === 0 ? 1 : before / total; // where the item starts in the cumulative value
    const cls = r.value > 0 && share < 0.8 ? 'A' : r.value > 0 && share < 0.95 ? 'B' : 'C';
    if (cls === abcClass) out.push(r.id);
    before += r.value;
  }
  return out;
}

export function weeklyItems(db: ReadableDB, s: CountSelection, businessDate: string): number[] {
  switch (s.by) {
    case 'items':
      return chosenItems(db, s.itemIds);
    case 'location':
      return sql(db, "SELECT id FROM items WHERE active = 1 AND location LIKE ? ESCAPE '\\' ORDER BY location, code")
        .pluck()
        .all(`${likeEscape(s.prefix)}%`) as number[];
    case 'abc':
      return abcItems(db, s.abcClass, businessDate);
    case 'notCounted':
      return sql(
        db,
        `SELECT i.id FROM items i WHERE i.active = 1 AND ${HAS_STOCK} AND NOT EXISTS (SELECT 1 FROM count_lines l JOIN counts c ON c.id = l.count_id
           WHERE l.item_id = i.id AND c.state = 'posted' AND c.business_date > ?) ORDER BY i.location, i.code`,
      )
        .pluck()
        .all(addDays(businessDate, -s.days)) as number[];
    case 'random':
      return sql(db, `SELECT i.id FROM items i WHERE i.active = 1 AND ${HAS_STOCK} ORDER BY random() LIMIT ?`).pluck().all(s.sampleSize) as number[];
  }
}

/** The scope a count states when the keeper gives none. */
export function scopeOf(s: CountSelection | undefined): string {
  if (!s) return '全部有库存或本月有收发的商品';
  switch (s.by) {
    case 'items':
      return `指定商品 ${s.itemIds.length} 种`;
    case 'location':
      return `库位 ${s.prefix}*`;
    case 'abc':
      return `${s.abcClass} 类商品(近 90 天发出金额)`;
    case 'notCounted':
      return `${s.days} 天未盘点的商品`;
    case 'random':
      return `随机抽盘 ${s.sampleSize} 种`;
  }
}
