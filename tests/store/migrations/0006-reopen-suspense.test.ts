// Migration 0006 (reopen-suspense): day_closes gets an id (a history of closes per day) and
// day_reopens; the day lock reads the closes in force (live_day_closes); money_journal is rebuilt
// with the suspense causes and contra kind, every row and every reference kept; suspense_entries is
// new. On a database at 0005 holding a closed day with a short and a receivable pointing at a
// journal row: the rows survive as they were, the day stays locked, the new rules hold in storage.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0006ReopenSuspense } from '../../../electron/store/migrations/0006-reopen-suspense';
import type { DB } from '../../../electron/store/db';
import { asReadable } from '../../../electron/store/db';
import { lastClosedDay } from '../../../electron/ledger/daylock';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const AT_0005 = MIGRATIONS.slice(0, 5);

/** An office at 0005: a cash sale of 100.00 on 11-28, closed with a short of 2.50; a credit note's collection row. */
function booksAt0005(d: DB): void {
  d.exec(`
INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u');
INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u');
INSERT INTO money_journal (id, account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, customer_id, summary)
  VALUES (1, 'cash', '现收202611280001', 'in', 10000, 10000, '2026-11-28', '2026-11-28T02:00:00Z', 1, 'collection', 'customer', 1, '回款'),
         (2, 'cash', '现付202611280001', 'out', 250, 9750, '2026-11-28', '2026-11-28T10:00:00Z', 1, 'shortage', 'day_close', NULL, '2026-11-28 日结短款: 找零');
INSERT INTO receivable_entries (id, customer_id, kind, amount_fen, balance_after_fen, journal_id, business_date, posted_at, user_id, summary)
  VALUES (1, 1, 'collection', -10000, -10000, 1, '2026-11-28', '2026-11-28T02:00:00Z', 1, '回款');
INSERT INTO day_closes (business_date, closed_at, closed_by, finance_id, statistician_id, manager_id, expected_cash_fen, counted_cash_fen,
  difference_fen, adjustment_journal_id, counts_json, channels_json, reason, closing_json, failed_checks_json, rows_hash)
  VALUES ('2026-11-28', '2026-11-28T10:00:00Z', 1, 1, 1, 1, 10000, 9750, -250, 2, '{}', '[]', '找零', '{"cash":9750}', '[]', 'h1');`);
}

const journal = (d: DB) => d.prepare('SELECT * FROM money_journal ORDER BY id').all();
const insertJournal = (d: DB, date: string, cause = 'topup', contra = 'topup') =>
  d
    .prepare(
      `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary)
       VALUES ('cash', ?, 'in', 100, 9850, ?, 'p', 1, ?, ?, 's')`,
    )
    .run(`V${Math.random()}`, date, cause, contra);

describe('migration 0006 (reopen-suspense)', () => {
  it('is the sixth migration and asks for foreign keys off while it rebuilds tables', () => {
    expect(MIGRATIONS[5]).toBe(m0006ReopenSuspense);
    expect([m0006ReopenSuspense.version, m0006ReopenSuspense.name, m0006ReopenSuspense.foreignKeysOff]).toEqual([6, 'reopen-suspense', true]);
  });

  it('keeps every journal row and close, every reference holds, the closed day stays locked; foreign keys are back on', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, AT_0005, clock);
    booksAt0005(d);
    const before = journal(d);
    const closeBefore = d.prepare('SELECT * FROM day_closes').get() as Record<string, unknown>;
    const r = await migrate(d, path, MIGRATIONS.slice(0, 6), clock);
    expect(r).toMatchObject({ from: 5, to: 6 });
    expect(schemaVersion(d)).toBe(6);
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(d.pragma('foreign_key_check')).toEqual([]);
    expect(journal(d)).toEqual(before);
    expect(d.prepare('SELECT * FROM day_closes').get()).toEqual({ id: 1, ...closeBefore });
    expect(lastClosedDay(asReadable(d))).toBe('2026-11-28');
    // the day lock: on every ledger table, now reading the closes in force
    expect(() => insertJournal(d, '2026-11-28')).toThrow(/day_closed/);
    insertJournal(d, '2026-11-29');
    // new causes and contra kind are accepted; an unknown one is still refused
    insertJournal(d, '2026-11-29', 'shortage_repaid', 'suspense');
    expect(() => insertJournal(d, '2026-11-29', 'gift', 'suspense')).toThrow(/CHECK constraint/);
    // the table is STRICT and append-only as before; the receivable still points at its journal row
    expect(d.prepare("SELECT strict FROM pragma_table_list WHERE name = 'money_journal'").pluck().get()).toBe(1);
    expect(() => d.prepare('DELETE FROM money_journal WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM money_journal WHERE id = 99').run()).not.toThrow(); // no row, no trigger
    expect(() => d.prepare('UPDATE receivable_entries SET journal_id = 999 WHERE id = 1').run()).toThrow();
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(5);
  });

  it('in storage: one close in force per day, only the latest close reopens, a reopened day takes postings, closes and reopens are kept', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, AT_0005, clock);
    booksAt0005(d);
    await migrate(d, path, MIGRATIONS.slice(0, 6), clock);
    const close = (date: string) =>
      d
        .prepare(
          `INSERT INTO day_closes (business_date, closed_at, closed_by, finance_id, statistician_id, expected_cash_fen, counted_cash_fen, difference_fen,
             counts_json, channels_json, closing_json, failed_checks_json, rows_hash) VALUES (?, 'c', 1, 1, 1, 0, 0, 0, '{}', '[]', '{}', '[]', 'h')`,
        )
        .run(date);
    const reopen = (closeId: number, date: string, reason = '漏记') =>
      d.prepare("INSERT INTO day_reopens (close_id, business_date, reopened_at, reopened_by, reason) VALUES (?, ?, 'r', 1, ?)").run(closeId, date, reason);
    expect(() => close('2026-11-28')).toThrow(/in force/);
    close('2026-11-29'); // id 2
    expect(() => reopen(1, '2026-11-28')).toThrow(/only the latest/);
    expect(() => reopen(2, '2026-11-29', ' ')).toThrow(/CHECK constraint/);
    reopen(2, '2026-11-29');
    expect(() => reopen(2, '2026-11-29')).toThrow(/only the latest|UNIQUE/); // a close out of force is not reopened twice
    expect(lastClosedDay(asReadable(d))).toBe('2026-11-28');
    insertJournal(d, '2026-11-29'); // open again
    close('2026-11-29'); // a second close of the day
    expect(d.prepare('SELECT id FROM live_day_closes ORDER BY id').pluck().all()).toEqual([1, 3]);
    expect(() => d.prepare('DELETE FROM day_closes WHERE id = 2').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM day_reopens').run()).toThrow(/append-only/);
  });

  it('the day lock finds the latest close in force through the index, not a scan', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, 6), clock);
    const plan = (d.prepare('EXPLAIN QUERY PLAN SELECT business_date FROM live_day_closes ORDER BY business_date DESC LIMIT 1').all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/day_closes_date/);
    expect(plan).not.toMatch(/SCAN day_reopens|TEMP B-TREE/);
  });
});
