// verify, the closed days: a closed day's rows never change (the hash taken at the close still
// matches, each account still ends the day where the close counted it), and no row dated into a
// closed day was posted after its close.

import type { ReadableDB } from '../../store/db';
import { MONEY_ACCOUNTS } from '../../../shared/contract';
import { balanceAtEndOf } from '../cash/repo';
import type { Add } from '../system/verify';
import type { CloseRow } from './repo';
import { dayRowsHash } from './service';

const LOCKED_TABLES = ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves'];

export function verifyDayCloses(db: ReadableDB, add: Add): { dayCloses: number } {
  const closes = db.prepare('SELECT * FROM day_closes ORDER BY business_date').all() as CloseRow[];
  for (const c of closes) {
    if (dayRowsHash(db, c.business_date) !== c.rows_hash)
      add('dayclose.hash', `${c.business_date}: the day's rows changed after its close`, { date: c.business_date });
    const closing = JSON.parse(c.closing_json) as Record<string, number>;
    for (const a of MONEY_ACCOUNTS) {
      const now = balanceAtEndOf(db, a, c.business_date);
      if (now !== closing[a])
        add('dayclose.closing', `${c.business_date}: ${a} closed at ${closing[a]}, the journal now ends the day at ${now} (fen)`, {
          date: c.business_date,
          account: a,
        });
    }
  }
  if (closes.length) {
    const lockedBy = (t: string) =>
      `SELECT COUNT(*) FROM ${t} x WHERE x.business_date <= (SELECT MAX(business_date) FROM day_closes)
         AND x.posted_at > (SELECT d.closed_at FROM day_closes d WHERE d.business_date >= x.business_date ORDER BY d.business_date LIMIT 1)`;
    for (const t of LOCKED_TABLES) {
      const n = db.prepare(lockedBy(t)).pluck().get() as number;
      if (n) add('dayclose.lock', `${n} rows of ${t} were posted into a day after it was closed`, { table: t });
    }
  }
  return { dayCloses: closes.length };
}
