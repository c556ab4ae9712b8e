// The first-run setup (开账向导, issue #10) in Chromium at 1366×768 on an empty database: the office
// is created, the administrator's first log-in opens the setup; office details, HQ skipped (the
// administrator may not add suppliers), a user holding two roles, A4 paper, the printer step (no
// list in a browser); the "still missing" banner shrinks with each step and names what was skipped;
// the manager then adds HQ from the same flow and the banner shrinks again. Screenshots of each step.

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, gridRows, human, must, openDesk, settled, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';
import type { Page } from 'playwright-core';

/** screenshots to look at, outside the repository */
const SHOTS = process.env.SETUP_SHOTS ?? join(tmpdir(), 'desk-setup-shots');

let desk: Desk;

const bannerKeys = (page: Page) =>
  page
    .locator('[data-testid=setup-banner] li')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key')))
    .catch(() => []);

async function logIn(page: Page, name: string, pin: string): Promise<void> {
  await page.locator('.user-list li', { hasText: name }).click();
  await human(page, pin);
  await page.keyboard.press('Enter');
  await page.locator('.app-header .who-name', { hasText: name }).waitFor();
}

async function step(page: Page, key: string, shot: string): Promise<void> {
  await page.locator(`.setup-steps li.on [data-step=${key}]`).waitFor();
  await settled(page);
  await page.screenshot({ path: join(SHOTS, `setup-${shot}.png`) });
}

describe.skipIf(!!NO_CHROMIUM)('the setup flow of a new office, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'setup', blank: true });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('walks the administrator through the steps; the banner shrinks and keeps what was skipped', { timeout: 180_000 }, async () => {
    const { page } = desk;
    await openDesk(page, desk);
    const form = page.locator('form.init-office');
    await form.locator('input').nth(0).fill('华东办事处');
    await form.locator('input').nth(1).fill('李管理');
    await form.locator('input').nth(2).fill('2468');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.login-office').textContent()).toBe('华东办事处');

    // the first log-in opens the setup; the banner lists what the administrator may fix
    await logIn(page, '李管理', '2468');
    await step(page, 'office', '1-office');
    expect(page.url()).toContain('#/setup');
    await poll(() => bannerKeys(page)).toEqual(['office.details', 'role.keeper', 'role.finance', 'role.manager', 'printSettings']);

    const office = page.locator('[data-testid=setup-office]');
    await office.locator('input[name=address]').fill('杭州市西湖区文三路 1 号');
    await office.locator('input[name=phone]').fill('0571-8888 6666');
    await office.locator('input[name=hqName]').fill('某某陶瓷股份有限公司');
    await office.getByRole('button', { name: tr('zh', 'setup.saveNext') }).click();

    // HQ: the administrator may not add a supplier; the step says who can, and is skipped
    await step(page, 'hq', '2-hq-admin');
    await poll(() => bannerKeys(page)).toEqual(['role.keeper', 'role.finance', 'role.manager', 'printSettings']);
    await page.locator('[data-testid=setup-hq]', { hasText: tr('zh', 'setup.hq.cannot') }).waitFor();
    expect(await page.locator('[data-testid=setup-forward]').textContent()).toBe(tr('zh', 'setup.skip'));
    await page.locator('[data-testid=setup-forward]').click();

    // one person, two roles (兼任)
    await step(page, 'users', '3-users');
    await page.locator('[data-testid=setup-user-new]').click();
    const dlg = page.locator('.dialog');
    await dlg.locator('[data-testid=user-name]').fill('张经理');
    await dlg.locator('[data-testid=user-role-manager]').check();
    await dlg.locator('[data-testid=user-role-finance]').check();
    await dlg.locator('[data-testid=user-pin]').fill('1111');
    await dlg.locator('[data-testid=user-pin2]').fill('1111');
    await page.screenshot({ path: join(SHOTS, 'setup-3-user-dialog.png') });
    await dlg.locator('[data-testid=user-save]').click();
    await dlg.waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SHOTS, 'setup-3-users-done.png') });
    await page.locator('[data-testid=setup-users] li', { hasText: '张经理 — 办事处经理、财务主管' }).waitFor();
    await poll(() => bannerKeys(page)).toEqual(['role.keeper', 'printSettings']);
    await page.screenshot({ path: join(SHOTS, 'setup-3-users-done.png') });
    await page.locator('[data-testid=setup-forward]').click();

    // paper A4: saving confirms it
    await step(page, 'paper', '4-paper');
    await page.locator('[data-testid=setup-paper] input[name=paper][value=A4]').check();
    await page
      .locator('[data-testid=setup-paper]')
      .getByRole('button', { name: tr('zh', 'setup.saveNext') })
      .click();

    // no printer list in a browser: the step says so and is skipped
    await step(page, 'printer', '5-printer');
    await page.locator('[data-testid=setup-printer]', { hasText: tr('zh', 'setup.printer.noList') }).waitFor();
    await poll(() => bannerKeys(page)).toEqual(['role.keeper']);
    await page.locator('[data-testid=setup-forward]').click();

    await step(page, 'done', '6-done-admin');
    expect(await page.locator('[data-testid=setup-done] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key')))).toEqual(['role.keeper']);
    // the steps done show ✓; the skipped ones their number
    expect(await page.locator('.setup-steps li.done [data-step]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-step')))).toEqual(['office', 'paper']);

    const caller = await desk.core.call('auth.login', { user: '张经理', pin: '1111' });
    const token = must(caller).sessionToken;
    expect(must(await desk.core.call('office.get', {})).office).toMatchObject({
      address: '杭州市西湖区文三路 1 号',
      phone: '0571-8888 6666',
      hqName: '某某陶瓷股份有限公司',
      defaultPrinter: null,
    });
    expect(must(await desk.core.call('documents.settings', {}, { sessionToken: token })).paper).toBe('A4');
    expect(desk.pageErrors).toEqual([]);
  });

  it('shows the manager what the administrator skipped; the manager adds HQ from the setup and the banner shrinks', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await page.keyboard.press('F10');
    const dialog = page.locator('.dialog', { has: page.locator('.user-list') });
    await dialog.locator('.user-list li', { hasText: '张经理' }).click();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await page.locator('.app-header .who-name', { hasText: '张经理' }).waitFor();
    await poll(() => bannerKeys(page)).toEqual(['supplier', 'customer', 'role.keeper', 'items', 'opening']);
    await page.screenshot({ path: join(SHOTS, 'setup-7-manager-banner.png') });

    // the banner's link goes to the screen that fixes it; the setup is in the navigation
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.setup') }).click();
    await step(page, 'office', '7-manager-setup');
    await page.locator('.setup-steps [data-step=hq]').click();
    await step(page, 'hq', '8-hq-manager');
    await page.getByRole('button', { name: tr('zh', 'setup.hq.create') }).click();
    const dlg = page.locator('.dialog');
    // the dialog of 供应商档案, with HQ's name from the office details
    expect(await dlg.locator('input[name=name]').inputValue()).toBe('某某陶瓷股份有限公司');
    expect(await dlg.locator('input[name=code]').inputValue()).toBe('HQ');
    await page.screenshot({ path: join(SHOTS, 'setup-8-hq-dialog.png') });
    await dlg.getByRole('button', { name: tr('zh', 'common.save') }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('[data-testid=setup-hq] li', { hasText: '某某陶瓷股份有限公司' }).waitFor();
    await poll(() => bannerKeys(page)).toEqual(['customer', 'role.keeper', 'items', 'opening']);
    expect(await page.locator('.setup-steps li.done [data-step]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-step')))).toEqual([
      'office',
      'hq',
      'paper',
    ]);
    await page.screenshot({ path: join(SHOTS, 'setup-8-hq-done.png') });

    // in English, word for word from the core's messages
    await page.locator('.status-bar .lang-switch button', { hasText: 'English' }).click();
    await page.locator('[data-testid=setup-banner] strong', { hasText: tr('en', 'setup.banner.title', { n: 4 }) }).waitFor();
    await page.locator('[data-testid=setup-banner] li[data-key=customer]', { hasText: 'no customer yet: dispatch slips cannot be posted' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'setup-8-hq-done-en.png') });
    await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click();

    // a banner link opens its screen
    await page.locator('[data-testid=setup-banner] li[data-key=customer] a').click();
    await poll(() => page.url()).toMatch(/#\/customers$/);
    await page.screenshot({ path: join(SHOTS, 'setup-9-customers.png') });
    expect(desk.pageErrors).toEqual([]);
  });

  it('granting finance now takes a second person: the administrator adds a clerk with the manager’s PIN', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await page.keyboard.press('F10');
    const dialog = page.locator('.dialog', { has: page.locator('.user-list') });
    await dialog.locator('.user-list li', { hasText: '李管理' }).click();
    await human(page, '2468');
    await page.keyboard.press('Enter');
    await page.locator('.app-header .who-name', { hasText: '李管理' }).waitFor();
    await page.goto(`${desk.web.url}#/setup/users`);
    await step(page, 'users', '10-users-again');
    await page.locator('[data-testid=setup-user-new]').click();
    const dlg = page.locator('.dialog');
    await dlg.locator('[data-testid=user-name]').fill('王会计');
    await dlg.locator('[data-testid=user-role-finance]').check();
    await dlg.locator('[data-testid=user-pin]').fill('2222');
    await dlg.locator('[data-testid=user-pin2]').fill('2222');
    // the second person: the manager, not the administrator granting
    const second = dlg.locator('[data-testid=user-second]');
    await second.waitFor();
    expect(await second.locator('select option').allTextContents()).toEqual(['张经理']);
    await dlg.locator('[data-testid=user-save]').click();
    await poll(() => dlg.locator('.error-line').textContent()).toContain('第二人确认');
    await dlg.locator('[data-testid=user-second-pin]').fill('1111');
    await page.screenshot({ path: join(SHOTS, 'setup-10-second-pin.png') });
    await dlg.locator('[data-testid=user-save]').click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('[data-testid=setup-users] li', { hasText: '王会计' }).waitFor();
    const audit = desk.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'users.create' ORDER BY seq DESC LIMIT 1").pluck().get();
    expect(audit).toBe('王会计 (第二人确认: 张经理)');
    // the change log on the users screen says it, without the PIN
    await page.goto(`${desk.web.url}#/users`);
    await page.locator('[data-testid=users-screen]').waitFor();
    await page.keyboard.press('F6');
    await waitForGrid(page, (rows) => rows[0]?.cells.second, '张经理', { scope: '.user-changes' });
    expect((await gridRows(page, '.user-changes'))[0].cells).toMatchObject({ by: '李管理', user: '王会计', what: '角色: 财务主管 · 设置 PIN' });
    await page.screenshot({ path: join(SHOTS, 'setup-11-change-log.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
