// 每日对账 in Chromium at 1366×768: the keeper opens 库存总览 → 每日对账, sees today's moved items
// with their book balance, types 实存 for one that is two short (Enter), confirms (F9); a draft
// write-off opens for the manager, the books unchanged; finance's close of day says who checked.
// Screenshots go to .tmp/shots/ (DAILY_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, login, nav, preparer, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.DAILY_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'dk');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-DK-1',
    lines: [
      { itemId: item('CZ-8801'), qty: 30, unitCostFen: 5200 },
      { itemId: item('WY-4001'), qty: 12, unitCostFen: 1850 },
    ],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
}

describe.skipIf(!!NO_CHROMIUM)('每日对账 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'daily-check', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('the keeper records a shortage; a write-off draft opens; the close of day says who checked', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await nav(page, tr('zh', 'nav.stock'));
    await page.getByTestId('tab-daily').click();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.code, r.cells.bookQty]), [
      ['CZ-8801', '30'],
      ['WY-4001', '12'],
    ]);
    await page.locator('.grid-fill .ag-row', { hasText: 'CZ-8801' }).locator('[col-id="counted"]').dblclick();
    await page.keyboard.type('28');
    await page.keyboard.press('Enter');
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.diff), ['-2', '']);
    await page.screenshot({ path: join(SHOTS, 'daily-check.png') });
    await page.keyboard.press('F9');
    await page.locator('.dialog').getByText('盘亏的将开出报损单草稿').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/已由 王强 于 .* 完成对账, 差异 1 项/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'daily-check-done.png') });
    const keeper = await desk.as('王强');
    const day = await keeper('dailyCheck.day', {});
    expect(day.check?.writeoff?.no).toMatch(/^BS/);
    expect((await keeper('stock.onHand', { itemIds: [desk.itemId('CZ-8801')] })).rows[0].qty).toBe(30);

    await switchUser(page, '刘洋');
    await page.goto(`${desk.web.url}#/dayclose`);
    await page.getByText(/库管每日对账: 王强 .* 已确认, 差异 1 项/).waitFor();
    expect(desk.pageErrors).toEqual([]);
  });
});
