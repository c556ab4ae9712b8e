// The money journal's reads (现金日记账 and each channel's) and the finance desk's own money
// movements: remittance of takings to the company (交回公司货款), petty-cash top-ups (备用金拨入),
// and the red reversal of those and of collections.

import type { ReadableDB, WritableDB } from '../../store/db';
import { sql } from '../../store/db';
import { fail } from '../../../shared/errors';
import { MONEY_ACCOUNT_ZH, MONEY_ACCOUNTS, type JournalRow, type MoneyAccount } from '../../../shared/contract';
import { likeEscape } from '../../store/search';
import { appendJournal, entryRow, isJournalReversed, journalRow, reverseEntry, reverseJournal, type BookCtx, type EntryDbRow } from '../../ledger/journal';
import { balanceBefore, JOURNAL_SELECT, journalView, journalViewById, type JournalJoined } from './repo';
import { ENTRY_SELECT, entryView, type EntryJoined } from '../receivables/repo';

export function accounts(db: ReadableDB) {
  return MONEY_ACCOUNTS.map((account) => {
    const last = sql(db, 'SELECT balance_after_fen, business_date FROM money_journal WHERE account = ? ORDER BY id DESC LIMIT 1').get(account) as
      | { balance_after_fen: number; business_date: string }
      | undefined;
    return {
      account,
      name: MONEY_ACCOUNT_ZH[account],
      kind: account === 'cash' ? ('cash' as const) : ('noncash' as const),
      balanceFen: last?.balance_after_fen ?? 0,
      lastDate: (sql(db, 'SELECT MAX(business_date) FROM money_journal WHERE account = ?').pluck().get(account) as string | null) ?? null,
    };
  });
}

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

/** A page of an account's journal in date order, with the running balance of the whole account. */
export function journal(db: ReadableDB, q: JournalQuery) {
  const from = q.from ?? '0000-00-00';
  const to = q.to ?? '9999-99-99';
  const openingFen = q.from ? balanceBefore(db, q.account, q.from) : 0;
  const where: string[] = [];
  const args: Record<string, unknown> = { account: q.account, from, to, opening: openingFen };
  if (q.cause) (where.push('j.cause = @cause'), (args.cause = q.cause));
  if (q.contraKind) (where.push('j.contra_kind = @contraKind'), (args.contraKind = q.contraKind));
  if (q.query) {
    where.push(
      `(j.voucher_no LIKE @q ESCAPE '\\' OR j.summary LIKE @q ESCAPE '\\' OR j.memo LIKE @q ESCAPE '\\' OR s.no LIKE @q ESCAPE '\\' OR c.name LIKE @q ESCAPE '\\' OR x.no LIKE @q ESCAPE '\\')`,
    );
    args.q = `%${likeEscape(q.query)}%`;
  }
  const w = where.length ? `AND ${where.join(' AND ')}` : '';
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
         (SELECT rr.id FROM money_journal rr WHERE rr.reverses_id = j.id) AS reversed_by_id, r.run + @opening AS bal
       ${base} ORDER BY j.business_date, j.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: q.limit, offset: q.offset }) as (JournalJoined & { bal: number })[];
  const net = sql(
    db,
    `SELECT COALESCE(SUM(CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END), 0) FROM money_journal
     WHERE account = ? AND business_date >= ? AND business_date <= ?`,
  )
    .pluck()
    .get(q.account, from, to) as number;
  return {
    account: q.account,
    from: q.from ?? null,
    to: q.to ?? null,
    openingFen,
    rows: rows.map((r) => journalView(r, r.bal)),
    total: agg.total,
    receiptsFen: agg.receipts,
    paymentsFen: agg.payments,
    closingFen: openingFen + net,
  };
}

export function moneyOfSlip(db: ReadableDB, slipId: number) {
  const j = (sql(db, `${JOURNAL_SELECT} WHERE j.slip_id = ? ORDER BY j.id`).all(slipId) as JournalJoined[]).map((r) => journalViewById(db, r.id));
  const e = (sql(db, `${ENTRY_SELECT} WHERE e.slip_id = ? ORDER BY e.id`).all(slipId) as EntryJoined[]).map(entryView);
  const netReceivedFen = j.reduce((s, r) => s + (r.receiptFen ?? 0) - (r.paymentFen ?? 0), 0);
  const netReceivableFen = e.reduce((s, r) => s + (r.debitFen ?? 0) - (r.creditFen ?? 0), 0);
  return { journal: j, receivables: e, netReceivedFen, netReceivableFen };
}

export function remit(b: BookCtx, account: MoneyAccount, amountFen: number, memo: string): JournalRow {
  const row = appendJournal(b, {
    account,
    direction: 'out',
    amountFen,
    cause: 'remittance',
    contraKind: 'remittance',
    summary: `交回公司货款(${MONEY_ACCOUNT_ZH[account]})`,
    memo,
  });
  return journalViewById(b.db, row.id);
}

export function topUp(b: BookCtx, account: MoneyAccount, amountFen: number, memo: string): JournalRow {
  const row = appendJournal(b, {
    account,
    direction: 'in',
    amountFen,
    cause: 'topup',
    contraKind: 'topup',
    summary: `公司拨入备用金(${MONEY_ACCOUNT_ZH[account]})`,
    memo,
  });
  return journalViewById(b.db, row.id);
}

/** 红字 of a remittance, a top-up or a collection (with its receivable entry and allocations). */
export function reverseVoucher(b: BookCtx, entryId: number, reason: string): { original: JournalRow; reversal: JournalRow } {
  const { db } = b;
  const row = (sql(db, 'SELECT * FROM money_journal WHERE id = ?').get(entryId) as ReturnType<typeof journalRow> | undefined) ??
    fail('not_found', { what: 'journal entry', what_zh: '凭证', key: entryId });
  if (row.reverses_id !== null)
    fail('entry_not_reversible', { voucherNo: row.voucher_no, reason_zh: '这是一张红字凭证', reason_en: 'it is itself a red reversal' });
  if (isJournalReversed(db, row.id)) fail('entry_already_reversed', { voucherNo: row.voucher_no });
  if (!['remittance', 'topup', 'collection'].includes(row.cause)) {
    const how =
      row.contra_kind === 'slip'
        ? { zh: '单据的收付款随单据作废或红字冲销', en: 'money of a slip is reversed by voiding or reversing the slip' }
        : row.contra_kind === 'expense'
          ? { zh: '报销付款请作废报销单', en: 'void the expense claim instead' }
          : { zh: '日结长短款不能冲销', en: 'a close-of-day over/short cannot be reversed' };
    fail('entry_not_reversible', { voucherNo: row.voucher_no, reason_zh: how.zh, reason_en: how.en });
  }
  if (row.cause === 'collection') {
    const entry = sql(db, 'SELECT * FROM receivable_entries WHERE journal_id = ? AND reverses_id IS NULL').get(row.id) as EntryDbRow | undefined;
    if (entry) reverseEntry(b, entryRow(db, entry.id), `冲销 ${entry.summary}: ${reason}`);
  }
  const red = reverseJournal(b, row, `冲销 ${row.summary}: ${reason}`);
  return { original: journalViewById(db, row.id), reversal: journalViewById(db, red.id) };
}
