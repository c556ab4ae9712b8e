// One numbering rule for every document the office issues: prefix + yyyyMMdd + 4-digit serial,
// taken in the same transaction as the row it numbers, so numbers never skip or repeat (a voided
// draft keeps its number). Slips (JC/FH/TH/HC) count in number_series; money vouchers (现收/现付/
// 银收/银付) and expense claims (BX) in voucher_series. `verifySeries` checks a series against the
// numbers actually used.

import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';

export type Series = 'slips' | 'vouchers';
const TABLE: Record<Series, string> = { slips: 'number_series', vouchers: 'voucher_series' };

/** The next number of a series for a business day (YYYY-MM-DD). Prefixes are two characters. */
export function nextNumber(db: WritableDB, series: Series, prefix: string, businessDate: string): string {
  const day = businessDate.replace(/-/g, '');
  const last = sql(
    db,
    `INSERT INTO ${TABLE[series]} (prefix, day, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, day) DO UPDATE SET last = last + 1 RETURNING last`,
  )
    .pluck()
    .get(prefix, day) as number;
  return `${prefix}${day}${String(last).padStart(4, '0')}`;
}

type Add = (check: string, message: string, details?: Record<string, unknown>) => void;

/**
 * Per prefix and day, the numbers used (`numbersSql` selects a column `no`) are exactly 1..last of
 * the series, once each; and no number is used that no series issued.
 */
export function verifySeries(db: ReadableDB, series: Series, numbersSql: string, check: string, what: string, add: Add): void {
  const table = TABLE[series];
  const used = `WITH n AS (${numbersSql}),
    s AS (SELECT substr(no, 1, 2) AS prefix, substr(no, 3, 8) AS day, COUNT(*) AS cnt,
      COUNT(DISTINCT CAST(substr(no, 11) AS INTEGER)) AS distinct_serials,
      MIN(CAST(substr(no, 11) AS INTEGER)) AS min_serial, MAX(CAST(substr(no, 11) AS INTEGER)) AS max_serial FROM n GROUP BY 1, 2)`;
  const gaps = db
    .prepare(
      `${used} SELECT v.prefix, v.day, v.last, s.cnt, s.distinct_serials, s.min_serial, s.max_serial
       FROM ${table} v LEFT JOIN s ON s.prefix = v.prefix AND s.day = v.day
       WHERE s.cnt IS NULL OR s.cnt <> v.last OR s.distinct_serials <> v.last OR s.min_serial <> 1 OR s.max_serial <> v.last LIMIT 100`,
    )
    .all() as Record<string, unknown>[];
  for (const r of gaps) add(check, `series ${r.prefix}${r.day}: ${r.cnt ?? 0} ${what} for ${r.last} numbers issued`, r);
  const stray = db
    .prepare(`${used} SELECT s.prefix, s.day, s.cnt FROM s LEFT JOIN ${table} v ON v.prefix = s.prefix AND v.day = s.day WHERE v.last IS NULL LIMIT 100`)
    .all() as Record<string, unknown>[];
  for (const r of stray) add(check, `${r.cnt} ${what} numbered ${r.prefix}${r.day}… come from no series`, r);
}
