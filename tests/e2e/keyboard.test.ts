// The keyboard, everywhere, in the real renderer (browser mode, Chromium): the day-close cash
// count typed with the keyboard alone (type, Enter moves down to the next denomination, type …),
// the totals match.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, human, login, settled, shownFen, startDesk, type Desk } from './harness';
import { poll } from './poll';

let desk: Desk;

describe.skipIf(!!NO_CHROMIUM)('the keyboard in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'keyboard' });
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
});
