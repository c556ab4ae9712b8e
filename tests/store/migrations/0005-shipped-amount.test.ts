// Migration 0005 (shipped-amount): slip_lines.shipped_amount_fen, the amount that moved on a posted
// line, stored once at posting. Lines posted before it get the figure the books used to recompute
// (the line's amount when all of it moved, else shipped_qty × price); drafts keep NULL; posted
// lines stay frozen afterwards; a desk opened on the migrated file posts and verifies clean.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0005ShippedAmount } from '../../../electron/store/migrations/0005-shipped-amount';
import type { DB } from '../../../electron/store/db';
import { verifyBooks } from '../../../electron/domains/system/verify';
import { asReadable } from '../../../electron/store/db';
import { demoOffice, ok } from '../../helpers/index';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const AT_0004 = MIGRATIONS.slice(0, 4);

/** A dispatch at 0004: lines [qty, price, shipped] inserted as a draft, then posted (or left a draft). */
function slip(d: DB, id: number, state: 'draft' | 'posted', lines: [number, number, number | null][]): void {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, customer_id, payment_mode, created_by, created_at, updated_at)
     VALUES (?, ?, 'dispatch', 'draft', '2026-11-28', 1, 'cash', 1, 'c', 'u')`,
  ).run(id, `FH2026112800${String(id).padStart(2, '0')}`);
  lines.forEach(([qty, price, shipped], i) =>
    d
      .prepare('INSERT INTO slip_lines (slip_id, line_no, item_id, qty, price_fen, amount_fen, shipped_qty) VALUES (?, ?, 1, ?, ?, ?, ?)')
      .run(id, i + 1, qty, price, qty * price, shipped),
  );
  if (state === 'posted') d.prepare("UPDATE slips SET state = 'posted', posted_by = 1, posted_at = 'p', post_seq = ? WHERE id = ?").run(id, id);
}

const shippedAmounts = (d: DB) =>
  d.prepare('SELECT slip_id, line_no, shipped_amount_fen FROM slip_lines ORDER BY slip_id, line_no').raw().all() as [number, number, number | null][];

describe('migration 0005 (shipped-amount)', () => {
  it('is the fifth migration', () => {
    expect(MIGRATIONS[4]).toBe(m0005ShippedAmount);
    expect([m0005ShippedAmount.version, m0005ShippedAmount.name]).toEqual([5, 'shipped-amount']);
  });

  it('fills posted lines with what moved (all of the line, or shipped × price), leaves drafts NULL, keeps posted lines frozen', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, AT_0004, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    slip(d, 1, 'posted', [
      [10, 6400, 10], // all of it moved: the line's amount
      [7, 333, 3], // short-picked: 3 × 333
      [5, 1200, 0], // nothing moved
    ]);
    slip(d, 2, 'draft', [[4, 500, null]]);

    const r = await migrate(d, path, MIGRATIONS.slice(0, 5), clock);
    expect(r).toMatchObject({ from: 4, to: 5 });
    expect(schemaVersion(d)).toBe(5);
    expect(shippedAmounts(d)).toEqual([
      [1, 1, 64000],
      [1, 2, 999],
      [1, 3, 0],
      [2, 1, null],
    ]);
    // the trigger the backfill lifted is back: a posted line cannot change
    expect(() => d.prepare('UPDATE slip_lines SET shipped_amount_fen = 1 WHERE slip_id = 1').run()).toThrow(/cannot be changed/);
    expect(d.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'slip_lines_frozen_update'").pluck().get()).toBe(1);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(4);
  });

  it('a desk on the migrated schema stores the shipped amount at posting, and verify checks it', async () => {
    const o = await demoOffice();
    try {
      const keeper = o.tokens.keeper;
      const inb = ok(
        await o.core.call(
          'slips.create',
          { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-1', lines: [{ itemId: o.itemId('CZ-8801'), qty: 3, unitCostFen: 333 }] },
          { sessionToken: keeper },
        ),
      );
      ok(await o.core.call('slips.post', { slipId: inb.id }, { sessionToken: keeper }));
      expect(o.core.db.prepare('SELECT shipped_qty, shipped_amount_fen FROM slip_lines WHERE slip_id = ?').get(inb.id)).toEqual({
        shipped_qty: 3,
        shipped_amount_fen: 999,
      });
      expect(verifyBooks(asReadable(o.core.db)).problems).toEqual([]);
      // a posted line whose stored amount is wrong (written behind the triggers) is found
      o.core.db.exec('DROP TRIGGER slip_lines_frozen_update');
      o.core.db.prepare('UPDATE slip_lines SET shipped_amount_fen = 998 WHERE slip_id = ?').run(inb.id);
      expect(verifyBooks(asReadable(o.core.db)).problems.map((p) => p.check)).toContain('slips.shipped');
    } finally {
      o.close();
    }
  });
});
