// Migration 0019 (office-secrets): the office's public key goes into office_keys (with its
// fingerprint and the office's creation time), keys may only be retired, once, never deleted; the
// office row gains pin_secret_id and pin_length (4 or 6). The private key stays in the row for the
// core to move into the vault on opening (tests/office/office-secrets.test.ts).
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createCore } from '../../../electron/core';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0019OfficeSecrets } from '../../../electron/store/migrations/0019-office-secrets';
import { keyFingerprint, VAULT_FILE_NAME } from '../../../electron/store/vault';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0019OfficeSecrets);

describe('migration 0019 (office-secrets)', () => {
  it('comes after the migrations before it, named office-secrets, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0019OfficeSecrets.version, m0019OfficeSecrets.name]).toEqual([at + 1, 'office-secrets']);
  });

  it("records the office's key, leaves the private key for the core to move, and keeps keys append-only", async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    d.prepare(
      "INSERT INTO office (id, name, short_name, timezone, public_key_pem, private_key_pem, created_at) VALUES (1, '华东办事处', '华东', 'Asia/Shanghai', ?, ?, 'c')",
    ).run(pub, priv);
    await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT public_key_pem, fingerprint, created_at, retired_at FROM office_keys').all()).toEqual([
      { public_key_pem: pub, fingerprint: keyFingerprint(pub), created_at: 'c', retired_at: null },
    ]);
    expect(d.prepare('SELECT private_key_pem, pin_secret_id, pin_length FROM office').get()).toEqual({
      private_key_pem: priv,
      pin_secret_id: null,
      pin_length: 4,
    });
    expect(() => d.prepare('UPDATE office SET pin_length = 5').run()).toThrow(/CHECK/);
    expect(() => d.prepare('DELETE FROM office_keys').run()).toThrow(/append-only/);
    expect(() => d.prepare("UPDATE office_keys SET fingerprint = 'x'").run()).toThrow(/only be retired/);
    d.prepare("UPDATE office_keys SET retired_at = 'r'").run();
    expect(() => d.prepare("UPDATE office_keys SET retired_at = 'r2'").run()).toThrow(/only be retired/);
  });

  it('allows one current key only', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    const insert = d.prepare("INSERT INTO office_keys (public_key_pem, fingerprint, created_at) VALUES (?, ?, 'c')");
    insert.run('a', 'fa');
    expect(() => insert.run('b', 'fb')).toThrow(/UNIQUE/);
  });

  it('leaves no private key in the copy the upgrade keeps beside the database, once the vault has it', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    d.prepare(
      "INSERT INTO office (id, name, short_name, timezone, public_key_pem, private_key_pem, created_at) VALUES (1, '华东办事处', '华东', 'Asia/Shanghai', ?, ?, 'c')",
    ).run(pub, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    d.close();
    const core = await createCore({ dbPath: path, clock, pinCost: 1024 });
    try {
      const copy = core.migration.backupPath!;
      expect(copy).toMatch(/\.bak$/);
      expect(core.vault.privateKeyPem(keyFingerprint(pub))).toMatch(/PRIVATE KEY/);
      expect(readFileSync(copy).toString('latin1')).not.toContain('PRIVATE KEY');
      expect(files.readonly(copy).prepare('SELECT private_key_pem, public_key_pem FROM office').get()).toEqual({ private_key_pem: '', public_key_pem: pub });
      expect(readFileSync(`${files.dir}/${VAULT_FILE_NAME}`).length).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  });
});
