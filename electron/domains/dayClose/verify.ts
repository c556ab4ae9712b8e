// verify, the closed days: a closed day's rows never change (the hash taken at its close in force
// still matches, each account still ends the day where the close counted it), and no row dated into
// a closed day was posted after its close. A reopened close (反日结) is history and is not checked.
// The suspense account (待处理财产损溢): its balance is the sum of the open 长款/短款.

import type { ReadableDB } from '../../store/db';
import { MONEY_ACCOUNTS } from '../../../shared/contract';
import { balanceAtEndOf } from '../cash/repo';
import type { Add } from '../system/verify';
import type { CloseRow } from './repo';
import { dayRowsHash } from './service';
import { suspenseBalance } from '../../ledger/suspense';
import { openItemsTotal } from './history';

const LOCKED_TABLES = ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves', 'suspense_entries'];

export function verifyDayCloses(db: ReadableDB, add: Add): { dayCloses: number } {
  const closes = db.prepare('SELECT * FROM live_day_closes ORDER BY business_date').all() as CloseRow[];
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
      `SELECT COUNT(*) FROM ${t} x WHERE x.business_date <= (SELECT MAX(business_date) FROM live_day_closes)
         AND x.posted_at > (SELECT d.closed_at FROM live_day_closes d WHERE d.business_date >= x.business_date ORDER BY d.business_date LIMIT 1)`;
    for (const t of LOCKED_TABLES) {
      const n = db.prepare(lockedBy(t)).pluck().get() as number;
      if (n) add('dayclose.lock', `${n} rows of ${t} were posted into a day after it was closed`, { table: t });
    }
  }
  return { dayCloses: closes.length };
}

const count = (db: ReadableDB, q: string) => db.prepare(q).pluck().get() as number;

export function verifySuspense(db: ReadableDB, add: Add): void {
  const balance = suspenseBalance(db);
  const open = openItemsTotal(db);
  const sum = count(db, 'SELECT COALESCE(SUM(amount_fen), 0) FROM suspense_entries');
  if (balance !== open || sum !== open)
    add('suspense.balance', `suspense account: balance ${balance}, entries add up to ${sum}, open over/short ${open} (fen)`, { balance, sum, open });
  const wrongClear = count(db, 'SELECT COUNT(*) FROM suspense_entries c JOIN suspense_entries d ON d.id = c.item_id WHERE c.amount_fen <> -d.amount_fen');
  if (wrongClear) add('suspense.clear', `${wrongClear} suspense entries do not clear exactly their over/short`, { count: wrongClear });
  const wrongCash = count(
    db,
    `SELECT COUNT(*) FROM suspense_entries s JOIN money_journal j ON j.id = s.journal_id
     WHERE j.amount_fen <> ABS(s.amount_fen) OR j.contra_kind <> 'suspense' OR (CASE j.direction WHEN 'in' THEN 1 ELSE -1 END) * s.amount_fen < 0`,
  );
  if (wrongCash) add('suspense.cash', `${wrongCash} suspense entries disagree with their cash row`, { count: wrongCash });
  const orphan = count(
    db,
    `SELECT COUNT(*) FROM money_journal j WHERE j.contra_kind = 'suspense' AND j.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM suspense_entries s WHERE s.journal_id = j.id)`,
  );
  if (orphan) add('suspense.orphan', `${orphan} cash rows booked against the suspense account have no suspense entry`, { count: orphan });
}
