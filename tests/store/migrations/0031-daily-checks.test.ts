// Migration 0031 (daily-checks): the keeper's daily checks, empty on an existing office; one per day,
// never changed or deleted.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0031DailyChecks } from '../../../electron/store/migrations/0031-daily-checks';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0031DailyChecks);

describe('migration 0031 (daily-checks)', () => {
  it('comes after the migrations before it, named daily-checks, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0031DailyChecks.version, m0031DailyChecks.name]).toEqual([at + 1, 'daily-checks']);
  });

  it('keeps one check a day, never changed or deleted', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    const add = d.prepare("INSERT INTO daily_checks (date, user_id, at, items) VALUES (?, 1, 't', 4)");
    add.run('2026-12-07');
    expect(() => add.run('2026-12-07')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => add.run('7 Dec')).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE daily_checks SET items = 5').run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM daily_checks').run()).toThrow(/never deleted/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
