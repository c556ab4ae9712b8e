// Migration 0015 (pre-golive-returns): slips.pre_golive, 0 on every slip already in the books; only
// a return without a source dispatch may carry it, it never changes, its lines point at no dispatch
// line, and it posts only with a unit cost and a refund price on every line (triggers beside
// slips/preGoLiveRules.ts).
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0015PreGoLiveReturns } from '../../../electron/store/migrations/0015-pre-golive-returns';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0015PreGoLiveReturns);
const BEFORE = MIGRATIONS.slice(0, at);

function slip(d: DB, id: number, kind: 'dispatch' | 'return', sourceId: number | null = null): void {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, customer_id, source_slip_id, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', '2026-12-01', 1, ?, 1, 'c', 'u')`,
  ).run(id, `X2026120100${id}`, kind, sourceId);
}

describe('migration 0015 (pre-golive-returns)', () => {
  it('comes after the migrations before it, named pre-golive-returns', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0015PreGoLiveReturns.version, m0015PreGoLiveReturns.name]).toEqual([at + 1, 'pre-golive-returns']);
  });

  it('marks no slip already in the books, and keeps the mark to a return without a dispatch', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    slip(d, 1, 'dispatch');
    d.prepare('INSERT INTO slip_lines (id, slip_id, line_no, item_id, qty, price_fen, amount_fen) VALUES (1, 1, 1, 1, 3, 700, 2100)').run();

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT pre_golive FROM slips').pluck().all()).toEqual([0]);

    expect(() => d.prepare('UPDATE slips SET pre_golive = 1 WHERE id = 1').run()).toThrow(/CHECK|never changes/);
    slip(d, 2, 'return', 1);
    expect(() => d.prepare('UPDATE slips SET pre_golive = 1 WHERE id = 2').run()).toThrow(/CHECK|never changes/);
    d.prepare(
      `INSERT INTO slips (id, no, kind, state, business_date, customer_id, payment_mode, created_by, created_at, updated_at, pre_golive)
       VALUES (3, 'TH202612010003', 'return', 'draft', '2026-12-01', 1, 'cash', 1, 'c', 'u', 1)`,
    ).run();
    expect(() => d.prepare('UPDATE slips SET pre_golive = 0 WHERE id = 3').run()).toThrow(/never changes/);
    expect(() =>
      d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, price_fen, amount_fen, source_line_id) VALUES (3, 1, 1, 1, 700, 700, 1)').run(),
    ).toThrow(/no dispatch line/);
    d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, price_fen, amount_fen) VALUES (3, 1, 1, 1, 700, 700)').run();
    expect(() => d.prepare("UPDATE slips SET state = 'posted' WHERE id = 3").run()).toThrow(/unit cost and a refund price/);
    d.prepare('UPDATE slip_lines SET unit_cost_fen = 520 WHERE slip_id = 3').run();
    d.prepare("UPDATE slips SET state = 'posted', post_seq = 1, posted_by = 1, posted_at = 'p' WHERE id = 3").run();
    expect(d.prepare('SELECT state FROM slips WHERE id = 3').pluck().get()).toBe('posted');
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
