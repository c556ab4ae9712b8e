// Migration 0029 (safety-proposals): safety stock proposals, empty on an existing office; one waiting
// proposal per item; a proposal is decided once and never rewritten or deleted.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0029SafetyProposals } from '../../../electron/store/migrations/0029-safety-proposals';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0029SafetyProposals);

describe('migration 0029 (safety-proposals)', () => {
  it('comes after the migrations before it, named safety-proposals, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0029SafetyProposals.version, m0029SafetyProposals.name]).toEqual([at + 1, 'safety-proposals']);
  });

  it('adds safety_proposals: one waiting per item, decided once, never deleted', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare(
      "INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u'), (2, '张伟', '', 'scrypt$x', 'c', 'u')",
    ).run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT COUNT(*) FROM safety_proposals').pluck().get()).toBe(0);

    const add = d.prepare(
      `INSERT INTO safety_proposals (item_id, from_qty, qty, reason, window_days, cover_days, sold_qty, avg_daily_milli, suggested, as_of, proposed_by, proposed_at)
       VALUES (1, 120, ?, '旺季', 90, 15, 25, 278, 6, '2026-11-29', 1, 't')`,
    );
    add.run(20);
    expect(() => add.run(24)).toThrow(/UNIQUE/);
    expect(() => d.prepare("UPDATE safety_proposals SET state = 'approved' WHERE id = 1").run()).toThrow(/CHECK/);
    d.prepare("UPDATE safety_proposals SET state = 'approved', decided_by = 2, decided_at = 't2' WHERE id = 1").run();
    expect(() => d.prepare("UPDATE safety_proposals SET state = 'rejected' WHERE id = 1").run()).toThrow(/decided once/);
    add.run(24);
    expect(() => d.prepare('UPDATE safety_proposals SET qty = 99 WHERE id = 2').run()).toThrow(/decided once/);
    expect(() => d.prepare('DELETE FROM safety_proposals').run()).toThrow(/never deleted/);
    expect(() => add.run(-1)).toThrow(/CHECK/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
