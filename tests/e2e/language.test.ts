// (h) The language switch (中文 | English) in real Chromium: on the login screen and in the status
// bar, every visible word follows (navigation, headings, grid headers, <html lang>), and the
// choice survives a reload. (g) An error the core returns is shown where it happened — in Chinese,
// in the desk's default language — and in English once the user switches, word for word the
// core's own message_zh / message_en.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { NO_CHROMIUM, gridRows, login, nav, qtyByCode, scan, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const WY1002 = '6923456000322'; // 壁挂马桶 堃系列: none in stock in a fresh demo office

let desk: Desk;
const sideNav = (page: Desk['page']) => page.locator('.side-nav a span:first-child').allTextContents();
const headers = (page: Desk['page']) => page.locator('.grid-fill .ag-header-cell-text').allTextContents();

describe.skipIf(!!NO_CHROMIUM)('languages in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'lang' });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('(h) 中文 | English switches every word on screen and is remembered', async () => {
    const { page } = desk;
    await page.goto(desk.web.url);
    const card = page.locator('.login-card');
    await card.locator('h1', { hasText: tr('zh', 'app.name') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await card.locator('.pin-row .btn-primary').textContent()).toContain(tr('zh', 'login.submit'));

    await card.locator('.lang-switch button', { hasText: 'English' }).click();
    await card.locator('h1', { hasText: tr('en', 'app.name') }).waitFor();
    expect(await card.locator('.pin-row .btn-primary').textContent()).toContain(tr('en', 'login.submit'));
    expect(await card.locator('.pin-row .field-label').textContent()).toBe(tr('en', 'login.pin'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe(tr('en', 'app.title'));

    await login(page, desk, '王强');
    const keeperNav = ['nav.inbound', 'nav.pick', 'nav.returns', 'nav.items', 'nav.stock', 'nav.card', 'nav.counts', 'nav.slips'] as const;
    expect((await sideNav(page)).slice(0, keeperNav.length)).toEqual(keeperNav.map((k) => tr('en', k)));
    expect(await page.locator('.app-header').textContent()).toContain(tr('en', 'header.switchUser'));
    await nav(page, tr('en', 'nav.items'));
    await poll(() => headers(page)).toEqual(expect.arrayContaining([tr('en', 'item.code'), tr('en', 'item.name')]));

    // a reload keeps the language (and the session)
    await page.reload();
    await page.locator('.side-nav a.active', { hasText: tr('en', 'nav.items') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // back to Chinese from the status bar: the screen follows at once, grid headers too
    await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click();
    await page.locator('.side-nav a.active', { hasText: tr('zh', 'nav.items') }).waitFor();
    expect((await sideNav(page)).slice(0, keeperNav.length)).toEqual(keeperNav.map((k) => tr('zh', k)));
    await poll(() => headers(page)).toEqual(expect.arrayContaining([tr('zh', 'item.code'), tr('zh', 'item.name')]));
    expect(await page.locator('.status-bar').textContent()).toContain(tr('zh', 'status.scanner'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => localStorage.getItem('branch-desk.lang'))).toBe('zh');
  });

  it('(g) a core error shows in Chinese next to its cause, and in English after switching', async () => {
    const { page } = desk;
    await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click(); // the default, whatever came before
    // a signed dispatch of two WY-1002 — and there are none in the warehouse
    const sales = await desk.as('赵丽');
    let slip: Slip = await sales('slips.create', {
      kind: 'dispatch',
      customerId: desk.customerId('KH003'),
      paymentMode: 'cash',
      lines: [{ itemId: desk.itemId('WY-1002'), qty: 2 }],
    });
    await sales('slips.sign', { slipId: slip.id, role: 'manager', user: '张伟', pin: '1111' });
    slip = await sales('slips.sign', { slipId: slip.id, role: 'finance', user: '刘洋', pin: '2222' });
    expect(slip.missingSignatures).toEqual([]);

    // what the core answers to posting it
    const post = await desk.core.call(
      'slips.post',
      { slipId: slip.id, picked: slip.lines.map((l) => ({ lineId: l.id, qty: 2 })) },
      { sessionToken: await desk.tokenOf('王强') },
    );
    if (post.ok) throw new Error('posting without stock went through');
    expect(post.error.code).toBe('insufficient_stock');

    // the keeper tries it on screen
    await nav(page, tr('zh', 'nav.pick'));
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.no), [slip.no]);
    await scan(page, slip.no.toLowerCase());
    await page.waitForURL(new RegExp(`#/pick/${slip.id}$`));
    await waitForGrid(page, qtyByCode('picked'), { 'WY-1002': '0' });
    await scan(page, WY1002);
    await scan(page, WY1002);
    await waitForGrid(page, qtyByCode('picked'), { 'WY-1002': '2' });
    await page.keyboard.press('F9');
    await page.locator('.dialog', { hasText: tr('zh', 'pick.confirmTitle', { no: slip.no }) }).waitFor();
    await page.keyboard.press('Enter');

    const error = page.locator('.screen .error-line[role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toBe(post.error.message_zh);
    expect(post.error.message_zh).toContain('WY-1002');
    // next to its cause: the line that lacks stock is marked, the slip is still a draft, nothing moved
    await poll(async () => (await gridRows(page)).find((r) => r.cells.itemCode === 'WY-1002')!.classes).toContain('row-error');
    expect(page.url()).toMatch(new RegExp(`#/pick/${slip.id}$`));
    const keeper = await desk.as('王强');
    expect((await keeper('slips.get', { slipId: slip.id })).state).toBe('draft');

    // English: the same error in the core's English words, the rest of the screen too
    await page.locator('.status-bar .lang-switch button', { hasText: 'English' }).click();
    await poll(() => error.textContent()).toBe(post.error.message_en);
    expect(await page.locator('.toolbar h1').textContent()).toContain(tr('en', 'pick.title'));
    expect((await gridRows(page)).find((r) => r.cells.itemCode === 'WY-1002')!.classes).toContain('row-error');
    // and back
    await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click();
    await poll(() => error.textContent()).toBe(post.error.message_zh);
    expect(desk.pageErrors).toEqual([]);
  });
});
