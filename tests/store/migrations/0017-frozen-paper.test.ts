// Migration 0017 (frozen-paper): slips.paper_json, NULL on every slip already in the books (they print
// and verify as before), refusing what is not JSON.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0017FrozenPaper } from '../../../electron/store/migrations/0017-frozen-paper';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0017FrozenPaper);

describe('migration 0017 (frozen-paper)', () => {
  it('comes after the migrations before it, named frozen-paper, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0017FrozenPaper.version, m0017FrozenPaper.name]).toEqual([at + 1, 'frozen-paper']);
  });

  it('adds paper_json, NULL on the slips in the books; only JSON goes in', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare(
      "INSERT INTO slips (id, no, kind, state, business_date, memo, created_by, created_at, updated_at, version) VALUES (1, 'JC202611290001', 'inbound', 'draft', '2026-11-29', '', 1, 'c', 'u', 1)",
    ).run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT paper_json FROM slips WHERE id = 1').pluck().get()).toBeNull();
    expect(() => d.prepare("UPDATE slips SET paper_json = 'not json' WHERE id = 1").run()).toThrow(/CHECK/);
    d.prepare(`UPDATE slips SET paper_json = '{"party":null,"lines":{}}' WHERE id = 1`).run();
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
