// 反日结 in the real renderer (browser mode, Chromium, 1366×768): the day was closed 0.50 元 short
// (through the core); the manager 张伟 sees the 短款 waiting in 待处理财产损溢, reopens the day from
// the 日结 screen (the dialog opens on the reason, then the manager's PIN), the screen says the day
// must be closed again and the history keeps the reopened close; finance 刘洋 — who is not offered
// 反日结 — counts the cash again (1.00 元 short this time, approved) and closes the day anew; the
// manager decides the new 短款 in the suspense list: 由出纳赔偿. The books verify clean. Screenshots of
// each step go to .tmp/screens/ for a look. Skipped (with a message) when no Chromium is installed.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { verifyBooks } from '../../electron/domains/system/verify';
import { ROOT, NO_CHROMIUM, human, login, preparer, settled, startDesk, switchUser, tr, type Desk } from './harness';
import { poll } from './poll';

const DAY = '2026-11-29';
// 16:00 Shanghai on DAY; real seconds pass
const BASE = Date.parse('2026-11-29T08:00:00Z');
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));
const SHOTS = join(ROOT, '.tmp', 'screens');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let desk: Desk;

/** 1000.00 元 of float, counted 999.50 at the close: 0.50 短款 approved by the manager. */
async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'ro');
  await c('刘洋', 'cash.topUp', { account: 'cash', amountFen: 100_000, memo: '备用金' });
  await c('刘洋', 'dayClose.close', {
    date: DAY,
    counts: { '10000': 9, '5000': 1, '2000': 2, '500': 1, '100': 4, '50': 1 },
    channels: { wechat: 0, alipay: 0, bank: 0 },
    differenceReason: '点钞少 5 角',
    managerApproval: { user: '张伟', pin: '1111' },
    finance: { user: '刘洋', pin: '2222' },
    statistician: { user: '陈静', pin: '3333' },
  });
}

describe.skipIf(!!NO_CHROMIUM)('反日结 in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'reopen', clock, prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('the manager reopens the closed day with a reason and the PIN; finance closes it again', { timeout: 180_000 }, async () => {
    const { page } = desk;
    const finance = await desk.as('刘洋');
    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `reopen-${name}.png`) });

    await login(page, desk, '张伟');
    await page.goto(`${desk.web.url}#/dayclose/${DAY}`);
    await page
      .getByText(tr('zh', 'dc.closed' as never))
      .first()
      .waitFor();
    // the 短款 waits in 待处理财产损溢
    const item = page.locator('.suspense-panel .ag-row', { hasText: '点钞少 5 角' }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('0.50');
    await settled(page);
    await shot('1-closed-manager');

    // 反日结: the dialog opens on the reason
    await page.locator('.toolbar button', { hasText: '反日结' }).click();
    await page.locator('.dialog').waitFor();
    await settled(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('.field')?.textContent)).toContain('反日结原因');
    await human(page, '漏记一笔现金回款');
    await page.locator('#ro-mgr-pin').pressSequentially('1111', { delay: 120 });
    await shot('2-dialog');
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page.getByText(`${DAY} 已反日结, 请重新日结`).first().waitFor();
    await page.getByText('漏记一笔现金回款').first().waitFor();
    expect(await finance('dayClose.status', {} as never)).toMatchObject({ lastClosed: null, reopenedDays: [DAY], businessDate: DAY });
    // the 短款 was reversed with its close: nothing waits any more
    await poll(async () => page.locator('.suspense-panel .ag-row').count()).toBe(0);
    await shot('3-reopened');

    // finance is not offered 反日结, counts again (the books' figure: 1000.00) and closes the day again
    await switchUser(page, '刘洋');
    await page.goto(`${desk.web.url}#/dayclose/${DAY}`);
    await page.locator('.ag-row[row-id="10000"] [col-id="count"]').first().waitFor();
    await settled(page);
    expect(await page.locator('.toolbar button', { hasText: '反日结' }).count()).toBe(0);
    // counted 999.00 this time: a 1.00 元 短款, with the manager's approval and a reason
    for (const [denom, n] of [
      ['10000', 9],
      ['5000', 1],
      ['2000', 2],
      ['500', 1],
      ['100', 4],
    ] as const) {
      await page.locator(`.ag-row[row-id="${denom}"] [col-id="count"]`).first().click();
      await sleep(150);
      await human(page, String(n));
      await page.keyboard.press('Enter');
      await sleep(150);
    }
    for (const account of ['wechat', 'alipay', 'bank']) await page.locator(`input[data-account="${account}"]`).fill('0');
    await page.locator('.fin-panel input.input:not([data-account]):not([type=password])').first().fill('复点少 1 元');
    await page.locator('#dc-mgr-pin').pressSequentially('1111', { delay: 120 });
    await page.locator('#dc-fin-pin').pressSequentially('2222', { delay: 120 });
    await page.locator('#dc-stat-pin').pressSequentially('3333', { delay: 120 });
    await page.keyboard.press('F9');
    await page
      .getByText(tr('zh', 'dc.closed' as never))
      .first()
      .waitFor();
    const list = (await finance('dayClose.list', {} as never)) as { rows: { date: string; result: string; reopened: unknown }[] };
    expect(list.rows.map((r) => [r.date, r.result, r.reopened != null])).toEqual([
      [DAY, 'short', false],
      [DAY, 'short', true],
    ]);
    await page
      .locator('.ag-row', { hasText: tr('zh', 'ro.reopened' as never) })
      .first()
      .waitFor();
    const newItem = page.locator('.suspense-panel .ag-row', { hasText: '复点少 1 元' }).first();
    await newItem.waitFor();
    await newItem.scrollIntoViewIfNeeded();
    await sleep(600); // the grids' row animation
    await shot('4-closed-again');
    // finance sees the new 短款 waiting, but only the manager decides it
    expect(await page.locator('.suspense-panel button', { hasText: '处理' }).count()).toBe(0);

    // the manager decides: 由出纳赔偿, the cashier pays the 1.00 back in cash
    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/dayclose/${DAY}`);
    await newItem.waitFor();
    await newItem.scrollIntoViewIfNeeded();
    await newItem.dblclick();
    await page.locator('.dialog').waitFor();
    await settled(page);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.locator('.dialog input.input:not([type=password])').fill('出纳刘洋赔偿');
    await page.locator('#ro-decide-pin').pressSequentially('1111', { delay: 120 });
    await shot('5-decide');
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page.getByText(`${DAY} 短款 已处理: 由出纳赔偿(收回现金)`).first().waitFor();
    await poll(async () => page.locator('.suspense-panel .ag-row').count()).toBe(0);
    const cash = (await finance('cash.accounts', {} as never)) as { account: string; balanceFen: number }[];
    expect(cash.find((a) => a.account === 'cash')!.balanceFen).toBe(100_000);

    expect(verifyBooks((desk.core as any).db).problems).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
  });
});
