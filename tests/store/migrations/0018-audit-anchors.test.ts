// Migration 0018 (audit-anchors): slips.posted_hash, taken at migration for the slips already
// posted (from their rows as they stand; drafts and voids get none), kept once set; slips_frozen
// put back exactly as it was; signatures indexed by slip; audit_anchors append-only.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0018AuditAnchors } from '../../../electron/store/migrations/0018-audit-anchors';
import { postedSlipHash, type PostedHeader } from '../../../electron/store/postedSlip';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0018AuditAnchors);

describe('migration 0018 (audit-anchors)', () => {
  it('comes after the migrations before it, named audit-anchors, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0018AuditAnchors.version, m0018AuditAnchors.name]).toEqual([at + 1, 'audit-anchors']);
  });

  it('hashes every posted slip as it stands, keeps the hash, and keeps posted slips frozen', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    const frozenBefore = d.prepare("SELECT sql FROM sqlite_master WHERE name = 'slips_frozen'").pluck().get();
    d.prepare("INSERT INTO users (id, name, title, pin_hash, created_at, updated_at) VALUES (1, '王强', '', 'scrypt$x', 'c', 'u')").run();
    d.prepare("INSERT INTO items (id, code, name, unit, price_fen, created_at, updated_at) VALUES (1, 'CZ-8801', '瓷砖', '片', 100, 'c', 'u')").run();
    const slip = d.prepare(
      "INSERT INTO slips (id, no, kind, state, business_date, memo, created_by, created_at, updated_at, version) VALUES (?, ?, 'inbound', 'draft', '2026-11-29', '', 1, 'c', 'u', 1)",
    );
    slip.run(1, 'JC202611290001');
    slip.run(2, 'JC202611290002');
    d.prepare("INSERT INTO slip_lines (slip_id, line_no, item_id, qty, unit_cost_fen, amount_fen, memo) VALUES (1, 1, 1, 3, 100, 300, '')").run();
    d.prepare("UPDATE slips SET state = 'posted', posted_by = 1, posted_at = 'p', post_seq = 1 WHERE id = 1").run();

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(schemaVersion(d)).toBe(at + 1);
    const rows = d.prepare('SELECT * FROM slips ORDER BY id').all() as (PostedHeader & { posted_hash: string | null })[];
    expect(rows[0].posted_hash).toBe(postedSlipHash(d, rows[0]));
    expect(rows[1].posted_hash).toBeNull();
    expect(d.prepare("SELECT sql FROM sqlite_master WHERE name = 'slips_frozen'").pluck().get()).toBe(frozenBefore);
    expect(() => d.prepare("UPDATE slips SET memo = 'x' WHERE id = 1").run()).toThrow(/cannot be changed/);
    expect(() => d.prepare("UPDATE slips SET posted_hash = 'x' WHERE id = 1").run()).toThrow(/hash never changes|cannot be changed/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
    // verify reads each posted slip's signatures by slip: an index, not a scan of the table per slip
    const plan = d.prepare('EXPLAIN QUERY PLAN SELECT id FROM signatures WHERE slip_id = 1').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING (COVERING )?INDEX signatures_slip/);
  });

  it('keeps audit_anchors append-only', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    d.pragma('foreign_keys = OFF');
    d.prepare(
      "INSERT INTO audit_anchors (close_id, audit_seq, audit_hash, audit_rows, business_date, closed_at, key_fingerprint, signature) VALUES (1, 5, 'h', 5, '2026-11-29', 't', 'f', 's')",
    ).run();
    expect(() => d.prepare('UPDATE audit_anchors SET audit_seq = 6').run()).toThrow(/append-only/);
    expect(() => d.prepare('DELETE FROM audit_anchors').run()).toThrow(/append-only/);
  });
});
