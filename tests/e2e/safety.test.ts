// 安全库存定额 in Chromium at 1366×768: the keeper opens 商品 → 安全库存定额, finds 抛光砖 by its
// location, sees twelve sold in the window and the suggestion in whole cases, proposes a figure with
// a reason (F2); a window typed out of bounds is refused by the core and the table stays; the
// manager approves it with the PIN (F6) and the item's safety stock is the figure. Screenshots go to
// .tmp/shots/ (SAFETY_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, nav, preparer, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.SAFETY_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'sf');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const customers = (await c('张伟', 'customers.list', { limit: 100 })).rows as { id: number; code: string }[];
  const item = items.find((i) => i.code === 'CZ-8801')!.id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-SF-1',
    lines: [{ itemId: item, qty: 60, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  const s = await c('赵丽', 'slips.create', {
    kind: 'dispatch',
    customerId: customers[0].id,
    paymentMode: 'cash',
    lines: [{ itemId: item, qty: 12, priceFen: 7800 }],
  });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
  await c('王强', 'slips.post', { slipId: s.id });
}

describe.skipIf(!!NO_CHROMIUM)('安全库存定额 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'safety', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('the keeper proposes from the usage; the manager approves with the PIN', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await nav(page, tr('zh', 'nav.items'));
    await page.getByTestId('tab-safety').click();
    await page.getByPlaceholder(tr('zh', 'sf.query')).fill('A-01-1');
    // 12 sold in 90 days; 15 days of cover: 2 → one case of 3
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.itemCode, r.cells.sold, r.cells.suggested]), [['CZ-8801', '12', '3']]);
    await page.screenshot({ path: join(SHOTS, 'safety-table.png') });

    await page.getByTestId('safety-window').fill('3');
    await expect.poll(() => page.locator('.error-line').first().textContent()).toContain('统计天数');
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.itemCode), ['CZ-8801']); // the table stays
    await page.getByTestId('safety-window').fill('30');
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.suggested), ['6']); // 12 × 15 ÷ 30 = 6

    await page.locator('.grid-fill .ag-row [col-id="itemName"]').first().click();
    await page.keyboard.press('F2');
    await page.getByTestId('safety-qty').fill('30');
    await page.getByTestId('safety-reason').fill('春节前备货');
    await page.screenshot({ path: join(SHOTS, 'safety-propose.png') });
    await page.keyboard.press('Enter');
    await page.getByText(tr('zh', 'sf.proposed', { code: 'CZ-8801', qty: 30 })).waitFor();

    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/items/safety`);
    await waitForGrid(page, (rows) => rows.find((r) => r.cells.itemCode === 'CZ-8801')?.cells.pending, '30 (王强)');
    await page.locator('.grid-fill .ag-row', { hasText: 'CZ-8801' }).locator('[col-id="itemName"]').click();
    await page.keyboard.press('F6');
    await page.locator('#safety-mgr-pin').focus();
    await human(page, '1111');
    await page.screenshot({ path: join(SHOTS, 'safety-decide.png') });
    await page.keyboard.press('Enter');
    await page.getByText(tr('zh', 'sf.approved', { code: 'CZ-8801', qty: 30 })).waitFor();
    const manager = await desk.as('张伟');
    expect((await manager('items.get', { itemId: desk.itemId('CZ-8801') })).safetyStock).toBe(30);
    expect(desk.pageErrors).toEqual([]);
  });
});
