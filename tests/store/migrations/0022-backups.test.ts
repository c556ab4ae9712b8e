// Migration 0022 (backups): the backup settings (one row, a folder and a daily time) and the log of
// backups; the idempotency table rebuilt to keep the user and a compact answer, its old rows kept
// as they were, rows deletable (retention) but never changed.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0022Backups } from '../../../electron/store/migrations/0022-backups';
import { clock, expectEveryTableStrict, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0022Backups);

describe('migration 0022 (backups)', () => {
  it('comes after the migrations before it, named backups, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0022Backups.version, m0022Backups.name]).toEqual([at + 1, 'backups']);
  });

  it('adds the settings row and the log, and keeps the old requests rows, deletable but not changeable', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare(
      "INSERT INTO requests (request_id, method, fingerprint, response_json, at) VALUES ('r1', 'slips.create', 'f', '{\"id\":1}', '2026-11-01T00:00:00Z')",
    ).run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expectEveryTableStrict(d);

    expect(d.prepare('SELECT folder, daily_time FROM backup_settings').all()).toEqual([{ folder: null, daily_time: '18:30' }]);
    expect(() => d.prepare("UPDATE backup_settings SET daily_time = '24:00'").run()).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE backup_settings SET daily_time = '9:30'").run()).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE backup_settings SET folder = ''").run()).toThrow(/CHECK/);
    expect(() => d.prepare('INSERT INTO backup_settings (id) VALUES (2)').run()).toThrow(/CHECK|UNIQUE/);

    const log = d.prepare('INSERT INTO backup_log (file, kind, at, day, bytes, ok, message) VALUES (?, ?, ?, ?, ?, ?, ?)');
    log.run('branch-desk-20261129-1830-daily.db', 'daily', '2026-11-29T10:30:00Z', '2026-11-29', 4096, 1, '');
    expect(() => log.run('x.db', 'weekly', 'a', '2026-11-29', 1, 1, '')).toThrow(/CHECK/);
    expect(() => log.run('x.db', 'manual', 'a', '29.11.2026', 1, 1, '')).toThrow(/CHECK/);
    expect(() => log.run('x.db', 'manual', 'a', '2026-11-29', -1, 1, '')).toThrow(/CHECK/);

    expect(d.prepare('SELECT request_id, answer_json, user_id FROM requests').all()).toEqual([{ request_id: 'r1', answer_json: '{"id":1}', user_id: null }]);
    expect(() => d.prepare("UPDATE requests SET method = 'x'").run()).toThrow(/append-only/);
    expect(d.prepare('DELETE FROM requests').run().changes).toBe(1);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
