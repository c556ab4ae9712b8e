// Migration 0009 (print-kinds): print_log.kind tells a preview from a print, print_log.preview_id
// names the preview a print confirms. Rows logged before it were prints and stay 'printed'; print
// numbers are unique among a slip's prints only, so previews may share the number their print gets;
// a preview is confirmed at most once; the log stays append-only.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0009PrintKinds } from '../../../electron/store/migrations/0009-print-kinds';
import type { DB } from '../../../electron/store/db';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0009PrintKinds);
const BEFORE = MIGRATIONS.slice(0, at);

function print(d: DB, no: number, extra: { kind?: string; previewId?: number } = {}) {
  const cols = extra.kind ? ', kind, preview_id' : '';
  const vals = extra.kind ? ', ?, ?' : '';
  const args: unknown[] = [no];
  if (extra.kind) args.push(extra.kind, extra.previewId ?? null);
  return d
    .prepare(
      `INSERT INTO print_log (doc, slip_id, paper, copies, print_no, printed_at, printed_by${cols}) VALUES ('dispatch', 1, 'A5', '["第一联"]', ?, 't', 1${vals})`,
    )
    .run(...args);
}

describe('migration 0009 (print-kinds)', () => {
  it('is in the list, after the ones before it', () => {
    expect(at).toBeGreaterThanOrEqual(5);
    expect([m0009PrintKinds.version, m0009PrintKinds.name]).toEqual([at + 1, 'print-kinds']);
  });

  it('keeps earlier rows as prints; previews share numbers, prints do not; a preview is confirmed once; append-only', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王芳', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'KH001', '吉野建材', 'c', 'u')").run();
    d.prepare(
      `INSERT INTO slips (id, no, kind, state, business_date, customer_id, payment_mode, created_by, created_at, updated_at)
       VALUES (1, 'FH202611280001', 'dispatch', 'draft', '2026-11-28', 1, 'cash', 1, 'c', 'u')`,
    ).run();
    print(d, 1);

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT kind, preview_id FROM print_log').all()).toEqual([{ kind: 'printed', preview_id: null }]);

    // two previews of print no. 2, one confirmed
    const p1 = Number(print(d, 2, { kind: 'preview' }).lastInsertRowid);
    print(d, 2, { kind: 'preview' });
    print(d, 2, { kind: 'printed', previewId: p1 });
    expect(() => print(d, 2, { kind: 'printed' })).toThrow(/UNIQUE/);
    expect(() => print(d, 3, { kind: 'printed', previewId: p1 })).toThrow(/UNIQUE/);
    expect(() => print(d, 3, { kind: 'preview', previewId: p1 })).toThrow(/CHECK/);
    expect(() => print(d, 3, { kind: 'sent' })).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE print_log SET kind = 'printed' WHERE id = ?").run(p1)).toThrow(/append-only/);
  });
});
