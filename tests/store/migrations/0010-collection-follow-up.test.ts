// Migration 0010 (collection-follow-up): customers get payment terms (default 0: due on the sale's
// day, as before), a salesperson and notes; suppliers notes; receivable_chases is append-only and a
// promise is never dated before the call.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0010CollectionFollowUp } from '../../../electron/store/migrations/0010-collection-follow-up';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0010CollectionFollowUp);

describe('migration 0010 (collection-follow-up)', () => {
  it('is in the list, after the ones before it', () => {
    expect(at).toBeGreaterThanOrEqual(9);
    expect([m0010CollectionFollowUp.version, m0010CollectionFollowUp.name]).toEqual([at + 1, 'collection-follow-up']);
  });

  it('keeps existing customers due on the day; checks terms and promises; the chase log is append-only', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    d.prepare("INSERT INTO suppliers (id, code, name, created_at, updated_at) VALUES (1, 'GY001', '总部仓库', 'c', 'u')").run();

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT payment_terms_days, salesperson_id, notes FROM customers').get()).toEqual({
      payment_terms_days: 0,
      salesperson_id: null,
      notes: '',
    });
    expect(d.prepare('SELECT notes FROM suppliers').pluck().get()).toBe('');
    expect(() => d.prepare('UPDATE customers SET payment_terms_days = 400').run()).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE customers SET salesperson_id = 9').run()).toThrow(/FOREIGN KEY/);

    d.prepare(
      `INSERT INTO receivable_entries (id, customer_id, kind, business_date, posted_at, user_id, amount_fen, balance_after_fen, summary)
       VALUES (1, 1, 'sale', '2026-11-01', 't', 1, 100, 100, '赊销')`,
    ).run();
    const chase = d.prepare(
      `INSERT INTO receivable_chases (entry_id, customer_id, business_date, chased_at, user_id, contacted, promised_date) VALUES (1, 1, '2026-11-24', 't', 1, ?, ?)`,
    );
    chase.run('李经理', '2026-11-27');
    expect(() => chase.run('李经理', '2026-11-23')).toThrow(/CHECK/);
    expect(() => chase.run('', null)).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE receivable_chases SET note = 'x'").run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM receivable_chases').run()).toThrow(/append-only/);
  });
});
