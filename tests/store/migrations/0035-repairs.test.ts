// Migration 0035 (repairs): repair records, append-only; slips may be of kind 'repair' with a
// defective first line; print_log may log a pick list (of a slip) or a count's papers (of a count).
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0035Repairs } from '../../../electron/store/migrations/0035-repairs';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0035Repairs);

describe('migration 0035 (repairs)', () => {
  it('comes after the migrations before it, named repairs, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0035Repairs.version, m0035Repairs.name]).toEqual([at + 1, 'repairs']);
  });

  it('keeps repair records append-only, takes repair slips and logs the new papers', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.exec(`INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u');
      INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'A1', '瓷砖', '片', 'c', 'u');`);
    const slip = (kind: string) =>
      d
        .prepare(
          "INSERT INTO slips (no, kind, state, business_date, memo, created_by, created_at, updated_at) VALUES (?, ?, 'draft', '2026-12-07', '', 1, 'c', 'c')",
        )
        .run(`${kind}1`, kind);
    expect(() => slip('repair')).toThrow(/CHECK/);
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    const id = Number(slip('repair').lastInsertRowid);
    const line = d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, amount_fen, memo, defective) VALUES (?, ?, 1, 1, 0, ?, ?)');
    line.run(id, 1, '', 1); // a repair's first line takes defective stock
    const inbound = Number(slip('inbound').lastInsertRowid);
    expect(() => line.run(inbound, 1, '', 1)).toThrow(/can be marked defective/);
    const add = d.prepare(
      `INSERT INTO repairs (no, item_id, qty, fault, repaired_by, outcome, slip_id, business_date, created_by, created_at)
       VALUES (?, 1, 1, '裂', '李', ?, ?, '2026-12-07', 1, 'c')`,
    );
    add.run('WX1', 'repaired', id);
    expect(() => add.run('WX1', 'repaired', id)).toThrow(/UNIQUE/);
    expect(() => add.run('WX2', 'fixed', id)).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE repairs SET qty = 2').run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM repairs').run()).toThrow(/never deleted/);
    const log = d.prepare(
      "INSERT INTO print_log (doc, slip_id, count_id, paper, copies, print_no, printed_at, printed_by) VALUES (?, ?, ?, 'A4', '[]', 1, 't', 1)",
    );
    log.run('pickList', inbound, null);
    expect(() => log.run('pickSheet', inbound, null)).toThrow(/CHECK/);
    expect(() => log.run('countSheet', null, null)).toThrow(/CHECK/); // a count's paper names its count
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
