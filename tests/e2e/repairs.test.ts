// 维修 in Chromium at 1366×768: the keeper opens 退货 → 维修, sees the 3 defective units a customer
// returned, records a repair of 2 (F2, the dialog, Enter): they are saleable again, the records and
// 产品质量问题 show it, the stock card says 其中次品 1; the pick screen of a signed dispatch offers
// the pick list (拣货单). Screenshots go to .tmp/shots/ (REPAIR_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, login, openStockCard, preparer, startDesk, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.REPAIR_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let pickId = 0;

async function signedDispatch(c: ReturnType<typeof preparer>, customerId: number, lines: { itemId: number; qty: number }[]) {
  const d = await c('赵丽', 'slips.create', { kind: 'dispatch', customerId, paymentMode: 'cash', lines });
  await c('赵丽', 'slips.sign', { slipId: d.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: d.id, role: 'finance', user: '刘洋', pin: '2222' });
  return c('王强', 'slips.get', { slipId: d.id });
}

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'rp');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const customers = (await c('张伟', 'customers.list', { limit: 100 })).rows as { id: number; code: string }[];
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const kh = customers.find((x) => x.code === 'KH002')!.id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-RP-1',
    lines: [
      { itemId: item('CZ-8801'), qty: 30, unitCostFen: 5200 },
      { itemId: item('CZ-8802'), qty: 20, unitCostFen: 5850 },
      { itemId: item('WY-1001'), qty: 5, unitCostFen: 86500 },
    ],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  const d = await signedDispatch(c, kh, [{ itemId: item('CZ-8801'), qty: 4 }]);
  await c('王强', 'slips.post', { slipId: d.id });
  const r = await c('赵丽', 'slips.create', {
    kind: 'return',
    sourceSlipId: d.id,
    paymentMode: 'cash',
    lines: [{ itemId: item('CZ-8801'), qty: 3, sourceLineId: d.lines[0].id }],
  });
  await c('赵丽', 'slips.sign', { slipId: r.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('王强', 'slips.post', { slipId: r.id, picked: [{ lineId: r.lines[0].id, qty: 3, defective: true }] });
  const pick = await signedDispatch(c, kh, [
    { itemId: item('WY-1001'), qty: 1 },
    { itemId: item('CZ-8801'), qty: 6 },
    { itemId: item('CZ-8802'), qty: 2 },
  ]);
  pickId = pick.id;
}

describe.skipIf(!!NO_CHROMIUM)('维修 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'repairs', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('the keeper repairs 2 of 3 defective units; records, quality list, stock card and pick list show it', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await page.goto(`${desk.web.url}#/returns/repairs`);
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.code, r.cells.defectiveQty, r.cells.availableQty]), [['CZ-8801', '3', '3']]);
    await page.screenshot({ path: join(SHOTS, 'repairs-defective.png') });
    await page.keyboard.press('F2');
    await page.getByTestId('repair-qty').fill('2');
    await page.getByTestId('repair-fault').fill('釉面划伤');
    await page.getByTestId('repair-by').fill('李师傅');
    await page.screenshot({ path: join(SHOTS, 'repairs-dialog.png') });
    await page.keyboard.press('Enter');
    await page.getByText(/维修记录 WX\d+ 已保存/).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.defectiveQty, r.cells.availableQty]), [['1', '1']]);
    const keeper = await desk.as('王强');
    expect((await keeper('stock.onHand', { itemIds: [desk.itemId('CZ-8801')] })).rows[0]).toMatchObject({ qty: 29, defectiveQty: 1 });

    await page.getByTestId('repairs-sub-records').click();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.itemCode, r.cells.qty, r.cells.fault]), [['CZ-8801', '2', '釉面划伤']]);
    await page.screenshot({ path: join(SHOTS, 'repairs-records.png') });
    await page.getByTestId('repairs-sub-quality').click();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.returnedQty, r.cells.repairedQty]), [['3', '2']]);
    await page.screenshot({ path: join(SHOTS, 'repairs-quality.png') });

    await openStockCard(page, 'CZ-8801', desk.itemId('CZ-8801'));
    await waitForGrid(page, (rows) => rows.filter((r) => r.cells.balDefective).map((r) => r.cells.balDefective), ['3', '1', '1']);
    await page.screenshot({ path: join(SHOTS, 'repairs-stock-card.png') });

    await page.goto(`${desk.web.url}#/pick/${pickId}`);
    await page.getByTestId('pick-list-print').waitFor();
    await page.screenshot({ path: join(SHOTS, 'repairs-pick.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
