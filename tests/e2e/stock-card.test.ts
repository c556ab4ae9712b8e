// The stock card in Chromium at 1366×768 with the left navigation open (issue #9): every column
// fits without scrolling sideways (收入 / 发出 / 结存, each 数量 / 单价 / 金额, 结存单价 included);
// Ctrl+End shows the closing balance from the backward cursor, and scrolling up reads the pages
// before it until 期初结存; Ctrl+Home goes back; the FIFO layers of a merged row show behind the
// toggle; ↓ from the item box enters the grid; the screen remembers the item and the period after
// the user goes elsewhere and comes back. Screenshots go to .tmp/shots/ (STOCK_CARD_SHOTS=dir).
// Skipped (with a message) when no Chromium is installed.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { sql } from '../../electron/store/db';
import { cardBooks } from '../helpers/card-books';
import { NO_CHROMIUM, ROOT, gridRows, login, nav, openStockCard, settled, shownFen, shownNumber, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.STOCK_CARD_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let itemId = 0;

/** A year of CZ-8801 at large figures (about 100 million yuan in a year): ~2,400 moves, merged takes, a return. */
async function prepare(core: Core): Promise<void> {
  itemId = sql(core.db, "SELECT id FROM items WHERE code = 'CZ-8801'").pluck().get() as number;
  const b = cardBooks(core, itemId);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const start = Date.parse(`${today.slice(0, 4)}-01-02T00:00:00Z`);
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000);
  let last = { id: 0, lineIds: [] as number[] };
  for (let i = 0; i < 300; i++) {
    const date = new Date(start + Math.floor((i * days) / 300) * 86_400_000).toISOString().slice(0, 10);
    b.inbound(date, [
      [400, 31_000 + (i % 7)],
      [400, 31_000 + (i % 7)],
      [300, 29_880],
    ]);
    last = b.dispatch(date, [700, 380]); // 700 across both layers at one cost: one row, two layers
  }
  b.ret(today, last.id, [[last.lineIds[0], 5]]);
}

describe.skipIf(!!NO_CHROMIUM)('the stock card at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'card', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '王强');
  }, 180_000);
  afterAll(async () => desk?.close());

  const shoot = (name: string) => desk.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const focusedRow = () =>
    desk.page.evaluate(() => {
      const cell = document.activeElement?.closest('.ag-row');
      return cell ? { index: Number(cell.getAttribute('row-index')), text: (cell.querySelector('[col-id="summary"]')?.textContent ?? '').trim() } : null;
    });

  it('every column fits: the last column ends inside the grid, nothing to scroll sideways', async () => {
    const { page } = desk;
    await openStockCard(page, 'CZ-8801', itemId);
    const fit = await page.evaluate(() => {
      const body = document.querySelector('.grid-fill .ag-grid-viewport') as HTMLElement;
      const grid = body.getBoundingClientRect();
      const last = document.querySelector('.grid-fill .ag-header-cell[col-id="balAmount"]')!.getBoundingClientRect();
      const nav = document.querySelector('.side-nav')!.getBoundingClientRect();
      return { lastRight: last.right, gridRight: grid.left + body.clientWidth, sideways: body.scrollWidth - body.clientWidth, navWidth: nav.width };
    });
    expect(fit.navWidth).toBeGreaterThan(100); // the navigation is open
    expect(fit.lastRight).toBeLessThanOrEqual(fit.gridRight);
    expect(fit.sideways).toBeLessThanOrEqual(0);
    const headers = await page.locator('.grid-fill .ag-header-group-cell').allTextContents();
    expect(headers.map((h) => h.trim()).filter(Boolean)).toEqual([tr('zh', 'card.in'), tr('zh', 'card.out'), tr('zh', 'card.balance')]);
    await expect(page.locator('.grid-fill .ag-header-cell[col-id="balUnit"]').textContent()).resolves.toContain(tr('zh', 'card.unit'));
    await shoot('card-top');
  });

  it('Ctrl+End shows the closing balance at once; scrolling up reads back to 期初结存; Ctrl+Home returns', async () => {
    const { page } = desk;
    const keeper = await desk.as('王强');
    const from = await page.locator('.filter-bar input[type="date"]').first().inputValue();
    const card = await keeper('stock.card', { itemId, from, direction: 'backward', limit: 5 });
    await page.locator('.grid-fill .ag-row[row-index="1"] [col-id="summary"]').click();
    await page.keyboard.press('Control+End');
    const rows = await waitForGrid(page, (rs) => rs.at(-1)?.cells.summary, tr('zh', 'card.closing'));
    const closing = rows.at(-1)!;
    expect([shownNumber(closing.cells.balQty), shownFen(closing.cells.balAmount)]).toEqual([card.closing.qty, card.closing.amountFen]);
    await poll(focusedRow).toMatchObject({ text: tr('zh', 'card.closing') });
    // 本月合计 then 本年累计 before it, with the core's figures
    const m = card.monthEnds.at(-1)!;
    const [month, year] = rows.slice(-3, -1);
    expect([month.cells.summary, shownNumber(month.cells.outQty), shownFen(month.cells.outAmount)]).toEqual([
      tr('zh', 'card.monthTotal', { month: m.month }),
      m.monthTotals.outQty,
      m.monthTotals.outAmountFen,
    ]);
    expect([year.cells.summary, shownNumber(year.cells.inQty), shownFen(year.cells.inAmount), shownFen(year.cells.balUnit)]).toEqual([
      tr('zh', 'card.yearTotal', { year: m.month.slice(0, 4) }),
      m.yearTotals.inQty,
      m.yearTotals.inAmountFen,
      m.balanceUnitCostFen,
    ]);
    expect(year.classes).toContain('row-year');
    // the return, as 红字发出 (the office's default)
    const ret = rows.find((r) => r.cells.slipNo?.startsWith('TH'))!;
    expect([shownNumber(ret.cells.outQty), ret.cells.inQty]).toEqual([-5, '']);
    await shoot('card-end');

    // scrolling up (the mouse wheel) reads the pages before, keeping the rows in view, until 期初结存
    const full = await keeper('stock.card', { itemId, from, limit: 1000 });
    for (const until = Date.now() + 90_000; Date.now() < until;) {
      const top = await gridRows(page);
      if (top[0]?.index === 0 && top[0].cells.summary === tr('zh', 'card.opening')) break;
      await page.mouse.move(700, 450);
      await page.mouse.wheel(0, -20_000);
      await page.waitForTimeout(200);
    }
    const shown = await page.evaluate(() => document.querySelectorAll('.grid-fill .ag-row').length);
    expect(shown).toBeGreaterThan(5);
    expect((await gridRows(page))[0].cells.summary).toBe(tr('zh', 'card.opening'));
    expect(full.nextCursor).not.toBeNull(); // more than one page of 1,000 moves was read back

    await page.keyboard.press('Control+End');
    await poll(focusedRow).toMatchObject({ text: tr('zh', 'card.closing') });
    await page.keyboard.press('Control+Home');
    await poll(focusedRow).toMatchObject({ index: 0, text: tr('zh', 'card.opening') });
  }, 180_000);

  it('the FIFO layers behind a merged row, on demand', async () => {
    const { page } = desk;
    expect(await page.locator('.grid-fill .row-layer').count()).toBe(0);
    await page.getByTestId('card-layers').check();
    await page.locator('.grid-fill .row-layer').first().waitFor();
    const rows = await gridRows(page);
    const i = rows.findIndex((r) => r.classes.includes('row-layer'));
    const merged = rows[i - 1];
    let n = i;
    while (rows[n]?.classes.includes('row-layer')) n++;
    const layers = rows.slice(i, n);
    // a merged issue: its takes, one per layer at the row's unit cost, add up to it
    expect(layers.length).toBeGreaterThanOrEqual(2);
    expect(layers.reduce((s, l) => s + shownNumber(l.cells.outQty)!, 0)).toBe(shownNumber(merged.cells.outQty));
    expect(layers.reduce((s, l) => s + shownFen(l.cells.outAmount)!, 0)).toBe(shownFen(merged.cells.outAmount));
    expect(new Set(layers.map((l) => l.cells.outUnit))).toEqual(new Set([merged.cells.outUnit]));
    expect(layers.map((l) => l.cells.balQty)).toEqual(layers.map(() => ''));
    await shoot('card-layers');
    await page.getByTestId('card-layers').uncheck();
    await poll(() => page.locator('.grid-fill .row-layer').count()).toBe(0);
  });

  it('↓ from the item box enters the grid; item and period are remembered after going elsewhere', async () => {
    const { page } = desk;
    await page.keyboard.press('F3');
    await page.keyboard.press('ArrowDown');
    await poll(focusedRow).toMatchObject({ index: 0 });
    await page.locator('.filter-bar input[type="date"]').first().fill('2026-03-01');
    await waitForGrid(page, (rs) => rs[0]?.cells.date, '2026-03-01');
    await nav(page, tr('zh', 'nav.stock'));
    await nav(page, tr('zh', 'nav.card'));
    await page.waitForURL(new RegExp(`#/card/${itemId}$`));
    await expect(page.locator('.filter-bar input[type="date"]').first().inputValue()).resolves.toBe('2026-03-01');
    await waitForGrid(page, (rs) => rs[0]?.cells.date, '2026-03-01');
    await expect(page.locator('.filter-bar [role="combobox"]').inputValue()).resolves.toContain('CZ-8801');
    // the keeper reads how returns are written; only the manager may change it
    await expect(page.getByTestId('card-returns').isDisabled()).resolves.toBe(true);
    await settled(page);
    expect(desk.pageErrors).toEqual([]);
  });
});
