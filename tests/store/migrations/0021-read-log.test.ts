// Migration 0021 (read-log): the read log (保密制度), empty on an existing office; rows name a user
// and, for a statement or ledger, a customer; a row is never changed or deleted once written.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0021ReadLog } from '../../../electron/store/migrations/0021-read-log';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0021ReadLog);

describe('migration 0021 (read-log)', () => {
  it('comes after the migrations before it, named read-log, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0021ReadLog.version, m0021ReadLog.name]).toEqual([at + 1, 'read-log']);
  });

  it('adds an empty, append-only read_log of users and customers', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '赵丽', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '李记瓷砖', 'c', 'u')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT COUNT(*) FROM read_log').pluck().get()).toBe(0);

    const add = d.prepare('INSERT INTO read_log (at, date, user_id, method, customer_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    add.run('2026-12-07T02:00:00.000Z', '2026-12-07', 1, 'customers.list', null, '');
    add.run('2026-12-07T02:01:00.000Z', '2026-12-07', 1, 'receivables.statement', 1, '2026-11-01…2026-11-30');
    expect(() => add.run('x', '2026-12-07', 2, 'customers.list', null, '')).toThrow(/FOREIGN KEY/);
    expect(() => add.run('x', '2026-12-07', 1, 'receivables.ledger', 9, '')).toThrow(/FOREIGN KEY/);
    expect(() => add.run('x', '7 Dec', 1, 'customers.list', null, '')).toThrow(/CHECK/);
    expect(() => add.run('x', '2026-12-07', 1, '', null, '')).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE read_log SET user_id = 1, detail = 'x'").run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM read_log').run()).toThrow(/never deleted/);
    expect(d.prepare('SELECT COUNT(*) FROM read_log').pluck().get()).toBe(2);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
