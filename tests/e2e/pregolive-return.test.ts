// A return without a dispatch (无原单退货: goods sold before go-live), in Chromium at 1366×768
// (issue #10): the keeper starts it from 新建退货单 (F2), picks the customer and scans two pieces;
// the line shows the item's latest unit cost (52.00), which the keeper cannot type over, and the
// item's price as refund price. After 切换用户 the manager sets the cost to 48.00 and signs; the
// keeper receives the goods (F9) and posts. The layer is at 48.00 and the stock card and the slips
// list say what the return was. Screenshots go to .tmp/shots/ (OLDRET_SHOTS=dir).
// Skipped (with a message) when no Chromium is installed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, gridRows, human, login, nav, preparer, qtyByCode, scan, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.OLDRET_SHOTS ?? join(ROOT, '.tmp', 'shots');
const CZ8801 = '6923456000100'; // 抛光砖 雅典米白, 片 (electron/demo/demo-office.json)
let desk: Desk;

/** CZ-8801 received at 52.00: its latest unit cost. */
async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'oldret');
  const itemId = core.db.prepare("SELECT id FROM items WHERE code = 'CZ-8801'").pluck().get() as number;
  const supplierId = core.db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
  const s = await c('王强', 'slips.create', { kind: 'inbound', supplierId, deliveryNoteNo: 'HQ-OLD-1', lines: [{ itemId, qty: 20, unitCostFen: 5200 }] });
  await c('王强', 'slips.post', { slipId: s.id });
}

describe.skipIf(!!NO_CHROMIUM)('a return without a dispatch at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'oldret', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '王强');
  }, 180_000);
  afterAll(async () => desk?.close());

  const shoot = (name: string) => desk.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const costCell = () => desk.page.locator('.grid-fill .ag-row[row-index="0"] .ag-cell[col-id="unitCostFen"]').first();

  it('the keeper drafts it at the latest cost, the manager sets the cost and signs, the keeper receives it', async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.returns'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/returns\/new$/);
    await page.locator('.toolbar button', { hasText: tr('zh', 'oldret.start') }).waitFor();
    await shoot('oldret-choose');
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/returns\/pregolive$/);

    const customer = page.locator('.slip-header [role="combobox"]');
    await poll(() => customer.evaluate((el) => el === document.activeElement)).toBe(true);
    await human(page, 'cdjc');
    await page.locator('.slip-header [role="option"]', { hasText: '城东建材城' }).first().waitFor();
    await page.keyboard.press('Enter');
    await poll(() => customer.inputValue()).toContain('城东建材城');
    await page.locator('.slip-header select').selectOption('credit');
    await page.keyboard.press('F3');
    await scan(page, CZ8801);
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '2' });
    await waitForGrid(page, qtyByCode('unitCostFen'), { 'CZ-8801': '52.00' });
    expect((await gridRows(page))[0].cells).toMatchObject({ priceFen: '78.00', amount: '156.00' });
    expect(await costCell().getAttribute('class')).not.toContain('cell-editable');
    await poll(() => page.locator('.save-state').textContent()).toMatch(/^已自动保存/);
    await page.waitForURL(/#\/returns\/\d+$/);
    const retId = Number(/#\/returns\/(\d+)$/.exec(page.url())![1]);
    await shoot('oldret-keeper');

    // 切换用户: the manager types his cost over the latest one and signs
    await switchUser(page, '张伟');
    await poll(() => costCell().getAttribute('class')).toContain('cell-editable');
    await costCell().click();
    await human(page, '48');
    await page.keyboard.press('Enter');
    await waitForGrid(page, qtyByCode('unitCostFen'), { 'CZ-8801': '48.00' });
    await poll(() => page.locator('.save-state').textContent()).toMatch(/^已自动保存/);
    const keeper = await desk.as('王强');
    await poll(async () => (await keeper('slips.get', { slipId: retId })).lines[0].unitCostFen).toBe(4800);
    await shoot('oldret-manager');
    const ret = await keeper('slips.get', { slipId: retId });
    await page.keyboard.press('F6');
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'sign.title', { no: ret.no }) });
    await dialog.waitFor();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await poll(async () => (await keeper('slips.get', { slipId: retId })).missingSignatures).toEqual([]);

    // the keeper receives the two pieces and posts
    await switchUser(page, '王强');
    await page.keyboard.press('F9');
    await page.waitForURL(new RegExp(`#/pick/${retId}$`));
    await waitForGrid(page, qtyByCode('picked'), { 'CZ-8801': '0' });
    await scan(page, CZ8801);
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode('picked'), { 'CZ-8801': '2' });
    await page.keyboard.press('F9');
    const confirm = page.locator('.dialog', { hasText: tr('zh', 'pick.confirmTitle', { no: ret.no }) });
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/slips/${retId}$`));
    await page.locator('.slip-facts', { hasText: tr('zh', 'oldret.title') }).waitFor();
    await shoot('oldret-posted');

    const posted = await keeper('slips.get', { slipId: retId });
    expect(posted).toMatchObject({ state: 'posted', preGoLive: true });
    expect(posted.lines.map((l) => [l.shippedQty, l.costFen, l.amountFen])).toEqual([[2, 9600, 15600]]);
    // the paper (looked at as PNG: pdftoppm -png .tmp/shots/oldret-return.pdf)
    const pdf = await keeper('documents.render', { doc: 'return', slipId: retId });
    writeFileSync(join(SHOTS, 'oldret-return.pdf'), Buffer.from(pdf.base64, 'base64'));
    const card = await keeper('stock.card', { itemId: desk.itemId('CZ-8801') });
    expect(card.rows.at(-1)).toMatchObject({
      slipId: retId,
      summary: '无原单退货(上线前销售) 城东建材城 李记瓷砖',
      inQty: null,
      outQty: -2,
      outAmountFen: -9600,
    });
  });

  it('the stock card and the slips list say what it was', async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.card'));
    const picker = page.locator('.filter-bar [role="combobox"]');
    await poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await human(page, 'CZ-8801');
    await page.locator('.filter-bar [role="option"]', { hasText: 'CZ-8801' }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitForGrid(page, (rs) => rs.some((r) => r.cells.summary?.startsWith('无原单退货')), true);
    await shoot('oldret-card');
    await nav(page, tr('zh', 'nav.returns'));
    await waitForGrid(page, (rs) => rs[0]?.cells.sourceSlipNo, tr('zh', 'oldret.mark'));
    await shoot('oldret-list');
  });
});
