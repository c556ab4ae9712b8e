// Migration 0011 (opening): slips may be of kind 'opening', money_journal rows of cause and contra
// 'opening'; the rebuilt tables keep their rows, indexes and triggers (a posted slip stays frozen,
// the journal append-only); opening_receivables is append-only; only one live opening slip.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0011Opening } from '../../../electron/store/migrations/0011-opening';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0011Opening);
const BEFORE = MIGRATIONS.slice(0, at);

const schemaOf = (d: DB, table: string) =>
  d.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index','trigger') ORDER BY name").all(table) as {
    type: string;
    name: string;
  }[];

function slip(d: DB, id: number, kind: string, state = 'draft') {
  const posted = state === 'posted' ? id : null;
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, created_by, created_at, updated_at, post_seq)
     VALUES (?, ?, ?, ?, '2026-11-29', 1, 'c', 'u', ?)`,
  ).run(id, `QC2026112900${id}`, kind, state, posted);
}

function journal(d: DB, cause: string, contra: string) {
  d.prepare(
    `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary)
     VALUES ('cash', ?, 'in', 100, 100, '2026-11-29', 't', 1, ?, ?, '期初')`,
  ).run(`现收${cause}${contra}`, cause, contra);
}

describe('migration 0011 (opening)', () => {
  it('is in the list, after the ones before it', () => {
    expect(at).toBeGreaterThanOrEqual(9);
    expect([m0011Opening.version, m0011Opening.name]).toEqual([at + 1, 'opening']);
  });

  it('widens the kinds, keeps rows, indexes and triggers, adds the opening receivables', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    slip(d, 1, 'inbound', 'posted');
    journal(d, 'topup', 'topup');
    expect(() => slip(d, 2, 'opening')).toThrow(/CHECK/);
    const slipsSchema = schemaOf(d, 'slips');
    const journalSchema = schemaOf(d, 'money_journal');

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT id, kind, state FROM slips').all()).toEqual([{ id: 1, kind: 'inbound', state: 'posted' }]);
    expect(schemaOf(d, 'slips')).toEqual([...slipsSchema, { type: 'index', name: 'slips_one_opening' }].sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(schemaOf(d, 'money_journal')).toEqual(journalSchema);
    expect(d.pragma('foreign_key_check')).toEqual([]);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');

    slip(d, 2, 'opening', 'posted');
    expect(() => slip(d, 3, 'opening')).toThrow(/UNIQUE/);
    expect(() => slip(d, 4, 'opening_stock')).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE slips SET memo = 'x' WHERE id = 1").run()).toThrow(/cannot be changed/);
    journal(d, 'opening', 'opening');
    expect(() => journal(d, 'gift', 'opening')).toThrow(/CHECK/);
    expect(() => d.prepare('DELETE FROM money_journal').run()).toThrow(/append-only/);

    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    d.prepare(
      `INSERT INTO receivable_entries (id, customer_id, kind, amount_fen, balance_after_fen, business_date, posted_at, user_id, summary)
       VALUES (1, 1, 'sale', 500, 500, '2026-10-20', 't', 1, '期初应收')`,
    ).run();
    d.prepare("INSERT INTO opening_receivables (entry_id, customer_id, sale_date, doc_ref, amount_fen) VALUES (1, 1, '2026-10-20', 'FH-旧001', 500)").run();
    expect(() => d.prepare("UPDATE opening_receivables SET doc_ref = 'x'").run()).toThrow(/append-only/);
    expect(() => d.prepare("INSERT INTO opening_receivables (entry_id, customer_id, sale_date, amount_fen) VALUES (2, 1, 'd', 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});
