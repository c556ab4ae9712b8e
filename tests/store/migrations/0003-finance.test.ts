// Migration 0003 (finance): it applies on a database that already holds books, after a backup;
// its ledger tables are STRICT and the money accounts are there. What the ledger tables then
// refuse (append-only, a closed day) is tested with the finance domain, tests/ledger/append-only.test.ts.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0003Finance } from '../../../electron/store/migrations/0003-finance';
import { useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();

describe('migration 0003 (finance)', () => {
  it('is the third migration and applies on top of a database with books in it, after a backup', async () => {
    expect(MIGRATIONS.map((m) => [m.version, m.name])[2]).toEqual([3, 'finance']);
    expect(m0003Finance.version).toBe(3);
    const { db, path } = files.open();
    await migrate(db, path, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO items (code, name, unit, created_at, updated_at) VALUES ('CZ-1', '抛光砖', '片', 'x', 'x')").run();
    const r = await migrate(db, path, MIGRATIONS.slice(0, 3));
    expect([r.from, r.to, r.backupPath != null]).toEqual([2, 3, true]);
    expect(schemaVersion(db)).toBe(3);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name").pluck().all();
    expect(strict).toEqual(
      expect.arrayContaining([
        'money_accounts',
        'money_journal',
        'receivable_entries',
        'receivable_allocations',
        'receivable_items',
        'expense_claims',
        'expense_budgets',
        'expense_categories',
        'day_closes',
        'voucher_series',
      ]),
    );
    expect(db.prepare('SELECT code, name FROM money_accounts ORDER BY sort').all()).toEqual([
      { code: 'cash', name: '库存现金' },
      { code: 'wechat', name: '微信收款' },
      { code: 'alipay', name: '支付宝收款' },
      { code: 'bank', name: '银行存款' },
    ]);
  });
});
