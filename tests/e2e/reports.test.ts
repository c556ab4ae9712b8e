// 报表 in the real renderer: the statistician opens 报表, finds 账龄分析 first and each report as a
// tab; each grid shows what the core answers (its totals row the report's totals), and the
// salesperson's 销售统计 has no cost or margin columns. Screenshots of every tab at 1366×800 go to
// $REPORT_SHOTS (default: the temp folder). Skipped (with a message) when no Chromium is installed.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { cardBooks } from '../helpers/card-books';
import { NO_CHROMIUM, gridRows, login, settled, shownFen, startDesk, switchUser, tr, type Desk } from './harness';

const SHOTS = process.env.REPORT_SHOTS ?? join(tmpdir(), 'desk-report-shots');
const BASE = Date.parse('2026-11-29T02:00:00Z'); // 10:00 in Shanghai
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));

let desk: Desk;

/** Some months of books on five demo items and three customers, a year back for the comparison. */
async function prepare(core: Core): Promise<void> {
  const id = (table: string, code: string) => core.db.prepare(`SELECT id FROM ${table} WHERE code = ?`).pluck().get(code) as number;
  const codes = ['CZ-8801', 'CZ-8802', 'CZ-6601', 'WY-3001', 'FL-0001'].map((c) => id('items', c)).filter(Boolean);
  const customers = ['KH001', 'KH002', 'KH003'].map((c) => id('customers', c));
  const books = codes.map((item) => customers.map((c) => cardBooks(core, item, c)));
  books.forEach((b, i) => b[0].inbound('2025-10-20', [[200, 1500 + 700 * i]]));
  books.forEach((b, i) => b[i % 3].dispatch('2025-11-12', [3 + i]));
  books.forEach((b, i) => b[0].inbound('2026-10-08', [[120, 1600 + 650 * i]]));
  for (const [d, day] of ['2026-10-15', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-18'].entries())
    books.forEach((b, i) => {
      if ((i + d) % 4 !== 3) b[(i + d) % 3].dispatch(day, [2 + ((i * 7 + d * 3) % 9)]);
    });
  const d = books[0][1].dispatch('2026-11-20', [6]);
  books[0][1].ret('2026-11-22', d.id, [[d.lineIds[0], 2]]);
  books.forEach((b, i) => i % 2 && b[i % 3].dispatch('2026-11-25', [4]));
}

describe.skipIf(!!NO_CHROMIUM)('报表 in the browser', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'reports', clock, prepare });
    await desk.context.clock.setSystemTime(clock());
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  const tab = async (k: string, title: string) => {
    await desk.page.locator(`[data-testid=report-tab-${k}]`).click();
    await desk.page.locator('.toolbar h1', { hasText: title }).waitFor();
    await desk.page.locator('.grid-fill .ag-root').first().waitFor();
    await settled(desk.page);
  };
  const someRows = () => desk.page.locator('.grid-fill .ag-row:not(.ag-row-pinned)').first().waitFor();
  /** the amount the totals row (pinned under the grid) shows in a column */
  const pinned = async (col: string) => shownFen((await desk.page.locator(`.grid-fill .ag-row-pinned [col-id="${col}"]`).first().textContent()) ?? '');

  it('shows each report as a tab of 报表, its totals as the core’s', { timeout: 180_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '陈静');
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.reports') }).click();
    await page.locator('.toolbar h1', { hasText: tr('zh', 'ag.title') }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'reports-0-aging.png') });
    const as = await desk.as('陈静');

    await tab('stock', tr('zh', 'rp.stock.title'));
    await someRows();
    const stock = await as('reports.stockSummary', { from: '2026-11-01', to: '2026-11-29' });
    expect(await pinned('openingFen')).toBe(stock.totals.opening.amountFen);
    // the closing columns lie beyond the screen's width (ag-grid draws the columns in view): the sub-title says it
    expect(shownFen((await page.locator('.toolbar-sub').first().textContent())?.split('¥')[1])).toBe(stock.totals.closing.amountFen);
    await page.screenshot({ path: join(SHOTS, 'reports-1-stock.png') });

    await tab('sales', tr('zh', 'rp.sales.title'));
    await someRows();
    const sales = await as('reports.salesMonthly', { month: '2026-11', by: 'item' });
    expect(await pinned('marginFen')).toBe(sales.totals.current.marginFen);
    await page.screenshot({ path: join(SHOTS, 'reports-2-sales.png') });
    await page.locator('[data-testid=rp-by]').selectOption('customer');
    await page.locator('.grid-fill .ag-row', { hasText: '城东建材城' }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'reports-2-sales-by-customer.png') });

    await tab('ledger', tr('zh', 'rp.ledger.title'));
    await someRows();
    const ledger = await as('reports.salesLedger', { from: '2026-11-01', to: '2026-11-29' });
    expect(await pinned('amountFen')).toBe(ledger.totals.amountFen);
    expect(await page.locator('.grid-fill .ag-row-pinned [col-id="slipNo"]').first().textContent()).toBe(tr('zh', 'rp.total'));
    expect((await gridRows(page)).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'reports-3-ledger.png') });

    await tab('slow', tr('zh', 'rp.slow.title'));
    await page.locator('[data-testid=rp-days]').fill('10');
    await page.locator('.toolbar-sub', { hasText: tr('zh', 'rp.slow.sub', { asOf: '2026-11-29', n: 2, days: 10, fen: '' }).split('¥')[0] }).waitFor();
    await someRows();
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'reports-4-slow.png') });
    expect(desk.pageErrors).toEqual([]);
  });

  it('shows the salesperson her customers’ sales without cost or margin', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '赵丽');
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.reports') }).click();
    await tab('sales', tr('zh', 'rp.sales.title'));
    const cols = await page.locator('.grid-fill .ag-header-cell').allTextContents();
    expect(cols.join('|')).not.toContain(tr('zh', 'rp.cost'));
    expect(cols.join('|')).not.toContain(tr('zh', 'rp.margin'));
    await page.screenshot({ path: join(SHOTS, 'reports-5-sales-salesperson.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
