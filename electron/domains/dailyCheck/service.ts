// 每日对账: the keeper confirms the day's moved items against the shelf, once a business day. The
// books never change here: shortages open a draft write-off (报损单, cause 其他 with the day named)
// that the manager signs and the keeper posts like any; surpluses are recorded for the next count.

import type { DailyCheckRecord } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import type { ReadableDB } from '../../store/db';
import { createSlip, type SlipWriter } from '../slips/service';
import { checkOn, insertCheck, movedOn } from './repo';

export function dailyCheckDay(db: ReadableDB, date: string) {
  return { date, lines: movedOn(db, date), check: checkOn(db, date) };
}

type Counted = { itemId: number; countedQty: number };

/** The differences as recorded: each against an item that moved today, only where the count differs from the book. */
function differencesOf(w: SlipWriter, counted: Counted[]): DailyCheckRecord['differences'] {
  const lines = new Map(movedOn(w.db, w.businessDate).map((l) => [l.itemId, l]));
  const seen = new Set<number>();
  const out: DailyCheckRecord['differences'] = [];
  counted.forEach((c, i) => {
    const l = lines.get(c.itemId);
    if (!l) fail('daily_check_item', { field: `differences[${i}].itemId`, line: i + 1, date: w.businessDate });
    if (seen.has(c.itemId)) fail('daily_check_item', { field: `differences[${i}].itemId`, line: i + 1, date: w.businessDate });
    seen.add(c.itemId);
    if (c.countedQty !== l.bookQty) out.push({ itemId: l.itemId, code: l.code, name: l.name, bookQty: l.bookQty, countedQty: c.countedQty });
  });
  return out;
}

export function confirmDailyCheck(w: SlipWriter, counted: Counted[]): DailyCheckRecord {
  const done = checkOn(w.db, w.businessDate);
  if (done) fail('daily_check_done', { date: w.businessDate, user: done.by.name, at: done.at });
  const differences = differencesOf(w, counted);
  const short = differences.filter((d) => d.countedQty < d.bookQty);
  const writeoff = short.length
    ? createSlip(
        w,
        'writeoff',
        { memo: `每日对账 ${w.businessDate} 盘亏` },
        short.map((d) => ({ itemId: d.itemId, qty: d.bookQty - d.countedQty, cause: 'other', memo: `每日对账差异: 账存 ${d.bookQty}, 实存 ${d.countedQty}` })),
      )
    : null;
  insertCheck(w.db, {
    date: w.businessDate,
    userId: w.actor.id,
    at: w.nowIso,
    items: movedOn(w.db, w.businessDate).length,
    differences,
    writeoffSlipId: writeoff?.id ?? null,
  });
  return checkOn(w.db, w.businessDate)!;
}
