// Migration 0024 (counts): slips may be of kind 'count' (existing slips kept, with their triggers);
// the office gets its count settings (blind, no recount by default); counts, their lines and
// entries: a posted count changes only to reversed, its lines never; entries are append-only;
// nothing is deleted.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0024Counts } from '../../../electron/store/migrations/0024-counts';
import type { DB } from '../../../electron/store/db';
import { clock, expectEveryTableStrict, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0024Counts);

function books(d: DB): void {
  d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u')").run();
  d.prepare("INSERT INTO items (id, code, name, unit, location, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'A-01-1', 'c', 'u')").run();
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, created_by, created_at, updated_at)
     VALUES (1, 'JC202612010001', 'inbound', 'draft', '2026-12-01', 1, 'c', 'u')`,
  ).run();
}

describe('migration 0024 (counts)', () => {
  it('comes after the migrations before it, named counts, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0024Counts.version, m0024Counts.name]).toEqual([at + 1, 'counts']);
  });

  it('widens slips.kind with count, keeping rows and triggers; adds the settings and the count tables', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    books(d);
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expectEveryTableStrict(d);
    expect(d.prepare('SELECT no FROM slips').pluck().all()).toEqual(['JC202612010001']);
    expect(d.prepare("SELECT name, dflt_value FROM pragma_table_info('office') WHERE name LIKE 'count%' ORDER BY cid").all()).toEqual([
      { name: 'count_mode', dflt_value: "'blind'" },
      { name: 'count_recount', dflt_value: '0' },
    ]);
    d.prepare(
      "INSERT INTO slips (id, no, kind, state, business_date, created_by, created_at, updated_at) VALUES (2, 'PD202612010001', 'count', 'draft', '2026-12-01', 1, 'c', 'u')",
    ).run();
    expect(() =>
      d.prepare("INSERT INTO slips (no, kind, state, business_date, created_by, created_at, updated_at) VALUES ('X', 'nope', 'draft', 'd', 1, 'c', 'u')").run(),
    ).toThrow(/CHECK/);
    expect(() => d.prepare('DELETE FROM slips WHERE id = 1').run()).toThrow(/never deleted/); // slips' triggers kept

    d.prepare(
      "INSERT INTO counts (id, no, kind, scope, blind, recount, business_date, created_by, created_at) VALUES (1, 'PD202612010001', 'weekly', 's', 1, 0, '2026-12-01', 1, 'c')",
    ).run();
    d.prepare("INSERT INTO count_lines (id, count_id, item_id, location) VALUES (1, 1, 1, 'A-01-1')").run();
    expect(() => d.prepare('UPDATE count_lines SET counted_qty = 3 WHERE id = 1').run()).toThrow(/CHECK/); // a count needs its book
    d.prepare('UPDATE count_lines SET book_qty = 5, counted_qty = 3 WHERE id = 1').run();
    d.prepare("INSERT INTO count_entries (line_id, user_id, how, qty, at) VALUES (1, 1, 'typed', 3, 't')").run();
    expect(() => d.prepare('UPDATE count_entries SET qty = 4').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM count_entries').run()).toThrow(/append-only/);
    expect(() => d.prepare("UPDATE counts SET state = 'posted' WHERE id = 1").run()).toThrow(/CHECK/);
    d.prepare("UPDATE counts SET state = 'posted', approved_by = 1, approved_at = 't', posted_slip_id = 2 WHERE id = 1").run();
    expect(() => d.prepare('UPDATE count_lines SET counted_qty = 5 WHERE id = 1').run()).toThrow(/posted count/);
    expect(() => d.prepare("UPDATE counts SET scope = 'x' WHERE id = 1").run()).toThrow(/only reversed/);
    expect(() => d.prepare("INSERT INTO count_lines (count_id, item_id, location) VALUES (1, 1, 'B')").run()).toThrow(/only while the count is open/);
    d.prepare("UPDATE counts SET state = 'reversed', reversal_slip_id = 1 WHERE id = 1").run();
    expect(() => d.prepare("UPDATE counts SET state = 'posted', reversal_slip_id = NULL WHERE id = 1").run()).toThrow(/only reversed/);
    expect(() => d.prepare('DELETE FROM counts').run()).toThrow(/never deleted/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
