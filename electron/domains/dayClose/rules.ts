// The rules of dayClose.* beside the contract's `access`: which day may be closed (not one already
// closed, not a day still to come, and in order: once a day has been closed, a later day closes only
// when every day with postings between them is closed); when the close needs the manager's approval
// and a reason (cash counted differs from the books, a channel differs, a check fails); which close
// the manager may reopen (反日结) and which decisions fit a 长款/短款 in the suspense account. (That
// an over/short booked into an earlier day leaves later days' cash covered is the journal's own
// check, ledger/journal.ts.)
// Rules read; they never write.

import { DeskError, fail } from '../../../shared/errors';
import { DECISIONS_FOR, SUSPENSE_DECISION_ZH, type SuspenseDecision } from '../../../shared/contract';
import type { ReadableDB } from '../../store/db';
import { assertMonthOpen, lastClosedDay, monthLocked } from '../../ledger/daylock';
import { itemClosing, itemOfJournal, type SuspenseDbRow } from '../../ledger/suspense';
import { yuan } from './checks';
import { activityDays, closeRow, type CloseRow } from './repo';

/** Why the day cannot be closed now (empty when it can): the preview lists them, the close throws the first. */
export function blockersOf(db: ReadableDB, date: string, today: string): DeskError[] {
  const out: DeskError[] = [];
  if (monthLocked(db, date)) out.push(new DeskError('month_locked', { month: date.slice(0, 7), date }));
  const last = lastClosedDay(db);
  if (last != null && date <= last) out.push(new DeskError('day_already_closed', { date }));
  else {
    if (date > today) out.push(new DeskError('day_not_over', { date, today }));
    if (last != null) {
      const open = activityDays(db, last, date, 31);
      if (open.count) out.push(new DeskError('day_close_order', { date, openDays: open.days }));
    }
  }
  return out;
}

export function requireClosable(db: ReadableDB, date: string, today: string): void {
  const blockers = blockersOf(db, date, today);
  if (blockers.length) throw blockers[0];
}

export interface Disagreement {
  /** cash counted − cash in the books */
  cashDiffFen: number;
  countedFen: number;
  expectedCashFen: number;
  channels: { account: string; expectedFen: number; confirmedFen: number; differenceFen: number }[];
  failedChecks: string[];
}

/** What does not agree at the close, in Chinese and English (empty when everything agrees). */
export function problemsOf(d: Disagreement): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  const diff = d.cashDiffFen;
  if (diff !== 0) {
    zh.push(`现金实点 ${yuan(d.countedFen)} 元, 账面 ${yuan(d.expectedCashFen)} 元, ${diff > 0 ? '长款' : '短款'} ${yuan(Math.abs(diff))} 元`);
    en.push(`cash counted ${yuan(d.countedFen)}, books ${yuan(d.expectedCashFen)}: ${diff > 0 ? 'over' : 'short'} by ${yuan(Math.abs(diff))}`);
  }
  for (const c of d.channels)
    if (c.differenceFen !== 0) {
      zh.push(`${c.account} 确认 ${yuan(c.confirmedFen)} 元, 账面 ${yuan(c.expectedFen)} 元`);
      en.push(`${c.account} confirmed ${yuan(c.confirmedFen)}, books ${yuan(c.expectedFen)}`);
    }
  if (d.failedChecks.length) {
    zh.push(`对账未通过: ${d.failedChecks.join('、')}`);
    en.push(`checks failing: ${d.failedChecks.join(', ')}`);
  }
  return { zh, en };
}

/** A close where anything disagrees needs the manager's approval (PIN) and a reason. */
export function requireApprovalForDisagreement(d: Disagreement, manager: { id: number } | null, reason: string): void {
  const problems = problemsOf(d);
  if (problems.zh.length) {
    if (!manager) fail('day_close_needs_manager', { problems_zh: problems.zh, problems_en: problems.en });
    if (!reason.trim()) fail('day_close_reason_required');
  }
}

// ------------------------------------------------------------------ 反日结

/**
 * The close the manager may reopen: the day's close in force, and only the latest one (a later
 * closed day is reopened first), never one whose 长款/短款 the manager has already decided.
 * The month lock: once months are locked (the month-end close), a day in a locked month is never
 * reopened. No month lock exists yet; when it does, its check belongs here, after the latest-day check.
 */
export function requireReopenable(db: ReadableDB, date: string, reason: string): CloseRow {
  if (!reason.trim()) fail('day_reopen_reason_required');
  assertMonthOpen(db, date);
  const close = closeRow(db, date);
  if (!close) fail('day_not_closed', { date });
  const last = lastClosedDay(db)!;
  if (date !== last) fail('day_reopen_not_latest', { date, lastClosed: last });
  const item = close.adjustment_journal_id == null ? undefined : itemOfJournal(db, close.adjustment_journal_id);
  const cleared = item && itemClosing(db, item.id);
  if (cleared?.decision) fail('day_reopen_difference_decided', { date, decision_zh: SUSPENSE_DECISION_ZH[cleared.decision] });
  return close;
}

// ------------------------------------------------------------------ the suspense account

const SIDE_ZH = { over: '长款', short: '短款' } as const;

/** A decision on an open 长款/短款 that fits its side, with a memo. */
export function requireDecidable(db: ReadableDB, id: number, item: SuspenseDbRow | undefined, decision: SuspenseDecision, memo: string): SuspenseDbRow {
  if (!item || item.kind !== 'difference') fail('not_found', { what: 'over/short', what_zh: '长短款', key: id });
  if (itemClosing(db, item.id)) fail('difference_already_cleared', { date: item.business_date });
  const side = item.amount_fen > 0 ? 'over' : 'short';
  if (!DECISIONS_FOR[side].includes(decision))
    fail('difference_decision_mismatch', { side, side_zh: SIDE_ZH[side], decision, decision_zh: SUSPENSE_DECISION_ZH[decision] });
  if (!memo.trim()) fail('difference_memo_required');
  return item;
}
