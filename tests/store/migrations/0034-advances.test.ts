// Migration 0034 (advances): the journal takes the causes 'advance' and 'advance_return' and the
// contra kind 'advance' (its rows kept as they were); advances and their settlements are append-only,
// a settlement is not dated into a closed day, and a journal row may name its advance.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0034Advances } from '../../../electron/store/migrations/0034-advances';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0034Advances);

const journal = (cause: string, contra: string, advanceId: string, serial = 1) =>
  `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary${advanceId ? ', advance_id' : ''})
   VALUES ('cash', '现收20261207000${serial}', 'in', 500, 500, '2026-12-07', 't', 1, '${cause}', '${contra}', 'x'${advanceId ? `, ${advanceId}` : ''})`;

describe('migration 0034 (advances)', () => {
  it('comes after the migrations before it, named advances, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0034Advances.version, m0034Advances.name]).toEqual([at + 1, 'advances']);
  });

  it('keeps the journal, widens its causes, and keeps advances and settlements append-only', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare(
      "INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '刘洋', '', 'scrypt$x', 'c', 'u'), (2, '张伟', '', 'scrypt$x', 'c', 'u')",
    ).run();
    d.prepare(journal('topup', 'topup', '')).run();
    expect(() => d.prepare(journal('advance', 'advance', '')).run()).toThrow(/CHECK/);
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(d.prepare('SELECT cause, amount_fen, advance_id FROM money_journal').all()).toEqual([{ cause: 'topup', amount_fen: 500, advance_id: null }]);
    expect(() => d.prepare('UPDATE money_journal SET amount_fen = 1').run()).toThrow();

    const advance = d.prepare(
      `INSERT INTO advances (no, person_id, account, amount_fen, purpose, business_date, approved_by, created_by, created_at)
       VALUES (?, 1, 'cash', ?, '出差', '2026-12-07', ?, 1, 't')`,
    );
    expect(() => advance.run('JZ202612070001', 0, 2)).toThrow(/CHECK/);
    expect(() => advance.run('JZ202612070001', 100, 1)).toThrow(/CHECK/); // approved by the person paid
    advance.run('JZ202612070001', 100_000, 2);
    expect(() => advance.run('JZ202612070001', 100, 2)).toThrow(/UNIQUE/);
    d.prepare(journal('advance_return', 'advance', '1', 2)).run();
    expect(() => d.prepare('UPDATE advances SET amount_fen = 1').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM advances').run()).toThrow(/append-only/);

    const settle = d.prepare(
      `INSERT INTO advance_settlements (advance_id, kind, amount_fen, journal_id, reverses_id, business_date, created_by, created_at)
       VALUES (1, 'cash', ?, ?, ?, ?, 1, 't')`,
    );
    expect(() => settle.run(500, null, null, '2026-12-07')).toThrow(/CHECK/); // cash without its voucher
    expect(() => settle.run(-500, 2, null, '2026-12-07')).toThrow(/CHECK/); // negative without the row it negates
    settle.run(500, 2, null, '2026-12-07');
    expect(() => d.prepare('UPDATE advance_settlements SET amount_fen = 1').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM advance_settlements').run()).toThrow(/append-only/);
    d.prepare(
      `INSERT INTO day_closes (business_date, closed_at, closed_by, finance_id, statistician_id, expected_cash_fen, counted_cash_fen, difference_fen,
         counts_json, channels_json, closing_json, failed_checks_json, rows_hash)
       VALUES ('2026-12-07', 't', 1, 1, 1, 0, 0, 0, '{}', '[]', '{}', '[]', 'h')`,
    ).run();
    expect(() => settle.run(500, 2, null, '2026-12-07')).toThrow(/day_closed/);
    // items get a category, '' for the ones there were, at most 20 characters
    d.prepare("INSERT INTO items (code, name, unit, pinyin, created_at, updated_at) VALUES ('CZ-1', '砖', '片', 'z', 'c', 'u')").run();
    expect(d.prepare('SELECT category FROM items').pluck().get()).toBe('');
    expect(() => d.prepare('UPDATE items SET category = ?').run('类'.repeat(21))).toThrow(/CHECK/);
    d.prepare("UPDATE items SET category = '瓷砖'").run();
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
