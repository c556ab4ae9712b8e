// Migration 0025 (adjustments): slips may be of kind 'writeoff' or 'hqReturn' and print as such;
// the rebuilt slips and print_log keep their rows, indexes and triggers (a posted slip stays
// frozen); slip_lines.cause is NULL on every line already in the books, takes only the five causes,
// and only on a write-off's line (or a reversal's, which copies it); stock layers get the defective
// flag (0 on every layer in the books), and a write-off's or return to HQ's line may be defective.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0025Adjustments } from '../../../electron/store/migrations/0025-adjustments';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0025Adjustments);
const BEFORE = MIGRATIONS.slice(0, at);

const schemaOf = (d: DB, table: string) =>
  d.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index','trigger') ORDER BY name").all(table);

function slip(d: DB, id: number, kind: string, state = 'draft') {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, created_by, created_at, updated_at, post_seq)
     VALUES (?, ?, ?, ?, '2026-12-07', 1, 'c', 'u', ?)`,
  ).run(id, `BS2026120700${id}`, kind, state, state === 'posted' ? id : null);
}
const line = (d: DB, slipId: number, lineNo: number, cause: string | null) =>
  d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, amount_fen, cause) VALUES (?, ?, 1, 1, 0, ?)').run(slipId, lineNo, cause);

describe('migration 0025 (adjustments)', () => {
  it('is in the list after the ones before it, versioned by its position', () => {
    expect(at).toBeGreaterThanOrEqual(22);
    expect([m0025Adjustments.version, m0025Adjustments.name]).toEqual([at + 1, 'adjustments']);
  });

  it('widens the kinds, keeps rows, indexes and triggers, adds the line cause', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    slip(d, 1, 'inbound');
    d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, amount_fen) VALUES (1, 1, 1, 1, 0)').run();
    d.prepare("UPDATE slips SET state = 'posted', post_seq = 1 WHERE id = 1").run();
    expect(() => slip(d, 2, 'writeoff')).toThrow(/CHECK/);
    const slipsSchema = schemaOf(d, 'slips');
    const printSchema = schemaOf(d, 'print_log');

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT id, kind, state FROM slips').all()).toEqual([{ id: 1, kind: 'inbound', state: 'posted' }]);
    expect(d.prepare('SELECT cause FROM slip_lines').pluck().all()).toEqual([null]);
    expect(schemaOf(d, 'slips')).toEqual(slipsSchema);
    expect(schemaOf(d, 'print_log')).toEqual(printSchema);
    expect(d.pragma('foreign_key_check')).toEqual([]);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => d.prepare("UPDATE slips SET memo = 'x' WHERE id = 1").run()).toThrow(/cannot be changed/);

    slip(d, 2, 'writeoff');
    slip(d, 3, 'hqReturn');
    expect(() => slip(d, 4, 'scrap')).toThrow(/CHECK/);
    line(d, 2, 1, 'breakage');
    expect(() => line(d, 2, 2, 'stolen')).toThrow(/CHECK/);
    expect(() => line(d, 3, 1, 'loss')).toThrow(/only a write-off line/);
    line(d, 3, 1, null);
    // defective stock apart: every layer already in the books saleable; a write-off's line may be defective, a dispatch's not
    expect(d.prepare("SELECT name FROM pragma_table_info('stock_layers') WHERE name = 'defective'").pluck().get()).toBe('defective');
    d.prepare('UPDATE slip_lines SET defective = 1 WHERE slip_id = 2').run();
    slip(d, 5, 'dispatch');
    expect(() => d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, amount_fen, defective) VALUES (5, 1, 1, 1, 0, 1)').run()).toThrow(
      /only a return line/,
    );
    d.prepare(
      "INSERT INTO print_log (doc, slip_id, paper, copies, print_no, printed_at, printed_by, content_hash) VALUES ('writeoff', 2, 'A5', '[]', 1, 't', 1, 'h')",
    ).run();
    expect(() =>
      d
        .prepare(
          "INSERT INTO print_log (doc, slip_id, paper, copies, print_no, printed_at, printed_by, content_hash) VALUES ('scrap', 2, 'A5', '[]', 2, 't', 1, 'h')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
