// A write-off (报损单) in Chromium at 1366×768 (issue #12): the keeper opens the 报损单 tab of the
// returns screen, scans three broken tiles, chooses the cause 破碎 in the line and leaves it to the
// autosave; after 切换用户 the manager signs with the PIN (F6); the keeper posts it out (F9). The
// goods leave the oldest layer at its cost, and the stock card says 报损 破碎 with the slip's number.
// Then the pick screen of a sale names the second delivery as the oldest goods on the shelf.
// Screenshots and the paper go to .tmp/shots/ (WRITEOFF_SHOTS=dir). Skipped when no Chromium is installed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, nav, preparer, qtyByCode, scan, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.WRITEOFF_SHOTS ?? join(ROOT, '.tmp', 'shots');
const CZ8801 = '6923456000100'; // 抛光砖 雅典米白, 片 (electron/demo/demo-office.json)
let desk: Desk;
let saleId = 0;

/** CZ-8801: 10 received at 52.00, then 10 at 55.00. */
async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'writeoff');
  const itemId = core.db.prepare("SELECT id FROM items WHERE code = 'CZ-8801'").pluck().get() as number;
  const supplierId = core.db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  for (const [no, unit] of [
    ['HQ-WO-1', 5200],
    ['HQ-WO-2', 5500],
  ] as const) {
    const s = await c('王强', 'slips.create', { kind: 'inbound', supplierId, deliveryNoteNo: no, lines: [{ itemId, qty: 10, unitCostFen: unit }] });
    await c('王强', 'slips.post', { slipId: s.id });
  }
  // a signed sale of 2, for the pick screen afterwards (shelf rotation)
  const customerId = core.db.prepare("SELECT id FROM customers WHERE code = 'KH002'").pluck().get() as number;
  const sale = await c('赵丽', 'slips.create', { kind: 'dispatch', customerId, paymentMode: 'cash', lines: [{ itemId, qty: 2, priceFen: 8800 }] });
  await c('赵丽', 'slips.sign', { slipId: sale.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: sale.id, role: 'finance', user: '刘洋', pin: '2222' });
  saleId = sale.id;
}

describe.skipIf(!!NO_CHROMIUM)('a write-off signed by the manager, at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'writeoff', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '王强');
  }, 180_000);
  afterAll(async () => desk?.close());

  const shoot = (name: string) => desk.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const causeCell = () => desk.page.locator('.grid-fill .ag-row[row-index="0"] .ag-cell[col-id="cause"]').first();

  it('the keeper drafts it by scanning, the manager signs, the keeper posts it out at FIFO cost', { timeout: 150_000 }, async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.returns'));
    await page.locator('[data-testid="returns-tab-writeoff"]').click();
    await page.waitForURL(/#\/returns\/writeoffs$/);
    await page.locator('.toolbar h1', { hasText: tr('zh', 'adj.tab.writeoffs') }).waitFor();
    await shoot('writeoff-list');
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/returns\/writeoffs\/new$/);
    // the editor listens for scans once it is on screen (under load that is after the URL changes)
    await page.locator('.scan-panel').waitFor();
    await settled(page);
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '1' });
    for (let i = 1; i < 12; i++) await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '12' });
    // the cause, in the line: 破碎 from the list
    await page.locator('[data-testid="cause-0"]').selectOption('breakage');
    await poll(() => causeCell().locator('select').inputValue()).toBe('breakage');
    await page.waitForURL(/#\/returns\/writeoffs\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    await shoot('writeoff-keeper');

    const keeper = await desk.as('王强');
    await poll(async () => (await keeper('slips.get', { slipId: id })).lines[0].cause).toBe('breakage');
    const draft = await keeper('slips.get', { slipId: id });
    expect(draft.no).toMatch(/^BS\d{12}$/);

    // 切换用户: the manager signs with the PIN
    await switchUser(page, '张伟');
    await page.keyboard.press('F6');
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'sign.title', { no: draft.no }) });
    await dialog.waitFor();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await poll(async () => (await keeper('slips.get', { slipId: id })).missingSignatures).toEqual([]);
    await shoot('writeoff-signed');

    // the keeper posts it out
    await switchUser(page, '王强');
    await page.keyboard.press('F9');
    const confirm = page.locator('.dialog', { hasText: draft.no });
    await confirm.waitFor();
    await shoot('writeoff-confirm');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/slips/${id}$`));
    await page.locator('.toolbar h1', { hasText: draft.no }).first().waitFor();
    await shoot('writeoff-posted');
    const posted = await keeper('slips.get', { slipId: id });
    expect(posted.state).toBe('posted');
    // 10 × 52.00 from the first layer, 2 × 55.00 from the second
    expect(posted.lines.map((l) => [l.shippedQty, l.costFen, l.cause])).toEqual([[12, 52000 + 11000, 'breakage']]);
    expect(posted.signatures.map((s) => [s.role, s.userName, s.valid])).toEqual([['manager', '张伟', true]]);
    const pdf = await keeper('documents.render', { doc: 'writeoff', slipId: id });
    writeFileSync(join(SHOTS, 'writeoff.pdf'), Buffer.from(pdf.base64, 'base64'));

    // on the stock card
    await nav(page, tr('zh', 'nav.card'));
    const picker = page.locator('.filter-bar [role="combobox"]');
    await poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await human(page, 'CZ-8801');
    await page.locator('.filter-bar [role="option"]', { hasText: 'CZ-8801' }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitForGrid(page, (rs) => rs.some((r) => r.cells.summary === '报损 破碎'), true);
    await shoot('writeoff-card');
    const card = await keeper('stock.card', { itemId: desk.itemId('CZ-8801') });
    // one row per unit cost taken: 10 × 52.00 from the first layer, then 2 × 55.00
    expect(card.rows.slice(-2).map((r) => [r.slipNo, r.summary, r.outQty, r.outAmountFen, r.balanceQty])).toEqual([
      [draft.no, '报损 破碎', 10, 52000, 10],
      [draft.no, '报损 破碎', 2, 11000, 8],
    ]);
    expect(desk.pageErrors).toEqual([]);
  });

  it('the pick screen then says to take the goods of the second delivery first (shelf rotation)', async () => {
    const { page } = desk;
    await page.goto(`${desk.web.url}#/pick/${saleId}`);
    const oldest = page.locator('.grid-fill .ag-row[row-index="0"] .ag-cell[col-id="oldest"]').first();
    // the first delivery's 10 were written off: the oldest goods on the shelf came on JC…0002
    await poll(() => oldest.textContent()).toMatch(/^2026-\d\d-\d\d JC\d{8}0002$/);
    await shoot('writeoff-pick-oldest');
    expect(desk.pageErrors).toEqual([]);
  });

  it('a return to HQ names the inbound slip by its number, which sets the supplier; its paper says what went back', async () => {
    const { page } = desk;
    await page.goto(`${desk.web.url}#/returns/hq`);
    await page.locator('[data-testid="returns-tab-hqReturn"].on').waitFor();
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/returns\/hq\/new$/);
    const keeper = await desk.as('王强');
    const inbound = (await keeper('slips.list', { kind: 'inbound' })).rows.find((r) => r.deliveryNoteNo === 'HQ-WO-2')!;
    await page.locator('[data-testid="hq-source-no"]').fill(inbound.no);
    await page.keyboard.press('Tab');
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '1' });
    await page.waitForURL(/#\/returns\/hq\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    await poll(async () => (await keeper('slips.get', { slipId: id })).sourceSlipNo).toBe(inbound.no);
    await shoot('hqreturn-editor');
    const pdf = await keeper('documents.render', { doc: 'hqReturn', slipId: id });
    writeFileSync(join(SHOTS, 'hqreturn.pdf'), Buffer.from(pdf.base64, 'base64'));
    expect(desk.pageErrors).toEqual([]);
  });
});
