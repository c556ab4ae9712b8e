// Automatic backups through the core (domains/backups): the folder checked when it is set, the
// daily backup on the fake clock (not due, due, not again, after a close of day), every copy
// verified after writing (a corrupt one is caught, logged and removed), rotation leaving foreign
// files alone, the status bar's warning, who may do what, and restore from the screen's method.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import type { CoreOptions } from '../../electron/core';
import { balances, countsFor, dayAt, financeOffice, must, receive, refused } from '../helpers/finance';
import { demoOffice, err, ok, type DemoOffice } from '../helpers';

let o: DemoOffice;
afterEach(() => o?.close());

async function office(opts: Partial<CoreOptions> = {}): Promise<{ folder: string }> {
  o = await demoOffice(opts);
  const folder = join(o.dir, 'usb');
  mkdirSync(folder);
  await must(o, 'admin', 'backups.setSettings', { folder, dailyTime: '18:30' });
  return { folder };
}
const ours = (folder: string) => readdirSync(folder).filter((f) => f.startsWith('branch-desk-'));
/** Move the clock to a Shanghai time on 2026-11-29 (the demo office's first day). */
const at = (hhmm: string) => o.clock.set(new Date(`2026-11-29T${hhmm}:00+08:00`).toISOString());

describe('backup settings', () => {
  it('take a full path to an existing, writable folder, and a time HH:mm', async () => {
    const { folder } = await office();
    expect(await must(o, 'admin', 'backups.settings', {})).toEqual({ folder, dailyTime: '18:30' });
    const e = await refused(o, 'admin', 'backups.setSettings', { folder: join(o.dir, 'no-such'), dailyTime: '18:30' });
    expect([e.code, e.details.field]).toEqual(['backup_folder_unusable', 'folder']);
    expect(e.message_zh).toContain('文件夹不存在');
    expect((await refused(o, 'admin', 'backups.setSettings', { folder: 'usb', dailyTime: '18:30' })).code).toBe('backup_folder_unusable');
    writeFileSync(join(o.dir, 'a-file'), 'x');
    expect((await refused(o, 'admin', 'backups.setSettings', { folder: join(o.dir, 'a-file'), dailyTime: '18:30' })).message_en).toContain('not a folder');
    const bad = await refused(o, 'admin', 'backups.setSettings', { folder, dailyTime: '24:00' });
    expect([bad.code, bad.details.field]).toEqual(['invalid_input', 'dailyTime']);
    expect((await refused(o, 'manager', 'backups.setSettings', { folder, dailyTime: '18:30' })).code).toBe('forbidden');
    expect(await must(o, 'admin', 'backups.settings', {})).toEqual({ folder, dailyTime: '18:30' });
  });
});

describe('the daily backup', () => {
  it('is not due before the set time, is made once after it, verified and logged', async () => {
    const { folder } = await office();
    at('18:29');
    expect(await o.core.backups.tick()).toBeNull();
    at('18:30');
    const made = await o.core.backups.tick();
    expect(made).toMatchObject({ file: 'branch-desk-20261129-1830-daily.db', kind: 'daily', ok: true, message: '' });
    expect(made!.bytes).toBeGreaterThan(0);
    expect(ours(folder)).toEqual(['branch-desk-20261129-1830-daily.db']);
    at('19:45');
    expect(await o.core.backups.tick()).toBeNull();
    expect(o.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE method = 'backups.runNow'").pluck().get()).toBe(1);
    expect(verifyBooks(o.core.db).ok).toBe(true);
  });

  it('is made by the schedule the long-running doors start, and nothing is done with no folder set', async () => {
    o = await demoOffice();
    at('20:00');
    expect(await o.core.backups.tick()).toBeNull();
    const folder = join(o.dir, 'usb');
    mkdirSync(folder);
    await must(o, 'admin', 'backups.setSettings', { folder, dailyTime: '18:30' });
    o.core.backups.startSchedule(60_000);
    await o.core.backups.idle();
    expect(ours(folder)).toEqual(['branch-desk-20261129-2000-daily.db']);
  });
});

describe('after the close of day', () => {
  it('a backup is made once the close has committed, without holding it up', async () => {
    o = await financeOffice();
    const folder = join(o.dir, 'usb');
    mkdirSync(folder);
    await must(o, 'admin', 'backups.setSettings', { folder, dailyTime: '23:59' });
    await dayAt(o, '2026-11-29', 17);
    const cash = (await balances(o)).cash;
    const signer = (role: 'finance' | 'statistician') => ({ user: o.names[role], pin: o.pins[role] });
    const closed = await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: countsFor(cash),
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: signer('finance'),
      statistician: signer('statistician'),
    });
    expect(closed.date).toBe('2026-11-29');
    await o.core.backups.idle();
    // the close's anchor of the audit chain travels beside the copy (ledger/anchors.ts)
    expect(ours(folder)).toEqual(['branch-desk-20261129-1700-close.db', 'branch-desk-20261129-1700-close.db.anchors']);
    const list = await must(o, 'manager', 'backups.list', {});
    expect(list.map((b) => [b.file, b.kind, b.ok, b.present])).toEqual([['branch-desk-20261129-1700-close.db', 'close', true, true]]);
  });
});

describe('verify after write', () => {
  it('catches a corrupt copy: logged as failed, the file removed, the status warns', async () => {
    const { folder } = await office({ backupCopy: async (_db, out) => writeFileSync(out, Buffer.alloc(8192, 7)) });
    at('10:00');
    const r = await must(o, 'manager', 'backups.runNow', {});
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Cannot open|file is not a database|不是/);
    expect(ours(folder)).toEqual([]);
    const status = await must(o, 'sales', 'backups.status', {});
    expect(status).toMatchObject({ configured: true, lastGoodAt: null, warn: true, last: { ok: false, kind: 'manual' } });
  });

  it('catches a copy whose books do not verify', async () => {
    const { folder } = await office({
      backupCopy: async (dbPath, out) => {
        const { backupDatabase } = await import('../../electron/domains/backups/files');
        await backupDatabase(dbPath, out, false);
        const Database = (await import('better-sqlite3')).default;
        const d = new Database(out);
        d.exec('DROP TRIGGER audit_log_no_update');
        d.exec("UPDATE audit_log SET method = 'forged' WHERE seq = 1");
        d.close();
      },
    });
    const r = await must(o, 'admin', 'backups.runNow', {});
    expect(r.ok).toBe(false);
    expect(r.message).toContain('[schema]');
    expect(r.message).toContain('[audit.chain]');
    expect(ours(folder)).toEqual([]);
  });
});

describe('rotation after a good backup', () => {
  it('deletes the desk’s old files beyond 30 days and 12 months, and leaves every other file alone', async () => {
    const { folder } = await office();
    const old = ['branch-desk-20240105-1830-daily.db', 'branch-desk-20251001-1830-daily.db', 'branch-desk-20251015-1830-daily.db'];
    const foreign = ['notes.txt', 'branch-desk.sqlite', 'branch-desk-20240105-1830-weekly.db'];
    for (const f of [...old, ...foreign]) writeFileSync(join(folder, f), 'x');
    writeFileSync(join(folder, `${old[1]}.anchors`), 'x');
    for (let d = 1; d <= 31; d++) writeFileSync(join(folder, `branch-desk-202610${String(d).padStart(2, '0')}-1830-daily.db`), 'x');
    at('10:00');
    expect((await must(o, 'admin', 'backups.runNow', {})).ok).toBe(true);
    const left = new Set(readdirSync(folder));
    for (const f of foreign) expect(left.has(f)).toBe(true);
    expect(left.has(old[0])).toBe(true); // the newest of its month, one of the 12 monthly kept (rules.test.ts: the 13th goes)
    expect(left.has(old[1])).toBe(false); // not the newest of its month
    expect(left.has(`${old[1]}.anchors`)).toBe(false);
    expect(left.has(old[2])).toBe(true); // the newest of October 2025
    // the 30 days: 29 Nov and 31 Oct back to 3 Oct; then 2 Oct is October's newest; 1 Oct goes
    expect(left.has('branch-desk-20261001-1830-daily.db')).toBe(false);
    expect(left.has('branch-desk-20261002-1830-daily.db')).toBe(true);
    expect(left.has('branch-desk-20261031-1830-daily.db')).toBe(true);
    expect(left.has('branch-desk-20261129-1000-manual.db')).toBe(true);
  });
});

describe('the status bar', () => {
  it('says when the last good backup was made and warns from 2 days on, for any logged-in user', async () => {
    await office();
    expect((await refused(o, 'sales', 'backups.runNow', {})).code).toBe('forbidden');
    at('10:00');
    await must(o, 'admin', 'backups.runNow', {});
    const s = await must(o, 'shipperDriver', 'backups.status', {});
    expect(s).toMatchObject({ configured: true, lastGoodAt: new Date('2026-11-29T10:00:00+08:00').toISOString(), daysWithout: 0, warn: false });
    await dayAt(o, '2026-11-30', 12);
    expect(await must(o, 'keeper', 'backups.status', {})).toMatchObject({ daysWithout: 1, warn: false });
    await dayAt(o, '2026-12-01', 10);
    expect(await must(o, 'keeper', 'backups.status', {})).toMatchObject({ daysWithout: 2, warn: true });
    expect((await o.core.call('backups.status', {})).ok).toBe(false); // not logged in
  });
});

describe('restore from the screen', () => {
  it('checks the admin’s PIN and the backup, swaps the books, keeps the old file, and ends every session', async () => {
    const { folder } = await office();
    at('10:00');
    const backup = await must(o, 'admin', 'backups.runNow', {});
    const slipsThen = o.core.db.prepare('SELECT COUNT(*) FROM slips').pluck().get();
    await receive(o, [['CZ-8801', 5, 5200]]); // after the backup: gone once restored
    expect(o.core.db.prepare('SELECT COUNT(*) FROM slips').pluck().get()).not.toBe(slipsThen);

    const wrong = await refused(o, 'admin', 'backups.restore', { file: backup.file, pin: '9999' });
    expect(wrong.code).toBe('bad_credentials');
    expect((await refused(o, 'manager', 'backups.restore', { file: backup.file, pin: o.pins.manager })).code).toBe('forbidden');
    const missing = await refused(o, 'admin', 'backups.restore', { file: 'branch-desk-20261128-1830-daily.db', pin: o.pins.admin });
    expect([missing.code, missing.details.field]).toEqual(['backup_file_missing', 'file']);
    expect((await refused(o, 'admin', 'backups.restore', { file: '../office.sqlite', pin: o.pins.admin })).code).toBe('invalid_input');

    const r = await must(o, 'admin', 'backups.restore', { file: backup.file, pin: o.pins.admin });
    expect(r.file).toBe(backup.file);
    expect(r.keptAs).toMatch(/office\.sqlite\.before-restore-/);
    expect(existsSync(r.keptAs!)).toBe(true);
    expect(o.core.db.prepare('SELECT COUNT(*) FROM slips').pluck().get()).toBe(slipsThen);
    expect(err(await o.core.call('backups.status', {}, { sessionToken: o.tokens.admin })).code).toBe('not_logged_in');
    const admin = ok(await o.core.call('auth.login', { user: o.names.admin, pin: o.pins.admin })).sessionToken;
    expect(ok(await o.core.call('system.verify', {}, { sessionToken: admin })).ok).toBe(true);
    expect(o.core.db.prepare('SELECT method FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('backups.restore');
    // the restored books know of the backup they came from (their log was copied before its row was written)
    expect(ok(await o.core.call('backups.status', {}, { sessionToken: admin }))).toMatchObject({ lastGoodAt: backup.at, warn: false });
    // the desk writes on the restored file as before
    o.tokens.keeper = ok(await o.core.call('auth.login', { user: o.names.keeper, pin: o.pins.keeper })).sessionToken;
    await receive(o, [['CZ-8801', 1, 5200]]);
    expect(ours(folder)).toContain(backup.file);
  });

  it('refuses a backup that does not verify and leaves the books as they are', async () => {
    const { folder } = await office();
    const file = 'branch-desk-20261128-1830-daily.db';
    writeFileSync(join(folder, file), 'not a database at all');
    const before = o.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    const e = await refused(o, 'admin', 'backups.restore', { file, pin: o.pins.admin });
    expect([e.code, e.details.field]).toEqual(['restore_refused', 'file']);
    expect(o.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);
    expect((await must(o, 'admin', 'backups.list', {})).map((b) => [b.file, b.ok, b.present])).toEqual([[file, null, true]]);
  });
});
