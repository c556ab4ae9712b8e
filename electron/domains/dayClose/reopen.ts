// 反日结: the manager reopens the latest closed day (PIN and a reason, rules.ts). In one write: the
// reopen row takes the close out of force (the close row stays in the history with who, when and
// why: its countersignatures no longer hold, so the day must be closed again), and the close's
// 长款/短款 is reversed (红字) in the cash journal and in the suspense account, dated into the
// reopened day, so closing again books it afresh. Postings that went to the next business day
// while the day was closed stay where they are.

import { journalRow, reverseJournal, type BookCtx } from '../../ledger/journal';
import { closeSuspenseItem, itemOfJournal } from '../../ledger/suspense';
import type { DayCloseRecord } from '../../../shared/contract';
import { insertReopen } from './history';
import type { CloseRow } from './repo';
import { requireReopenable } from './rules';
import { recordOf, type Signer } from './service';

export function reopenDay(b: BookCtx, q: { date: string; reason: string }, manager: Signer): DayCloseRecord {
  const close = requireReopenable(b.db, q.date, q.reason);
  const reason = q.reason.trim();
  insertReopen(b.db, { close_id: close.id, business_date: q.date, reopened_at: b.nowIso, reopened_by: manager.id, reason });
  reverseOverShort({ ...b, businessDate: q.date }, close, reason);
  return recordOf(b.db, close.id);
}

/** The close's over/short, red in the reopened day: the day's cash goes back to the books' figure. */
function reverseOverShort(b: BookCtx, close: CloseRow, reason: string): void {
  if (close.adjustment_journal_id == null) return;
  const diff = close.difference_fen;
  const original = journalRow(b.db, close.adjustment_journal_id);
  reverseJournal(b, original, `${close.business_date} 反日结, 冲销日结${diff > 0 ? '长款' : '短款'}: ${reason}`);
  const item = itemOfJournal(b.db, original.id);
  if (item) closeSuspenseItem(b, item, { kind: 'reopen' }, reason, close.business_date);
}
