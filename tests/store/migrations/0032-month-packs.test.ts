// Migration 0032 (month-packs): the signed month packs, empty on an existing office; one per month,
// never changed or deleted; once a month has a pack the ledger tables take no row dated in it (the
// storage half of the month lock); print_log takes the pack's prints.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0032MonthPacks } from '../../../electron/store/migrations/0032-month-packs';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0032MonthPacks);
const HASH = 'a'.repeat(64);

describe('migration 0032 (month-packs)', () => {
  it('comes after the migrations before it, named month-packs, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0032MonthPacks.version, m0032MonthPacks.name]).toEqual([at + 1, 'month-packs']);
  });

  it('keeps one pack a month, never changed; a signed month takes no ledger row; print_log takes monthPack', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '张伟', '', 'scrypt$x', 'c', 'u')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    const add = d.prepare(
      "INSERT INTO month_packs (month, payload_json, sha256, signature, key_fingerprint, signed_by, signed_at, audit_seq, audit_hash) VALUES (?, '{}', ?, 's', 'f', 1, 't', 0, ?)",
    );
    add.run('2026-11', HASH, HASH);
    expect(() => add.run('2026-11', HASH, HASH)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => add.run('Nov', HASH, HASH)).toThrow(/CHECK/);
    expect(() => add.run('2026-12', 'short', HASH)).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE month_packs SET signature = 'x'").run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM month_packs').run()).toThrow(/never deleted/);

    // the lock fires before the row's own checks: a row dated in the month is refused as such, one
    // dated in the next month gets as far as its own constraints
    for (const t of ['money_journal', 'stock_moves', 'receivable_entries', 'receivable_allocations', 'suspense_entries', 'day_closes', 'day_reopens']) {
      const row = d.prepare(`INSERT INTO ${t} (business_date) VALUES (?)`);
      expect(() => row.run('2026-11-30'), t).toThrow(/month_locked/);
      expect(() => row.run('2026-12-01'), t).toThrow(/NOT NULL|FOREIGN|CHECK|only the latest close/);
    }
    expect(() =>
      d.prepare("INSERT INTO print_log (doc, paper, copies, print_no, printed_at, printed_by) VALUES ('monthPack', 'A4', '[\"月报\"]', 1, 't', 1)").run(),
    ).not.toThrow();
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
