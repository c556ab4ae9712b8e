// The office's key on a new PC, in Chromium at 1366×768 (issue #11 defect 7). The administrator
// exports the key backup from 用户管理 → 密钥与 PIN (F7) and sets 6-digit PINs; the database file
// alone, opened on "another PC" (a folder without the vault), lets nobody log in and says so on the
// log-in screen, which imports the key backup; and where only the PIN secret came along, the shell
// says the desk cannot sign until the manager makes a new key from the same panel. Screenshots.

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSecrets } from '../../electron/store/keyExport';
import { NO_CHROMIUM, human, login, must, nav, openDesk, settled, startDesk, tr, type Desk } from './harness';
import type { Page } from 'playwright-core';

const SHOTS = process.env.KEY_SHOTS ?? join(tmpdir(), 'desk-key-shots');
const PASSWORD = 'office key 2026';

let office: Desk;
const others: Desk[] = [];
let keyFile = '';

async function pinLogin(page: Page, name: string, pin: string): Promise<void> {
  await page.locator('.user-list li', { hasText: name }).click();
  await human(page, pin);
  await page.keyboard.press('Enter');
  await page.locator('.app-header .who-name', { hasText: name }).waitFor();
}

/** The office's database file alone, opened by a desk in a new folder: a new PC. */
async function newPc(name: string): Promise<Desk> {
  office.core.db.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(SHOTS, `${name}.sqlite`);
  copyFileSync(office.dbPath, file);
  const d = await startDesk({ name, office: file, blank: true });
  await d.page.setViewportSize({ width: 1366, height: 768 });
  others.push(d);
  return d;
}

describe.skipIf(!!NO_CHROMIUM)("the office's key on a new PC, in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    office = await startDesk({ name: 'keys' });
    await office.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    for (const d of others) await d.close();
    await office?.close();
  });

  it('the administrator sets 6-digit PINs and exports the key backup', { timeout: 120_000 }, async () => {
    const { page } = office;
    await login(page, office, '系统管理员');
    await nav(page, tr('zh', 'nav.users'));
    await page.keyboard.press('F7');
    await page.locator('[data-testid=office-keys]').waitFor();
    await expect.poll(() => page.locator('[data-testid=okey-can-sign]').textContent()).toBe('是');
    await page.locator('[data-testid=okey-pin-length]').selectOption('6');
    await page.locator('.notice', { hasText: '6 位数字' }).waitFor();
    expect(must(await office.core.call('office.get', {})).office?.pinLength).toBe(6);

    await page.locator('[data-testid=okey-export]').click();
    await page.locator('[data-testid=okey-password]').fill(PASSWORD);
    await page.locator('[data-testid=okey-password2]').fill('something else');
    await page.keyboard.press('Enter');
    await page.locator('.dialog .error-line', { hasText: '两次输入的口令不一致' }).waitFor();
    await page.locator('[data-testid=okey-password2]').fill(PASSWORD);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'keys-export.png') });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/密钥备份-\d{8}\.deskkey$/);
    keyFile = join(SHOTS, 'office.deskkey');
    await file.saveAs(keyFile);
    await page.locator('.notice', { hasText: '密钥备份已保存' }).waitFor();
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'keys-panel.png') });
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('on a new PC the log-in screen says nobody can log in, and imports the key backup', { timeout: 120_000 }, async () => {
    const pc = await newPc('newpc');
    const { page } = pc;
    await openDesk(page, pc);
    await page.locator('[data-testid=login-key-note]').waitFor();
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'keys-login-missing.png') });
    await page.locator('[data-testid=login-import-keys]').click();
    await page.locator('[data-testid=okey-file]').setInputFiles(keyFile);
    await page.locator('[data-testid=okey-import-password]').fill('wrong password');
    await page.keyboard.press('Enter');
    await page.locator('.dialog .error-line', { hasText: '密钥备份口令不正确' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'keys-import-wrong.png') });
    await page.locator('[data-testid=okey-import-password]').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('.notice', { hasText: '已导入: 密钥 1 把, PIN 密钥 1 个' }).waitFor();
    await pinLogin(page, '张伟', '1111');
    await expect.poll(() => page.locator('[data-testid=key-banner]').count()).toBe(0);
  });

  it('where only the PIN secret came along, the shell says it cannot sign until the manager makes a new key', { timeout: 120_000 }, async () => {
    const pc = await newPc('nokey');
    const pinId = office.core.db.prepare('SELECT pin_secret_id FROM office').pluck().get() as string;
    const sealed = sealSecrets(office.core.vault.pick([], [pinId]), PASSWORD);
    must(await pc.core.call('office.importKeys', { sealedSecrets: sealed, password: PASSWORD }));
    const { page } = pc;
    await openDesk(page, pc);
    await pinLogin(page, '张伟', '1111');
    await page.locator('[data-testid=key-banner]').waitFor();
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'keys-banner.png') });
    await nav(page, tr('zh', 'nav.users'));
    await page.keyboard.press('F7');
    await expect.poll(() => page.locator('[data-testid=okey-can-sign]').textContent()).toBe('否');
    await page.locator('[data-testid=okey-new-key]').click();
    await page.locator('[data-testid=okey-pin]').fill('1111');
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'keys-new-key.png') });
    await page.keyboard.press('Enter');
    await page.locator('.notice', { hasText: '新密钥已启用' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=okey-can-sign]').textContent()).toBe('是');
    await expect.poll(() => page.locator('[data-testid=key-banner]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'keys-after-new-key.png') });
  });
});
