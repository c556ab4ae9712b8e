// Migration 0002 (documents): office print settings and the append-only print log.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/db';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';

describe('migration 0002 (documents)', () => {
  it('adds office settings and an append-only print log', async () => {
    const db = openDatabase(':memory:');
    try {
      await migrate(db, ':memory:', MIGRATIONS.slice(0, 1));
      expect(schemaVersion(db)).toBe(1);
      await migrate(db, ':memory:', MIGRATIONS.slice(0, 2));
      expect(schemaVersion(db)).toBe(2);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['office_settings', 'print_log']));
      db.prepare("INSERT INTO users (id, name, pin_hash, created_at, updated_at) VALUES (1, 'u', 'x', 'now', 'now')").run();
      db.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'I', 'i', '片', 'now', 'now')").run();
      db.prepare(
        "INSERT INTO print_log (doc, item_id, paper, copies, print_no, printed_at, printed_by) VALUES ('stockCard', 1, 'A4', '[]', 1, 'now', 1)",
      ).run();
      expect(() => db.prepare('UPDATE print_log SET print_no = 2').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM print_log').run()).toThrow(/append-only/);
      // a slip print must name a slip, a stock card an item
      expect(() =>
        db.prepare("INSERT INTO print_log (doc, paper, copies, print_no, printed_at, printed_by) VALUES ('dispatch', 'A5', '[]', 1, 'now', 1)").run(),
      ).toThrow();
      expect(() => db.prepare("INSERT INTO office_settings (key, value, updated_at) VALUES ('k', 'not json', 'now')").run()).toThrow();
    } finally {
      db.close();
    }
  });
});
