// The office's secrets file (electron/store/vault.ts) and the key backup's seal (keyExport.ts), in
// plain Node: owner-only, written whole, wrapped when the OS has a keychain, never overwritten when
// it cannot be read; a sealed backup opens with its password only.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecrets, sealSecrets } from '../../electron/store/keyExport';
import { Vault, VAULT_FILE_NAME, type SecretWrapper } from '../../electron/store/vault';

const keychain = (name = 'safeStorage'): SecretWrapper => ({
  name,
  wrap: (p) => Buffer.from(p).reverse(),
  unwrap: (b) => Buffer.from(b).reverse().toString(),
});

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-vault-'));
  file = join(dir, VAULT_FILE_NAME);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the secrets file', () => {
  it('keeps what is added, once, and leaves no temp file behind', () => {
    const v = new Vault(file);
    expect(v.privateKeyPem('AB')).toBeNull();
    expect(existsSync(file)).toBe(false);
    v.add({ keys: [{ fingerprint: 'AB', privateKeyPem: 'pem-1' }] });
    v.add({ keys: [{ fingerprint: 'AB', privateKeyPem: 'other' }] });
    const id = v.newPinSecret();
    const again = new Vault(file);
    expect(again.privateKeyPem('AB')).toBe('pem-1');
    expect(again.pinSecret(id)?.length).toBe(32);
    expect(readdirSync(dir)).toEqual([VAULT_FILE_NAME]);
  });

  it('wraps a plain file once the PC has a keychain, and reads it back only through that keychain', () => {
    new Vault(file).add({ keys: [{ fingerprint: 'AB', privateKeyPem: 'pem-1' }] });
    const wrapped = new Vault(file, keychain());
    wrapped.keepWrapped();
    expect(readFileSync(file, 'utf8')).not.toContain('pem-1');
    expect(new Vault(file, keychain()).privateKeyPem('AB')).toBe('pem-1');
    const elsewhere = new Vault(file);
    expect(elsewhere.privateKeyPem('AB')).toBeNull();
    expect(elsewhere.unreadable).toContain('safeStorage');
  });

  it('sets aside a file it cannot read instead of overwriting it', () => {
    writeFileSync(file, '{"format":"branch-desk-secrets/1","wrappedBy":"safeStorage","data":"AAAA"}');
    const v = new Vault(file);
    v.add({ keys: [{ fingerprint: 'CD', privateKeyPem: 'pem-2' }] });
    expect(new Vault(file).privateKeyPem('CD')).toBe('pem-2');
    expect(readdirSync(dir).filter((f) => f.includes('.unreadable-'))).toHaveLength(1);
  });
});

describe('the key backup seal', () => {
  const secrets = { keys: [{ fingerprint: 'AB', privateKeyPem: 'pem-1' }], pinSecrets: [{ id: '01', secretB64: 'c2VjcmV0' }] };

  it('opens with its password; a wrong password or an altered byte opens nothing', () => {
    const blob = sealSecrets(secrets, 'correct horse');
    expect(Buffer.from(blob, 'base64').toString()).not.toContain('pem-1');
    expect(openSecrets(blob, 'correct horse')).toEqual(secrets);
    expect(openSecrets(blob, 'correct horsf')).toBe('wrong_passphrase');
    const o = JSON.parse(Buffer.from(blob, 'base64').toString());
    o.data = Buffer.from(Buffer.from(o.data, 'base64').map((b, i) => (i === 3 ? b ^ 1 : b))).toString('base64');
    expect(openSecrets(Buffer.from(JSON.stringify(o)).toString('base64'), 'correct horse')).toBe('wrong_passphrase');
    expect(openSecrets('bm90IGpzb24=', 'correct horse')).toBe('not_an_export');
  });
});
