// The finance books' writers: every money journal row, receivable entry and allocation is written
// here, and nowhere else. Each checks the day lock first (ledger/daylock.ts). Amounts are integer
// fen; a red row (红字) negates one earlier row and points at it; nothing is updated or deleted
// except the derived receivable_items (what of each sale / credit is settled).

import type { ReadableDB, WritableDB } from '../store/db';
import { nextNumber } from './numbering';
import { sql } from '../store/db';
import { fail } from '../../shared/errors';
import { assertDayOpen } from './daylock';
import { MONEY_ACCOUNT_ZH, VOUCHER_PREFIX, type ContraKind, type JournalCause, type MoneyAccount, type ReceivableKind } from '../../shared/contract';

/** Who books, when, into which business day. */
export interface BookCtx {
  db: WritableDB;
  nowIso: string;
  businessDate: string;
  userId: number;
}

export interface JournalDbRow {
  id: number;
  account: MoneyAccount;
  voucher_no: string;
  direction: 'in' | 'out';
  amount_fen: number;
  balance_after_fen: number;
  business_date: string;
  posted_at: string;
  user_id: number;
  cause: JournalCause;
  contra_kind: ContraKind;
  slip_id: number | null;
  customer_id: number | null;
  expense_id: number | null;
  reverses_id: number | null;
  summary: string;
  memo: string;
  /** the advance (借支) paid or returned by this row (migration 0034) */
  advance_id: number | null;
}

export interface EntryDbRow {
  id: number;
  customer_id: number;
  kind: ReceivableKind;
  amount_fen: number;
  balance_after_fen: number;
  slip_id: number | null;
  journal_id: number | null;
  reverses_id: number | null;
  override_by: number | null;
  business_date: string;
  posted_at: string;
  user_id: number;
  summary: string;
  memo: string;
}

export interface ItemDbRow {
  entry_id: number;
  customer_id: number;
  side: 'debit' | 'credit';
  slip_id: number | null;
  business_date: string;
  amount_fen: number;
  settled_fen: number;
  reversed: number;
}

// ------------------------------------------------------------------ numbering

/** A voucher number (现收/现付/银收/银付, BX for expense claims): ledger/numbering.ts. */
export function nextVoucherNo(db: WritableDB, prefix: string, businessDate: string): string {
  return nextNumber(db, 'vouchers', prefix, businessDate);
}

export function voucherPrefix(account: MoneyAccount, direction: 'in' | 'out'): string {
  return VOUCHER_PREFIX[account === 'cash' ? 'cash' : 'noncash'][direction];
}

// ------------------------------------------------------------------ money journal

/** The account's balance now (posting order). */
export function accountBalance(db: ReadableDB, account: MoneyAccount): number {
  return (sql(db, 'SELECT balance_after_fen FROM money_journal WHERE account = ? ORDER BY id DESC LIMIT 1').pluck().get(account) as number | undefined) ?? 0;
}

export function journalRow(db: ReadableDB, id: number): JournalDbRow {
  return sql(db, 'SELECT * FROM money_journal WHERE id = ?').get(id) as JournalDbRow;
}

export interface JournalInput {
  account: MoneyAccount;
  direction: 'in' | 'out';
  /** positive for a normal row; a red row is written by reverseJournal */
  amountFen: number;
  cause: JournalCause;
  contraKind: ContraKind;
  slipId?: number | null;
  customerId?: number | null;
  expenseId?: number | null;
  advanceId?: number | null;
  summary: string;
  memo?: string;
  /** the close of day books its over/short into the day it closes */
  businessDate?: string;
}

function insertJournal(b: BookCtx, j: JournalInput & { reversesId: number | null }): JournalDbRow {
  const { db } = b;
  const date = j.businessDate ?? b.businessDate;
  assertDayOpen(db, date);
  if (!Number.isSafeInteger(j.amountFen) || j.amountFen === 0) throw new Error(`journal amount must be a non-zero integer: ${j.amountFen}`);
  const balance = accountBalance(db, j.account);
  const after = balance + (j.direction === 'in' ? j.amountFen : -j.amountFen);
  if (j.account === 'cash' && after < 0)
    fail('cash_insufficient', { account: 'cash on hand', account_zh: MONEY_ACCOUNT_ZH.cash, balanceFen: balance, neededFen: balance - after });
  if (j.account === 'cash' && after < balance) assertLaterDaysCovered(db, date, after - balance);
  const info = sql(
    db,
    `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause,
       contra_kind, slip_id, customer_id, expense_id, reverses_id, summary, memo, advance_id)
     VALUES (@account, @voucher_no, @direction, @amount_fen, @balance_after_fen, @business_date, @posted_at, @user_id, @cause,
       @contra_kind, @slip_id, @customer_id, @expense_id, @reverses_id, @summary, @memo, @advance_id)`,
  ).run({
    account: j.account,
    voucher_no: nextVoucherNo(db, voucherPrefix(j.account, j.direction), date),
    direction: j.direction,
    amount_fen: j.amountFen,
    balance_after_fen: after,
    business_date: date,
    posted_at: b.nowIso,
    user_id: b.userId,
    cause: j.cause,
    contra_kind: j.contraKind,
    slip_id: j.slipId ?? null,
    customer_id: j.customerId ?? null,
    expense_id: j.expenseId ?? null,
    reverses_id: j.reversesId,
    summary: j.summary,
    memo: j.memo ?? '',
    advance_id: j.advanceId ?? null,
  });
  return journalRow(db, Number(info.lastInsertRowid));
}

const SIGNED = `CASE direction WHEN 'in' THEN amount_fen ELSE -amount_fen END`;

/**
 * Cash never below zero in date order either. A row dated before later-dated cash rows — the
 * over/short of a day closed late, or a posting into a day the manager reopened (反日结) while
 * postings had gone on to the next day — must leave the box covered at the end of its day and at
 * every later row: end of day + this row + the lowest running sum of the later rows ≥ 0.
 */
function assertLaterDaysCovered(db: ReadableDB, date: string, deltaFen: number): void {
  if (sql(db, "SELECT 1 FROM money_journal WHERE account = 'cash' AND business_date > ? LIMIT 1").get(date) === undefined) return;
  const r = sql(
    db,
    `SELECT (SELECT COALESCE(SUM(${SIGNED}), 0) FROM money_journal WHERE account = 'cash' AND business_date <= @d) AS endOfDay,
       (SELECT MIN(run) FROM (SELECT SUM(${SIGNED}) OVER (ORDER BY business_date, id ROWS UNBOUNDED PRECEDING) AS run
          FROM money_journal WHERE account = 'cash' AND business_date > @d)) AS lowestAfter`,
  ).get({ d: date }) as { endOfDay: number; lowestAfter: number };
  const lowest = r.endOfDay + Math.min(0, r.lowestAfter);
  if (lowest + deltaFen < 0)
    fail('cash_insufficient', { account: 'cash on hand', account_zh: MONEY_ACCOUNT_ZH.cash, balanceFen: lowest, neededFen: -deltaFen });
}

/** A receipt (in) or payment (out) of money; cash never goes below zero (in posting and in date order). */
export function appendJournal(b: BookCtx, j: JournalInput): JournalDbRow {
  if (j.amountFen <= 0) throw new Error(`a journal row books a positive amount (got ${j.amountFen})`);
  return insertJournal(b, { ...j, reversesId: null });
}

export function isJournalReversed(db: ReadableDB, id: number): boolean {
  return sql(db, 'SELECT 1 FROM money_journal WHERE reverses_id = ?').get(id) !== undefined;
}

/** 红字: a row of the same account and direction with the amount negated, pointing at the original. */
export function reverseJournal(b: BookCtx, original: JournalDbRow, summary: string): JournalDbRow {
  if (original.reverses_id !== null) throw new Error(`journal row ${original.id} is itself a reversal`);
  if (isJournalReversed(b.db, original.id)) fail('entry_already_reversed', { voucherNo: original.voucher_no });
  return insertJournal(b, {
    account: original.account,
    direction: original.direction,
    amountFen: -original.amount_fen,
    cause: original.cause,
    contraKind: original.contra_kind,
    slipId: original.slip_id,
    customerId: original.customer_id,
    expenseId: original.expense_id,
    advanceId: original.advance_id,
    summary,
    reversesId: original.id,
  });
}

// ------------------------------------------------------------------ receivables

export function customerBalance(db: ReadableDB, customerId: number): number {
  return (
    (sql(db, 'SELECT balance_after_fen FROM receivable_entries WHERE customer_id = ? ORDER BY id DESC LIMIT 1').pluck().get(customerId) as
      number | undefined) ?? 0
  );
}

export function entryRow(db: ReadableDB, id: number): EntryDbRow {
  return sql(db, 'SELECT * FROM receivable_entries WHERE id = ?').get(id) as EntryDbRow;
}

export function itemRow(db: ReadableDB, entryId: number): ItemDbRow | undefined {
  return sql(db, 'SELECT * FROM receivable_items WHERE entry_id = ?').get(entryId) as ItemDbRow | undefined;
}

export interface EntryInput {
  customerId: number;
  kind: ReceivableKind;
  /** effect on what the customer owes: a sale is positive, a collection or credit note negative */
  amountFen: number;
  slipId?: number | null;
  journalId?: number | null;
  overrideBy?: number | null;
  summary: string;
  memo?: string;
}

function insertEntry(b: BookCtx, e: EntryInput & { reversesId: number | null }): EntryDbRow {
  const { db } = b;
  assertDayOpen(db, b.businessDate);
  if (!Number.isSafeInteger(e.amountFen) || e.amountFen === 0) throw new Error(`receivable amount must be a non-zero integer: ${e.amountFen}`);
  const after = customerBalance(db, e.customerId) + e.amountFen;
  const info = sql(
    db,
    `INSERT INTO receivable_entries (customer_id, kind, amount_fen, balance_after_fen, slip_id, journal_id, reverses_id, override_by,
       business_date, posted_at, user_id, summary, memo)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.customerId,
    e.kind,
    e.amountFen,
    after,
    e.slipId ?? null,
    e.journalId ?? null,
    e.reversesId,
    e.overrideBy ?? null,
    b.businessDate,
    b.nowIso,
    b.userId,
    e.summary,
    e.memo ?? '',
  );
  return entryRow(db, Number(info.lastInsertRowid));
}

/** A sale (debit) or a collection / credit note (credit) on a customer's account. */
export function appendEntry(b: BookCtx, e: EntryInput): EntryDbRow {
  if ((e.kind === 'sale') !== e.amountFen > 0) throw new Error(`a ${e.kind} entry of ${e.amountFen} has the wrong sign`);
  const row = insertEntry(b, { ...e, reversesId: null });
  sql(
    b.db,
    `INSERT INTO receivable_items (entry_id, customer_id, side, slip_id, business_date, amount_fen, settled_fen, reversed)
     VALUES (?, ?, ?, ?, ?, ?, 0, 0)`,
  ).run(row.id, row.customer_id, e.amountFen > 0 ? 'debit' : 'credit', row.slip_id, row.business_date, Math.abs(e.amountFen));
  return row;
}

export function isEntryReversed(db: ReadableDB, id: number): boolean {
  return sql(db, 'SELECT 1 FROM receivable_entries WHERE reverses_id = ?').get(id) !== undefined;
}

/** 红字 on the receivables ledger: releases whatever the entry settled or was settled by, then negates it. */
export function reverseEntry(b: BookCtx, original: EntryDbRow, summary: string): EntryDbRow {
  if (original.reverses_id !== null) throw new Error(`receivable entry ${original.id} is itself a reversal`);
  if (isEntryReversed(b.db, original.id)) throw new Error(`receivable entry ${original.id} is already reversed`);
  releaseAllocationsOf(b, original.id);
  const red = insertEntry(b, {
    customerId: original.customer_id,
    kind: original.kind,
    amountFen: -original.amount_fen,
    slipId: original.slip_id,
    journalId: null,
    summary,
    reversesId: original.id,
  });
  sql(b.db, 'UPDATE receivable_items SET reversed = 1 WHERE entry_id = ?').run(original.id);
  return red;
}

// ------------------------------------------------------------------ allocations (核销)

function openOf(i: ItemDbRow): number {
  return i.reversed ? 0 : i.amount_fen - i.settled_fen;
}

function insertAllocation(b: BookCtx, debitId: number, creditId: number, amount: number): void {
  assertDayOpen(b.db, b.businessDate);
  sql(
    b.db,
    'INSERT INTO receivable_allocations (debit_entry_id, credit_entry_id, amount_fen, business_date, posted_at, user_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(debitId, creditId, amount, b.businessDate, b.nowIso, b.userId);
  const settle = sql(b.db, 'UPDATE receivable_items SET settled_fen = settled_fen + ? WHERE entry_id = ?');
  settle.run(amount, debitId);
  settle.run(amount, creditId);
}

/** Settle `amount` of a sale with a credit; both must have that much open (checked by the caller, and by the schema). */
export function allocate(b: BookCtx, debitEntryId: number, creditEntryId: number, amount: number): void {
  if (amount <= 0) return;
  const d = itemRow(b.db, debitEntryId);
  const c = itemRow(b.db, creditEntryId);
  if (!d || !c || d.side !== 'debit' || c.side !== 'credit' || d.customer_id !== c.customer_id) throw new Error('allocation between unrelated entries');
  if (openOf(d) < amount || openOf(c) < amount) throw new Error(`allocation of ${amount} exceeds what is open`);
  insertAllocation(b, debitEntryId, creditEntryId, amount);
}

/** Undo every live allocation that touches an entry (negative rows), so it can be reversed. */
export function releaseAllocationsOf(b: BookCtx, entryId: number): void {
  const pairs = sql(
    b.db,
    `SELECT debit_entry_id AS d, credit_entry_id AS c, SUM(amount_fen) AS amount FROM receivable_allocations
     WHERE debit_entry_id = ? OR credit_entry_id = ? GROUP BY debit_entry_id, credit_entry_id HAVING SUM(amount_fen) <> 0 ORDER BY MIN(id)`,
  ).all(entryId, entryId) as { d: number; c: number; amount: number }[];
  for (const p of pairs) insertAllocation(b, p.d, p.c, -p.amount);
}

/** Open credit sales of a customer, oldest first. */
export function openDebits(db: ReadableDB, customerId: number): ItemDbRow[] {
  return sql(
    db,
    `SELECT * FROM receivable_items WHERE side = 'debit' AND customer_id = ? AND reversed = 0 AND settled_fen < amount_fen
     ORDER BY business_date, entry_id`,
  ).all(customerId) as ItemDbRow[];
}

/** Unapplied collections and credit notes of a customer (prepayments, 预收), oldest first. */
export function openCredits(db: ReadableDB, customerId: number): ItemDbRow[] {
  return sql(
    db,
    `SELECT * FROM receivable_items WHERE side = 'credit' AND customer_id = ? AND reversed = 0 AND settled_fen < amount_fen
     ORDER BY business_date, entry_id`,
  ).all(customerId) as ItemDbRow[];
}

export interface Applied {
  debitEntryId: number;
  slipId: number | null;
  amountFen: number;
}

/** Apply a credit to the given sales first (in order), then to the customer's oldest open sales. */
export function applyCredit(b: BookCtx, creditEntryId: number, preferDebitIds: number[] = [], auto = true): Applied[] {
  const out: Applied[] = [];
  let c = itemRow(b.db, creditEntryId)!;
  const targets = [
    ...(preferDebitIds.map((id) => itemRow(b.db, id)).filter((x) => x && x.side === 'debit') as ItemDbRow[]),
    ...(auto ? openDebits(b.db, c.customer_id) : []),
  ];
  const seen = new Set<number>();
  for (const t of targets) {
    if (seen.has(t.entry_id)) continue;
    seen.add(t.entry_id);
    const d = itemRow(b.db, t.entry_id)!;
    const amount = Math.min(openOf(c), openOf(d));
    if (amount <= 0) continue;
    allocate(b, d.entry_id, c.entry_id, amount);
    out.push({ debitEntryId: d.entry_id, slipId: d.slip_id, amountFen: amount });
    c = itemRow(b.db, creditEntryId)!;
    if (openOf(c) === 0) break;
  }
  return out;
}

/** Settle a new sale from the customer's unapplied prepayments and credit notes, oldest first. */
export function applyPrepayments(b: BookCtx, debitEntryId: number): Applied[] {
  const out: Applied[] = [];
  const d0 = itemRow(b.db, debitEntryId)!;
  for (const c of openCredits(b.db, d0.customer_id)) {
    const d = itemRow(b.db, debitEntryId)!;
    const amount = Math.min(openOf(c), openOf(d));
    if (amount <= 0) break;
    allocate(b, debitEntryId, c.entry_id, amount);
    out.push({ debitEntryId, slipId: d.slip_id, amountFen: amount });
  }
  return out;
}

export function openAmount(i: ItemDbRow): number {
  return openOf(i);
}
