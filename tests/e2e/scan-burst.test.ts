// (f) The keyboard-wedge scanner under a burst, in real Chromium: ten scans 30 ms apart on the
// inbound slip give exactly ten increments (none lost, none doubled, no digits left in the field
// that had focus), a mixed burst of case and unit codes lands on the right lines, and typing by
// hand — digits included — still goes into the fields as typed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, human, login, nav, qtyByCode, scan, settled, startDesk, tr, waitForGrid, gridRows, wedgeTrace, type Desk } from './harness';
import { poll } from './poll';

const CZ8801 = '6923456000100';
const CZ8801_CASE = '6923456000117'; // 3 a case
const CZ8802 = '6923456000124';
const BURST_GAP_MS = 30;

let desk: Desk;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!!NO_CHROMIUM)('scanning bursts in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'burst' });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('(f) ten scans 30 ms apart are ten increments; typing by hand still works', async ({ onTestFailed }) => {
    const { page } = desk;
    onTestFailed(async () => console.error(`wedge trace (last keys):\n${await wedgeTrace(page)}`));
    await login(page, desk, '王强');
    await nav(page, tr('zh', 'nav.inbound'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/inbound\/new$/);
    const note = page.locator('.slip-header input.mono');
    await poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await settled(page);

    // Count every value the qty cell of CZ-8801 takes on screen, from the first scan on.
    await page.evaluate(() => {
      const w = window as unknown as { __qtySeen: string[] };
      w.__qtySeen = [];
      const grid = document.querySelector('.grid-fill')!;
      const read = () => {
        for (const row of Array.from(grid.querySelectorAll('.ag-row'))) {
          if (row.querySelector('[col-id="itemCode"]')?.textContent?.trim() !== 'CZ-8801') continue;
          const q = row.querySelector('[col-id="qty"]')?.textContent?.trim() ?? '';
          if (w.__qtySeen.at(-1) !== q) w.__qtySeen.push(q);
        }
      };
      new MutationObserver(read).observe(grid, { subtree: true, childList: true, characterData: true });
    });

    // the burst, with focus in the (empty) delivery-note field
    for (let i = 0; i < 10; i++) {
      await scan(page, CZ8801);
      await sleep(BURST_GAP_MS);
    }
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '10' });
    // the queue is empty and stays so: no late eleventh
    await poll(() => page.locator('.scan-waiting').count()).toBe(0);
    await sleep(600);
    expect(qtyByCode()(await gridRows(page))).toEqual({ 'CZ-8801': '10' });
    const seen = await page.evaluate(() => (window as unknown as { __qtySeen: string[] }).__qtySeen);
    // every value shown was a step up; React may batch two scans into one paint, never skip back
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe('10');
    expect(new Set(seen).size).toBe(seen.length);
    // nothing of the codes stayed in the field that had focus
    expect(await note.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mono'))).toBe(true);

    // typing by hand into that field, digits included: every key lands, nothing is taken for a scan
    await human(page, 'SH-20261129-7');
    expect(await note.inputValue()).toBe('SH-20261129-7');
    await page.locator('.slip-header .field-wide input').click();
    await human(page, '1234567890');
    expect(await page.locator('.slip-header .field-wide input').inputValue()).toBe('1234567890');
    expect(qtyByCode()(await gridRows(page))).toEqual({ 'CZ-8801': '10' });

    // a mixed burst right after, focus still in the memo field: case and unit codes, two items
    for (let i = 0; i < 10; i++) {
      await scan(page, i % 2 ? CZ8802 : CZ8801_CASE);
      await sleep(BURST_GAP_MS);
    }
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '25', 'CZ-8802': '5' });
    await poll(() => page.locator('.scan-waiting').count()).toBe(0);
    await sleep(400);
    expect(qtyByCode()(await gridRows(page))).toEqual({ 'CZ-8801': '25', 'CZ-8802': '5' });
    expect(await page.locator('.slip-header .field-wide input').inputValue()).toBe('1234567890');
    expect(await note.inputValue()).toBe('SH-20261129-7');

    // and the draft saves what the screen shows
    await page.keyboard.press('F4');
    await page.waitForURL(/#\/inbound\/\d+$/);
    const id = Number(/#\/inbound\/(\d+)$/.exec(page.url())![1]);
    const slip = await (await desk.as('王强'))('slips.get', { slipId: id });
    expect(slip.lines.map((l) => [l.itemCode, l.qty])).toEqual([
      ['CZ-8801', 25],
      ['CZ-8802', 5],
    ]);
    expect([slip.deliveryNoteNo, slip.memo]).toEqual(['SH-20261129-7', '1234567890']);
    expect(desk.pageErrors).toEqual([]);
  });
});
