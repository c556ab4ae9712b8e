// Migration 0001 (init): the books' tables on an empty file, STRICT, with foreign keys, WAL,
// synchronous FULL and the append-only triggers.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0001Init } from '../../../electron/store/migrations/0001-init';
import { clock, expectEveryTableStrict, tables, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();

describe('migration 0001 (init)', () => {
  it('applies on an empty file: every table STRICT, user_version 1, WAL, foreign keys on, synchronous FULL', async () => {
    const { db: d, path } = files.open();
    expect(schemaVersion(d)).toBe(0);
    const r = await migrate(d, path, [m0001Init], clock);
    expect(r).toEqual({ from: 0, to: 1, backupPath: null });
    expect(MIGRATIONS[0]).toBe(m0001Init);
    expect([m0001Init.version, m0001Init.name]).toEqual([1, 'init']);
    expect(schemaVersion(d)).toBe(1);
    expect(d.pragma('user_version', { simple: true })).toBe(1);
    expect(d.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(d.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(tables(d)).toEqual([
      'audit_log',
      'customers',
      'item_barcodes',
      'items',
      'number_series',
      'office',
      'requests',
      'signatures',
      'slip_lines',
      'slips',
      'stock_layers',
      'stock_moves',
      'suppliers',
      'user_roles',
      'users',
    ]);
    expectEveryTableStrict(d);
    // STRICT for real: a text in an integer column is refused
    expect(() => d.prepare("INSERT INTO number_series (prefix, day, last) VALUES ('FH', '20261129', 'one')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    // foreign keys for real
    expect(() => d.prepare("INSERT INTO user_roles (user_id, role) VALUES (42, 'keeper')").run()).toThrow(/FOREIGN KEY constraint failed/);
    // the append-only triggers are there
    const triggers = d.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all();
    expect(triggers).toEqual(
      expect.arrayContaining([
        'audit_log_no_update',
        'audit_log_no_delete',
        'stock_moves_no_update',
        'stock_moves_no_delete',
        'slips_frozen',
        'slips_no_delete',
      ]),
    );
    // migrating again is a no-op and takes no backup
    expect(await migrate(d, path, [m0001Init], clock)).toEqual({ from: 1, to: 1, backupPath: null });
    expect(readdirSync(files.dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});
