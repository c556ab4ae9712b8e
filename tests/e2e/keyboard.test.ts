// The keyboard, everywhere, in the real renderer (browser mode, Chromium, 1366×768, the PC in UTC
// and the office in Asia/Shanghai): an inbound slip from nothing to posted, a pick opened by the
// slip's printed QR, and the day-close cash count (type, Enter moves down …) with the keyboard
// alone — logging in, going to each screen by its Alt key, scanning; the keeper's return receiving
// (收回, F7 次品); the help overlay (F1); a header click on a slip's line grid never reorders its
// lines; the expense approval dialog opens on the approver list; ↓ from a search box lands on the
// grid's first row. Screenshots of the nav with its keys, the help overlay and the return
// receiving go to $KEYS_SHOTS when it is set.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slipQrPayload } from '../../electron/domains/documents/service';
import {
  HUMAN_DELAY,
  NO_CHROMIUM,
  fixture,
  human,
  preparer,
  nav,
  qtyByCode,
  scan,
  scanPanelText,
  settled,
  shownFen,
  startDesk,
  switchUser,
  tr,
  waitForGrid,
  wedgeTrace,
  type Desk,
} from './harness';
import { poll } from './poll';

const CZ8801 = '6923456000100'; // 抛光砖 雅典米白 (electron/demo/demo-office.json)
const CZ8802 = '6923456000124';
const DELIVERY_NOTE = 'HQ-KB-0001';

/** Screenshots for a person to look at, when KEYS_SHOTS names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.KEYS_SHOTS) await page.screenshot({ path: `${process.env.KEYS_SHOTS}/${name}.png` });
}

/** Choose a person in a user list with ↑↓ (the PIN field keeps the focus), type the PIN, Enter. */
async function pickUserByKeys(page: Page, name: string): Promise<void> {
  const u = fixture.users.find((x) => x.name === name)!;
  for (let i = 0; i < 24; i++) {
    if (await page.locator('.user-list li.active', { hasText: name }).count()) break;
    await page.keyboard.press(i < 12 ? 'ArrowDown' : 'ArrowUp');
  }
  await page.locator('.user-list li.active', { hasText: name }).waitFor();
  await human(page, u.pin);
  await page.keyboard.press('Enter');
  await page.locator('.app-header .who-name', { hasText: name }).waitFor();
  await settled(page);
}

/** 切换用户 with the keyboard: F10, ↓ to the person, PIN, Enter. */
async function switchByKeys(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F10');
  await page.locator('.dialog .user-list').waitFor();
  await pickUserByKeys(page, name);
  await page.locator('.dialog .user-list').waitFor({ state: 'detached' });
}

/**
 * Scan a slip's printed QR (BD1|no|hash|signature, about 160 characters). A 2D imager types it
 * fast; 4 ms a key keeps the burst short, so a loaded machine does not split it.
 */
async function scanQr(page: Page, slip: { no: string; contentHash: string }): Promise<void> {
  await scan(page, slipQrPayload(desk.core.db, slip.no, slip.contentHash), 4);
}

/** Scan a slip's QR on the pick list: its pick opens (else the failure says what the screen said and what the wedge saw). */
async function pickByQr(page: Page, slip: { id: number; no: string; contentHash: string }): Promise<void> {
  await scanQr(page, slip);
  try {
    await page.waitForURL(new RegExp(`#/pick/${slip.id}$`));
  } catch (e) {
    const said = await page.locator('.notice').allTextContents();
    throw new Error(`the QR of ${slip.no} did not open its pick; the screen said ${JSON.stringify(said)}\n${await wedgeTrace(page, 200)}`, { cause: e });
  }
}

/** Go to a screen by the key its nav entry shows (as a keeper reads it off the screen). */
async function goByKey(page: Page, label: string): Promise<void> {
  const key = (await page.locator('.side-nav a', { hasText: label }).locator('.kbd').textContent())!;
  expect(key).toMatch(/^(Ctrl\+)?Alt\+[1-9]$/);
  await page.keyboard.press(key);
  await page.locator('.side-nav a.active', { hasText: label }).waitFor();
  await settled(page);
  // a person's next key or scan comes no sooner than their typing pace (a scan 27 ms after Alt+2
  // would start with the 2: the wedge takes a fast run of keys for one scan)
  await page.waitForTimeout(HUMAN_DELAY);
}

let desk: Desk;

/** The codes of a line grid's rows, in the order shown. */
const codesShown = (rows: { cells: Record<string, string> }[]) => rows.map((r) => r.cells.itemCode);

describe.skipIf(!!NO_CHROMIUM)('the keyboard in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({
      name: 'keyboard',
      timezoneId: 'UTC',
      prepare: async (core) => {
        const c = preparer(core, 'kb');
        await c('赵丽', 'expenses.create', { category: '差旅', amountFen: 12_300, summary: '键盘测试 出差' });
        // a second manager: signing at someone else's desk is a choice of who
        await c('系统管理员', 'users.create', { name: '周敏', title: '副经理', roles: ['manager'], pin: '5555', secondPin: { user: '张伟', pin: '1111' } });
      },
    });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('an inbound slip from nothing to posted with the keyboard alone', async () => {
    const { page } = desk;
    await page.goto(desk.web.url);
    await page.locator('.user-list').waitFor();
    await pickUserByKeys(page, '王强');
    await shot(page, 'keys-01-nav');
    await goByKey(page, tr('zh', 'nav.inbound'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/inbound\/new$/);
    const note = page.locator('.slip-header input.mono');
    await poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await human(page, DELIVERY_NOTE);
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) await scan(page, CZ8801);
    await scan(page, CZ8802);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '3', 'CZ-8802': '1' });
    // F7: the first line without a unit cost; Enter, type, Enter moves down
    await page.keyboard.press('F7');
    for (const cost of ['52', '58.5']) {
      await page.keyboard.press('Enter');
      await human(page, cost);
      await page.keyboard.press('Enter');
    }
    await waitForGrid(page, qtyByCode('unitCostFen'), { 'CZ-8801': '52.00', 'CZ-8802': '58.50' });
    // the help overlay lists this screen's keys and every screen's
    await page.keyboard.press('F1');
    const help = page.locator('.dialog', { has: page.locator('[data-testid="key-help-nav"]') });
    await help.waitFor();
    expect(await help.locator('[data-testid="key-help-screen"]').textContent()).toContain('F9');
    expect(await help.locator('[data-testid="key-help-nav"] .kbd').allTextContents()).toContain('Alt+1');
    await shot(page, 'keys-02-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('F9');
    const confirm = page.locator('.dialog', { hasText: tr('zh', 'slip.postFinal') });
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/slips\/\d+$/);
    await page.locator('.state-tag.state-posted').waitFor();
    const keeper = await desk.as('王强');
    const posted = await keeper('slips.get', { slipId: Number(/#\/slips\/(\d+)$/.exec(page.url())![1]) });
    expect(posted).toMatchObject({ kind: 'inbound', state: 'posted', deliveryNoteNo: DELIVERY_NOTE });
    expect(posted.lines.map((l) => [l.itemCode, l.qty, l.unitCostFen])).toEqual([
      ['CZ-8801', 3, 5200],
      ['CZ-8802', 1, 5850],
    ]);
    expect(desk.pageErrors).toEqual([]);
  });

  it("a pick opened by scanning the slip's printed QR, every unit scanned and posted with the keyboard alone", async () => {
    const { page } = desk;
    const sales = await desk.as('赵丽');
    const lines = [
      { itemId: desk.itemId('CZ-8801'), qty: 2 },
      { itemId: desk.itemId('CZ-8802'), qty: 1 },
    ];
    const d = await sales('slips.create', { kind: 'dispatch', customerId: desk.customerId('KH001'), paymentMode: 'cash', lines });
    for (const [who, role] of [
      ['张伟', 'manager'],
      ['刘洋', 'finance'],
    ] as const)
      await sales('slips.sign', { slipId: d.id, role, user: who, pin: fixture.users.find((u) => u.name === who)!.pin });
    const signed = await sales('slips.get', { slipId: d.id });

    await goByKey(page, tr('zh', 'nav.pick'));
    await page.locator('.grid-fill .ag-row').first().waitFor();
    await pickByQr(page, signed);
    await waitForGrid(page, qtyByCode('picked'), { 'CZ-8801': '0', 'CZ-8802': '0' });
    await scan(page, CZ8801);
    await scan(page, CZ8802);
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode('picked'), { 'CZ-8801': '2', 'CZ-8802': '1' });
    await poll(() => scanPanelText(page)).toBe(tr('zh', 'pick.allDone', { post: tr('zh', 'pick.post') }));
    await page.keyboard.press('F9');
    await page.locator('.dialog', { hasText: tr('zh', 'pick.confirmTitle', { no: signed.no }) }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/slips/${d.id}$`));
    const posted = await sales('slips.get', { slipId: d.id });
    expect(posted.state).toBe('posted');
    expect(posted.lines.map((l) => [l.itemCode, l.shippedQty])).toEqual([
      ['CZ-8801', 2],
      ['CZ-8802', 1],
    ]);

    // the same paper again on the pick list: posted, so it says why and opens nothing
    await goByKey(page, tr('zh', 'nav.pick'));
    await scanQr(page, posted);
    await poll(() => page.locator('.notice-warn').first().textContent()).toBe(
      tr('zh', 'pick.qrNotReady', { no: posted.no, why: tr('zh', 'pick.qrWhyPosted') }),
    );
    expect(page.url()).toMatch(/#\/pick$/);
    // 核验单据 (F4) still checks a paper: the QR scanned into it gives the verdict
    await page.keyboard.press('F4');
    await page.locator('[data-testid="qr-paste"]').waitFor();
    await scanQr(page, posted);
    await poll(() => page.locator('[data-testid="qr-verdict"]').getAttribute('data-status')).toBe('genuine');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="qr-verdict"]').waitFor({ state: 'detached' });
  });

  it('the keeper receives a return (收回) one scan a unit and marks a line defective (次品) with F7', async () => {
    const { page } = desk;
    const sales = await desk.as('赵丽');
    const dispatch = (await sales('slips.list', { kind: 'dispatch', state: 'posted' })).rows[0];
    const src = await sales('slips.get', { slipId: dispatch.id });
    const r = await sales('slips.create', {
      kind: 'return',
      sourceSlipId: src.id,
      paymentMode: 'cash',
      lines: src.lines.map((l) => ({ itemId: l.itemId, qty: l.shippedQty!, sourceLineId: l.id })),
    });
    await sales('slips.sign', { slipId: r.id, role: 'manager', user: '张伟', pin: fixture.users.find((u) => u.name === '张伟')!.pin });
    const signed = await sales('slips.get', { slipId: r.id });

    await goByKey(page, tr('zh', 'nav.pick'));
    await pickByQr(page, signed);
    await page.locator('.toolbar h1', { hasText: tr('zh', 'pick.titleReturn') }).waitFor();
    await scan(page, CZ8802);
    await waitForGrid(page, qtyByCode('picked'), { 'CZ-8801': '0', 'CZ-8802': '1' });
    await poll(() => scanPanelText(page)).toContain('已收回 1 / 1');
    // F7 marks the line the last scan counted on
    await page.keyboard.press('F7');
    await waitForGrid(page, qtyByCode('defective'), { 'CZ-8801': '', 'CZ-8802': tr('zh', 'recv.defective') });
    await scan(page, CZ8801);
    await scan(page, CZ8801);
    await waitForGrid(page, qtyByCode('picked'), { 'CZ-8801': '2', 'CZ-8802': '1' });
    await poll(() => scanPanelText(page)).toBe(tr('zh', 'recv.allDone', { post: tr('zh', 'pick.postReturn') }));
    expect(await page.locator('.pick-count-text').textContent()).toContain('已收回 3 / 3');
    expect(await page.locator('body').textContent()).not.toContain('已拣');
    await shot(page, 'keys-03-return-receiving');
    await page.keyboard.press('F9');
    const confirm = page.locator('.dialog', { hasText: tr('zh', 'pick.confirmTitle', { no: signed.no }) });
    await confirm.waitFor();
    expect(await confirm.locator('[data-testid="defective-note"]').textContent()).toContain('CZ-8802');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/slips/${r.id}$`));
    const posted = await sales('slips.get', { slipId: r.id });
    expect(posted.lines.map((l) => [l.itemCode, l.shippedQty, l.defective])).toEqual([
      ['CZ-8801', 2, false],
      ['CZ-8802', 1, true],
    ]);
    // the slip view shows the mark
    await waitForGrid(page, qtyByCode('defective'), { 'CZ-8801': '', 'CZ-8802': tr('zh', 'recv.defective') });
    await shot(page, 'keys-05-return-view');
  });

  it('opens the sign dialog on the signer list when someone else signs and there is a choice of who', async () => {
    const { page } = desk;
    const sales = await desk.as('赵丽');
    const d = await sales('slips.create', {
      kind: 'dispatch',
      customerId: desk.customerId('KH001'),
      paymentMode: 'cash',
      lines: [{ itemId: desk.itemId('CZ-8801'), qty: 1 }],
    });
    await page.goto(`${desk.web.url}#/slips/${d.id}`);
    await page.locator('.toolbar h1', { hasText: d.no }).waitFor();
    await settled(page);
    await page.keyboard.press('F6');
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'sign.title', { no: d.no }) });
    await dialog.waitFor();
    await poll(() => page.evaluate(() => [...((document.activeElement as HTMLSelectElement | null)?.options ?? [])].map((o) => o.text).join(','))).toBe(
      '张伟,周敏',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // F1, then a screen's key in the overlay goes there
    await page.keyboard.press('F1');
    await page.locator('[data-testid="key-help-nav"]').waitFor();
    await page.keyboard.press(
      (await page
        .locator('.side-nav a', { hasText: tr('zh', 'nav.pick') })
        .locator('.kbd')
        .textContent())!,
    );
    await page.locator('[data-testid="key-help-nav"]').waitFor({ state: 'detached' });
    await page.locator('.side-nav a.active', { hasText: tr('zh', 'nav.pick') }).waitFor();
  });

  it('counts the cash with the keyboard alone: type, Enter, type, Enter …', async () => {
    const { page } = desk;
    await switchByKeys(page, '刘洋');
    await goByKey(page, tr('zh', 'nav.dayClose'));
    await page.locator('.ag-row[row-id="10000"]').first().waitFor();
    await settled(page);
    await shot(page, 'keys-04-dayclose');
    // the denominations (row-id, in fen) in row order: largest first
    const denoms = [...new Set(await page.evaluate(() => Array.from(document.querySelectorAll('.ag-row[row-id]')).map((r) => r.getAttribute('row-id')!)))]
      .filter((x) => /^\d+$/.test(x))
      .map(Number)
      .sort((a, b) => b - a);
    const counts = [2, 3, 1, 4];
    expect(denoms.length).toBeGreaterThanOrEqual(counts.length);

    // F7: into the count sheet, editing the largest denomination
    await page.keyboard.press('F7');
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

  it('new return: letters typed stay in the dispatch search box; ↓ enters its list', async () => {
    const { page } = desk;
    await goByKey(page, tr('zh', 'nav.returns'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/returns\/new$/);
    const search = page.locator('.filter-bar input').first();
    await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await poll(async () => (await page.locator('.grid-fill .ag-row[row-index="0"]').count()) > 0).toBe(true);
    await human(page, 'FH');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe('FH');
    await page.keyboard.press('ArrowDown');
    await poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index') ?? null)).toBe('0');
  });
});
