// Saying the right thing at the right time, in Chromium at 1366×768 (browser mode): a refused
// field is named as the screen names it (no schema English); a message about a line goes when the
// line is fixed; lines above what is on hand are red in the dispatch editor and in the sign dialog;
// signing without 结算方式 is stopped before the PIN; once the dispatch is fully signed 打印 sits
// beside its signatures, and its PDF tab is logged as a preview until 已打印; a long stock card shows 正在生成 … 第 N 页
// and 取消 stops it; the admin is told who creates items. Screenshots: docs/screenshots/messages-*.png.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, ROOT, human, login, must, nav, openDesk, qtyByCode, scan, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

// the pictures in docs/screenshots/ come from MESSAGES_SHOTS=docs/screenshots; a plain test run keeps
// them in a temp folder, so running the tests never changes the repository
const SHOTS = process.env.MESSAGES_SHOTS ? resolve(ROOT, process.env.MESSAGES_SHOTS) : mkdtempSync(join(tmpdir(), 'desk-messages-shots-'));
const UNKNOWN = '6900000000009';
let desk: Desk;
let cardItem = 0;

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `messages-${name}.png`) });

/** Type into a line's cell as a person does. */
async function typeInto(page: Page, row: number, col: string, text: string): Promise<void> {
  await page.locator(`.grid-fill .ag-row[row-index="${row}"] [col-id="${col}"]`).first().click();
  await page.keyboard.press('Enter');
  await page.locator('.grid-fill .ag-cell-inline-editing input').waitFor();
  await page.keyboard.press('Control+A');
  await human(page, text);
  await page.keyboard.press('Enter');
  await settled(page);
}

describe.skipIf(!!NO_CHROMIUM)('messages at the right time, in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({
      name: 'messages',
      // a long stock card: 20,000 receipts of one item (about 600 pages: long enough that a cancel
      // sent while the desk in this same process lays out pages arrives before the end)
      prepare: async (core) => {
        const keeper = must(await core.call('auth.login', { user: '王强', pin: '4444' })).sessionToken;
        const item = must(await core.call('items.list', { query: 'CZ-6601' }, { sessionToken: keeper })).rows[0];
        cardItem = item.id;
        const supplierId = must(await core.call('suppliers.list', {}, { sessionToken: keeper }))[0].id;
        for (let s = 0; s < 40; s++) {
          const lines = Array.from({ length: 500 }, () => ({ itemId: item.id, qty: 1, unitCostFen: 1000 }));
          const slip = must(await core.call('slips.create', { kind: 'inbound', supplierId, deliveryNoteNo: `HQ-LONG-${s}`, lines }, { sessionToken: keeper }));
          must(await core.call('slips.post', { slipId: slip.id }, { sessionToken: keeper }));
        }
        // ten of each of the dispatch's items on hand
        const codes = ['CZ-8801', 'CZ-8802'];
        const ids = await Promise.all(codes.map(async (c) => must(await core.call('items.list', { query: c }, { sessionToken: keeper })).rows[0].id));
        const stock = must(
          await core.call(
            'slips.create',
            { kind: 'inbound', supplierId, deliveryNoteNo: 'HQ-STOCK', lines: ids.map((itemId) => ({ itemId, qty: 10, unitCostFen: 5000 })) },
            { sessionToken: keeper },
          ),
        );
        must(await core.call('slips.post', { slipId: stock.id }, { sessionToken: keeper }));
      },
    });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('names a refused field as the item dialog does, in Chinese and in English, with no schema English', async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await nav(page, tr('zh', 'nav.items'));
    await page.keyboard.press('F2');
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'item.newTitle') });
    await dialog.waitFor();
    await dialog.locator('input').nth(0).fill('E2E-1');
    await dialog.locator('input').nth(1).fill('测试砖');
    // 单位 left empty: the core refuses it, naming 单位
    await dialog.locator('.btn-primary').first().click();
    const error = page.locator('.dialog .error-line');
    await poll(() => error.textContent()).toContain('单位: 必填');
    expect(await error.textContent()).not.toMatch(/expected|Too small|received/);
    await shot(page, 'field-error');
    // the language switch sits under the dialog: switched as its click would
    const lang = (i: number) => page.locator('.lang-switch').first().locator('button').nth(i).dispatchEvent('click');
    await lang(1);
    await poll(() => error.textContent()).toContain('unit: required');
    await lang(0);
    await page.keyboard.press('Escape');
  });

  it('a dispatch: lines above on hand in red, a line’s message goes with its fix, no PIN before 结算方式, 打印 where it is signed', async () => {
    const { page } = desk;
    const mgr = await desk.as('张伟');
    const slip = await mgr('slips.create', {
      kind: 'dispatch',
      customerId: desk.customerId('KH001'),
      lines: [
        { itemId: desk.itemId('CZ-8801'), qty: 2 },
        { itemId: desk.itemId('CZ-8802'), qty: 3 },
      ],
    });
    const onHand = (await mgr('stock.onHand', { itemIds: [desk.itemId('CZ-8802')] })).rows[0].qty;
    await switchUser(page, '张伟');
    await openDesk(page, desk, `/dispatch/${slip.id}`);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '2', 'CZ-8802': '3' });

    // a quantity above what is on hand: the line in red, and a notice naming it
    const over = onHand + 5;
    await typeInto(page, 1, 'qty', String(over));
    await poll(() => page.locator('.grid-fill .ag-row[row-index="1"].row-error').count()).toBeGreaterThan(0);
    const overText = tr('zh', 'msg.overOnHand', {
      line: 2,
      item: 'CZ-8802 ' + (await page.locator('.grid-fill .ag-row[row-index="1"] [col-id="itemName"]').first().textContent()),
      qty: over,
      onHand,
    });
    await poll(() => page.locator('.over-onhand').textContent()).toBe(overText);

    // a refused quantity on line 1: a message about line 1, gone once line 1 is fixed
    await typeInto(page, 0, 'qty', '3.5');
    const warn = page.locator('.notice-warn [data-line-msg]');
    await poll(() => warn.count()).toBe(1);
    expect(await warn.textContent()).toContain('第 1 行');
    await poll(() => page.locator('.grid-fill .ag-row[row-index="0"].row-warn').count()).toBeGreaterThan(0);
    await typeInto(page, 0, 'qty', '4');
    await poll(() => warn.count()).toBe(0);
    await poll(() => page.locator('.grid-fill .row-warn').count()).toBe(0);

    // F6 without 结算方式: said, and no PIN is asked
    await page.keyboard.press('F6');
    await poll(() => page.locator('.error-line').first().textContent()).toBe(tr('zh', 'msg.needPayment'));
    expect(await page.locator('.dialog').count()).toBe(0);
    await page.locator('.slip-header select').first().selectOption('cash');
    await poll(() => page.locator('.error-line').count()).toBe(0);

    // the sign dialog lists the line above on hand, in red, with qty against stock
    await page.keyboard.press('F6');
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'sign.title', { no: slip.no }) });
    await dialog.waitFor();
    const list = dialog.locator('.over-onhand-list li');
    await poll(() => list.count()).toBe(1);
    expect(await list.textContent()).toContain(tr('zh', 'msg.qtyVsOnHand', { qty: over, onHand }));
    expect(await list.evaluate((el) => getComputedStyle(el).color)).toMatch(/rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/);
    await shot(page, 'sign-over-onhand');

    // bring the line back within stock, then the manager and the finance supervisor sign
    await page.keyboard.press('Escape');
    await typeInto(page, 1, 'qty', '1');
    await poll(() => page.locator('.over-onhand').count()).toBe(0);
    const sign = async (pin: string) => {
      await page.keyboard.press('F6');
      await dialog.waitFor();
      await dialog.locator('input[type=password]').waitFor();
      await human(page, pin);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
    };
    await sign('1111');
    await sign('2222');

    // the signature that completes it: 打印 right there, beside the signatures
    const signed = page.locator('[data-testid=sig-print]');
    await signed.waitFor();
    await shot(page, 'signed-print');
    const tab = page.context().waitForEvent('page');
    await signed.locator('[data-testid=doc-print]').click();
    const pdfTab = await tab;
    // the PDF tab is open: logged as a preview, not a print
    await signed.locator('[data-testid=doc-printed]').waitFor();
    const kinds = async () => (await mgr('documents.printLog', { slipId: slip.id })).rows.map((r) => [r.kind, r.printNo]);
    expect(await kinds()).toEqual([['preview', 1]]);
    await signed.scrollIntoViewIfNeeded();
    await shot(page, 'print-awaiting');
    await signed.locator('[data-testid=doc-printed]').click();
    await poll(() => signed.locator('.notice-ok').textContent()).toContain('已送打印');
    expect(await kinds()).toEqual([
      ['printed', 1],
      ['preview', 1],
    ]);
    await pdfTab.close();
  });

  it('a long stock card: 正在生成 … 第 N 页, and 取消 stops it', async () => {
    const { page } = desk;
    await switchUser(page, '王强');
    await openDesk(page, desk, `/card/${cardItem}`);
    const preview = page.locator('[data-testid=doc-preview]').first();
    await preview.waitFor();
    const progress = page.locator('[data-testid=render-progress]');
    const tabs = page.context();

    // it runs page by page, and says so: the page number grows
    const tab = tabs.waitForEvent('page');
    await preview.click();
    const pdfTab = await tab;
    const pageNo = async () => Number(/第 (\d+) \/ \d+ 页/.exec((await progress.textContent()) ?? '')?.[1] ?? -1);
    await poll(() => progress.textContent()).toMatch(/正在生成 库存明细账 … 第 \d+ \/ \d+ 页/);
    await shot(page, 'render-progress');
    const first = await pageNo();
    await poll(pageNo).toBeGreaterThan(first);

    // 取消 (at once: the card must still be laying out): it stops, says so, and its tab goes
    await page.locator('[data-testid=render-cancel]').click();
    await progress.waitFor({ state: 'detached' });
    await poll(() => page.locator('.print-buttons .error-line').textContent()).toBe(tr('zh', 'msg.renderCancelled'));
    await poll(() => pdfTab.isClosed()).toBe(true);
  });

  it('the admin is told who creates items, on the items screen and when a code is unknown', async () => {
    const { page } = desk;
    await switchUser(page, '系统管理员');
    await nav(page, tr('zh', 'nav.items'));
    const roles = '经理';
    expect(await page.locator('.key-hints').textContent()).toContain('新建商品由');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, UNKNOWN);
    await poll(() => page.locator('.error-line').textContent()).toContain(`条码 ${UNKNOWN} 尚未登记`);
    expect(await page.locator('.error-line').textContent()).toContain(roles);
    expect(await page.locator('.dialog').count()).toBe(0);
    expect(desk.pageErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
