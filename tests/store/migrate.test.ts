// The migration runner (electron/store/migrate.ts), whatever the migrations: the app's list is
// numbered without gaps, createCore migrates and reports, a database holding data is backed up
// before pending migrations run, a database from a newer app is refused untouched, a failing
// migration is rolled back whole. Each real migration has its own test in migrations/NNNN-*.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { openDatabase } from '../../electron/store/db';
import { latestVersion, migrate, schemaVersion } from '../../electron/store/migrate';
import { MIGRATIONS, type Migration } from '../../electron/store/migrations';
import { m0001Init } from '../../electron/store/migrations/0001-init';
import { DeskError } from '../../shared/errors';
import { clock, expectEveryTableStrict, tables, useDbFiles } from '../helpers/db-files';

const files = useDbFiles();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A second migration for the tests: a table and a column, like a real one would add. */
const m0002: Migration = {
  version: 2,
  name: 'counts',
  up(d) {
    d.exec(`CREATE TABLE counts (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id), qty INTEGER NOT NULL) STRICT;
            ALTER TABLE items ADD COLUMN location TEXT NOT NULL DEFAULT ''`);
  },
};

describe('the app’s migration list', () => {
  it('is numbered 1, 2, 3 … and every table it makes is STRICT', async () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    const { db: d, path } = files.open();
    expect(await migrate(d, path, MIGRATIONS, clock)).toEqual({ from: 0, to: latestVersion(), backupPath: null });
    expect(schemaVersion(d)).toBe(MIGRATIONS.length);
    expectEveryTableStrict(d);
  });

  it('createCore migrates a new file and reports it', async () => {
    const path = join(files.dir, 'new', 'office.sqlite'); // the folder is made too
    const core = await createCore({ dbPath: path, clock, pinCost: 1024 });
    try {
      expect(core.migration).toEqual({ from: 0, to: latestVersion(), backupPath: null });
      expect(schemaVersion(core.db)).toBe(latestVersion());
      expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect((await core.call('office.get', {})).ok).toBe(true);
    } finally {
      core.close();
    }
    const again = await createCore({ dbPath: path, clock, pinCost: 1024 });
    expect(again.migration).toEqual({ from: latestVersion(), to: latestVersion(), backupPath: null });
    again.close();
  });
});

describe('migrate() with pending migrations', () => {
  it('a fresh database gets both migrations in one go, with no backup', async () => {
    const { db: d, path } = files.open();
    const r = await migrate(d, path, [m0001Init, m0002], clock);
    expect(r).toEqual({ from: 0, to: 2, backupPath: null });
    expect(schemaVersion(d)).toBe(2);
    expect(tables(d)).toContain('counts');
    expect(readdirSync(files.dir).filter((f) => f.includes('.bak'))).toEqual([]);
  });

  it('a database with data is backed up before the pending migration runs', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, [m0001Init], clock);
    d.prepare("INSERT INTO items (code, name, unit, created_at, updated_at) VALUES ('CZ-1', '抛光砖', '片', 'x', 'x')").run();
    const r = await migrate(d, path, [m0001Init, m0002], clock);
    expect(r.from).toBe(1);
    expect(r.to).toBe(2);
    expect(r.backupPath).toBe(`${path}.v1-20261129T010203.bak`);
    expect(existsSync(r.backupPath!)).toBe(true);
    expect(schemaVersion(d)).toBe(2);
    expect(d.prepare('SELECT code, location FROM items').all()).toEqual([{ code: 'CZ-1', location: '' }]);
    // the backup is the database as it was before: version 1, the data, no new table or column
    const b = files.readonly(r.backupPath!);
    expect(schemaVersion(b)).toBe(1);
    expect(tables(b)).not.toContain('counts');
    expect(b.prepare('SELECT * FROM items').all()).toEqual([expect.objectContaining({ code: 'CZ-1', name: '抛光砖' })]);
    expect(Object.keys(b.prepare('SELECT * FROM items').get() as object)).not.toContain('location');
  });

  it('a second backup in the same second gets its own name', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, [m0001Init], clock);
    const first = `${path}.v1-20261129T010203.bak`;
    const taken = openDatabase(first);
    taken.close();
    const r = await migrate(d, path, [m0001Init, m0002], clock);
    expect(r.backupPath).toBe(`${path}.v1-20261129T010203-2.bak`);
    expect(existsSync(r.backupPath!)).toBe(true);
  });

  it('a misnumbered migration list is refused before anything runs', async () => {
    const { db: d, path } = files.open();
    await expect(migrate(d, path, [m0001Init, { ...m0002, version: 3 }], clock)).rejects.toThrow(/expected 2/);
    expect(schemaVersion(d)).toBe(0);
    expect(tables(d)).toEqual([]);
  });
});

describe('a database from a newer app', () => {
  it('is refused with db_too_new, by migrate and by createCore, and left untouched', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS, clock);
    d.prepare("INSERT INTO items (code, name, unit, created_at, updated_at) VALUES ('CZ-1', '抛光砖', '片', 'x', 'x')").run();
    const newer = latestVersion() + 5;
    d.pragma(`user_version = ${newer}`);
    d.close();
    const before = sha(path);
    const listing = readdirSync(files.dir).sort();

    const { db: d2 } = files.open();
    const e = await migrate(d2, path, MIGRATIONS, clock).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeskError);
    expect((e as DeskError).code).toBe('db_too_new');
    const app = latestVersion();
    expect((e as DeskError).details).toEqual({ dbVersion: newer, appVersion: app });
    expect((e as DeskError).message_zh).toBe(`数据库由更新版本的程序写入(库版本 ${newer}, 本程序支持 ${app}), 请升级程序`);
    expect((e as DeskError).message_en).toBe(`The database was written by a newer version (schema ${newer}, this app knows ${app}): upgrade the app`);
    d2.close();

    await expect(createCore({ dbPath: path, clock, pinCost: 1024 })).rejects.toMatchObject({
      code: 'db_too_new',
      details: { dbVersion: newer, appVersion: app },
    });
    expect(sha(path)).toBe(before);
    expect(readdirSync(files.dir).sort()).toEqual(listing); // no backup, nothing left behind
    const check = files.readonly(path);
    expect(schemaVersion(check)).toBe(newer);
    expect(check.prepare('SELECT code FROM items').pluck().all()).toEqual(['CZ-1']);
  });
});

describe('a failing migration', () => {
  const failing: Migration = {
    version: 2,
    name: 'half-done',
    up(d) {
      d.exec("CREATE TABLE half (id INTEGER PRIMARY KEY) STRICT; INSERT INTO half (id) VALUES (1); UPDATE items SET name = 'changed'");
      throw new Error('migration 2 broke half-way');
    },
  };

  it('rolls back entirely: user_version, tables and data as before', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, [m0001Init], clock);
    d.prepare("INSERT INTO items (code, name, unit, created_at, updated_at) VALUES ('CZ-1', '抛光砖', '片', 'x', 'x')").run();
    const schemaBefore = d.prepare('SELECT * FROM sqlite_schema ORDER BY name').all();
    await expect(migrate(d, path, [m0001Init, failing], clock)).rejects.toThrow('migration 2 broke half-way');
    expect(schemaVersion(d)).toBe(1);
    expect(tables(d)).not.toContain('half');
    expect(d.prepare('SELECT * FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    expect(d.prepare('SELECT name FROM items').pluck().all()).toEqual(['抛光砖']);
    // it was backed up first, and the database still works at version 1
    expect(readdirSync(files.dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
    expect(await migrate(d, path, [m0001Init], clock)).toEqual({ from: 1, to: 1, backupPath: null });
  });

  it('on a fresh file, a failure in the second of two migrations leaves the file empty at version 0', async () => {
    const { db: d, path } = files.open();
    await expect(migrate(d, path, [m0001Init, failing], clock)).rejects.toThrow('broke half-way');
    expect(schemaVersion(d)).toBe(0);
    expect(tables(d)).toEqual([]);
  });

  it('createCore gives up and closes the file', async () => {
    const path = join(files.dir, 'office.sqlite');
    await expect(createCore({ dbPath: path, clock, pinCost: 1024, migrations: [m0001Init, failing] })).rejects.toThrow('broke half-way');
    const { db: d } = files.open();
    expect(schemaVersion(d)).toBe(0);
    expect(tables(d)).toEqual([]);
  });
});
