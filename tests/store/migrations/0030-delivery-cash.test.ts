// Migration 0030 (delivery-cash): slips carry whether the carrier collects the cash (none do on an
// existing office); delivery_cash is empty, one row per slip, settled once, never deleted.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0030DeliveryCash } from '../../../electron/store/migrations/0030-delivery-cash';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0030DeliveryCash);

describe('migration 0030 (delivery-cash)', () => {
  it('comes after the migrations before it, named delivery-cash, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0030DeliveryCash.version, m0030DeliveryCash.name]).toEqual([at + 1, 'delivery-cash']);
  });

  it('marks no slip as collected by its carrier, and keeps delivery cash settled once', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '李磊', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '李记瓷砖', 'c', 'u')").run();
    d.prepare(
      `INSERT INTO slips (id, no, kind, state, business_date, customer_id, payment_mode, created_by, created_at, updated_at)
       VALUES (1, 'FH202612070001', 'dispatch', 'draft', '2026-12-07', 1, 'cash', 1, 'c', 'u')`,
    ).run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(d.prepare('SELECT collect_by_carrier FROM slips').pluck().get()).toBe(0);
    expect(() => d.prepare('UPDATE slips SET collect_by_carrier = 2').run()).toThrow(/CHECK/);

    const add = d.prepare(
      "INSERT INTO delivery_cash (slip_id, customer_id, amount_fen, summary, business_date, created_by, created_at) VALUES (1, 1, ?, '送货收款', '2026-12-07', 1, 't')",
    );
    expect(() => add.run(0)).toThrow(/CHECK/);
    add.run(7800);
    expect(() => add.run(7800)).toThrow(/UNIQUE/);
    expect(() => d.prepare("UPDATE delivery_cash SET state = 'handed'").run()).toThrow(/CHECK/);
    d.prepare("UPDATE delivery_cash SET state = 'cancelled', cancelled_at = 't2', cancelled_date = '2026-12-07'").run();
    expect(() => d.prepare("UPDATE delivery_cash SET state = 'pending', cancelled_date = NULL").run()).toThrow(/settled once/);
    expect(() => d.prepare('DELETE FROM delivery_cash').run()).toThrow(/never deleted/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
