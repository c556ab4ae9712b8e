// 备份 (issue #11) in Chromium at 1366×768, browser mode: the administrator types the backup folder
// (no folder picker in a browser), saves, backs up now; the list shows the verified copy and the
// status bar says when; a day's books are then booked, the backup restored from the screen with the
// admin's PIN, and everyone logs in again on the books as they were. Screenshots to look at.

import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, human, login, nav, settled, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.BACKUP_SHOTS ?? join(tmpdir(), 'desk-backup-shots');
let desk: Desk;

describe.skipIf(!!NO_CHROMIUM)('backups from the screen, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'backups' });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('sets the folder, backs up now, shows it in the list and the status bar, and restores it', { timeout: 180_000 }, async () => {
    const { page } = desk;
    const folder = join(desk.dir, 'usb');
    mkdirSync(folder);
    await login(page, desk, '系统管理员');
    await poll(() => page.locator('[data-testid=status-backup]').textContent()).toBe(tr('zh', 'status.backupNoFolder'));
    await nav(page, tr('zh', 'nav.users'));
    await page.locator('[data-testid=system-tab-backups]').click();
    await page.locator('[data-testid=backups-screen]').waitFor();

    // a folder that is not there is refused, naming the field
    await page.locator('[data-testid=backup-folder]').fill(join(desk.dir, 'no-such'));
    await page.locator('[data-testid=backup-save]').click();
    await page.locator('.error-line', { hasText: '备份文件夹不可用' }).waitFor();
    await page.locator('[data-testid=backup-folder]').fill(folder);
    await page.locator('[data-testid=backup-time]').fill('18:00');
    await page.locator('[data-testid=backup-save]').click();
    await page.locator('.notice', { hasText: tr('zh', 'bk.saved') }).waitFor();

    await page.locator('[data-testid=backup-now]').click();
    await page.locator('.notice', { hasText: '已备份并校验通过' }).waitFor();
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.file, r.cells.kind, r.cells.ok]), [[files[0], '手动', '通过']]);
    await poll(() => page.locator('[data-testid=status-backup]').textContent()).toMatch(/^上次备份 \d\d:\d\d$/);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'backups-screen.png') });

    // books booked after the backup: gone once it is restored
    const keeper = await desk.as('王强');
    const supplierId = (await keeper('suppliers.list', {}))[0].id;
    await keeper('slips.create', { kind: 'inbound', supplierId });
    const slips = () => desk.core.db.prepare('SELECT COUNT(*) FROM slips').pluck().get();
    expect(slips()).toBe(1);

    await page.locator('.ag-row[row-index="0"] [col-id=file]').click();
    await page.locator('[data-testid=backup-restore]').click();
    await page.locator('[data-testid=restore-pin]').waitFor();
    await human(page, '0000');
    await page.screenshot({ path: join(SHOTS, 'backups-restore.png') });
    await page.keyboard.press('Enter');
    await page.locator('.notice', { hasText: '已从' }).waitFor();
    expect(slips()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'backups-restored.png') });
    await page.locator('.dialog button', { hasText: tr('zh', 'bk.loginAgain') }).click();
    await login(page, desk, '系统管理员');
    await poll(() => page.locator('[data-testid=status-backup]').textContent()).toMatch(/^上次备份 \d\d:\d\d$/);
    expect(desk.pageErrors.filter((e) => !/not_logged_in|401|请先登录/.test(e))).toEqual([]);
  });
});
