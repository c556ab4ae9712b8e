// Migration 0020 (refunds): the pending refunds table, empty on an existing office (refunds made
// before it were paid at posting); a refund changes once, from pending to paid (with finance, the
// day, the signature and its journal row) or to cancelled (with who, when and why), never in its
// slip, customer, account or amount; a settled refund never changes; none is deleted; none is made
// or settled on or before a closed day.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0020Refunds } from '../../../electron/store/migrations/0020-refunds';
import type { DB } from '../../../electron/store/db';
import { clock, expectEveryTableStrict, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0020Refunds);

function books(d: DB): void {
  d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
  d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
  for (const id of [1, 2, 3])
    d.prepare(
      `INSERT INTO slips (id, no, kind, state, business_date, customer_id, payment_mode, created_by, created_at, updated_at)
       VALUES (?, ?, 'return', 'draft', '2026-12-01', 1, 'cash', 1, 'c', 'u')`,
    ).run(id, `TH2026120100${id}`);
  d.prepare(
    `INSERT INTO money_journal (id, account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary)
     VALUES (1, 'cash', '现收202612010001', 'in', 10000, 10000, '2026-12-01', 'p', 1, 'topup', 'topup', '备用金')`,
  ).run();
}

const add = (d: DB, slipId: number, date = '2026-12-02') =>
  d
    .prepare(
      `INSERT INTO refunds (slip_id, customer_id, cause, account, amount_fen, summary, business_date, created_by, created_at)
       VALUES (?, 1, 'return_refund', 'cash', 7800, '退货退款', ?, 1, 'c')`,
    )
    .run(slipId, date);

describe('migration 0020 (refunds)', () => {
  it('comes after the migrations before it, named refunds, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0020Refunds.version, m0020Refunds.name]).toEqual([at + 1, 'refunds']);
  });

  it('adds an empty refunds table; pending → paid or cancelled once, whole; settled refunds and their figures never change', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    books(d);
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expectEveryTableStrict(d);
    expect(d.prepare('SELECT COUNT(*) FROM refunds').pluck().get()).toBe(0);

    add(d, 1);
    expect(() => add(d, 1)).toThrow(/UNIQUE/); // one refund per slip
    expect(() =>
      d
        .prepare(
          "INSERT INTO refunds (slip_id, customer_id, cause, account, amount_fen, summary, business_date, created_by, created_at) VALUES (2, 1, 'return_refund', 'cash', 0, 's', '2026-12-02', 1, 'c')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE refunds SET amount_fen = 1 WHERE slip_id = 1').run()).toThrow(/never change/);
    // paid only with finance, the time, the day, the signature and the journal row
    expect(() => d.prepare("UPDATE refunds SET state = 'paid' WHERE slip_id = 1").run()).toThrow(/CHECK/);
    d.prepare(
      "UPDATE refunds SET state = 'paid', confirmed_by = 1, confirmed_at = 't', paid_date = '2026-12-02', signature = 'sig', journal_id = 1 WHERE slip_id = 1",
    ).run();
    expect(() =>
      d
        .prepare(
          "UPDATE refunds SET state = 'cancelled', cancelled_by = 1, cancelled_at = 't', cancelled_date = '2026-12-02', cancel_reason = 'x' WHERE slip_id = 1",
        )
        .run(),
    ).toThrow(/settled refund/);
    expect(() => d.prepare('DELETE FROM refunds').run()).toThrow(/never deleted/);
    // cancelled only with who, when, the day and why
    add(d, 2);
    expect(() => d.prepare("UPDATE refunds SET state = 'cancelled' WHERE slip_id = 2").run()).toThrow(/CHECK/);
    d.prepare(
      "UPDATE refunds SET state = 'cancelled', cancelled_by = 1, cancelled_at = 't', cancelled_date = '2026-12-02', cancel_reason = '红字冲销' WHERE slip_id = 2",
    ).run();
    expect(() =>
      d
        .prepare(
          "UPDATE refunds SET state = 'pending', cancelled_by = NULL, cancelled_at = NULL, cancelled_date = NULL, cancel_reason = NULL WHERE slip_id = 2",
        )
        .run(),
    ).toThrow(/settled refund/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });

  it('makes and settles no refund on or before the last closed day', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    books(d);
    add(d, 1, '2026-12-01');
    d.prepare(
      `INSERT INTO day_closes (business_date, closed_at, closed_by, finance_id, statistician_id, expected_cash_fen, counted_cash_fen, difference_fen,
         counts_json, channels_json, closing_json, failed_checks_json, rows_hash)
       VALUES ('2026-12-01', 't', 1, 1, 1, 0, 0, 0, '{}', '[]', '{}', '[]', 'h')`,
    ).run();
    expect(() => add(d, 2, '2026-12-01')).toThrow(/day_closed/);
    expect(() =>
      d
        .prepare(
          "UPDATE refunds SET state = 'paid', confirmed_by = 1, confirmed_at = 't', paid_date = '2026-12-01', signature = 's', journal_id = 1 WHERE slip_id = 1",
        )
        .run(),
    ).toThrow(/day_closed/);
    add(d, 2, '2026-12-02');
    d.prepare(
      "UPDATE refunds SET state = 'paid', confirmed_by = 1, confirmed_at = 't', paid_date = '2026-12-02', signature = 's', journal_id = 1 WHERE slip_id = 1",
    ).run();
    expect(d.prepare('SELECT state FROM refunds ORDER BY id').pluck().all()).toEqual(['paid', 'pending']);
  });
});
