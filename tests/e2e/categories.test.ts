// 商品类别 in Chromium at 1366×768: the statistician gives an item its category in the item dialog
// (the ones in use offered), the items list shows the column, 销售统计 groups the month by category
// and 进销存汇总 shows one category's items only. Screenshots go to .tmp/shots/ (CATEGORY_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { cardBooks } from '../helpers/card-books';
import { NO_CHROMIUM, ROOT, login, preparer, settled, startDesk, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.CATEGORY_SHOTS ?? join(ROOT, '.tmp', 'shots');
const BASE = Date.parse('2026-11-29T02:00:00Z');
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));
let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'cat');
  const items = (await c('陈静', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const id = (code: string) => items.find((i) => i.code === code)!.id;
  await c('陈静', 'items.update', { itemId: id('CZ-8801'), category: '瓷砖' });
  await c('陈静', 'items.update', { itemId: id('WY-4001'), category: '洁具' });
  const [a, b] = [cardBooks(core, id('CZ-8801')), cardBooks(core, id('WY-4001'))];
  a.inbound('2026-11-02', [[50, 5200]]);
  b.inbound('2026-11-02', [[20, 1850]]);
  a.dispatch('2026-11-10', [12]);
  b.dispatch('2026-11-10', [5]);
}

describe.skipIf(!!NO_CHROMIUM)('商品类别 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'categories', clock, prepare });
    await desk.context.clock.setSystemTime(clock());
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('an item gets its category; 销售统计 by category; 进销存汇总 of one category', { timeout: 150_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '陈静');
    await page.goto(`${desk.web.url}#/items`);
    await page.locator('.grid-fill .ag-row [col-id="code"]', { hasText: 'CZ-8802' }).first().dblclick();
    await page.getByTestId('item-category').fill('瓷砖');
    await page.screenshot({ path: join(SHOTS, 'category-item-dialog.png') });
    await page.keyboard.press('Enter');
    await page.locator('.grid-fill .ag-row', { hasText: 'CZ-8802' }).locator('[col-id="category"]', { hasText: '瓷砖' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'category-items.png') });

    await page.goto(`${desk.web.url}#/aging/sales`);
    await page.getByTestId('rp-by').selectOption('category');
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.name).sort(), ['合计', '洁具', '瓷砖']); // 合计 pinned below
    await page.screenshot({ path: join(SHOTS, 'category-sales.png') });

    await page.goto(`${desk.web.url}#/aging/stock`);
    await page.getByTestId('rp-category').locator('option', { hasText: '洁具' }).waitFor({ state: 'attached' });
    await page.getByTestId('rp-category').selectOption('洁具');
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.code), ['WY-4001', '合计']);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'category-stock.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
