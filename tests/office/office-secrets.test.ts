// The office's secrets are kept out of the database (issue #11 defect 7): a copy of the database file
// alone (a backup, a file carried to another PC) signs nothing and gives up no PIN. The private key
// and the PIN secret live in the vault beside the database; a key backup sealed under a password
// carries them to a new PC; without it the manager makes a new key and old papers still verify.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scryptSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { slipQrPayload } from '../../electron/domains/documents/service';
import { sealSecrets } from '../../electron/store/keyExport';
import { VAULT_FILE_NAME } from '../../electron/store/vault';
import { backupDatabase } from '../../electron/domains/backups/files';
import { verifyBooks } from '../../electron/domains/system/verify';
import { asReadable, openDatabase } from '../../electron/store/db';
import { demoOffice, err, ok, TestClock, type DemoOffice } from '../helpers';
import { financeOffice, postedDispatch, signedDispatch } from '../helpers/finance';

const opened: { close(): void }[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function office(): Promise<DemoOffice> {
  const o = await financeOffice();
  opened.push(o);
  return o;
}

/** The office's database file, copied alone (no vault) into a new folder and opened there: a new PC. */
async function copiedAlone(o: DemoOffice): Promise<{ core: Core; dir: string }> {
  o.core.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = mkdtempSync(join(tmpdir(), 'desk-newpc-'));
  dirs.push(dir);
  copyFileSync(o.dbPath, join(dir, 'office.sqlite'));
  const core = await createCore({ dbPath: join(dir, 'office.sqlite'), clock: new TestClock().now, pinCost: 1024, checkOutputs: true });
  opened.push(core);
  return { core, dir };
}

const login = async (core: Core, user: string, pin: string) => core.call('auth.login', { user, pin });

describe('the office key and PIN secret live beside the database, not in it', () => {
  it('keeps no private key and no PIN secret in the database file; the vault is readable by its owner only', async () => {
    const o = await office();
    const row = o.core.db.prepare('SELECT private_key_pem, pin_secret_id FROM office').get() as { private_key_pem: string; pin_secret_id: string };
    expect(row.private_key_pem).toBe('');
    o.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(o.dbPath).toString('latin1');
    expect(bytes).not.toContain('PRIVATE KEY');
    const vaultPath = join(o.dir, VAULT_FILE_NAME);
    const vault = readFileSync(vaultPath, 'utf8');
    expect(vault).toContain('PRIVATE KEY');
    expect(bytes).not.toContain(JSON.parse(vault).pinSecrets[0].secretB64);
    if (process.platform !== 'win32') expect(statSync(vaultPath).mode & 0o777).toBe(0o600);
    const status = ok(await o.core.call('office.keyStatus', {}));
    expect(status).toMatchObject({ initialised: true, canSign: true, pinSecretHere: true, keptBy: 'file' });
    expect(status.keys).toHaveLength(1);
  });

  it('keys every PIN hash with the PIN secret: the stored hash cannot be checked against a PIN without it', async () => {
    const o = await office();
    const hash = o.core.db.prepare('SELECT pin_hash FROM users WHERE name = ?').pluck().get(o.names.manager) as string;
    const [scheme, , n, r, p, salt, stored] = hash.split('$');
    expect(scheme).toBe('scrypt-k');
    // what a thief with the file alone would compute for the right PIN does not match
    const guess = scryptSync(o.pins.manager, Buffer.from(salt, 'base64'), 32, { N: Number(n), r: Number(r), p: Number(p) });
    expect(guess.toString('base64')).not.toBe(stored);
  });

  it('keeps the vault out of a backup', async () => {
    const o = await office();
    mkdirSync(join(o.dir, 'backup'));
    const out = join(o.dir, 'backup', 'copy.sqlite');
    await backupDatabase(o.dbPath, out, false);
    expect(readFileSync(out).toString('latin1')).not.toContain('PRIVATE KEY');
    expect(existsSync(join(o.dir, 'backup', VAULT_FILE_NAME))).toBe(false);
  });
});

describe('a copy of the database on a new PC', () => {
  it('reads the books but nobody logs in, until the key backup is imported; then it signs again', async () => {
    const o = await office();
    const d = await signedDispatch(o, 'KH003', 'wechat', [['WY-4001', 2]]);
    const exported = ok(await o.core.call('office.exportKeys', { password: 'correct horse' }, { sessionToken: o.tokens.admin }));
    expect(exported.fileName).toMatch(/密钥备份-20261129\.deskkey$/);
    // a read: the sealed file never enters the database
    expect(JSON.stringify(o.core.db.prepare('SELECT * FROM requests').all())).not.toContain(exported.sealedSecrets.slice(0, 40));

    const pc = await copiedAlone(o);
    expect(ok(await pc.core.call('office.keyStatus', {}))).toMatchObject({ canSign: false, pinSecretHere: false });
    const refused = err(await login(pc.core, o.names.manager, o.pins.manager));
    expect(refused.code).toBe('pin_secret_missing');
    expect(refused.message_zh).toContain('导入密钥备份');
    expect(ok(await pc.core.call('office.get', {})).office?.name).toBeTruthy();

    const wrong = err(await pc.core.call('office.importKeys', { sealedSecrets: exported.sealedSecrets, password: 'wrong horse' }));
    expect(wrong.code).toBe('key_backup_wrong_password');
    expect(wrong.details.field).toBe('password');
    expect(existsSync(join(pc.dir, VAULT_FILE_NAME))).toBe(false); // nothing written
    expect(ok(await pc.core.call('office.keyStatus', {})).canSign).toBe(false);

    const imported = ok(await pc.core.call('office.importKeys', { sealedSecrets: exported.sealedSecrets, password: 'correct horse' }));
    expect(imported).toMatchObject({ canSign: true, pinSecretHere: true, importedKeys: 1, importedPinSecrets: 1 });
    const audit = pc.core.db.prepare("SELECT input_json FROM audit_log WHERE method = 'office.importKeys'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ sealedSecrets: '***', password: '***' });

    const token = ok(await login(pc.core, o.names.sales, o.pins.sales)).sessionToken;
    const d2 = ok(
      await pc.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: d.customerId!, paymentMode: 'wechat', lines: [{ itemId: d.lines[0].itemId, qty: 1 }] },
        { sessionToken: token },
      ),
    );
    const signed = ok(
      await pc.core.call('slips.sign', { slipId: d2.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: token }),
    );
    expect(signed.signatures.every((s) => s.valid)).toBe(true);
  });

  it('without the key: signing refuses with office_key_missing; the manager makes a new key; what the old key signed still verifies', async () => {
    const o = await office();
    const old = await signedDispatch(o, 'KH003', 'wechat', [['WY-4001', 2]]);
    const oldQr = slipQrPayload(o.core.db, old.no, old.contentHash);
    // the PIN secret alone reaches the new PC (a backup made before the key existed, say)
    const pinOnly = o.core.vault.pick([], [o.core.db.prepare('SELECT pin_secret_id FROM office').pluck().get() as string]);
    const pc = await copiedAlone(o);
    ok(await pc.core.call('office.importKeys', { sealedSecrets: sealSecrets(pinOnly, 'a password'), password: 'a password' }));

    const sales = ok(await login(pc.core, o.names.sales, o.pins.sales)).sessionToken;
    const manager = ok(await login(pc.core, o.names.manager, o.pins.manager)).sessionToken;
    const d = ok(
      await pc.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: old.customerId!, paymentMode: 'wechat', lines: [{ itemId: old.lines[0].itemId, qty: 1 }] },
        { sessionToken: sales },
      ),
    );
    const sign = () => pc.core.call('slips.sign', { slipId: d.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, { sessionToken: sales });
    const refused = err(await sign());
    expect(refused.code).toBe('office_key_missing');
    expect(refused.message_zh).toContain('由经理生成新密钥');

    expect(err(await pc.core.call('office.newKey', { pin: '9999' }, { sessionToken: manager })).code).toBe('bad_credentials');
    expect(err(await pc.core.call('office.newKey', { pin: o.pins.manager }, { sessionToken: sales })).code).toBe('forbidden');
    const status = ok(await pc.core.call('office.newKey', { pin: o.pins.manager }, { sessionToken: manager }));
    expect(status.canSign).toBe(true);
    expect(status.keys.map((k) => [k.retiredAt === null, k.here])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(ok(await sign()).signatures.every((s) => s.valid)).toBe(true);

    // the old slip's signatures and its printed QR still verify (the retired public key stays in the books)
    const oldNow = ok(await pc.core.call('slips.get', { slipId: old.id }, { sessionToken: manager }));
    expect(oldNow.signatures.every((s) => s.valid)).toBe(true);
    expect(ok(await pc.core.call('documents.verifyQr', { payload: oldQr }, { sessionToken: manager })).status).not.toBe('foreign');
    const published = ok(await pc.core.call('documents.publicKey', {}, { sessionToken: manager }));
    expect(published.retiredKeys).toHaveLength(1);
    expect(published.retiredKeys[0].fingerprint).toBe(status.keys[1].fingerprint);

    // offline at HQ: the exported key file holds the current and the retired key; the old paper is genuine
    pc.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const keyFile = join(pc.dir, 'office.pem');
    const script = fileURLToPath(new URL('../../scripts/verify-slip.ts', import.meta.url));
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
    expect(run('--db', join(pc.dir, 'office.sqlite'), '--export-pubkey', keyFile).status).toBe(0);
    expect(readFileSync(keyFile, 'utf8').match(/BEGIN PUBLIC KEY/g)).toHaveLength(2);
    const offline = run('--pubkey', keyFile, oldQr);
    expect([offline.status, offline.stdout.includes('GENUINE')]).toEqual([0, true]);
  });

  it("refuses another office's key backup and a file that is no backup, importing nothing", async () => {
    const o = await office();
    const other = await demoOffice();
    opened.push(other);
    const theirs = ok(await other.core.call('office.exportKeys', { password: 'their password' }, { sessionToken: other.tokens.admin }));
    const pc = await copiedAlone(o);
    expect(err(await pc.core.call('office.importKeys', { sealedSecrets: theirs.sealedSecrets, password: 'their password' })).code).toBe('key_backup_foreign');
    expect(err(await pc.core.call('office.importKeys', { sealedSecrets: Buffer.from('hello').toString('base64'), password: 'x' })).code).toBe(
      'key_backup_unreadable',
    );
    expect(ok(await pc.core.call('office.keyStatus', {}))).toMatchObject({ canSign: false, pinSecretHere: false });
    expect(pc.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE method = 'office.importKeys'").pluck().get()).toBe(0);
  });

  it('lets only the administrator export, under a password of at least 8 characters', async () => {
    const o = await office();
    expect(err(await o.core.call('office.exportKeys', { password: 'long enough' }, { sessionToken: o.tokens.manager })).code).toBe('forbidden');
    const short = err(await o.core.call('office.exportKeys', { password: 'short' }, { sessionToken: o.tokens.admin }));
    expect(short.code).toBe('invalid_input');
    expect(short.message_zh).toContain('密钥备份口令');
  });
});

describe('a database from before 0019 (key in the office row, PIN hashes unkeyed)', () => {
  it('moves the key to the vault on opening, blanks it in the file, and keys each PIN hash at its next log-in', async () => {
    const o = await demoOffice();
    opened.push(o);
    const db = o.core.db;
    const pem = o.core.vault.privateKeyPem(db.prepare('SELECT fingerprint FROM office_keys').pluck().get() as string)!;
    // put the books back as they were before: the key in the row, a PIN hash without the secret, no vault
    const salt = Buffer.alloc(16, 7);
    const oldHash = `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync(o.pins.keeper, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
    db.prepare('UPDATE office SET private_key_pem = ?, pin_secret_id = NULL').run(pem);
    db.prepare('UPDATE users SET pin_hash = ? WHERE name = ?').run(oldHash, o.names.keeper);
    o.core.close();
    rmSync(join(o.dir, VAULT_FILE_NAME));

    const core = await createCore({ dbPath: o.dbPath, clock: o.clock.now, pinCost: 1024, checkOutputs: true });
    opened.push(core);
    expect(core.db.prepare('SELECT private_key_pem FROM office').pluck().get()).toBe('');
    expect(readFileSync(o.dbPath).toString('latin1')).not.toContain('PRIVATE KEY');
    expect(existsSync(`${o.dbPath}-wal`) ? statSync(`${o.dbPath}-wal`).size : 0).toBe(0);
    expect(ok(await core.call('office.keyStatus', {}))).toMatchObject({ canSign: true, pinSecretHere: true });

    ok(await login(core, o.names.keeper, o.pins.keeper));
    const now = core.db.prepare('SELECT pin_hash FROM users WHERE name = ?').pluck().get(o.names.keeper) as string;
    expect(now).toMatch(/^scrypt-k\$/);
    ok(await login(core, o.names.keeper, o.pins.keeper));
    expect(err(await login(core, o.names.keeper, '0009')).code).toBe('bad_credentials');
  });
});

describe('a file from before 0019, read as it is (desk verify, restore checking a backup)', () => {
  it("checks its signatures with the office row's key", async () => {
    const o = await office();
    const d = await postedDispatch(o, 'KH003', 'wechat', [['WY-4001', 2]]);
    o.core.close();
    const old = openDatabase(o.dbPath);
    old.exec('DROP TABLE office_keys');
    try {
      expect(verifyBooks(asReadable(old)).problems).toEqual([]);
      old.exec('DROP TRIGGER signatures_keep');
      old.prepare("UPDATE signatures SET signature = ? WHERE slip_id = ? AND role = 'manager'").run(Buffer.alloc(64).toString('base64'), d.id);
      expect(verifyBooks(asReadable(old)).problems.length).toBeGreaterThan(0);
    } finally {
      old.close();
    }
  });
});

describe('PIN length (office.setPinLength)', () => {
  it('asks new and changed PINs for 4–6 digits, or 6 once the office says so; PINs already set keep working', async () => {
    const o = await office();
    const create = (pin: string) => o.core.call('users.create', { name: `新人${pin}`, title: '', roles: ['keeper'], pin }, { sessionToken: o.tokens.admin });
    const letters = err(await create('12ab'));
    expect(letters.code).toBe('pin_length');
    expect(letters.message_zh).toBe('PIN 密码: 须为 4 至 6 位数字');
    ok(await create('12345'));
    expect(err(await o.core.call('office.setPinLength', { pinLength: 6 }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
    expect(ok(await o.core.call('office.setPinLength', { pinLength: 6 }, { sessionToken: o.tokens.admin }))).toEqual({ pinLength: 6 });
    expect(ok(await o.core.call('office.get', {})).office?.pinLength).toBe(6);
    const four = err(await create('4321'));
    expect([four.code, four.message_en]).toEqual(['pin_length', 'PIN: must be 6 digits']);
    const u = ok(await create('654321'));
    ok(await login(o.core, u.name, '654321'));
    ok(await login(o.core, o.names.keeper, o.pins.keeper)); // a 4-digit PIN set before still logs in
    expect(err(await o.core.call('users.update', { userId: u.id, pin: '1234' }, { sessionToken: o.tokens.admin })).details.field).toBe('pin');
    expect(o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'office.setPinLength'").pluck().get()).toBe('PIN 6 位');
  });
});
