// The suspense account (待处理财产损溢): a close's 长款/短款 waits here until the manager decides.
// Each difference opens an item (its cash row is the close's over/short voucher); the item is
// closed exactly once, by the manager's decision or by the reopen (反日结) of its close, with an
// entry of the opposite amount. Amounts are signed like the cash difference (over +, short −), so
// the account's balance is the sum of the open items. Append-only; every entry checks the day lock.

import type { ReadableDB, WritableDB } from '../store/db';
import { sql } from '../store/db';
import type { SuspenseDecision } from '../../shared/contract';
import { assertDayOpen } from './daylock';
import type { BookCtx } from './journal';

export interface SuspenseDbRow {
  id: number;
  item_id: number | null;
  kind: 'difference' | 'decision' | 'reopen';
  decision: SuspenseDecision | null;
  amount_fen: number;
  balance_after_fen: number;
  journal_id: number | null;
  business_date: string;
  posted_at: string;
  user_id: number;
  memo: string;
}

/** The account's balance now: Σ of the open items (over +, short −). */
export function suspenseBalance(db: ReadableDB): number {
  return (sql(db, 'SELECT balance_after_fen FROM suspense_entries ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined) ?? 0;
}

export function suspenseRow(db: ReadableDB, id: number): SuspenseDbRow | undefined {
  return sql(db, 'SELECT * FROM suspense_entries WHERE id = ?').get(id) as SuspenseDbRow | undefined;
}

/** The entry that closed an item (a decision or a reopen), if any. */
export function itemClosing(db: ReadableDB, itemId: number): SuspenseDbRow | undefined {
  return sql(db, 'SELECT * FROM suspense_entries WHERE item_id = ?').get(itemId) as SuspenseDbRow | undefined;
}

/** The item a close's over/short cash row opened (none for closes booked before the suspense account existed). */
export function itemOfJournal(db: ReadableDB, journalId: number): SuspenseDbRow | undefined {
  return sql(db, "SELECT * FROM suspense_entries WHERE journal_id = ? AND kind = 'difference'").get(journalId) as SuspenseDbRow | undefined;
}

interface EntryInput {
  itemId: number | null;
  kind: SuspenseDbRow['kind'];
  decision: SuspenseDecision | null;
  amountFen: number;
  journalId: number | null;
  businessDate: string;
  memo: string;
}

function insertEntry(b: BookCtx, e: EntryInput): SuspenseDbRow {
  const db: WritableDB = b.db;
  assertDayOpen(db, e.businessDate);
  if (!Number.isSafeInteger(e.amountFen) || e.amountFen === 0) throw new Error(`suspense amount must be a non-zero integer: ${e.amountFen}`);
  const info = sql(
    db,
    `INSERT INTO suspense_entries (item_id, kind, decision, amount_fen, balance_after_fen, journal_id, business_date, posted_at, user_id, memo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.itemId, e.kind, e.decision, e.amountFen, suspenseBalance(db) + e.amountFen, e.journalId, e.businessDate, b.nowIso, b.userId, e.memo);
  return suspenseRow(db, Number(info.lastInsertRowid))!;
}

/** A close's 长款 (+) or 短款 (−) into the suspense account, beside its cash row. */
export function openSuspenseItem(b: BookCtx, diffFen: number, journalId: number, businessDate: string, memo: string): SuspenseDbRow {
  return insertEntry(b, { itemId: null, kind: 'difference', decision: null, amountFen: diffFen, journalId, businessDate, memo });
}

/** Clear an open item: the manager's decision (with its cash row, if money moved) or the reopen of its close (红字). */
export function closeSuspenseItem(
  b: BookCtx,
  item: SuspenseDbRow,
  how: { kind: 'decision'; decision: SuspenseDecision; journalId: number | null } | { kind: 'reopen' },
  memo: string,
  businessDate: string = b.businessDate,
): SuspenseDbRow {
  if (item.kind !== 'difference') throw new Error(`suspense entry ${item.id} is not a difference`);
  if (itemClosing(b.db, item.id)) throw new Error(`suspense item ${item.id} is already cleared`);
  const decided = how.kind === 'decision' ? how : null;
  return insertEntry(b, {
    itemId: item.id,
    kind: how.kind,
    decision: decided?.decision ?? null,
    amountFen: -item.amount_fen,
    journalId: decided?.journalId ?? null,
    businessDate,
    memo,
  });
}
