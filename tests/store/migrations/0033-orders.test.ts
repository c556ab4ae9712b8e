// Migration 0033 (orders): lead times on items and the office (default 7), order plans frozen once
// signed, requisitions whose signed content never changes and which are never deleted, and the
// requisition an inbound slip names.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0033Orders } from '../../../electron/store/migrations/0033-orders';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0033Orders);

describe('migration 0033 (orders)', () => {
  it('comes after the migrations before it, named orders, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0033Orders.version, m0033Orders.name]).toEqual([at + 1, 'orders']);
  });

  it('freezes a signed plan and a signed requisition, and deletes neither', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(d.prepare('SELECT lead_days FROM office').pluck().all()).toEqual(d.prepare('SELECT 7 FROM office').pluck().all());
    d.prepare("INSERT INTO order_plans (id, as_of, window_days, cover_days, created_by, created_at) VALUES (1, '2026-12-07', 30, 7, 1, 't')").run();
    d.prepare("UPDATE order_plans SET state = 'signed', signed_by = 1, signed_at = 't' WHERE id = 1").run();
    expect(() => d.prepare("UPDATE order_plans SET memo = 'x'").run()).toThrow(/frozen/);
    expect(() => d.prepare('DELETE FROM order_plans').run()).toThrow(/never deleted/);

    d.prepare("INSERT INTO requisitions (id, no, business_date, created_by, created_at) VALUES (1, 'YH202612070001', '2026-12-07', 1, 't')").run();
    expect(() => d.prepare("UPDATE requisitions SET state = 'signed'").run()).toThrow(/CHECK/);
    d.prepare("UPDATE requisitions SET state = 'signed', signed_by = 1, signed_at = 't', content_hash = 'h', signature = 's'").run();
    expect(() => d.prepare("UPDATE requisitions SET memo = 'x'").run()).toThrow(/frozen/);
    expect(() => d.prepare("UPDATE requisitions SET state = 'draft', signed_by = NULL").run()).toThrow(/frozen|CHECK/);
    d.prepare("UPDATE requisitions SET state = 'closed', ended_by = 1, ended_at = 't', end_reason = 'r'").run();
    expect(() => d.prepare("UPDATE requisitions SET end_reason = 'x'").run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM requisitions').run()).toThrow(/never deleted/);
    expect(d.prepare("SELECT COUNT(*) FROM pragma_table_info('slips') WHERE name = 'requisition_id'").pluck().get()).toBe(1);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
