// Migration 0023 (slip-carriers): who carries a slip, as an append-only history beside the slips;
// an existing office starts with nobody named on any slip.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0023SlipCarriers } from '../../../electron/store/migrations/0023-slip-carriers';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0023SlipCarriers);

describe('migration 0023 (slip-carriers)', () => {
  it('comes after the migrations before it, named slip-carriers, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0023SlipCarriers.version, m0023SlipCarriers.name]).toEqual([at + 1, 'slip-carriers']);
  });

  it('adds an empty, append-only slip_carriers of slips and users', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '刘强', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare(
      `INSERT INTO slips (id, no, kind, state, business_date, created_by, created_at, updated_at)
       VALUES (1, 'FH202612070001', 'dispatch', 'draft', '2026-12-07', 1, 'c', 'u')`,
    ).run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT COUNT(*) FROM slip_carriers').pluck().get()).toBe(0);

    const add = d.prepare('INSERT INTO slip_carriers (slip_id, carrier_id, set_by, set_at) VALUES (?, ?, ?, ?)');
    add.run(1, 1, 1, '2026-12-07T02:00:00.000Z');
    add.run(1, null, 1, '2026-12-07T02:05:00.000Z');
    expect(() => add.run(9, 1, 1, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => add.run(1, 9, 1, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => d.prepare('UPDATE slip_carriers SET carrier_id = 1').run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM slip_carriers').run()).toThrow(/never deleted/);
    expect(d.prepare('SELECT COUNT(*) FROM slip_carriers').pluck().get()).toBe(2);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
