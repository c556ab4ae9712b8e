// The finance ledger tables (made by migration 0003, tested in tests/store/migrations/) hold in
// storage what the finance code asserts: they are append-only, and no ledger row — stock moves
// included — can be dated into a closed day, whatever writes it.
import { afterEach, describe, expect, it } from 'vitest';
import { expectClean, financeOffice, must, postedDispatch, type DemoOffice } from '../helpers/finance';

describe('the ledger tables', () => {
  let o: DemoOffice;
  afterEach(() => o?.close());

  it('are append-only, and cash cannot go below zero even written by hand', async () => {
    o = await financeOffice();
    await postedDispatch(o, 'KH002', 'credit', [['WY-4001', 1]]);
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen: 3200 });
    const db = o.core.db;
    for (const t of ['money_journal', 'receivable_entries', 'receivable_allocations']) {
      expect(() => db.prepare(`UPDATE ${t} SET business_date = business_date`).run(), t).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM ${t}`).run(), t).toThrow(/append-only/);
    }
    expect(() =>
      db
        .prepare(
          `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary)
           VALUES ('cash', 'X', 'out', 9999, -6799, '2026-11-29', 'now', 1, 'remittance', 'remittance', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    // a settled amount can never exceed what it settles
    expect(() => db.prepare('UPDATE receivable_items SET settled_fen = amount_fen + 1').run()).toThrow(/CHECK constraint/);
    expectClean(o);
  });

  it('refuse a stock move dated into a closed day, whoever writes it', async () => {
    o = await financeOffice();
    await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: {},
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
    });
    const db = o.core.db;
    const m = db.prepare('SELECT * FROM stock_moves ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(() =>
      db
        .prepare(
          `INSERT INTO stock_moves (item_id, slip_id, slip_line_id, direction, qty, amount_fen, layer_id, business_date, posted_at, balance_qty, balance_amount_fen)
           VALUES (?, ?, ?, 'in', 1, 1, ?, '2026-11-28', 'now', 1, 1)`,
        )
        .run(m.item_id, m.slip_id, m.slip_line_id, m.layer_id),
    ).toThrow(/day_closed/);
  });
});
