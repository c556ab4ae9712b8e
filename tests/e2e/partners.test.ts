// Customers and collection follow-up in Chromium at 1366×768 (issue #10): the manager creates a
// customer with payment terms and a credit limit; a credit dispatch to it shows on the 催收 list
// with its due date (sale date + terms); a call is logged with a promised date and shows in the
// log and as the last call. Screenshots go to .tmp/shots/ (PARTNERS_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, nav, preparer, startDesk, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.PARTNERS_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'pt');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const itemId = items.find((i) => i.code === 'CZ-8801')!.id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-PT-1',
    lines: [{ itemId, qty: 50, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!!NO_CHROMIUM)('customers and collection at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'partners', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '张伟');
  }, 180_000);
  afterAll(async () => desk?.close());

  it('creates a customer with terms; its credit dispatch falls due on date + terms; a call is logged', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.customers'));
    await page.getByRole('button', { name: tr('zh', 'pt.newCustomer') }).click();
    const dlg = page.locator('.dialog');
    await dlg.locator('input[name=code]').fill('KH900');
    await dlg.locator('input[name=name]').fill('临江装饰工程');
    await dlg.locator('input[name=contact]').fill('周明');
    await dlg.locator('input[name=phone]').fill('13900001111');
    await dlg.locator('select[name=salesperson]').selectOption({ label: '赵丽' });
    await dlg.locator('input[name=terms]').fill('3');
    await dlg.locator('input[name=credit]').fill('5000');
    await page.screenshot({ path: join(SHOTS, 'partners-new-customer.png') });
    await dlg.getByRole('button', { name: tr('zh', 'common.save') }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('input.search').fill('');
    await human(page, '1390000');
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.code, r.cells.salesperson, r.cells.paymentTermsDays]), [['KH900', '赵丽', '3']]);
    await page.screenshot({ path: join(SHOTS, 'partners-customers.png') });

    // a credit dispatch to it, through the core: drafted by sales, signed by the manager and finance, posted
    const customerId = desk.core.db.prepare("SELECT id FROM customers WHERE code = 'KH900'").pluck().get() as number;
    const sales = await desk.as('赵丽');
    const s = await sales('slips.create', {
      kind: 'dispatch',
      customerId,
      paymentMode: 'credit',
      lines: [{ itemId: desk.itemId('CZ-8801'), qty: 5, priceFen: 8800 }],
    });
    await sales('slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
    await sales('slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
    const posted = await (await desk.as('王强'))('slips.post', { slipId: s.id });
    const due = addDays(posted.businessDate, 3);

    await nav(page, tr('zh', 'nav.collection'));
    await page.locator('input[name=dueBy]').fill(addDays(posted.businessDate, 30));
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.slipNo, r.cells.dueDate, r.cells.openFen]), [[posted.no, due, '440.00']]);
    await page.locator('.grid-fill .ag-row[row-index="0"] [col-id="slipNo"]').click();
    await page.getByRole('button', { name: tr('zh', 'co.chase') }).click();
    await dlg.locator('input[name=contacted]').fill('周明');
    await dlg.locator('input[name=note]').fill('答应下周付款');
    await dlg.locator('input[name=promised]').fill(addDays(posted.businessDate, 5));
    await dlg.getByRole('button', { name: tr('zh', 'common.save') }).click();
    await dlg.waitFor({ state: 'detached' });
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.promised), [addDays(posted.businessDate, 5)]);
    await page.locator('.subhead', { hasText: posted.no }).waitFor();
    const log = await page.locator('.ag-row [col-id="note"]').allTextContents();
    expect(log).toContain('答应下周付款');
    await page.screenshot({ path: join(SHOTS, 'partners-collection.png') });
  });
});
