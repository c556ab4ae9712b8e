// What the month still lacks before its pack is signed, and when the banner shows. Blockers refuse
// the signature; warnings are shown and signed over (docs/architecture.md, monthPack):
//   blockers — the month is not over (office calendar); a day of it with postings is not closed;
//              a count of it is not approved; no month-end count posted (once the office has stock);
//              an expense claim of it not approved;
//   warnings — an approved claim of it not yet paid; a refund owed by its end not yet paid.
// Every problem is listed at once, in both languages.

import type { MonthPackProblem, MonthPackProblemCode } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { dateTimeIn } from '../../../shared/time';
import { addDays, nextDay } from '../../ledger/dates';
import { lastClosedDay } from '../../ledger/daylock';
import type { ReadableDB } from '../../store/db';
import { daysOfMonth } from '../attendance/calendar';
import type { SessionUser } from '../context';
import { activityDays } from '../dayClose/repo';
import { officeInfo } from '../documents/service';
import { claimsIn, hadStock, monthEndCountPosted, openCounts, packRow, refundsWaiting, type Numbered } from './repo';

const WARNINGS: ReadonlySet<MonthPackProblemCode> = new Set(['expenses_unpaid', 'refunds_unpaid']);

export function monthSpan(month: string): { from: string; to: string } {
  const days = daysOfMonth(month);
  return { from: days[0], to: days[days.length - 1] };
}

const list = (refs: string[], count: number) => `${refs.join(', ')}${count > refs.length ? ' …' : ''}`;

function problem(code: MonthPackProblemCode, n: Numbered, zh: string, en: string): MonthPackProblem {
  return { code, blocker: !WARNINGS.has(code), count: n.count, refs: n.refs, message_zh: zh, message_en: en };
}

/** The days of the month with postings that no close of day covers. */
function openDays(db: ReadableDB, from: string, to: string): Numbered {
  const last = lastClosedDay(db);
  const after = last != null && last >= from ? last : addDays(from, -1);
  const open = activityDays(db, after, nextDay(to), 20);
  return { count: open.count, refs: open.days };
}

/** Every problem of the month, blockers first. */
export function monthProblems(db: ReadableDB, month: string, today: string): MonthPackProblem[] {
  const { from, to } = monthSpan(month);
  const out: MonthPackProblem[] = [];
  if (today <= to)
    out.push(problem('month_not_over', { count: 1, refs: [to] }, `本月尚未结束(${to} 之后才能签署)`, `the month is not over (it can be signed after ${to})`));
  const days = openDays(db, from, to);
  if (days.count)
    out.push(
      problem(
        'days_open',
        days,
        `未日结的营业日 ${days.count} 天: ${list(days.refs, days.count)}`,
        `${days.count} business day(s) not closed: ${list(days.refs, days.count)}`,
      ),
    );
  const counts = openCounts(db, from, to);
  if (counts.count)
    out.push(
      problem(
        'counts_open',
        counts,
        `未审批的盘点 ${counts.count} 张: ${list(counts.refs, counts.count)}`,
        `${counts.count} count(s) not approved: ${list(counts.refs, counts.count)}`,
      ),
    );
  if (hadStock(db, to) && !monthEndCountPosted(db, from, to))
    out.push(problem('month_end_count_missing', { count: 1, refs: [] }, '没有已过账的月末盘点', 'no month-end count posted'));
  const claimed = claimsIn(db, 'claimed', from, to);
  if (claimed.count)
    out.push(
      problem(
        'expenses_unapproved',
        claimed,
        `未审批的费用报销 ${claimed.count} 张: ${list(claimed.refs, claimed.count)}`,
        `${claimed.count} expense claim(s) not approved: ${list(claimed.refs, claimed.count)}`,
      ),
    );
  const unpaid = claimsIn(db, 'approved', from, to);
  if (unpaid.count)
    out.push(
      problem(
        'expenses_unpaid',
        unpaid,
        `已审批未付款的费用报销 ${unpaid.count} 张: ${list(unpaid.refs, unpaid.count)}`,
        `${unpaid.count} approved expense claim(s) not paid: ${list(unpaid.refs, unpaid.count)}`,
      ),
    );
  const refunds = refundsWaiting(db, to);
  if (refunds.count)
    out.push(
      problem(
        'refunds_unpaid',
        refunds,
        `待付退款 ${refunds.count} 笔: ${list(refunds.refs, refunds.count)}`,
        `${refunds.count} refund(s) not paid: ${list(refunds.refs, refunds.count)}`,
      ),
    );
  return out;
}

/** Refuse the signature: signed already, or any blocker (all of them in one error). */
export function requireSignable(db: ReadableDB, month: string, today: string): void {
  const signed = packRow(db, month);
  if (signed) fail('month_pack_signed', { month, by: signed.signer_name, at: dateTimeIn(signed.signed_at, officeInfo(db).timezone) });
  const blockers = monthProblems(db, month, today).filter((p) => p.blocker);
  if (blockers.length) fail('month_pack_blocked', { month, problems: blockers });
}

/** The banner shows from this day of the month (office time) until the month's pack is signed. */
export const BANNER_FROM_DAY = 20;

const sees = (u: SessionUser) => u.roles.includes('finance') || u.roles.includes('manager');

const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

/** Whether the month had any posting (a month before the desk was used owes no pack). */
function hadActivity(db: ReadableDB, month: string): boolean {
  const { from, to } = monthSpan(month);
  return activityDays(db, addDays(from, -1), nextDay(to), 1).count > 0;
}

/** The month the banner is about: last month while its pack is unsigned, else this month from the 20th. */
export function bannerMonth(db: ReadableDB, user: SessionUser, today: string): string | null {
  if (!sees(user)) return null;
  const prev = previousMonth(today.slice(0, 7));
  if (!packRow(db, prev) && hadActivity(db, prev)) return prev;
  const month = today.slice(0, 7);
  if (Number(today.slice(8, 10)) >= BANNER_FROM_DAY && !packRow(db, month)) return month;
  return null;
}
