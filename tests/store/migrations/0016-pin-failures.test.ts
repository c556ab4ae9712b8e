// Migration 0016 (pin-failures): the table of wrong PINs, one row per person, empty on an existing
// office (the counts were in memory and died with the process); a count is at least 1 and a wait
// never negative.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0016PinFailures } from '../../../electron/store/migrations/0016-pin-failures';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0016PinFailures);

describe('migration 0016 (pin-failures)', () => {
  it('comes after the migrations before it, named pin-failures, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0016PinFailures.version, m0016PinFailures.name]).toEqual([at + 1, 'pin-failures']);
  });

  it('adds an empty pin_failures keyed by user, refusing a count below 1, a negative wait and an unknown user', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT COUNT(*) FROM pin_failures').pluck().get()).toBe(0);

    const add = d.prepare('INSERT INTO pin_failures (user_id, failures, last_failed_at, wait_until_ms) VALUES (?, ?, ?, ?)');
    add.run(1, 4, '2026-12-01T01:00:00.000Z', 1_764_550_815_000);
    expect(() => add.run(1, 5, 'x', 0)).toThrow(/UNIQUE|PRIMARY/);
    d.prepare('DELETE FROM pin_failures').run();
    expect(() => add.run(1, 0, 'x', 0)).toThrow(/CHECK/);
    expect(() => add.run(1, 1, 'x', -1)).toThrow(/CHECK/);
    expect(() => add.run(2, 1, 'x', 0)).toThrow(/FOREIGN KEY/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
