// The money journal as it is read: the columns of the paper cash book (日期, 凭证号, 摘要, 对方科目,
// 收入, 支出, 余额), balances at a date, the day's money. A red row shows as a negative amount in its
// original's column. The writers are in ledger/journal.ts.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { likeEscape } from '../../store/search';
import type { JournalRow, MoneyAccount } from '../../../shared/contract';
import type { JournalDbRow } from '../../ledger/journal';

export interface JournalJoined extends JournalDbRow {
  user_name: string;
  slip_no: string | null;
  customer_name: string | null;
  expense_no: string | null;
  reversed_by_id: number | null;
  advance_label: string | null;
}

/** 对方科目 of an advance's row (借支): its number and the person. */
const ADVANCE_LABEL = `CASE WHEN j.advance_id IS NOT NULL THEN
    (SELECT a.no || ' ' || pu.name FROM advances a JOIN users pu ON pu.id = a.person_id WHERE a.id = j.advance_id) END AS advance_label`;

/** Select list and joins shared by every journal read. */
export const JOURNAL_SELECT = `SELECT j.*, u.name AS user_name, s.no AS slip_no, c.name AS customer_name, x.no AS expense_no,
    (SELECT r.id FROM money_journal r WHERE r.reverses_id = j.id) AS reversed_by_id, ${ADVANCE_LABEL}
  FROM money_journal j
  JOIN users u ON u.id = j.user_id
  LEFT JOIN slips s ON s.id = j.slip_id
  LEFT JOIN customers c ON c.id = j.customer_id
  LEFT JOIN expense_claims x ON x.id = j.expense_id`;

const COMPANY = '营销中心(公司)';
const SUSPENSE_ZH = '待处理财产损溢';

export function journalView(r: JournalJoined, balanceFen: number): JournalRow {
  const contra = (() => {
    switch (r.contra_kind) {
      case 'slip':
        return { kind: r.contra_kind, id: r.slip_id, label: [r.slip_no, r.customer_name].filter(Boolean).join(' ') };
      case 'customer':
        return { kind: r.contra_kind, id: r.customer_id, label: r.customer_name ?? '' };
      case 'expense':
        return { kind: r.contra_kind, id: r.expense_id, label: r.expense_no ?? '' };
      case 'remittance':
      case 'topup':
        return { kind: r.contra_kind, id: null, label: COMPANY };
      case 'day_close':
        return { kind: r.contra_kind, id: null, label: `日结 ${r.business_date}` };
      case 'opening':
        return { kind: r.contra_kind, id: null, label: '期初建账' };
      case 'suspense':
        return { kind: r.contra_kind, id: null, label: SUSPENSE_ZH };
      case 'advance':
        return { kind: r.contra_kind, id: r.advance_id, label: r.advance_label ?? '' };
    }
  })();
  return {
    id: r.id,
    account: r.account,
    voucherNo: r.voucher_no,
    date: r.business_date,
    postedAt: r.posted_at,
    summary: r.summary,
    cause: r.cause,
    contra,
    receiptFen: r.direction === 'in' ? r.amount_fen : null,
    paymentFen: r.direction === 'out' ? r.amount_fen : null,
    balanceFen,
    slipId: r.slip_id,
    slipNo: r.slip_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    expenseId: r.expense_id,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    user: { id: r.user_id, name: r.user_name },
    memo: r.memo,
  };
}

/** Balance of an account after a row, in date order (what the journal shows). */
export function dateOrderBalance(db: ReadableDB, account: MoneyAccount, date: string, id: number): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) FROM money_journal
     WHERE account = ? AND (business_date < ? OR (business_date = ? AND id <= ?))`,
  )
    .pluck()
    .get(account, date, date, id) as number;
}

/** Balance of an account at the end of a day (or before any day when date is null → 0). */
export function balanceAtEndOf(db: ReadableDB, account: MoneyAccount, date: string): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) FROM money_journal WHERE account = ? AND business_date <= ?`,
  )
    .pluck()
    .get(account, date) as number;
}

export function balanceBefore(db: ReadableDB, account: MoneyAccount, date: string): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) FROM money_journal WHERE account = ? AND business_date < ?`,
  )
    .pluck()
    .get(account, date) as number;
}

export function journalViewById(db: ReadableDB, id: number): JournalRow {
  const r = sql(db, `${JOURNAL_SELECT} WHERE j.id = ?`).get(id) as JournalJoined;
  return journalView(r, dateOrderBalance(db, r.account, r.business_date, r.id));
}

/** The day's money on an account without the close's own 长款/短款 entries (and their red reversals at a 反日结). */
export function dayMoneyBeforeClose(db: ReadableDB, account: MoneyAccount, date: string) {
  const r = sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE 0 END), 0) AS receipts,
       COALESCE(SUM(CASE direction WHEN 'out' THEN amount_fen ELSE 0 END), 0) AS payments
     FROM money_journal WHERE account = ? AND business_date = ? AND cause NOT IN ('overage', 'shortage')`,
  ).get(account, date) as { receipts: number; payments: number };
  return { receiptsFen: r.receipts, paymentsFen: r.payments };
}

/** The last row of an account in posting order: the balance after it and its date. */
export function lastJournalRow(db: ReadableDB, account: MoneyAccount): { balance_after_fen: number; business_date: string } | undefined {
  return sql(db, 'SELECT balance_after_fen, business_date FROM money_journal WHERE account = ? ORDER BY id DESC LIMIT 1').get(account) as
    { balance_after_fen: number; business_date: string } | undefined;
}

/** The latest business date with a row on an account. */
export function lastJournalDate(db: ReadableDB, account: MoneyAccount): string | null {
  return (sql(db, 'SELECT MAX(business_date) FROM money_journal WHERE account = ?').pluck().get(account) as string | null) ?? null;
}

/** The journal rows of a slip, in posting order. */
export function journalRowsOfSlip(db: ReadableDB, slipId: number): JournalJoined[] {
  return sql(db, `${JOURNAL_SELECT} WHERE j.slip_id = ? ORDER BY j.id`).all(slipId) as JournalJoined[];
}

// ------------------------------------------------------------------ the journal as the screen pages it

export interface JournalQuery {
  account: MoneyAccount;
  from?: string;
  to?: string;
  query: string;
  cause?: string;
  contraKind?: string;
  limit: number;
  offset: number;
}

function journalWhere(q: JournalQuery, args: Record<string, unknown>): string {
  const where: string[] = [];
  if (q.cause) (where.push('j.cause = @cause'), (args.cause = q.cause));
  if (q.contraKind) (where.push('j.contra_kind = @contraKind'), (args.contraKind = q.contraKind));
  if (q.query) {
    where.push(
      `(j.voucher_no LIKE @q ESCAPE '\\' OR j.summary LIKE @q ESCAPE '\\' OR j.memo LIKE @q ESCAPE '\\' OR s.no LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR x.no LIKE @q ESCAPE '\\')`,
    );
    args.q = `%${likeEscape(q.query)}%`;
  }
  return where.length ? `AND ${where.join(' AND ')}` : '';
}

/** Net movement of an account over a date range. */
function netBetween(db: ReadableDB, account: MoneyAccount, from: string, to: string): number {
  return sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) FROM money_journal
     WHERE account = ? AND business_date >= ? AND business_date <= ?`,
  )
    .pluck()
    .get(account, from, to) as number;
}

/** A page of an account's journal in date order, with the running balance of the whole account. */
export function journal(db: ReadableDB, q: JournalQuery) {
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const openingFen = q.from ? balanceBefore(db, q.account, q.from) : 0;
  const args: Record<string, unknown> = { account: q.account, from, to, opening: openingFen };
  const w = journalWhere(q, args);
  const ranged = `WITH r AS (
      SELECT id, SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
      FROM money_journal WHERE account = @account AND business_date >= @from AND business_date <= @to)`;
  const base = `FROM r JOIN money_journal j ON j.id = r.id
      JOIN users u ON u.id = j.user_id
      LEFT JOIN slips s ON s.id = j.slip_id
      LEFT JOIN customers c ON c.id = j.customer_id
      LEFT JOIN expense_claims x ON x.id = j.expense_id
      WHERE 1 = 1 ${w}`;
  const agg = db
    .prepare(
      `${ranged} SELECT COUNT(*) AS total,
         COALESCE(SUM(CASE j.direction WHEN 'in' THEN j.amount_fen ELSE 0 END), 0) AS receipts,
         COALESCE(SUM(CASE j.direction WHEN 'out' THEN j.amount_fen ELSE 0 END), 0) AS payments ${base}`,
    )
    .get(args) as { total: number; receipts: number; payments: number };
  const rows = db
    .prepare(
      `${ranged} SELECT j.*, u.name AS user_name, s.no AS slip_no, c.name AS customer_name, x.no AS expense_no,
         (SELECT rr.id FROM money_journal rr WHERE rr.reverses_id = j.id) AS reversed_by_id, r.run + @opening AS bal, ${ADVANCE_LABEL}
       ${base} ORDER BY j.business_date, j.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: q.limit, offset: q.offset }) as (JournalJoined & { bal: number })[];
  return {
    account: q.account,
    from: q.from ?? null,
    to: q.to ?? null,
    openingFen,
    rows: rows.map((r) => journalView(r, r.bal)),
    total: agg.total,
    receiptsFen: agg.receipts,
    paymentsFen: agg.payments,
    closingFen: openingFen + netBetween(db, q.account, from, to),
  };
}
