// The close of day (日结, 日清日结): what the cash box should hold, what each channel should show,
// and the statistician's and finance's reconciliation (sales detail = cash-channel receipts + new
// receivables; every dispatch signed by finance with its payment recorded; returns refunded or
// credited; stock value opening + in − out = closing). Closing counts the cash, books any over or
// short (长款/短款) into the day so the journal equals the count, records both countersignatures,
// hashes the day's ledger rows and locks the day and every day before it.
//
// Days are closed in order: once a day has been closed, a later day closes only when every day
// with postings between them is closed. The first close ever takes what came before it as its
// opening balances (an office that starts closing days after a while is not made to close each
// past day).

import { createHash } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { DeskError, fail } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { MONEY_ACCOUNTS, NONCASH_ACCOUNTS, type DayCheck, type DayClosePreview, type DayCloseRecord, type MoneyAccount } from '../../../shared/contract';
import { lastClosedDay } from '../../ledger/daylock';
import { firstMoveOnOrAfter } from '../../ledger/fifo';
import { nextDay } from '../../ledger/dates';
import { appendJournal, type BookCtx } from '../../ledger/journal';
import { balanceAtEndOf, balanceBefore } from '../cash/repo';

// ------------------------------------------------------------------ which days are open

const ACTIVITY_TABLES = ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves'] as const;

/** Days with ledger rows after `after` and before `before`, oldest first (one index seek per day and table). */
export function activityDays(db: ReadableDB, after: string | null, before: string, max = Number.MAX_SAFE_INTEGER): { days: string[]; count: number } {
  const days: string[] = [];
  let count = 0;
  let d = after ?? '';
  for (;;) {
    let next: string | null = null;
    for (const t of ACTIVITY_TABLES) {
      const x = sql(db, `SELECT MIN(business_date) FROM ${t} WHERE business_date > ?`).pluck().get(d) as string | null;
      if (x != null && (next == null || x < next)) next = x;
    }
    if (next == null || next >= before) break;
    count++;
    if (days.length < max) days.push(next);
    d = next;
  }
  return { days, count };
}

export function dayStatus(db: ReadableDB, today: string) {
  const lastClosed = lastClosedDay(db);
  const open = activityDays(db, lastClosed, today, 366);
  return { today, todayClosed: lastClosed != null && lastClosed >= today, lastClosed, openDays: open.days, openDayCount: open.count };
}

function blockersOf(db: ReadableDB, date: string, today: string): DeskError[] {
  const out: DeskError[] = [];
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

// ------------------------------------------------------------------ the preview

const signed = `CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END`;
/** what moved on a posted slip, at its prices: stored on each line at posting (migration 0005) */
const SHIPPED = `(SELECT COALESCE(SUM(l.shipped_amount_fen), 0) FROM slip_lines l WHERE l.slip_id = s.id)`;

interface SlipMoneyRow {
  id: number;
  no: string;
  shipped: number;
  received: number;
  receivable: number;
  nrows: number;
  signed: number;
  reversed_on: string | null;
}

function slipsOfDay(db: ReadableDB, kind: 'dispatch' | 'return', date: string): SlipMoneyRow[] {
  return sql(
    db,
    `SELECT s.id, s.no, ${SHIPPED} AS shipped,
       (SELECT COALESCE(SUM(CASE j.direction WHEN 'in' THEN j.amount_fen ELSE -j.amount_fen END), 0) FROM money_journal j WHERE j.slip_id = s.id AND j.business_date <= @d) AS received,
       (SELECT COALESCE(SUM(e.amount_fen), 0) FROM receivable_entries e WHERE e.slip_id = s.id AND e.business_date <= @d) AS receivable,
       (SELECT COUNT(*) FROM money_journal j WHERE j.slip_id = s.id AND j.business_date <= @d)
         + (SELECT COUNT(*) FROM receivable_entries e WHERE e.slip_id = s.id AND e.business_date <= @d) AS nrows,
       EXISTS (SELECT 1 FROM signatures g WHERE g.slip_id = s.id AND g.role = 'finance' AND g.dropped_at IS NULL) AS signed,
       (SELECT r.business_date FROM slips r WHERE r.kind = 'reversal' AND r.source_slip_id = s.id) AS reversed_on
     FROM slips s WHERE s.kind = @kind AND s.state = 'posted' AND s.business_date = @d ORDER BY s.id`,
  ).all({ d: date, kind }) as SlipMoneyRow[];
}

function dayMoney(db: ReadableDB, account: MoneyAccount, date: string) {
  const r = sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS receipts,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS payments
     FROM money_journal WHERE account = ? AND business_date = ?`,
  ).get(account, date) as { receipts: number; payments: number };
  const openingFen = balanceBefore(db, account, date);
  return { account, openingFen, receiptsFen: r.receipts, paymentsFen: r.payments, closingFen: openingFen + r.receipts - r.payments };
}

/** The stock value at the end of the day before `date` (or of `date` itself with `inclusive`). */
function stockValue(db: ReadableDB, date: string, inclusive: boolean): number {
  // Moves are in date order: the day maps to a boundary move id (see stock_moves_date).
  const boundary = firstMoveOnOrAfter(db, inclusive ? nextDay(date) : date);
  return sql(
    db,
    `SELECT COALESCE(SUM((SELECT m.balance_amount_fen FROM stock_moves m WHERE m.item_id = i.id AND m.id < ?
       ORDER BY m.id DESC LIMIT 1)), 0) FROM items i`,
  )
    .pluck()
    .get(boundary ?? Number.MAX_SAFE_INTEGER) as number;
}

const yuan = (fen: number) => formatFen(fen, { grouping: false });

export function preview(db: ReadableDB, date: string, today: string): DayClosePreview {
  const last = lastClosedDay(db);
  const blockers = blockersOf(db, date, today);
  const cash = dayMoney(db, 'cash', date);
  const channels = NONCASH_ACCOUNTS.map((a) => {
    const m = dayMoney(db, a, date);
    return { ...m, expectedFen: m.receiptsFen - m.paymentsFen };
  });
  const checks: DayCheck[] = [];

  // 1–2. sales detail (销售明细) against the money: cash-channel receipts + new receivables
  const dispatches = slipsOfDay(db, 'dispatch', date);
  let salesDetailFen = 0;
  let receivedFen = 0;
  let receivableFen = 0;
  const salesBad: DayCheck['slips'] = [];
  const signBad: DayCheck['slips'] = [];
  for (const s of dispatches) {
    const expected = s.reversed_on != null && s.reversed_on <= date ? 0 : s.shipped;
    const recorded = s.received + s.receivable;
    salesDetailFen += expected;
    receivedFen += s.received;
    receivableFen += s.receivable;
    if (expected !== recorded)
      salesBad.push({
        slipId: s.id,
        no: s.no,
        expectedFen: expected,
        recordedFen: recorded,
        problem_zh: `发货金额 ${yuan(expected)} 元, 已记收款/应收 ${yuan(recorded)} 元`,
        problem_en: `shipped ${yuan(expected)}, money recorded ${yuan(recorded)}`,
      });
    if (!s.signed || (s.nrows === 0 && s.shipped !== 0))
      signBad.push({
        slipId: s.id,
        no: s.no,
        expectedFen: s.shipped,
        recordedFen: recorded,
        problem_zh: !s.signed ? '缺财务主管签字' : '没有收款或应收记录',
        problem_en: !s.signed ? 'no finance signature' : 'no payment or receivable recorded',
      });
  }
  checks.push({
    code: 'sales_vs_money',
    title_zh: '销售明细 = 现金及各渠道收款 + 新增应收',
    title_en: 'Sales detail = cash and channel receipts + new receivables',
    pass: salesBad.length === 0 && salesDetailFen === receivedFen + receivableFen,
    figures: { salesDetailFen, cashChannelReceiptsFen: receivedFen, newReceivablesFen: receivableFen, differenceFen: salesDetailFen - receivedFen - receivableFen },
    slips: salesBad,
  });
  checks.push({
    code: 'dispatch_signed_paid',
    title_zh: '当日出库的发货单均有财务签字及收款/应收记录',
    title_en: 'Every dispatch posted today has the finance signature and a payment record',
    pass: signBad.length === 0,
    figures: { dispatches: dispatches.length, missing: signBad.length },
    slips: signBad,
  });

  // 3. returns and refunds
  const returns = slipsOfDay(db, 'return', date);
  let returnsFen = 0;
  let refundedFen = 0;
  let creditNotesFen = 0;
  const retBad: DayCheck['slips'] = [];
  for (const r of returns) {
    const expected = r.reversed_on != null && r.reversed_on <= date ? 0 : r.shipped;
    const recorded = -(r.received + r.receivable);
    returnsFen += expected;
    refundedFen += -r.received;
    creditNotesFen += -r.receivable;
    if (expected !== recorded)
      retBad.push({
        slipId: r.id,
        no: r.no,
        expectedFen: expected,
        recordedFen: recorded,
        problem_zh: `退货金额 ${yuan(expected)} 元, 已退款/冲减应收 ${yuan(recorded)} 元`,
        problem_en: `returned ${yuan(expected)}, refunded or credited ${yuan(recorded)}`,
      });
  }
  checks.push({
    code: 'returns_refunds',
    title_zh: '退货金额 = 退款 + 冲减应收',
    title_en: 'Returns = refunds + credit notes',
    pass: retBad.length === 0,
    figures: { returns: returns.length, returnsFen, refundedFen, creditNotesFen },
    slips: retBad,
  });

  // 4. stock value: opening + in − out = closing; cost of goods sold of the day's dispatches
  const mv = sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS inF,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS outF
     FROM stock_moves WHERE business_date = ?`,
  ).get(date) as { inF: number; outF: number };
  const cogsFen = sql(
    db,
    `SELECT COALESCE(SUM(m.amount_fen), 0) FROM stock_moves m JOIN slips s ON s.id = m.slip_id
     WHERE m.business_date = ? AND m.direction = 'out' AND s.kind = 'dispatch'`,
  )
    .pluck()
    .get(date) as number;
  const stock = { openingFen: stockValue(db, date, false), inFen: mv.inF, outFen: mv.outF, closingFen: stockValue(db, date, true), cogsFen };
  checks.push({
    code: 'stock_value',
    title_zh: '库存金额: 期初 + 入库 − 出库 = 期末',
    title_en: 'Stock value: opening + in − out = closing',
    pass: stock.openingFen + stock.inFen - stock.outFen === stock.closingFen,
    figures: { ...stock },
    slips: [],
  });

  // 5. the cash box never went below zero during the day (date order)
  const minCash = sql(
    db,
    `SELECT MIN(run) FROM (SELECT SUM(${signed}) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
       FROM money_journal WHERE account = 'cash' AND business_date = ?)`,
  )
    .pluck()
    .get(date) as number | null;
  checks.push({
    code: 'cash_not_negative',
    title_zh: '库存现金余额始终不为负',
    title_en: 'Cash on hand never below zero',
    pass: minCash == null || cash.openingFen + minCash >= 0,
    figures: { lowestFen: minCash == null ? cash.openingFen : cash.openingFen + minCash },
    slips: [],
  });

  const unposted = sql(
    db,
    `SELECT COALESCE((SELECT SUM(CASE j.direction WHEN 'in' THEN j.amount_fen ELSE -j.amount_fen END) FROM money_journal j JOIN slips s ON s.id = j.slip_id
         WHERE j.business_date = @d AND s.kind = 'dispatch' AND s.state <> 'posted'), 0)
       + COALESCE((SELECT SUM(e.amount_fen) FROM receivable_entries e JOIN slips s ON s.id = e.slip_id
         WHERE e.business_date = @d AND s.kind = 'dispatch' AND s.state <> 'posted'), 0)`,
  )
    .pluck()
    .get({ d: date }) as number;
  const coll = sql(db, `SELECT COUNT(*) AS n, COALESCE(SUM(${signed}), 0) AS amount FROM money_journal WHERE cause = 'collection' AND business_date = ?`).get(date) as {
    n: number;
    amount: number;
  };
  const exp = sql(db, `SELECT COUNT(*) AS n, COALESCE(SUM(${signed}), 0) AS amount FROM money_journal WHERE cause = 'expense' AND business_date = ?`).get(date) as {
    n: number;
    amount: number;
  };

  return {
    date,
    closed: last != null && date <= last,
    canClose: blockers.length === 0,
    blockers: blockers.map((e) => ({ code: e.code, message_zh: e.message_zh, message_en: e.message_en })),
    cash: { ...cash, expectedFen: cash.closingFen },
    channels,
    sales: {
      dispatchCount: dispatches.length,
      salesDetailFen,
      cashChannelReceiptsFen: receivedFen,
      newReceivablesFen: receivableFen,
      receivedForUnpostedFen: unposted,
    },
    returns: { count: returns.length, amountFen: returnsFen, refundedFen, creditNotesFen },
    collections: { count: coll.n, amountFen: coll.amount },
    expenses: { count: exp.n, paidFen: -exp.amount },
    stock,
    checks,
    allPass: checks.every((c) => c.pass),
  };
}

// ------------------------------------------------------------------ the day's fingerprint

/** SHA-256 over every ledger row dated on the day (and the slips posted that day with their lines). */
export function dayRowsHash(db: ReadableDB, date: string): string {
  const h = createHash('sha256');
  const feed = (label: string, rows: Iterable<Record<string, unknown>>) => {
    h.update(`#${label}\n`);
    for (const r of rows) h.update(JSON.stringify(Object.values(r))).update('\n');
  };
  for (const t of ['money_journal', 'receivable_entries', 'receivable_allocations', 'stock_moves'] as const)
    feed(t, sql(db, `SELECT * FROM ${t} WHERE business_date = ? ORDER BY id`).iterate(date) as Iterable<Record<string, unknown>>);
  feed(
    'slips',
    sql(
      db,
      `SELECT id, no, kind, state, business_date, supplier_id, customer_id, payment_mode, source_slip_id, posted_by, posted_at, post_seq
       FROM slips WHERE business_date = ? AND state = 'posted' ORDER BY id`,
    ).iterate(date) as Iterable<Record<string, unknown>>,
  );
  feed(
    'slip_lines',
    sql(
      db,
      `SELECT l.id, l.slip_id, l.item_id, l.qty, l.unit_cost_fen, l.price_fen, l.amount_fen, l.source_line_id, l.shipped_qty
       FROM slip_lines l JOIN slips s ON s.id = l.slip_id WHERE s.business_date = ? AND s.state = 'posted' ORDER BY l.id`,
    ).iterate(date) as Iterable<Record<string, unknown>>,
  );
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

export function closeDay(
  b: BookCtx,
  q: CloseInput,
  signers: { closedBy: Signer; finance: Signer; statistician: Signer; manager: Signer | null },
  today: string,
): DayCloseRecord {
  const { db } = b;
  const blockers = blockersOf(db, q.date, today);
  if (blockers.length) throw blockers[0];
  const p = preview(db, q.date, today);
  const counted = countedCash(q.counts);
  const diff = counted - p.cash.expectedFen;
  const channelRows = NONCASH_ACCOUNTS.map((a) => {
    const expectedFen = p.channels.find((c) => c.account === a)!.expectedFen;
    return { account: a, expectedFen, confirmedFen: q.channels[a], differenceFen: q.channels[a] - expectedFen };
  });
  const failedChecks = p.checks.filter((c) => !c.pass).map((c) => c.code);
  const problemsZh: string[] = [];
  const problemsEn: string[] = [];
  if (diff !== 0) {
    problemsZh.push(`现金实点 ${yuan(counted)} 元, 账面 ${yuan(p.cash.expectedFen)} 元, ${diff > 0 ? '长款' : '短款'} ${yuan(Math.abs(diff))} 元`);
    problemsEn.push(`cash counted ${yuan(counted)}, books ${yuan(p.cash.expectedFen)}: ${diff > 0 ? 'over' : 'short'} by ${yuan(Math.abs(diff))}`);
  }
  for (const c of channelRows)
    if (c.differenceFen !== 0) {
      problemsZh.push(`${c.account} 确认 ${yuan(c.confirmedFen)} 元, 账面 ${yuan(c.expectedFen)} 元`);
      problemsEn.push(`${c.account} confirmed ${yuan(c.confirmedFen)}, books ${yuan(c.expectedFen)}`);
    }
  if (failedChecks.length) {
    problemsZh.push(`对账未通过: ${failedChecks.join('、')}`);
    problemsEn.push(`checks failing: ${failedChecks.join(', ')}`);
  }
  if (problemsZh.length) {
    if (!signers.manager) fail('day_close_needs_manager', { problems_zh: problemsZh, problems_en: problemsEn });
    if (!q.differenceReason.trim()) fail('day_close_reason_required');
  }

  // 长款/短款: booked into the day itself, so the day's cash journal ends at what was counted
  let adjustmentId: number | null = null;
  if (diff !== 0) {
    const j = appendJournal(b, {
      account: 'cash',
      direction: diff > 0 ? 'in' : 'out',
      amountFen: Math.abs(diff),
      cause: diff > 0 ? 'overage' : 'shortage',
      contraKind: 'day_close',
      summary: `${q.date} 日结${diff > 0 ? '长款' : '短款'}: ${q.differenceReason.trim()}`,
      businessDate: q.date,
    });
    adjustmentId = j.id;
    // Rows already posted on later days (the day closed late) must not leave the cash box negative.
    const later = sql(
      db,
      `SELECT MIN(run) FROM (SELECT SUM(${signed}) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
         FROM money_journal WHERE account = 'cash' AND business_date > ?)`,
    )
      .pluck()
      .get(q.date) as number | null;
    if (later != null && counted + later < 0)
      fail('cash_insufficient', { account: 'cash on hand', account_zh: '库存现金', balanceFen: counted + later - diff, neededFen: Math.abs(diff) });
  }
  const closing: Record<string, number> = {};
  for (const a of MONEY_ACCOUNTS) closing[a] = balanceAtEndOf(db, a, q.date);
  if (closing.cash !== counted) throw new Error(`close of ${q.date}: cash journal ends at ${closing.cash}, counted ${counted}`);
  sql(
    db,
    `INSERT INTO day_closes (business_date, closed_at, closed_by, finance_id, statistician_id, manager_id, expected_cash_fen, counted_cash_fen,
       difference_fen, adjustment_journal_id, counts_json, channels_json, reason, closing_json, failed_checks_json, rows_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    q.date,
    b.nowIso,
    signers.closedBy.id,
    signers.finance.id,
    signers.statistician.id,
    signers.manager?.id ?? null,
    p.cash.expectedFen,
    counted,
    diff,
    adjustmentId,
    JSON.stringify(q.counts),
    JSON.stringify(channelRows),
    q.differenceReason.trim(),
    JSON.stringify(closing),
    JSON.stringify(failedChecks),
    dayRowsHash(db, q.date),
  );
  return closeRecord(db, q.date)!;
}

// ------------------------------------------------------------------ reading closes

interface CloseRow {
  business_date: string;
  closed_at: string;
  closed_by: number;
  finance_id: number;
  statistician_id: number;
  manager_id: number | null;
  expected_cash_fen: number;
  counted_cash_fen: number;
  difference_fen: number;
  adjustment_journal_id: number | null;
  counts_json: string;
  channels_json: string;
  reason: string;
  closing_json: string;
  failed_checks_json: string;
  rows_hash: string;
}

function person(db: ReadableDB, id: number) {
  return { id, name: sql(db, 'SELECT name FROM users WHERE id = ?').pluck().get(id) as string };
}

function recordView(db: ReadableDB, r: CloseRow): DayCloseRecord {
  return {
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
    adjustmentVoucherNo:
      r.adjustment_journal_id == null ? null : (sql(db, 'SELECT voucher_no FROM money_journal WHERE id = ?').pluck().get(r.adjustment_journal_id) as string),
    counts: JSON.parse(r.counts_json),
    channels: JSON.parse(r.channels_json),
    reason: r.reason,
    closing: JSON.parse(r.closing_json),
    failedChecks: JSON.parse(r.failed_checks_json),
    rowsHash: r.rows_hash,
  };
}

export function closeRecord(db: ReadableDB, date: string): DayCloseRecord | null {
  const r = sql(db, 'SELECT * FROM day_closes WHERE business_date = ?').get(date) as CloseRow | undefined;
  return r ? recordView(db, r) : null;
}

export function listCloses(db: ReadableDB, q: { from?: string; to?: string; limit: number; offset: number }) {
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const total = sql(db, 'SELECT COUNT(*) FROM day_closes WHERE business_date >= ? AND business_date <= ?').pluck().get(from, to) as number;
  const rows = sql(db, 'SELECT * FROM day_closes WHERE business_date >= ? AND business_date <= ? ORDER BY business_date DESC LIMIT ? OFFSET ?').all(
    from,
    to,
    q.limit,
    q.offset,
  ) as CloseRow[];
  return { rows: rows.map((r) => recordView(db, r)), total };
}

export type { CloseRow };
