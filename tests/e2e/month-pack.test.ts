// 月报 in Chromium at 1366×768 (issue #14): on 20 Nov (office clock) finance sees the banner on
// every screen — 2026-11 月报未签署：尚缺 … — and follows its link to 报表 › 月报, which lists the
// same; the day is closed; on 1 Dec the manager sees the banner say nothing is missing, signs the
// pack with his PIN on the 月报 tab, the banner goes, the signed record shows, and the pack's PDF
// (logged as printed) reads back with pdftotext: the cover's SHA-256 and signer, report B.
// Screenshots go to .tmp/shots/ (MP_SHOTS=dir).

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, must, nav, preparer, settled, startDesk, tr, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.MP_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let base = Date.parse('2026-11-20T10:00:00+08:00');
let started = Date.now();
const setClock = (local: string) => {
  base = Date.parse(`${local}:00+08:00`);
  started = Date.now();
};
const clock = () => new Date(base + (Date.now() - started));

async function prepare(core: Core): Promise<void> {
  await preparer(core, 'mp')('刘洋', 'cash.topUp', { account: 'cash', amountFen: 10_000, memo: '备用金' });
}

/** Start afresh on the login screen (the sessions idle out when the office clock jumps days). */
async function freshLogin(name: string): Promise<void> {
  const { page } = desk;
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(desk.web.url);
  await login(page, desk, name);
}

describe.skipIf(!!NO_CHROMIUM)('月报 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'monthpack', prepare, clock });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('from the 20th finance sees what the month lacks on every screen, with a link to 月报', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '刘洋');
    const banner = page.getByTestId('month-pack-banner');
    await banner.locator('strong', { hasText: '2026-11 月报未签署：尚缺' }).waitFor();
    await banner.locator('li[data-code=days_open]', { hasText: '未日结的营业日 1 天: 2026-11-20' }).waitFor();
    await banner.locator('li[data-code=month_not_over]').waitFor();
    await nav(page, tr('zh', 'nav.journal'));
    await banner.waitFor(); // on every screen
    await page.screenshot({ path: join(SHOTS, 'month-pack-banner.png') });
    await page.getByTestId('mp-banner-link').click();
    await page.locator('.toolbar h1', { hasText: tr('zh', 'mp.title') }).waitFor();
    await page.getByTestId('mp-problems').locator('li[data-code=days_open]').waitFor();
    expect(await page.getByTestId('mp-month').inputValue()).toBe('2026-11');
    expect(await page.getByTestId('mp-sign').count()).toBe(0); // finance does not sign
    await page.screenshot({ path: join(SHOTS, 'month-pack-open.png') });
  });

  it('on 1 Dec the manager signs the pack with his PIN; the banner goes; the PDF reads back', { timeout: 180_000 }, async () => {
    const { page } = desk;
    const finance = await desk.as('刘洋');
    setClock('2026-11-20T18:00');
    await finance('dayClose.close', {
      date: '2026-11-20',
      counts: { '10000': 1 },
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: '刘洋', pin: '2222' },
      statistician: { user: '陈静', pin: '3333' },
    });
    setClock('2026-12-01T09:00');
    await freshLogin('张伟');
    const banner = page.getByTestId('month-pack-banner');
    await banner.locator('strong', { hasText: '2026-11 月报未签署' }).waitFor();
    await banner.getByText(tr('zh', 'mp.none')).waitFor();
    await page.getByTestId('mp-banner-link').click();
    const sign = page.getByTestId('mp-sign');
    await poll(() => sign.isEnabled()).toBe(true);
    await sign.click();
    const dialog = page.locator('.dialog', { hasText: '签署 2026-11 月报' });
    await dialog.waitFor();
    await page.getByTestId('mp-pin').click();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const record = page.getByTestId('mp-signed');
    await record.waitFor();
    await banner.waitFor({ state: 'detached' });
    // a fresh session: the one the harness made on 20 Nov idled out with the clock's jump
    const token = must(await desk.core.call('auth.login', { user: '张伟', pin: '1111' })).sessionToken;
    const status = must(await desk.core.call('monthPack.status', { month: '2026-11' }, { sessionToken: token }));
    expect(status.signed?.signedBy.name).toBe('张伟');
    expect(await record.textContent()).toContain(status.signed!.sha256);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'month-pack-signed.png') });

    // the PDF: logged as printed, opened in a tab; its bytes read back from the blob the page made
    // (the desk's CSP lets no fetch read a blob: URL, so the blob is kept as it is made)
    await page.evaluate(() => {
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => ((window as unknown as { lastBlob: Blob }).lastBlob = b as Blob) && make(b);
    });
    const tab = page.context().waitForEvent('page');
    await page.getByTestId('mp-pdf').click();
    const pdfTab = await tab;
    await poll(() => pdfTab.url()).toMatch(/^blob:/);
    const b64 = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const r = new FileReader();
          r.onload = () => resolve(String(r.result).split(',')[1]);
          r.readAsDataURL((window as unknown as { lastBlob: Blob }).lastBlob);
        }),
    );
    const file = join(SHOTS, 'month-pack-e2e.pdf');
    writeFileSync(file, Buffer.from(b64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of ['月报', '2026 年 11 月', '张伟(经理)', status.signed!.sha256, 'B 人员考勤表', '人员考勤表', '财务主管']) expect(text).toContain(s);
    const prints = desk.core.db.prepare("SELECT print_no, content_hash FROM print_log WHERE doc = 'monthPack'").all();
    expect(prints).toEqual([{ print_no: 1, content_hash: status.signed!.sha256 }]);
    await pdfTab.close();
  });
});
