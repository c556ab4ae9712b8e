// The desk's first start, at 1366×768 with the PC in UTC: the office is named on the login screen,
// and the status bar says its name at once — before anyone logs in and after the administrator
// does — with no reload.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, human, openDesk, startDesk, tr, type Desk } from './harness';
import { poll } from './poll';

let desk: Desk;

describe.skipIf(!!NO_CHROMIUM)('the first start of a desk, in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'first-run', blank: true, timezoneId: 'UTC' });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('names the office, and the status bar shows the name at once', async () => {
    const { page } = desk;
    await openDesk(page, desk);
    const status = page.locator('.status-office');
    await poll(() => status.textContent()).toBe(tr('zh', 'status.noOffice'));
    const form = page.locator('form.init-office');
    const inputs = form.locator('input');
    await inputs.nth(0).click();
    await human(page, '华东办事处');
    await inputs.nth(1).click();
    await human(page, '李管理');
    await inputs.nth(2).click();
    await human(page, '2468');
    await page.keyboard.press('Enter');
    await poll(() => status.textContent()).toBe('华东办事处');
    await poll(() => page.locator('.login-office').textContent()).toBe('华东办事处');

    // the administrator logs in: the name stays, no reload needed
    await page.locator('.user-list li', { hasText: '李管理' }).click();
    await human(page, '2468');
    await page.keyboard.press('Enter');
    await page.locator('.app-header .who-name', { hasText: '李管理' }).waitFor();
    expect(await status.textContent()).toBe('华东办事处');
    expect(desk.pageErrors).toEqual([]);
  });
});
