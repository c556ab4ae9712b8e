// 导出 Excel on the paged grids in Chromium (browser mode): the stock card's button downloads the
// whole card with its period (not just the rows loaded), and the slips list, cash journal and
// customer ledger offer the button too. Screenshots at 1366×768 go to .tmp/shots/ (EXPORT_SHOTS=dir).

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { asReadable, sql } from '../../electron/store/db';
import { fullStockCard } from '../../electron/domains/stock/card';
import { cardBooks } from '../helpers/card-books';
import { readXlsx, column } from '../export/sheet';
import { NO_CHROMIUM, ROOT, login, nav, openDesk, openStockCard, startDesk, switchUser, tr, type Desk } from './harness';

const SHOTS = process.env.EXPORT_SHOTS ?? join(ROOT, '.tmp', 'shots');
const MOVES = 400; // 200 inbound + 200 dispatch rows: more than the first page the screen loads
let desk: Desk;
let itemId = 0;
let customerId = 0;
/** the card as the core reads it, after prepare: its rows and closing quantity */
let card = { rows: 0, closingQty: 0 };

async function prepare(core: Core): Promise<void> {
  itemId = sql(core.db, "SELECT id FROM items WHERE code = 'CZ-8801'").pluck().get() as number;
  customerId = sql(core.db, "SELECT id FROM customers WHERE code = 'KH002'").pluck().get() as number;
  const b = cardBooks(core, itemId);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (let i = 0; i < MOVES / 2; i++) {
    b.inbound(today, [[50, 31_000 + (i % 7)]]);
    b.dispatch(today, [40]);
  }
  const full = fullStockCard(asReadable(core.db), itemId, undefined, undefined);
  card = { rows: full.rows.length, closingQty: full.closing.qty };
}

describe.skipIf(!!NO_CHROMIUM)('导出 Excel on the paged grids', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'export', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '王强');
  }, 180_000);
  afterAll(async () => desk?.close());

  const shoot = (name: string) => desk.page.screenshot({ path: join(SHOTS, `export-${name}.png`) });
  const exportButton = () => desk.page.locator('.btn', { hasText: tr('zh', 'exp.button') });

  it('the stock card downloads every row of the card, not the page on screen', async () => {
    const { page } = desk;
    await openStockCard(page, 'CZ-8801', itemId);
    await shoot('stock-card');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton().click()]);
    expect(download.suggestedFilename()).toMatch(/^库存明细账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const s = await readXlsx(readFileSync(await download.path()).toString('base64'));
    expect(card.rows).toBeGreaterThanOrEqual(MOVES);
    expect(column(s, '单号').filter((no) => no !== null && no !== '').length).toBe(card.rows);
    expect(column(s, '结存数量').at(-1)).toBe(card.closingQty);
    expect(s.about.get('筛选: 商品')).toMatch(/^CZ-8801 /);
  }, 60_000);

  it('the slips list offers it beside its count', async () => {
    await nav(desk.page, tr('zh', 'nav.slips'));
    await desk.page.locator('.grid-fill .ag-row').first().waitFor();
    await exportButton().waitFor();
    await shoot('slips');
  });

  it('the cash journal and the customer ledger offer it to finance', async () => {
    const { page } = desk;
    await switchUser(page, '刘洋');
    await nav(page, tr('zh', 'nav.journal'));
    await exportButton().waitFor();
    await shoot('cash-journal');
    await openDesk(page, desk, `/aging/${customerId}`);
    await exportButton().waitFor();
    await shoot('customer-ledger');
  }, 60_000);
});
