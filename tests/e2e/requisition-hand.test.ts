// 要货单 made by hand in Chromium at 1366×768: the keeper adds two items with the slips' picker
// (expected = today in office time + each item's lead time), types the quantities, a date that
// does not exist is refused and everything stays as typed, the draft is saved and edited; the manager
// signs it with the PIN and the list shows outstanding = ordered. A draft signed while the keeper edits
// it: the core's refusal is shown and the lines stay. On 订货规划 the manager sets an item's lead time (到货周期) and the
// plan shows it. Screenshots go to .tmp/shots/ (ORDERS_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, ROOT, human, type GridRow, login, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.ORDERS_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
const dialogLines = { scope: '[data-testid="rqh-lines"]' };

function datePlus(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe.skipIf(!!NO_CHROMIUM)('要货单 by hand and lead times at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'requisition-hand' });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  /** click a cell of the dialog's lines (one click opens its editor), replace its text, Enter */
  const typeCell = async (code: string, col: string, text: string) => {
    const { page } = desk;
    await page.locator('[data-testid="rqh-lines"] .ag-row', { hasText: code }).locator(`[col-id="${col}"]`).dblclick();
    const input = page.locator('[data-testid="rqh-lines"] .ag-cell-inline-editing input');
    await input.waitFor();
    await input.fill(text);
    await page.keyboard.press('Enter');
    await settled(page);
  };

  it('the keeper makes a requisition of two items by hand; the manager signs it', { timeout: 120_000 }, async () => {
    const { page } = desk;
    const keeper = await desk.as('王强');
    const plan = await keeper('orderPlan.compute', { needOnly: false });
    const lead = (code: string) => plan.rows.find((r) => r.itemCode === code)!;
    await login(page, desk, '王强');
    await page.goto(`${desk.web.url}#/items/requisitions`);
    await page.getByTestId('requisition-new').click();
    for (const code of ['CZ-8801', 'WY-4001']) {
      await page.locator('#rqh-item').fill(code);
      await page.locator('.opt', { hasText: code }).first().waitFor();
      await page.keyboard.press('Enter');
      await settled(page);
    }
    const expected = (code: string) => datePlus(plan.asOf, lead(code).leadDays);
    await waitForGrid(
      page,
      (rows) => rows.map((r) => [r.cells.itemCode, r.cells.packQty, r.cells.expectedDate]),
      [
        ['CZ-8801', String(lead('CZ-8801').packQty), expected('CZ-8801')],
        ['WY-4001', String(lead('WY-4001').packQty), expected('WY-4001')],
      ],
      dialogLines,
    );
    await typeCell('CZ-8801', 'qty', '24');
    await typeCell('WY-4001', 'qty', '10');
    // a date that does not exist is refused naming the field; every line stays as typed
    await typeCell('WY-4001', 'expectedDate', '2026-02-30');
    await page.locator('.dialog .error-line', { hasText: '预计到货日期' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'requisition-hand-refused.png') });
    await waitForGrid(
      page,
      (rows) => rows.map((r) => [r.cells.qty, r.cells.expectedDate]),
      [
        ['24', expected('CZ-8801')],
        ['10', expected('WY-4001')],
      ],
      dialogLines,
    );
    await page.getByTestId('rqh-memo').fill('手工要货');
    await page.screenshot({ path: join(SHOTS, 'requisition-hand.png') });
    await page.keyboard.press('F2');
    await expect.poll(async () => (await keeper('requisitions.list', {})).total, { timeout: 10_000 }).toBe(1);
    const [made] = (await keeper('requisitions.list', {})).rows;
    await page.getByText(tr('zh', 'rqh.saved', { no: made.no, n: 2 })).waitFor();
    expect([made.state, made.totalQty, made.memo]).toEqual(['draft', 34, '手工要货']);

    // 修改草稿: a line removed and added back with another quantity (requisitions.update)
    await page.getByTestId('requisition-edit').click();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.qty), ['24', '10'], dialogLines);
    await page.getByTestId('rqh-remove-WY-4001').click();
    await page.locator('#rqh-item').click();
    await human(page, 'WY-4001');
    await page.locator('.opt', { hasText: 'WY-4001' }).first().waitFor();
    await page.keyboard.press('Enter');
    await typeCell('WY-4001', 'qty', '20');
    await page.keyboard.press('F2');
    await page.getByText(tr('zh', 'rq.done', { no: made.no, state: tr('zh', 'rq.state.draft') })).waitFor();
    expect((await keeper('requisitions.get', { requisitionId: made.id })).totalQty).toBe(44);

    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/items/requisitions`);
    await page.getByTestId('requisition-sign').click();
    await page.locator('#order-mgr-pin').focus();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await page.getByText(tr('zh', 'rq.done', { no: made.no, state: tr('zh', 'rq.state.signed') })).waitFor();
    const shown = (rows: GridRow[]) => rows.map((r) => [r.cells.no, r.cells.state, r.cells.totalQty, r.cells.outstanding]);
    await waitForGrid(page, shown, [[made.no, tr('zh', 'rq.state.signed'), '44', '44']], { scope: '.requisition-list' });
    await page.screenshot({ path: join(SHOTS, 'requisition-hand-signed.png') });
    expect(desk.pageErrors).toEqual([]);
  });

  it('signed while the keeper edits it: the core refuses the save, the dialog keeps the lines', { timeout: 60_000 }, async () => {
    const { page } = desk;
    const keeper = await desk.as('王强');
    const wy = ((await keeper('items.list', { query: 'WY-4001' })).rows as { id: number }[])[0].id;
    const made = await keeper('requisitions.create', { lines: [{ itemId: wy, qty: 5, expectedDate: '2026-12-20' }] });
    await switchUser(page, '王强');
    await page.goto(`${desk.web.url}#/items/requisitions`);
    await page.keyboard.press('F5'); // the list as it is now
    await page.locator('.requisition-list .ag-row', { hasText: made.no }).click();
    await page.getByTestId('requisition-edit').click();
    await typeCell('WY-4001', 'qty', '30');
    const manager = await desk.as('张伟');
    await manager('requisitions.sign', { requisitionId: made.id, manager: { user: '张伟', pin: '1111' } });
    await page.keyboard.press('F2');
    await page.locator('.dialog .error-line', { hasText: made.no }).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.qty), ['30'], dialogLines);
    await page.screenshot({ path: join(SHOTS, 'requisition-hand-late-save.png') });
    await page.keyboard.press('Escape');
    expect((await keeper('requisitions.get', { requisitionId: made.id })).totalQty).toBe(5);
    expect(desk.pageErrors).toEqual([]);
  });

  it('the manager sets an item’s lead time on 订货规划 and the plan shows it', { timeout: 90_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/items/plan`);
    await page.getByTestId('order-plan-screen').waitFor();
    await page
      .locator('.toolbar .inline-label', { hasText: tr('zh', 'opl.needOnly') })
      .locator('input')
      .uncheck();
    await page.locator('.toolbar input.search').fill('WY-4001');
    await page.getByTestId('lead-open').click();
    await page.locator('#lead-item').fill('WY-4001');
    await page.locator('.opt', { hasText: 'WY-4001' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('lead-item-days').fill('9');
    await page.screenshot({ path: join(SHOTS, 'lead-days.png') });
    await page.getByTestId('lead-save-item').click();
    await page.getByText(tr('zh', 'ld.savedItem', { code: 'WY-4001', days: tr('zh', 'ld.days', { n: 9 }) })).waitFor();
    await page.keyboard.press('Escape');
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.itemCode, r.cells.leadDays]), [['WY-4001', '9']]);
    await page.screenshot({ path: join(SHOTS, 'order-plan-lead.png') });
    const manager = await desk.as('张伟');
    expect((await manager('orderPlan.compute', { query: 'WY-4001' })).rows[0].ownLeadDays).toBe(9);

    await switchUser(page, '王强'); // the keeper reads the default and cannot set it
    await page.goto(`${desk.web.url}#/items/plan`);
    await page.getByTestId('lead-default-shown').waitFor();
    expect(await page.getByTestId('lead-open').count()).toBe(0);
    expect(desk.pageErrors).toEqual([]);
  });
});
