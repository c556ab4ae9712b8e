// Migration 0014 (opening-import): items.location ('' on every item already in the books, at most 20
// characters); print_log takes the opening slip (doc 'opening') and keeps its rows, indexes and
// triggers; one live opening slip, where a reversed one no longer counts.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0014OpeningImport } from '../../../electron/store/migrations/0014-opening-import';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0014OpeningImport);
const BEFORE = MIGRATIONS.slice(0, at);

function slip(d: DB, id: number, kind: string, state: string, source: number | null = null): void {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, source_slip_id, created_by, created_at, updated_at, post_seq)
     VALUES (?, ?, ?, ?, '2026-11-29', ?, 1, 'c', 'u', ?)`,
  ).run(id, `QC2026112900${id}`, kind, state, source, state === 'posted' ? id : null);
}

function print(d: DB, doc: string, slipId: number): void {
  d.prepare(
    `INSERT INTO print_log (doc, slip_id, paper, copies, print_no, content_hash, printed_at, printed_by) VALUES (?, ?, 'A5', '["第一联 存根"]', 1, 'h', 't', 1)`,
  ).run(doc, slipId);
}

async function migrated(): Promise<{ d: DB; backupPath: string }> {
  const { db: d, path } = files.open();
  await migrate(d, path, BEFORE, clock);
  d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
  d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
  slip(d, 1, 'inbound', 'posted');
  print(d, 'inbound', 1);
  const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
  expect(r).toMatchObject({ from: at, to: at + 1 });
  return { d, backupPath: r.backupPath! };
}

describe('migration 0014 (opening-import)', () => {
  it('comes after the migrations before it, named opening-import', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0014OpeningImport.version, m0014OpeningImport.name]).toEqual([at + 1, 'opening-import']);
  });

  it('gives every existing item an empty location and refuses one over 20 characters', async () => {
    const { d, backupPath } = await migrated();
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT location FROM items WHERE id = 1').pluck().get()).toBe('');
    d.prepare("UPDATE items SET location = 'A-03-2' WHERE id = 1").run();
    expect(d.prepare('SELECT location FROM items WHERE id = 1').pluck().get()).toBe('A-03-2');
    expect(() => d.prepare('UPDATE items SET location = ? WHERE id = 1').run('x'.repeat(21))).toThrow(/CHECK/);
    expect(schemaVersion(files.readonly(backupPath))).toBe(at);
  });

  it('logs prints of the opening slip, keeping the print log’s rows, indexes and triggers', async () => {
    const { d } = await migrated();
    expect(d.prepare('SELECT doc, slip_id FROM print_log').all()).toEqual([{ doc: 'inbound', slip_id: 1 }]);
    slip(d, 2, 'opening', 'posted');
    print(d, 'opening', 2);
    expect(() => print(d, 'opening', 2)).toThrow(/UNIQUE/); // print_log_slip: print numbers once per slip
    expect(() => print(d, 'cashCount', 2)).toThrow(/CHECK/);
    expect(() => d.prepare('DELETE FROM print_log').run()).toThrow();
  });

  it('allows one live opening slip: a second only once the first is reversed', async () => {
    const { d } = await migrated();
    slip(d, 2, 'opening', 'void');
    slip(d, 3, 'opening', 'posted');
    expect(() => slip(d, 4, 'opening', 'draft')).toThrow(/one live opening slip/);
    slip(d, 5, 'reversal', 'posted', 3);
    slip(d, 6, 'opening', 'posted');
    expect(() => slip(d, 7, 'opening', 'draft')).toThrow(/one live opening slip/);
  });
});
