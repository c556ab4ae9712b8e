// Migration 0008 (defective-lines): slip_lines.defective, 0 on every line already in the books;
// only a return's line can take 1 (a trigger, beside the rule in slips/rules.ts); a posted line's
// mark is frozen with the line.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0008DefectiveLines } from '../../../electron/store/migrations/0008-defective-lines';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0008DefectiveLines);
const BEFORE = MIGRATIONS.slice(0, at);

function slip(d: DB, id: number, kind: 'dispatch' | 'return', state: 'draft' | 'posted'): number {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, customer_id, payment_mode, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', '2026-11-28', 1, 'cash', 1, 'c', 'u')`,
  ).run(id, `${kind === 'return' ? 'TH' : 'FH'}2026112800${String(id).padStart(2, '0')}`, kind);
  const line = d
    .prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, price_fen, amount_fen) VALUES (?, 1, 1, 2, 100, 200)')
    .run(id).lastInsertRowid;
  if (state === 'posted') d.prepare("UPDATE slips SET state = 'posted', posted_by = 1, posted_at = 'p', post_seq = ? WHERE id = ?").run(id, id);
  return Number(line);
}

describe('migration 0008 (defective-lines)', () => {
  it('comes after the migrations before it, named defective-lines', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0008DefectiveLines.version, m0008DefectiveLines.name]).toEqual([at + 1, 'defective-lines']);
  });

  it('gives every existing line 0, lets only a return line be marked, and keeps posted lines frozen', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    const posted = slip(d, 1, 'dispatch', 'posted');
    const draftDispatch = slip(d, 2, 'dispatch', 'draft');
    const draftReturn = slip(d, 3, 'return', 'draft');

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT defective FROM slip_lines ORDER BY id').pluck().all()).toEqual([0, 0, 0]);

    d.prepare('UPDATE slip_lines SET defective = 1 WHERE id = ?').run(draftReturn);
    expect(d.prepare('SELECT defective FROM slip_lines WHERE id = ?').pluck().get(draftReturn)).toBe(1);
    expect(() => d.prepare('UPDATE slip_lines SET defective = 1 WHERE id = ?').run(draftDispatch)).toThrow(/only a return line/);
    expect(() =>
      d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, price_fen, amount_fen, defective) VALUES (2, 2, 1, 1, 1, 1, 1)').run(),
    ).toThrow(/only a return line/);
    expect(() => d.prepare('UPDATE slip_lines SET defective = 2 WHERE id = ?').run(draftReturn)).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE slip_lines SET defective = 0 WHERE id = ?').run(posted)).toThrow(/cannot be changed/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
