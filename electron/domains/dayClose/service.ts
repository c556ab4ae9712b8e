// The close of day (日结, 日清日结): what the cash box should hold, what each channel should show,
// and the statistician's and finance's reconciliation (checks.ts). Closing counts the cash, books
// any over or short (长款/短款) into the day so the journal equals the count — against the suspense
// account (待处理财产损溢), where it waits for the manager's decision (differences.ts) — records both
// countersignatures, hashes the day's ledger rows, anchors the audit chain (ledger/anchors.ts) and
// locks the day and every day before it. The manager may reopen the latest closed day (reopen.ts);
// it is then closed again with a new close.
//
// Days are closed in order (rules.ts): once a day has been closed, a later day closes only when
// every day with postings between them is closed. The first close ever takes what came before it
// as its opening balances (an office that starts closing days after a while is not made to close
// each past day).

import { createHash } from 'node:crypto';
import type { ReadableDB } from '../../store/db';
import { MONEY_ACCOUNTS, NONCASH_ACCOUNTS, type DayClosePreview, type DayCloseRecord, type MoneyAccount } from '../../../shared/contract';
import { makeAnchor } from '../../ledger/anchors';
import { lastClosedDay } from '../../ledger/daylock';
import { appendJournal, type BookCtx } from '../../ledger/journal';
import { openSuspenseItem } from '../../ledger/suspense';
import { balanceAtEndOf, balanceBefore } from '../cash/repo';
import { cashCheck, returnsCheck, salesChecks, stockCheck } from './checks';
import {
  activityDays,
  causeTotalOn,
  closeRow,
  closeRowById,
  closeRows,
  countCloses,
  dayReceiptsPayments,
  dayRows,
  insertClose,
  moneyForUnpostedOn,
  userName,
  voucherNoOf,
  type CloseRow,
} from './repo';
import { reopenedDays, reopenOf } from './history';
import { pendingUpTo } from '../refunds/repo';
import { inTransitOn } from '../deliveryCash/repo';
import { checkOn } from '../dailyCheck/repo';
import { openAdvances } from '../advances/service';
import { blockersOf, requireApprovalForDisagreement, requireClosable, type Disagreement } from './rules';

export function dayStatus(db: ReadableDB, today: string) {
  const lastClosed = lastClosedDay(db);
  const open = activityDays(db, lastClosed, today, 366);
  return {
    today,
    todayClosed: lastClosed != null && lastClosed >= today,
    lastClosed,
    openDays: open.days,
    openDayCount: open.count,
    reopenedDays: reopenedDays(db),
  };
}

// ------------------------------------------------------------------ the preview

function dayMoney(db: ReadableDB, account: MoneyAccount, date: string) {
  const r = dayReceiptsPayments(db, account, date);
  const openingFen = balanceBefore(db, account, date);
  return { account, openingFen, receiptsFen: r.receipts, paymentsFen: r.payments, closingFen: openingFen + r.receipts - r.payments };
}

export function preview(db: ReadableDB, date: string, today: string): DayClosePreview {
  const last = lastClosedDay(db);
  const blockers = blockersOf(db, date, today);
  const cash = dayMoney(db, 'cash', date);
  const channels = NONCASH_ACCOUNTS.map((a) => {
    const m = dayMoney(db, a, date);
    return { ...m, expectedFen: m.receiptsFen - m.paymentsFen };
  });
  const { checks: salesPair, ...sales } = salesChecks(db, date);
  const returns = returnsCheck(db, date);
  const stock = stockCheck(db, date);
  const checks = [...salesPair, returns.check, stock.check, cashCheck(db, date, cash.openingFen)];
  const coll = causeTotalOn(db, 'collection', date);
  const exp = causeTotalOn(db, 'expense', date);
  return {
    date,
    closed: last != null && date <= last,
    canClose: blockers.length === 0,
    blockers: blockers.map((e) => ({ code: e.code, message_zh: e.message_zh, message_en: e.message_en })),
    cash: { ...cash, expectedFen: cash.closingFen },
    channels,
    sales: { ...sales, receivedForUnpostedFen: moneyForUnpostedOn(db, date) },
    returns: returns.returns,
    pendingRefunds: pendingRefundsUpTo(db, date),
    inTransit: inTransitOn(db, date),
    keeperCheck: checkOn(db, date),
    collections: { count: coll.n, amountFen: coll.amount },
    expenses: { count: exp.n, paidFen: -exp.amount },
    stock: stock.stock,
    checks,
    allPass: checks.every((c) => c.pass),
    advances: {
      paidFen: -causeTotalOn(db, 'advance', date).amount,
      returnedFen: causeTotalOn(db, 'advance_return', date).amount,
      open: openAdvances(db, date).slice(0, 1000),
    },
  };
}

/** 待付退款: refunds made by the day that finance has not paid — listed, never blocking the close. */
function pendingRefundsUpTo(db: ReadableDB, date: string) {
  const rows = pendingUpTo(db, date);
  return { count: rows.length, amountFen: rows.reduce((s, r) => s + r.amountFen, 0), rows: rows.slice(0, 1000) };
}

// ------------------------------------------------------------------ the day's fingerprint

/** SHA-256 over every ledger row dated on the day (and the slips posted that day with their lines). */
export function dayRowsHash(db: ReadableDB, date: string): string {
  const h = createHash('sha256');
  for (const [label, rows] of dayRows(db, date)) {
    h.update(`#${label}\n`);
    for (const r of rows) h.update(JSON.stringify(Object.values(r))).update('\n');
  }
  return h.digest('hex');
}

// ------------------------------------------------------------------ the close

export interface Signer {
  id: number;
  name: string;
}

export interface CloseInput {
  date: string;
  counts: Record<string, number>;
  channels: { wechat: number; alipay: number; bank: number };
  differenceReason: string;
}

export function countedCash(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((s, [denom, n]) => s + Number(denom) * n, 0);
}

/** The count and the confirmed channels against the preview's books and checks. */
function disagreementOf(p: DayClosePreview, q: CloseInput): Disagreement {
  const countedFen = countedCash(q.counts);
  const channels = NONCASH_ACCOUNTS.map((a) => {
    const expectedFen = p.channels.find((c) => c.account === a)!.expectedFen;
    return { account: a, expectedFen, confirmedFen: q.channels[a], differenceFen: q.channels[a] - expectedFen };
  });
  const failedChecks = p.checks.filter((c) => !c.pass).map((c) => c.code);
  return { cashDiffFen: countedFen - p.cash.expectedFen, countedFen, expectedCashFen: p.cash.expectedFen, channels, failedChecks };
}

/**
 * 长款/短款: booked into the day itself, so the day's cash journal ends at what was counted, against
 * the suspense account (待处理财产损溢), where it waits for the manager's decision (differences.ts).
 */
function bookOverShort(b: BookCtx, q: CloseInput, d: Disagreement): number | null {
  const diff = d.cashDiffFen;
  if (diff === 0) return null;
  const reason = q.differenceReason.trim();
  const j = appendJournal(b, {
    account: 'cash',
    direction: diff > 0 ? 'in' : 'out',
    amountFen: Math.abs(diff),
    cause: diff > 0 ? 'overage' : 'shortage',
    contraKind: 'suspense',
    summary: `${q.date} 日结${diff > 0 ? '长款' : '短款'}: ${reason}`,
    businessDate: q.date,
  });
  openSuspenseItem(b, diff, j.id, q.date, reason);
  return j.id;
}

/** Each account's balance at the end of the day; the cash journal must now end at the count. */
function closingBalances(db: ReadableDB, date: string, countedFen: number): Record<string, number> {
  const closing: Record<string, number> = {};
  for (const a of MONEY_ACCOUNTS) closing[a] = balanceAtEndOf(db, a, date);
  if (closing.cash !== countedFen) throw new Error(`close of ${date}: cash journal ends at ${closing.cash}, counted ${countedFen}`);
  return closing;
}

export function closeDay(
  b: BookCtx,
  q: CloseInput,
  signers: { closedBy: Signer; finance: Signer; statistician: Signer; manager: Signer | null },
  today: string,
  dbPath: string,
): DayCloseRecord {
  const { db } = b;
  requireClosable(db, q.date, today);
  const p = preview(db, q.date, today);
  const d = disagreementOf(p, q);
  requireApprovalForDisagreement(d, signers.manager, q.differenceReason);
  const adjustmentId = bookOverShort(b, q, d);
  const closing = closingBalances(db, q.date, d.countedFen);
  const id = insertClose(db, {
    business_date: q.date,
    closed_at: b.nowIso,
    closed_by: signers.closedBy.id,
    finance_id: signers.finance.id,
    statistician_id: signers.statistician.id,
    manager_id: signers.manager?.id ?? null,
    expected_cash_fen: p.cash.expectedFen,
    counted_cash_fen: d.countedFen,
    difference_fen: d.cashDiffFen,
    adjustment_journal_id: adjustmentId,
    counts_json: JSON.stringify(q.counts),
    channels_json: JSON.stringify(d.channels),
    reason: q.differenceReason.trim(),
    closing_json: JSON.stringify(closing),
    failed_checks_json: JSON.stringify(d.failedChecks),
    rows_hash: dayRowsHash(db, q.date),
  });
  // the audit chain's head, signed, in the books and beside the database (ledger/anchors.ts)
  makeAnchor(db, dbPath, { closeId: id, businessDate: q.date, closedAt: b.nowIso });
  return recordOf(db, id);
}

// ------------------------------------------------------------------ reading closes

function person(db: ReadableDB, id: number) {
  return { id, name: userName(db, id) };
}

function reopenView(db: ReadableDB, closeId: number): DayCloseRecord['reopened'] {
  const r = reopenOf(db, closeId);
  return r ? { at: r.reopened_at, by: { id: r.reopened_by, name: r.reopened_by_name }, reason: r.reason } : null;
}

function recordView(db: ReadableDB, r: CloseRow): DayCloseRecord {
  return {
    id: r.id,
    date: r.business_date,
    closedAt: r.closed_at,
    closedBy: person(db, r.closed_by),
    finance: person(db, r.finance_id),
    statistician: person(db, r.statistician_id),
    manager: r.manager_id == null ? null : person(db, r.manager_id),
    expectedCashFen: r.expected_cash_fen,
    countedCashFen: r.counted_cash_fen,
    differenceFen: r.difference_fen,
    result: r.difference_fen === 0 ? 'even' : r.difference_fen > 0 ? 'over' : 'short',
    adjustmentVoucherNo: r.adjustment_journal_id == null ? null : voucherNoOf(db, r.adjustment_journal_id),
    counts: JSON.parse(r.counts_json),
    channels: JSON.parse(r.channels_json),
    reason: r.reason,
    closing: JSON.parse(r.closing_json),
    failedChecks: JSON.parse(r.failed_checks_json),
    rowsHash: r.rows_hash,
    reopened: reopenView(db, r.id),
  };
}

export function recordOf(db: ReadableDB, closeId: number): DayCloseRecord {
  return recordView(db, closeRowById(db, closeId));
}

/** The day's close in force, if any. */
export function closeRecord(db: ReadableDB, date: string): DayCloseRecord | null {
  const r = closeRow(db, date);
  return r ? recordView(db, r) : null;
}

export function listCloses(db: ReadableDB, q: { from?: string; to?: string; limit: number; offset: number }) {
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const total = countCloses(db, from, to);
  const rows = closeRows(db, from, to, q.limit, q.offset);
  return { rows: rows.map((r) => recordView(db, r)), total };
}
