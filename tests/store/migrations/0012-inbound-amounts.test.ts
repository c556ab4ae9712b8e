// Migration 0012 (inbound-amounts): slip_lines.amount_entered, 0 on every line already in the books
// (they were entered by unit cost), and a line entered by amount carries no unit cost (a trigger,
// beside slips/rules.ts); slips.second_delivery_reason, NULL on every slip, only on an inbound.
// Temporarily at version 10 (its position); the lead renumbers at merge.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0012InboundAmounts } from '../../../electron/store/migrations/0012-inbound-amounts';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0012InboundAmounts);
const BEFORE = MIGRATIONS.slice(0, at);

function slip(d: DB, id: number, kind: 'inbound' | 'dispatch'): void {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, supplier_id, customer_id, delivery_note_no, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', '2026-12-01', ?, ?, ?, 1, 'c', 'u')`,
  ).run(id, `X2026120100${id}`, kind, kind === 'inbound' ? 1 : null, kind === 'dispatch' ? 1 : null, kind === 'inbound' ? 'HQ-1' : null);
  d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, unit_cost_fen, amount_fen) VALUES (?, 1, 1, 3, 333, 999)').run(id);
}

describe('migration 0012 (inbound-amounts)', () => {
  it('comes after the migrations before it, named inbound-amounts', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0012InboundAmounts.version, m0012InboundAmounts.name]).toEqual([at + 1, 'inbound-amounts']);
  });

  it('marks every existing line as entered by unit cost, and keeps an entered amount without a unit cost', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    d.prepare("INSERT INTO suppliers (id, code, name, created_at, updated_at) VALUES (1, 'GY001', '总部', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    slip(d, 1, 'inbound');
    slip(d, 2, 'dispatch');

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT amount_entered FROM slip_lines ORDER BY id').pluck().all()).toEqual([0, 0]);
    expect(d.prepare('SELECT second_delivery_reason FROM slips ORDER BY id').pluck().all()).toEqual([null, null]);

    d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, amount_fen, amount_entered) VALUES (1, 2, 1, 3, 1000, 1)').run();
    expect(() =>
      d.prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, unit_cost_fen, amount_fen, amount_entered) VALUES (1, 3, 1, 3, 333, 1000, 1)').run(),
    ).toThrow(/no unit cost/);
    expect(() => d.prepare('UPDATE slip_lines SET amount_entered = 2 WHERE slip_id = 1 AND line_no = 2').run()).toThrow(/CHECK/);
    d.prepare("UPDATE slips SET second_delivery_reason = '第二车' WHERE id = 1").run();
    expect(() => d.prepare("UPDATE slips SET second_delivery_reason = '第二车' WHERE id = 2").run()).toThrow(/CHECK/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
