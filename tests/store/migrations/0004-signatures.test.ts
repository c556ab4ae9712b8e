// Migration 0004 (signatures): a nullable PNG column on users for the signature image. It applies on
// a database at 0003 that holds an office, after a backup; the users already there keep everything
// and have no image; the app opens the migrated file and stores an image in the new column.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0004Signatures } from '../../../electron/store/migrations/0004-signatures';
import type { DB } from '../../../electron/store/db';
import { ok } from '../../helpers/index';
import { signaturePng } from '../../helpers/signature-png';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const AT_0003 = MIGRATIONS.slice(0, 3);

const userColumns = (d: DB) =>
  d.prepare('SELECT name, type, "notnull", dflt_value FROM pragma_table_info(\'users\') ORDER BY cid').all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
  }[];

/** Every row of `fromPath` into the same tables of `d`, in the columns `d` has (audit rows and sessions aside). */
function copyRowsInto(d: DB, fromPath: string): void {
  d.prepare('ATTACH DATABASE ? AS src').run(fromPath);
  d.pragma('foreign_keys = OFF');
  const tables = d.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const t of tables) {
    // the columns both have (a later migration may have rebuilt a table, as 0022 did requests)
    const srcCols = new Set(d.prepare(`SELECT name FROM pragma_table_info('${t}', 'src')`).pluck().all() as string[]);
    const cols = (d.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[])
      .filter((c) => srcCols.has(c))
      .map((c) => `"${c}"`)
      .join(', ');
    d.exec(`DELETE FROM main."${t}"; INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM src."${t}"`);
  }
  d.pragma('foreign_keys = ON');
  d.exec('DETACH DATABASE src');
}

describe('migration 0004 (signatures)', () => {
  it('is the fourth migration', () => {
    expect(MIGRATIONS[3]).toBe(m0004Signatures);
    expect([m0004Signatures.version, m0004Signatures.name]).toEqual([4, 'signatures']);
  });

  it('adds users.signature_png (BLOB, nullable); the users already there keep their rows; the backup is the 0003 file', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, AT_0003, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '张伟', '办事处经理', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO user_roles (user_id, role) VALUES (1, 'manager'), (1, 'admin')").run();
    const before = d.prepare('SELECT * FROM users').all();
    expect(userColumns(d).map((c) => c.name)).not.toContain('signature_png');

    const r = await migrate(d, path, MIGRATIONS.slice(0, 4), clock);
    expect(r).toEqual({ from: 3, to: 4, backupPath: `${path}.v3-20261129T010203.bak` });
    expect(schemaVersion(d)).toBe(4);
    expect(userColumns(d).at(-1)).toEqual({ name: 'signature_png', type: 'BLOB', notnull: 0, dflt_value: null });
    expect(d.prepare('SELECT * FROM users').all()).toEqual(before.map((u) => ({ ...(u as object), signature_png: null })));
    expect(d.prepare('SELECT role FROM user_roles WHERE user_id = 1 ORDER BY role').pluck().all()).toEqual(['admin', 'manager']);

    // the table stays STRICT: bytes go in and come back as bytes, a text is refused
    const png = signaturePng();
    d.prepare('UPDATE users SET signature_png = ? WHERE id = 1').run(png);
    expect(Buffer.compare(d.prepare('SELECT signature_png FROM users WHERE id = 1').pluck().get() as Buffer, png)).toBe(0);
    expect(() => d.prepare("UPDATE users SET signature_png = 'not a png' WHERE id = 1").run()).toThrow(/cannot store TEXT value in BLOB column/);

    const b = files.readonly(r.backupPath!);
    expect(schemaVersion(b)).toBe(3);
    expect(userColumns(b).map((c) => c.name)).not.toContain('signature_png');
    expect(b.prepare('SELECT * FROM users').all()).toEqual(before);
  });

  it('an office created at 0003 is migrated by createCore: its users log in and can be given a signature', async () => {
    const { db: d, path } = files.open('office.sqlite');
    await migrate(d, path, AT_0003, clock);
    // today's code runs on today's schema only: the office is made by it, then copied into the 0003 file
    const { path: nowPath } = files.open('now.sqlite');
    const now = await createCore({ dbPath: nowPath, clock, pinCost: 1024 });
    ok(await now.call('office.init', { name: '华东办事处', admin: { name: '管理员', pin: '0000' } }));
    const admin = ok(await now.call('auth.login', { user: '管理员', pin: '0000' })).sessionToken;
    ok(await now.call('users.create', { name: '李娜', roles: ['keeper'], pin: '4444' }, { sessionToken: admin }));
    now.close();
    copyRowsInto(d, nowPath);
    expect(schemaVersion(d)).toBe(3);
    d.close();

    const core = await createCore({ dbPath: path, clock, pinCost: 1024 });
    try {
      expect(core.migration).toEqual({ from: 3, to: MIGRATIONS.length, backupPath: `${path}.v3-20261129T010203.bak` });
      const keeper = ok(await core.call('auth.login', { user: '李娜', pin: '4444' })).sessionToken;
      const token = ok(await core.call('auth.login', { user: '管理员', pin: '0000' })).sessionToken;
      const users = ok(await core.call('users.list', {}, { sessionToken: token }));
      expect(users.map((u) => [u.name, u.hasSignature])).toEqual([
        ['管理员', false],
        ['李娜', false],
      ]);
      const keeperId = users.find((u) => u.name === '李娜')!.id;
      const b64 = signaturePng().toString('base64');
      expect(ok(await core.call('users.setSignature', { userId: keeperId, pngBase64: b64 }, { sessionToken: keeper })).hasSignature).toBe(true);
      expect(ok(await core.call('users.signature', { userId: keeperId }, { sessionToken: token })).pngBase64).toBe(b64);
    } finally {
      core.close();
    }
  });
});
