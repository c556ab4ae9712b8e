// The keyboard, everywhere, in the real renderer (browser mode, Chromium): the day-close cash
// count typed with the keyboard alone (type, Enter moves down to the next denomination, type …),
// the totals match; a header click on a slip's line grid never reorders its lines; the expense
// approval dialog opens on the approver list; ↓ from a search box lands on the grid's first row.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, human, preparer, login, nav, qtyByCode, scan, settled, shownFen, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const CZ8801 = '6923456000100'; // 抛光砖 雅典米白 (electron/demo/demo-office.json)
const CZ8802 = '6923456000124';

let desk: Desk;

/** The codes of a line grid's rows, in the order shown. */
const codesShown = (rows: { cells: Record<string, string> }[]) => rows.map((r) => r.cells.itemCode);

describe.skipIf(!!NO_CHROMIUM)('the keyboard in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({
      name: 'keyboard',
      prepare: async (core) => {
        const c = preparer(core, 'kb');
        await c('赵丽', 'expenses.create', { category: '差旅', amountFen: 12_300, summary: '键盘测试 出差' });
      },
    });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('counts the cash with the keyboard alone: type, Enter, type, Enter …', async () => {
    const { page } = desk;
    await login(page, desk, '刘洋');
    await page.goto(`${desk.web.url}#/dayclose`);
    await page.locator('.ag-row[row-id="10000"]').first().waitFor();
    await settled(page);
    // the denominations (row-id, in fen) in row order: largest first
    const denoms = [...new Set(await page.evaluate(() => Array.from(document.querySelectorAll('.ag-row[row-id]')).map((r) => r.getAttribute('row-id')!)))]
      .filter((x) => /^\d+$/.test(x))
      .map(Number)
      .sort((a, b) => b - a);
    const counts = [2, 3, 1, 4];
    expect(denoms.length).toBeGreaterThanOrEqual(counts.length);

    await page.locator(`.ag-row[row-id="${denoms[0]}"] [col-id="count"]`).first().click();
    for (const k of counts) {
      await human(page, String(k));
      await page.keyboard.press('Enter');
      await settled(page);
    }
    // Enter after the last count left the focus on the next row's count cell
    expect(await page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index'))).toBe(String(counts.length));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('count');

    const want = counts.reduce((s, k, i) => s + k * denoms[i], 0);
    for (const [i, k] of counts.entries()) {
      await poll(() => page.locator(`.ag-row[row-id="${denoms[i]}"] [col-id="count"]`).first().textContent()).toBe(String(k));
    }
    // the counted total under the sheet and in its pinned total row
    await poll(async () => shownFen((await page.locator('.fin-panel .fin-kv').nth(1).locator('b.num').first().textContent()) ?? '')).toBe(want);
    await poll(async () => shownFen((await page.locator('.ag-row-pinned [col-id="amountFen"]').first().textContent()) ?? '')).toBe(want);
  });

  it("never reorders a slip's lines on a header click", async () => {
    const { page } = desk;
    await switchUser(page, '王强');
    await nav(page, tr('zh', 'nav.inbound'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/inbound\/new$/);
    await settled(page);
    // scanned out of code order: CZ-8802 first
    await scan(page, CZ8802);
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode(), { 'CZ-8802': '1', 'CZ-8801': '1' });
    await waitForGrid(page, codesShown, ['CZ-8802', 'CZ-8801']);
    for (const col of ['itemCode', 'itemCode', 'qty', 'itemCode']) {
      await page.locator(`.grid-fill .ag-header-cell[col-id="${col}"]`).first().click();
      await settled(page);
      expect(codesShown(await waitForGrid(page, codesShown, ['CZ-8802', 'CZ-8801']))).toEqual(['CZ-8802', 'CZ-8801']);
    }
    expect(await page.locator('.grid-fill .ag-header-cell.ag-header-cell-sortable').count()).toBe(0);
  });

  it('opens the expense approval on the approver list, not the PIN', async () => {
    const { page } = desk;
    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/expenses`);
    const row = page.locator('.ag-row', { hasText: '键盘测试 出差' }).first();
    await row.waitFor();
    await row.locator('.ag-cell').first().click();
    await settled(page);
    await page.keyboard.press('F6');
    const dialog = page.locator('.dialog', { has: page.locator('#ex-mgr-pin') });
    await dialog.waitFor();
    await poll(() => page.evaluate(() => (document.activeElement?.closest('.signoff') ? document.activeElement.tagName : null))).toBe('SELECT');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('enters the items grid from its search box with ↓', async () => {
    const { page } = desk;
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('.ag-row') ? `${el.closest('.ag-row')!.getAttribute('row-index')} ${el.getAttribute('col-id')}` : (el?.className ?? '');
      });
    await switchUser(page, '王强');
    await nav(page, tr('zh', 'nav.items'));
    const search = page.locator('.toolbar input.search');
    await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await poll(async () => (await page.locator('.grid-fill .ag-row[row-index="0"]').count()) > 0).toBe(true);
    await page.keyboard.press('ArrowDown');
    await poll(focused).toBe('0 code');
    // ↑ on the first row goes back to the search box
    await page.keyboard.press('ArrowUp');
    await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
