// Inbound lines as HQ writes them, in Chromium at 1366×768 (issue #10): the keeper scans 3 pieces
// and types the delivery note's amount (金额 ¥10.00) instead of a unit cost; the unit cost shows
// 3.33, derived. The delivery note number was already posted, so 过账 asks whether this is a second
// delivery under the same note and takes a reason. Three dispatches of 1 then take 3.33, 3.33 and
// 3.34, which the stock card shows. Screenshots go to .tmp/shots/ (INBOUND_SHOTS=dir).
// Skipped (with a message) when no Chromium is installed.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, gridRows, human, login, nav, preparer, qtyByCode, scan, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.INBOUND_SHOTS ?? join(ROOT, '.tmp', 'shots');
const CZ8801 = '6923456000100'; // 抛光砖 雅典米白, 片 (electron/demo/demo-office.json)
const NOTE = 'HQ-AMT-0001';
let desk: Desk;

/** The first delivery under NOTE, already posted (of another item, so CZ-8801's card starts empty). */
async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'amt');
  const itemId = (core.db.prepare("SELECT id FROM items WHERE code = 'WY-1001'").pluck().get() as number) ?? 0;
  const supplierId = core.db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  const s = await c('王强', 'slips.create', { kind: 'inbound', supplierId, deliveryNoteNo: NOTE, lines: [{ itemId, qty: 1, unitCostFen: 86500 }] });
  await c('王强', 'slips.post', { slipId: s.id });
}

describe.skipIf(!!NO_CHROMIUM)('an inbound line by its amount at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'inamt', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '王强');
  }, 180_000);
  afterAll(async () => desk?.close());

  const shoot = (name: string) => desk.page.screenshot({ path: join(SHOTS, `${name}.png`) });

  it('takes 3 pieces at ¥10.00, confirms a second delivery under the same note, and splits 3.33 / 3.33 / 3.34', async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.inbound'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/inbound\/new$/);
    const note = page.locator('.slip-header input.mono');
    await poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await human(page, NOTE);
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '3' });
    // the slip is on the desk (autosaved) before the keeper moves on to the amount
    await poll(() => page.locator('.save-state').textContent()).toMatch(/^已自动保存/);

    // F7 goes to the missing unit cost; Tab to 金额, where the delivery note's amount is typed
    await page.keyboard.press('F7');
    const focusedCol = () => page.evaluate(() => document.activeElement?.getAttribute('col-id'));
    await poll(focusedCol).toBe('unitCostFen');
    await page.keyboard.press('Tab');
    await poll(focusedCol).toBe('amount');
    await page.keyboard.press('Enter');
    await human(page, '10');
    await page.keyboard.press('Enter');
    await waitForGrid(page, qtyByCode('amount'), { 'CZ-8801': '10.00' });
    // the editor opens on the amount in 元: Enter, Enter leaves it as it was (not ¥1,000.00)
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.ag-cell-inline-editing input').inputValue()).toBe('10.00');
    await page.keyboard.press('Enter');
    await waitForGrid(page, qtyByCode('amount'), { 'CZ-8801': '10.00' });
    expect((await gridRows(page))[0].cells.unitCostFen).toBe('3.33'); // derived, for display
    await expect(page.locator('.grid-fill .ag-header-cell[col-id="amount"]').textContent()).resolves.toContain(tr('zh', 'inb.amountYuan'));
    await shoot('inbound-amount-typed');

    // 过账: the note is already posted, so the keeper confirms a second delivery with a reason
    await page.keyboard.press('F9');
    await page.locator('.dialog', { hasText: tr('zh', 'slip.postFinal') }).waitFor();
    await page.keyboard.press('Enter');
    const second = page.locator('.dialog', { hasText: tr('zh', 'inb.secondTitle') });
    await second.waitFor();
    await poll(() => second.textContent()).toContain(NOTE);
    await shoot('inbound-second-delivery');
    await second.locator('input').fill('总部分两车发货');
    await second.locator('button', { hasText: tr('zh', 'inb.secondPost') }).click();
    await page.waitForURL(/#\/slips\/\d+$/);
    await page.locator('.state-tag.state-posted').waitFor();
    await poll(() => page.locator('.slip-facts').textContent()).toContain('总部分两车发货');
    await shoot('inbound-posted');

    const keeper = await desk.as('王强');
    const slip = await keeper('slips.get', { slipId: Number(/#\/slips\/(\d+)$/.exec(page.url())![1]) });
    expect(slip).toMatchObject({ state: 'posted', deliveryNoteNo: NOTE, secondDeliveryReason: '总部分两车发货', totalAmountFen: 1000 });
    expect(slip.lines.map((l) => [l.itemCode, l.qty, l.unitCostFen, l.amountFen, l.amountEntered])).toEqual([['CZ-8801', 3, null, 1000, true]]);

    // three dispatches of one piece each
    const sales = await desk.as('赵丽');
    const itemId = desk.itemId('CZ-8801');
    const costs: (number | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await sales('slips.create', { kind: 'dispatch', customerId: desk.customerId('KH001'), paymentMode: 'cash', lines: [{ itemId, qty: 1 }] });
      await sales('slips.sign', { slipId: d.id, role: 'manager', user: '张伟', pin: '1111' });
      await sales('slips.sign', { slipId: d.id, role: 'finance', user: '刘洋', pin: '2222' });
      costs.push((await keeper('slips.post', { slipId: d.id })).lines[0].costFen);
    }
    expect(costs).toEqual([333, 333, 334]);

    // the stock card: 10.00 in, 3.33 / 3.33 / 3.34 out, nothing left
    await page.goto(`${page.url().split('#')[0]}#/card/${itemId}`);
    const moves = (rs: Awaited<ReturnType<typeof gridRows>>) => rs.filter((r) => r.cells.slipNo); // not 本月合计 / 本年累计
    await waitForGrid(page, (rs) => moves(rs).map((r) => r.cells.outAmount), ['', '3.33', '3.33', '3.34']);
    const rows = moves(await gridRows(page));
    expect(rows.map((r) => [r.cells.inQty, r.cells.inUnit, r.cells.inAmount, r.cells.outUnit, r.cells.outAmount, r.cells.balAmount])).toEqual([
      ['3', '3.33', '10.00', '', '', '10.00'],
      ['', '', '', '3.33', '3.33', '6.67'],
      ['', '', '', '3.33', '3.33', '3.34'],
      ['', '', '', '3.34', '3.34', '0.00'],
    ]);
    await shoot('inbound-amount-card');
  }, 120_000);
});
