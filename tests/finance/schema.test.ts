// Migration 0003 (finance): it applies on a database that already holds books, its ledger tables
// are STRICT and append-only, and no ledger row — stock moves included — can be dated into a
// closed day, whatever writes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../electron/store/db';
import { migrate, schemaVersion } from '../../electron/store/migrate';
import { MIGRATIONS } from '../../electron/store/migrations';
import { m0003Finance } from '../../electron/store/migrations/0003-finance';
import { expectClean, financeOffice, must, postedDispatch, type DemoOffice } from './fin';

const dirs: string[] = [];
const dbs: DB[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 0003-finance', () => {
  it('is the third migration and applies on top of a database with books in it, after a backup', async () => {
    expect(MIGRATIONS.map((m) => [m.version, m.name])[2]).toEqual([3, 'finance']);
    expect(m0003Finance.version).toBe(3);
    const dir = mkdtempSync(join(tmpdir(), 'desk-mig-'));
    dirs.push(dir);
    const path = join(dir, 'office.sqlite');
    const db = openDatabase(path);
    dbs.push(db);
    await migrate(db, path, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO items (code, name, unit, created_at, updated_at) VALUES ('CZ-1', '抛光砖', '片', 'x', 'x')").run();
    const r = await migrate(db, path, MIGRATIONS.slice(0, 3));
    expect([r.from, r.to, r.backupPath != null]).toEqual([2, 3, true]);
    expect(schemaVersion(db)).toBe(3);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name").pluck().all();
    expect(strict).toEqual(
      expect.arrayContaining(['money_accounts', 'money_journal', 'receivable_entries', 'receivable_allocations', 'receivable_items', 'expense_claims', 'expense_budgets', 'expense_categories', 'day_closes', 'voucher_series']),
    );
    expect(db.prepare('SELECT code, name FROM money_accounts ORDER BY sort').all()).toEqual([
      { code: 'cash', name: '库存现金' },
      { code: 'wechat', name: '微信收款' },
      { code: 'alipay', name: '支付宝收款' },
      { code: 'bank', name: '银行存款' },
    ]);
  });
});

describe('the ledger tables', () => {
  let o: DemoOffice;
  afterEach(() => o?.close());

  it('are append-only, and cash cannot go below zero even written by hand', async () => {
    o = await financeOffice();
    await postedDispatch(o, 'KH002', 'credit', [['WY-4001', 1]]);
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen: 3200 });
    const db = o.core.db;
    for (const t of ['money_journal', 'receivable_entries', 'receivable_allocations']) {
      expect(() => db.prepare(`UPDATE ${t} SET business_date = business_date`).run(), t).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM ${t}`).run(), t).toThrow(/append-only/);
    }
    expect(() =>
      db
        .prepare(
          `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary)
           VALUES ('cash', 'X', 'out', 9999, -6799, '2026-11-29', 'now', 1, 'remittance', 'remittance', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    // a settled amount can never exceed what it settles
    expect(() => db.prepare('UPDATE receivable_items SET settled_fen = amount_fen + 1').run()).toThrow(/CHECK constraint/);
    expectClean(o);
  });

  it('refuse a stock move dated into a closed day, whoever writes it', async () => {
    o = await financeOffice();
    await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: {},
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
    });
    const db = o.core.db;
    const m = db.prepare('SELECT * FROM stock_moves ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(() =>
      db
        .prepare(
          `INSERT INTO stock_moves (item_id, slip_id, slip_line_id, direction, qty, amount_fen, layer_id, business_date, posted_at, balance_qty, balance_amount_fen)
           VALUES (?, ?, ?, 'in', 1, 1, ?, '2026-11-28', 'now', 1, 1)`,
        )
        .run(m.item_id, m.slip_id, m.slip_line_id, m.layer_id),
    ).toThrow(/day_closed/);
  });
});
