// Migration 0014 (storage-location): items.location, '' on every item already in the books, at most
// 20 characters. Temporarily at version 13 (its position without 0013); the lead renumbers at merge.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0014StorageLocation } from '../../../electron/store/migrations/0014-storage-location';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0014StorageLocation);
const BEFORE = MIGRATIONS.slice(0, at);

describe('migration 0014 (storage-location)', () => {
  it('comes after the migrations before it, named storage-location', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0014StorageLocation.version, m0014StorageLocation.name]).toEqual([at + 1, 'storage-location']);
  });

  it('gives every existing item an empty location and refuses one over 20 characters', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT location FROM items WHERE id = 1').pluck().get()).toBe('');

    d.prepare("UPDATE items SET location = 'A-03-2' WHERE id = 1").run();
    expect(d.prepare('SELECT location FROM items WHERE id = 1').pluck().get()).toBe('A-03-2');
    expect(() => d.prepare('UPDATE items SET location = ? WHERE id = 1').run('x'.repeat(21))).toThrow(/CHECK/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
