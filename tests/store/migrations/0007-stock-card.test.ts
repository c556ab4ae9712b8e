// Migration 0007 (stock-card): office.returns_on_card (红字发出 by default, or 收入) and
// stock_month_totals, summed from the moves already in the books and kept by a trigger on every
// new move: in, out, and returns (a return and a reversal of one) apart, signed as the moves are.
// verify finds a month total that no longer matches its moves.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0007StockCard } from '../../../electron/store/migrations/0007-stock-card';
import { asReadable, type DB } from '../../../electron/store/db';
import { verifyBooks } from '../../../electron/domains/system/verify';
import { demoOffice } from '../../helpers/index';
import { cardBooks } from '../../helpers/card-books';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0007StockCard);
const BEFORE = MIGRATIONS.slice(0, at);

/** A posted slip with one line of item 1 and its move: [id, kind, date, source slip, direction, qty, amount, layer, balance qty, balance fen]. */
type M = [number, 'inbound' | 'dispatch' | 'return' | 'reversal', string, number | null, 'in' | 'out', number, number, number, number, number];

function book(d: DB, [id, kind, date, source, dir, qty, amount, layer, balQty, balFen]: M): void {
  d.prepare(
    `INSERT INTO slips (id, no, kind, state, business_date, customer_id, supplier_id, payment_mode, source_slip_id, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', ?, 1, NULL, 'cash', ?, 1, 'c', 'u')`,
  ).run(id, `X${id}`, kind, date, source);
  d.prepare('INSERT INTO slip_lines (id, slip_id, line_no, item_id, qty, amount_fen) VALUES (?, ?, 1, 1, ?, ?)').run(id, id, Math.abs(qty), Math.abs(amount));
  d.prepare("UPDATE slips SET state = 'posted', posted_by = 1, posted_at = 'p', post_seq = ? WHERE id = ?").run(id, id);
  if (!d.prepare('SELECT 1 FROM stock_layers WHERE id = ?').get(layer))
    d.prepare('INSERT INTO stock_layers (id, item_id, in_qty, in_amount_fen, remaining_qty, remaining_amount_fen) VALUES (?, 1, ?, ?, 0, 0)').run(
      layer,
      qty,
      amount,
    );
  d.prepare(
    `INSERT INTO stock_moves (item_id, slip_id, slip_line_id, direction, qty, amount_fen, layer_id, business_date, posted_at, balance_qty, balance_amount_fen)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'p', ?, ?)`,
  ).run(id, id, dir, qty, amount, layer, date, balQty, balFen);
}

const totals = (d: DB) => d.prepare('SELECT * FROM stock_month_totals ORDER BY item_id, month').raw().all();

describe('migration 0007 (stock-card)', () => {
  it('comes after 0005 and is named stock-card', () => {
    expect(at).toBeGreaterThanOrEqual(5);
    expect(m0007StockCard.name).toBe('stock-card');
  });

  it('sums the months already booked, in / out / returns apart; the trigger adds every new move; the office writes returns as 红字发出', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare(
      "INSERT INTO office (id, name, short_name, timezone, public_key_pem, private_key_pem, created_at) VALUES (1, '办', '办', 'Asia/Shanghai', 'k', 'k', 'c')",
    ).run();
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, created_at, updated_at) VALUES (1, 'CZ-8801', '抛光砖', '片', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    book(d, [1, 'inbound', '2026-10-05', null, 'in', 10, 1000, 1, 10, 1000]);
    book(d, [2, 'dispatch', '2026-10-20', null, 'out', 4, 400, 1, 6, 600]);
    book(d, [3, 'return', '2026-11-02', 2, 'in', 1, 100, 2, 7, 700]);
    book(d, [4, 'reversal', '2026-11-04', 2, 'out', -4, -400, 1, 11, 1100]); // the dispatch reversed: still 'out'

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r.to).toBe(m0007StockCard.version);
    expect(schemaVersion(d)).toBe(m0007StockCard.version);
    // item, month, in qty/fen, out qty/fen, returns qty/fen
    expect(totals(d)).toEqual([
      [1, '2026-10', 10, 1000, 4, 400, 0, 0],
      [1, '2026-11', 0, 0, -4, -400, 1, 100],
    ]);
    book(d, [5, 'reversal', '2026-12-01', 3, 'in', -1, -100, 2, 10, 1000]); // the return reversed: a return again, red
    book(d, [6, 'inbound', '2026-12-02', null, 'in', 2, 300, 3, 12, 1300]);
    expect(totals(d).slice(2)).toEqual([[1, '2026-12', 2, 300, 0, 0, -1, -100]]);
    expect(d.prepare('SELECT returns_on_card FROM office').pluck().get()).toBe('redIssue');
    expect(() => d.prepare("UPDATE office SET returns_on_card = 'blue'").run()).toThrow(/CHECK/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(BEFORE.at(-1)!.version);
  });

  it('a desk on the migrated schema keeps the totals through the core, and verify finds one that drifted', async () => {
    const o = await demoOffice();
    try {
      const b = cardBooks(o.core, o.itemId('CZ-8801'));
      b.inbound('2026-11-30', [[5, 100]]);
      b.dispatch('2026-12-01', [2]);
      expect(verifyBooks(asReadable(o.core.db)).problems).toEqual([]);
      o.core.db.prepare("UPDATE stock_month_totals SET out_qty = out_qty + 1 WHERE month = '2026-12'").run();
      expect(verifyBooks(asReadable(o.core.db)).problems.map((p) => p.check)).toEqual(['stock.month']);
    } finally {
      o.close();
    }
  });
});
