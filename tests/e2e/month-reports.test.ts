// Finance's monthly reports in the real renderer: the finance supervisor opens 报表 and each of
// 现金日记帐(月) | 费用统计 | 应收月报; each grid shows what the core answers (its totals as the
// core's), the month picker moves the report, the XLSX downloads and the PDF opens. The statistician
// has 费用统计 and 应收月报 but no cash journal. Screenshots at 1366×768 go to $MONTH_REPORT_SHOTS
// (default: the temp folder). Skipped (with a message) when no Chromium is installed.

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { cardBooks } from '../helpers/card-books';
import { NO_CHROMIUM, login, preparer, settled, shownFen, startDesk, switchUser, tr, type Desk } from './harness';

const SHOTS = process.env.MONTH_REPORT_SHOTS ?? join(tmpdir(), 'desk-month-report-shots');
const BASE = Date.parse('2026-11-29T02:00:00Z'); // 10:00 in Shanghai
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));

let desk: Desk;

/** Cash sales in October and November, then today: budgets, a paid and an approved claim, a credit sale and part of it collected. */
async function prepare(core: Core): Promise<void> {
  const id = (table: string, code: string) => core.db.prepare(`SELECT id FROM ${table} WHERE code = ?`).pluck().get(code) as number;
  const books = cardBooks(core, id('items', 'CZ-8801'), id('customers', 'KH002'));
  books.inbound('2026-10-02', [[200, 5200]]);
  for (const day of ['2026-10-09', '2026-10-21', '2026-11-04', '2026-11-16']) books.dispatch(day, [3]);
  const as = preparer(core, 'mr');
  for (const [category, amountFen] of [
    ['差旅', 80_000],
    ['办公用品', 20_000],
    ['招待', 50_000],
  ] as const)
    await as('张伟', 'budgets.set', { month: '2026-11', category, amountFen });
  const manager = { user: '张伟', pin: '1111' };
  const claim = await as('王强', 'expenses.create', { category: '差旅', amountFen: 96_000, summary: '出差 县城分销点' });
  await as('刘洋', 'expenses.approve', { expenseId: claim.id, manager });
  await as('刘洋', 'expenses.pay', { expenseId: claim.id });
  const open = await as('王强', 'expenses.create', { category: '办公用品', amountFen: 4_500, summary: '打印纸' });
  await as('刘洋', 'expenses.approve', { expenseId: open.id, manager });
  const sale = await as('赵丽', 'slips.create', {
    kind: 'dispatch',
    customerId: id('customers', 'KH001'),
    paymentMode: 'credit',
    lines: [{ itemId: id('items', 'CZ-8801'), qty: 20, priceFen: 9900 }],
  });
  await as('赵丽', 'slips.sign', { slipId: sale.id, role: 'manager', ...manager });
  await as('赵丽', 'slips.sign', { slipId: sale.id, role: 'finance', user: '刘洋', pin: '2222' });
  await as('王强', 'slips.post', { slipId: sale.id });
  await as('刘洋', 'receivables.collect', { customerId: id('customers', 'KH001'), account: 'bank', amountFen: 50_000 });
}

describe.skipIf(!!NO_CHROMIUM)('finance’s monthly reports in the browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'month-reports', clock, prepare });
    await desk.context.clock.setSystemTime(clock());
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  const tab = async (k: string, title: string) => {
    await desk.page.locator(`[data-testid=report-tab-${k}]`).click();
    await desk.page.locator('.toolbar h1', { hasText: title }).waitFor();
    await desk.page.locator('.grid-fill .ag-row').first().waitFor();
    await settled(desk.page);
  };
  const pinned = async (col: string) => shownFen((await desk.page.locator(`.grid-fill .ag-row-pinned [col-id="${col}"]`).first().textContent()) ?? '');
  /** the amount in a column of the first (or last) row that shows the text */
  const cell = async (rowText: string, col: string, which: 'first' | 'last' = 'first') => {
    const rows = desk.page.locator('.grid-fill .ag-row', { hasText: rowText });
    return shownFen((await (which === 'first' ? rows.first() : rows.last()).locator(`[col-id="${col}"]`).textContent()) ?? '');
  };

  it('shows A, C and D as tabs of 报表 with the core’s figures, and gives their files', { timeout: 180_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '刘洋');
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.reports') }).click();
    const as = await desk.as('刘洋');

    await tab('journal', tr('zh', 'mr.journal.title'));
    const journal = await as('monthReports.cashJournal', { month: '2026-11' });
    const cash = journal.accounts.find((a) => a.account === 'cash')!;
    expect(await cell(tr('zh', 'mr.monthTotal'), 'paymentFen')).toBe(journal.accounts[0].month.paymentsFen);
    expect(await cell(tr('zh', 'mr.yearTotal'), 'balanceFen', 'last')).toBe(journal.accounts.at(-1)!.closingFen);
    await page.locator('[data-testid=mr-account]').selectOption('cash');
    await page.locator('.grid-fill .ag-row', { hasText: tr('zh', 'mr.carried') }).waitFor();
    expect(await cell(tr('zh', 'mr.yearTotal'), 'balanceFen')).toBe(cash.closingFen);
    await page.screenshot({ path: join(SHOTS, 'month-A-journal.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=mr-xlsx]').click()]);
    expect(download.suggestedFilename()).toBe('办事处现金日记帐_2026-11_cash.xlsx');
    await page.locator('[data-testid=mr-month]').fill('2026-10');
    await page.locator('.grid-fill .ag-row', { hasText: '2026-10-21' }).first().waitFor();

    await tab('expenses', tr('zh', 'mr.expenses.title'));
    const expenses = await as('monthReports.expenses', { month: '2026-11' });
    expect(await pinned('actual')).toBe(expenses.totals.month.actualFen);
    expect(await pinned('approvedFen')).toBe(4_500);
    expect(await cell('差旅', 'variance')).toBe(-16_000);
    await page.screenshot({ path: join(SHOTS, 'month-C-expenses.png') });
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('[data-testid=mr-pdf]').click()]);
    // the tab opens blank and is then sent to the PDF's blob: URL
    await popup.waitForURL(/^blob:/);
    await popup.close();

    await tab('receivables', tr('zh', 'mr.receivables.title'));
    const ar = await as('monthReports.receivables', { month: '2026-11' });
    expect(await pinned('closingFen')).toBe(ar.totals.closingFen);
    expect(await cell('KH001', 'closingFen')).toBe(20 * 9900 - 50_000);
    await page.screenshot({ path: join(SHOTS, 'month-D-receivables.png') });
    expect(desk.pageErrors).toEqual([]);
  });

  it('gives the statistician C and D but not the cash journal', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '陈静');
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.reports') }).click();
    await page.locator('[data-testid=report-tab-expenses]').waitFor();
    expect(await page.locator('[data-testid=report-tab-journal]').count()).toBe(0);
    await tab('receivables', tr('zh', 'mr.receivables.title'));
    expect(desk.pageErrors).toEqual([]);
  });
});
