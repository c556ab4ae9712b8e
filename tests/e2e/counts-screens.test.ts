// The rest of 盘点 in Chromium at 1366×768 (issue #12): the manager's count settings (明盘 with 复核
// required), a weekly count of chosen items picked with the item search, entry by scan and by a
// typed quantity, the keeper refused as the recounter of his own lines (on screen, as the core
// does), the manager's recount and the unit cost of the gain (盘盈成本), approval with the PIN and
// the gain's layer at that cost; then a month-end blind count sheet opened from the screen and read
// back with pdftotext: the count's number, every item, and no book quantity. Screenshots in
// .tmp/shots/counts-*.png.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, fixture, login, nav, preparer, scan, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = join(ROOT, '.tmp', 'shots');
/** received before the count: the books the weekly count is checked against */
const BOOK: Record<string, number> = { 'CZ-8801': 37, 'CZ-8802': 23, 'WY-1001': 19 };
const COUNTED: Record<string, number> = { 'CZ-8801': 36, 'CZ-8802': 25, 'WY-1001': 19 };
const unitCode = (code: string) => fixture.items.find((i) => i.code === code)!.barcodes!.find((b) => b.packQty === 1)!.code;
let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const as = preparer(core, 'counts-screens');
  const supplierId = (await as('王强', 'suppliers.list', {}))[0].id;
  const items = (await as('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const lines = Object.entries(BOOK).map(([c, qty]) => ({ itemId: items.find((i) => i.code === c)!.id, qty, unitCostFen: 1000 }));
  const s = await as('王强', 'slips.create', { kind: 'inbound', supplierId, deliveryNoteNo: 'HQ-PD-2', lines });
  await as('王强', 'slips.post', { slipId: s.id });
}

const shot = (name: string) => desk.page.screenshot({ path: join(SHOTS, `counts-${name}.png`) });
const row = (code: string, col = 'itemCode') => desk.page.locator('.grid-fill .ag-row', { has: desk.page.locator(`[col-id="${col}"]`, { hasText: code }) });

describe.skipIf(!!NO_CHROMIUM)('盘点 screens in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'counts-screens', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '张伟');
  }, 180_000);
  afterAll(async () => desk?.close());

  it('settings 明盘 + 复核; chosen items; the keeper may not recount his own lines; the manager recounts, costs the gain and approves', async () => {
    const { page } = desk;
    const mgr = await desk.as('张伟');
    await nav(page, tr('zh', 'nav.counts'));
    await page.getByTestId('count-settings').click();
    await page.getByTestId('count-mode').selectOption('open');
    await page.getByTestId('count-recount-required').check();
    await shot('settings');
    await page.locator('.dialog .btn', { hasText: tr('zh', 'common.save') }).click();
    await poll(() => page.locator('.notice-ok').textContent()).toBe(tr('zh', 'ctm.saved'));
    expect(await mgr('counts.settings', {})).toEqual({ countMode: 'open', countRecount: true });

    await switchUser(page, '王强');
    await page.getByTestId('count-new').click();
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'ct.by') });
    await dialog.locator('select').nth(1).selectOption('items');
    await dialog.locator('.btn', { hasText: tr('zh', 'ct.new') }).click(); // nothing chosen yet: said, nothing made
    await poll(() => dialog.locator('.error-line').textContent()).toContain(tr('zh', 'ctm.noneChosen'));
    for (const code of Object.keys(BOOK)) {
      await page.locator('#count-item-pick').fill(code);
      await page.locator('.combo-list li', { hasText: code }).first().waitFor();
      await page.keyboard.press('Enter');
    }
    await poll(() => page.getByTestId('count-chosen-n').textContent()).toContain(tr('zh', 'ctm.chosen', { n: 3 }));
    await shot('new-chosen');
    await dialog.locator('.btn', { hasText: tr('zh', 'ct.new') }).click();
    await page.waitForURL(/#\/counts\/\d+$/);
    const countId = Number(/#\/counts\/(\d+)$/.exec(page.url())![1]);
    const keeper = await desk.as('王强');
    expect((await keeper('counts.list', {})).map((c) => c.id)).toEqual([countId]);
    expect((await keeper('counts.view', { countId })).lines.map((l) => l.itemCode).sort()).toEqual(Object.keys(BOOK).sort());
    await waitForGrid(page, (rs) => rs.length, 3);
    await settled(page);

    await scan(page, unitCode('WY-1001')); // a scan adds 1; the typed quantity then sets the line
    await waitForGrid(page, (rs) => rs.find((r) => r.cells.itemCode === 'WY-1001')?.cells.countedQty, '1');
    for (const [code, qty] of Object.entries(COUNTED)) {
      await row(code).locator('[col-id="itemName"]').click();
      await page.getByTestId('count-qty').fill(String(qty));
      await page.keyboard.press('Enter');
      await waitForGrid(page, (rs) => rs.find((r) => r.cells.itemCode === code)?.cells.countedQty, String(qty));
    }
    // 明盘: the keeper sees the book
    await waitForGrid(page, (rs) => rs.find((r) => r.cells.itemCode === 'CZ-8801')?.cells.bookQty, '37');
    await shot('entry-open');

    await page.keyboard.press('F6');
    await poll(() => page.getByTestId('count-loss').textContent()).toContain('盘亏 1 件');
    await poll(() => page.locator('.notice-warn').textContent()).toContain(tr('zh', 'ct.prob.noRecount'));
    await row('CZ-8801').locator('[col-id="itemName"]').click();
    await page.getByTestId('count-recount').click();
    await poll(() => page.locator('.dialog .notice-warn').textContent()).toBe(tr('zh', 'ctm.samePerson', { name: '王强' }));
    expect(await page.getByTestId('recount-qty').count()).toBe(0);
    expect(await page.locator('.dialog .btn', { hasText: tr('zh', 'ctm.recount') }).isDisabled()).toBe(true);
    await shot('recount-refused');
    await page.keyboard.press('Escape');
    // and the core refuses the same, whatever the screen does
    const line = (code: string) => async () => (await keeper('counts.view', { countId })).lines.find((l) => l.itemCode === code)!;
    const own = await desk.core.call(
      'counts.recount',
      { countId, lineId: (await line('CZ-8801')()).id, qty: 36 },
      { sessionToken: await desk.tokenOf('王强') },
    );
    expect(own.ok ? null : own.error.code).toBe('count_recount_same_person');
    for (const [code, cause] of [
      ['CZ-8801', 'breakage'],
      ['CZ-8802', 'unrecorded'],
    ]) {
      await row(code).locator('[col-id="itemName"]').click();
      await page.getByTestId('count-set-cause').click();
      await page.getByTestId('count-cause').selectOption(cause);
      await page.keyboard.press('Enter');
      await page.locator('.dialog').waitFor({ state: 'detached' });
    }

    await switchUser(page, '张伟');
    await page.locator('[data-tab="variance"].on').waitFor(); // the screen stays where the keeper left it
    for (const code of ['CZ-8801', 'CZ-8802']) {
      await row(code).locator('[col-id="itemName"]').click();
      await page.getByTestId('count-recount').click();
      await poll(() => page.getByTestId('recount-who').textContent()).toBe(
        `${tr('zh', 'ctm.countedBy')}王强${tr('zh', 'ct.countedQty')}${COUNTED[code]}${tr('zh', 'ctm.recountBy')}张伟`,
      );
      await page.getByTestId('recount-qty').fill(String(COUNTED[code]));
      if (code === 'CZ-8802') await shot('recount');
      await page.keyboard.press('Enter');
      await page.locator('.dialog').waitFor({ state: 'detached' });
      await waitForGrid(page, (rs) => rs.find((r) => r.cells.itemCode === code)?.cells.recountBy, '张伟');
    }
    await row('CZ-8802').locator('[col-id="itemName"]').click();
    await page.getByTestId('count-set-cost').click();
    await page.getByTestId('count-cost').fill('12.34');
    await shot('gain-cost');
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await waitForGrid(page, (rs) => rs.find((r) => r.cells.itemCode === 'CZ-8802')?.cells.unitCost, '12.34');
    await poll(() => page.getByTestId('count-gain').textContent()).toContain('24.68');
    await poll(() => page.locator('.notice').first().textContent()).toBe(tr('zh', 'ct.noProblems'));
    await shot('variance-recounted');
    // the same in English: every word of the new buttons and columns follows the switch
    await page.locator('.status-bar .lang-switch button', { hasText: 'English' }).click();
    await page
      .getByTestId('count-set-cost')
      .filter({ hasText: tr('en', 'ctm.cost') })
      .waitFor();
    await shot('variance-en');
    await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click();
    await page
      .getByTestId('count-set-cost')
      .filter({ hasText: tr('zh', 'ctm.cost') })
      .waitFor();

    await page.getByTestId('count-approve').click();
    await page.locator('#count-mgr-pin').pressSequentially('1111', { delay: 60 });
    await page.keyboard.press('Enter');
    const no = (await keeper('counts.view', { countId })).count.no;
    await poll(() => page.locator('.notice').first().textContent()).toBe(tr('zh', 'ct.approved', { no }));
    const onHand = (await mgr('stock.onHand', { itemIds: Object.keys(BOOK).map((c) => desk.itemId(c)) })).rows;
    expect(Object.fromEntries(onHand.map((r) => [r.code, [r.qty, r.amountFen]]))).toEqual({
      'CZ-8801': [36, 36_000],
      'CZ-8802': [25, 23_000 + 2 * 1234], // the gain entered at the manager's cost
      'WY-1001': [19, 19_000],
    });
    expect(desk.pageErrors).toEqual([]);
  }, 240_000);

  it('a month-end blind count sheet opened from the screen reads back with the count number and no book quantity', async () => {
    const { page } = desk;
    const mgr = await desk.as('张伟');
    await mgr('counts.setSettings', { countMode: 'blind', countRecount: false });
    await switchUser(page, '王强');
    await nav(page, tr('zh', 'nav.counts'));
    await page.getByTestId('count-new').click();
    await page.locator('.dialog select').first().selectOption('monthEnd');
    await page.locator('.dialog .btn', { hasText: tr('zh', 'ct.new') }).click();
    await page.waitForURL(/#\/counts\/\d+$/);
    const countId = Number(/#\/counts\/(\d+)$/.exec(page.url())![1]);
    const keeper = await desk.as('王强');
    const { count, lines } = await keeper('counts.view', { countId });
    expect(count.blind).toBe(true);
    await waitForGrid(page, (rs) => rs.length, lines.length);
    await shot('entry-blind');

    // the PDF goes to a new tab as a blob URL (the page's CSP keeps fetch off blob:): keep the blob as it is made
    await page.evaluate(() => {
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => (((window as unknown as { __pdf: Blob }).__pdf = b as Blob), make(b));
    });
    const tab = page.context().waitForEvent('page');
    await page.getByTestId('count-sheet').click();
    const pdfTab = await tab;
    await poll(() => pdfTab.url()).toMatch(/^blob:/);
    const bytes = await page.evaluate(async () => Array.from(new Uint8Array(await (window as unknown as { __pdf: Blob }).__pdf.arrayBuffer())));
    await pdfTab.close();
    const file = join(SHOTS, 'counts-sheet-e2e.pdf');
    writeFileSync(file, Buffer.from(bytes));
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('盘 点 表');
    expect(text).toContain(count.no);
    for (const l of lines) expect(text).toContain(l.itemCode);
    expect(text).not.toContain('账面');
    const tokens = text.split(/\s+/);
    for (const book of Object.values(COUNTED)) expect(tokens).not.toContain(String(book)); // the books after the weekly count: 36, 25, 19
    expect(desk.pageErrors).toEqual([]);
  }, 120_000);
});
