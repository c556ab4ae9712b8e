// 送货收款 in Chromium at 1366×768: a cash dispatch the driver collects on delivery is posted with
// the driver named; the close of day warns of the money still with him and the check of sales
// against money passes; finance takes it on the cash journal's 送货收款 tab with the driver's PIN
// (F9), and the cash journal shows the 现收 row. Screenshots go to .tmp/shots/ (DELIVERY_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, preparer, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.DELIVERY_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let slipNo = '';

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'dc');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const customers = (await c('张伟', 'customers.list', { limit: 100 })).rows as { id: number; code: string }[];
  const item = items.find((i) => i.code === 'CZ-8801')!.id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-DC-1',
    lines: [{ itemId: item, qty: 40, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  const s = await c('赵丽', 'slips.create', {
    kind: 'dispatch',
    customerId: customers[0].id,
    paymentMode: 'cash',
    collectByCarrier: true,
    lines: [{ itemId: item, qty: 10, priceFen: 7800 }],
  });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
  const driver = ((await c('王强', 'slips.carriers', {})) as { id: number; name: string }[]).find((x) => x.name === '李磊')!;
  await c('王强', 'slips.setCarrier', { slipId: s.id, carrierId: driver.id });
  await c('王强', 'slips.post', { slipId: s.id });
  slipNo = s.no;
}

describe.skipIf(!!NO_CHROMIUM)('送货收款 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'delivery-cash', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('the close of day warns of the money with the driver; finance takes it with his PIN', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '刘洋');
    await page.goto(`${desk.web.url}#/dayclose`);
    await page.getByText('送货收款未交回 1 笔, 共 ¥780.00').waitFor();
    await page.screenshot({ path: join(SHOTS, 'delivery-dayclose.png') });

    await page.goto(`${desk.web.url}#/journal/delivery`);
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.slipNo, r.cells.carrier, r.cells.state]), [[slipNo, '李磊', '待交回']]);
    await page.locator('.grid-fill .ag-row [col-id="customerName"]').first().click();
    await page.locator('.toolbar button:not([disabled])', { hasText: tr('zh', 'dc2.take') }).waitFor(); // the row is selected
    await page.keyboard.press('F9');
    await page.locator('#delivery-pin').focus();
    await human(page, '5555');
    await page.screenshot({ path: join(SHOTS, 'delivery-take.png') });
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`已收回 ${slipNo} 的货款 ¥780.00`)).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.state), ['已交回']);
    await page.screenshot({ path: join(SHOTS, 'delivery-taken.png') });
    const fin = await desk.as('刘洋');
    expect((await fin('deliveryCash.list', {})).inTransit).toEqual([]);
    expect((await (await desk.as('张伟'))('system.verify', {})).ok).toBe(true);
    expect(tr('zh', 'dc2.tab')).toBe('送货收款');
    expect(desk.pageErrors).toEqual([]);
  });

  it('the salesperson marks a cash dispatch 送货收款; the mark goes when the payment is not cash', { timeout: 60_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '赵丽');
    await page.goto(`${desk.web.url}#/dispatch/new`);
    const pay = page.locator('select.input', { has: page.locator('option[value="cash"]') });
    await pay.selectOption('cash');
    await page.getByTestId('collect-by-carrier').check();
    await page.screenshot({ path: join(SHOTS, 'delivery-dispatch-mark.png') });
    await pay.selectOption('credit');
    expect(await page.getByTestId('collect-by-carrier').count()).toBe(0);
  });
});
