// 订货规划 and 要货单 in Chromium at 1366×768: a requisition to HQ partly delivered — the list and
// the lines show ordered / received / outstanding; the keeper's inbound editor offers it in its
// 对应要货单 picker and the draft names it; the manager closes it short with the PIN. The statistician's
// order plan shows the suggestion in whole cases, is saved, signed by the manager and a requisition
// made from it. Screenshots go to .tmp/shots/ (ORDERS_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, preparer, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.ORDERS_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let reqNo = '';

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'rq');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const id = (code: string) => items.find((i) => i.code === code)!.id;
  const r = await c('王强', 'requisitions.create', {
    memo: '周要货',
    lines: [
      { itemId: id('CZ-8801'), qty: 60, expectedDate: '2026-12-01' },
      { itemId: id('WY-4001'), qty: 20, expectedDate: '2026-12-31' },
    ],
  });
  await c('张伟', 'requisitions.sign', { requisitionId: r.id, manager: { user: '张伟', pin: '1111' } });
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-RQ-1',
    requisitionId: r.id,
    lines: [{ itemId: id('CZ-8801'), qty: 36, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  reqNo = r.no;
}

const lines = { scope: '[data-testid="requisition-detail"] .grid-fill' };

describe.skipIf(!!NO_CHROMIUM)('要货单 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'requisitions', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('a requisition partly delivered: received and outstanding per line; the inbound picker offers it', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await page.goto(`${desk.web.url}#/items/requisitions`);
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.no, r.cells.received, r.cells.outstanding]), [[reqNo, '36', '44']], {
      scope: '.requisition-list',
    });
    await waitForGrid(
      page,
      (rows) => rows.map((r) => [r.cells.itemCode, r.cells.qty, r.cells.received, r.cells.outstanding]),
      [
        ['CZ-8801', '60', '36', '24'],
        ['WY-4001', '20', '0', '20'],
      ],
      lines,
    );
    await page.screenshot({ path: join(SHOTS, 'requisitions.png') });

    await page.goto(`${desk.web.url}#/inbound/new`);
    const picker = page.getByTestId('inbound-requisition');
    await picker.locator('option', { hasText: reqNo }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: tr('zh', 'rq.pickerOption', { no: reqNo, outstanding: 44 }) });
    await page.screenshot({ path: join(SHOTS, 'requisition-inbound.png') });
    const keeper = await desk.as('王强');
    await expect
      .poll(async () => ((await keeper('slips.list', { kind: 'inbound', state: 'draft' })).rows as { id: number }[]).length, { timeout: 10_000 })
      .toBe(1);
    const draft = (await keeper('slips.list', { kind: 'inbound', state: 'draft' })).rows[0] as { id: number };
    expect((await keeper('slips.get', { slipId: draft.id })).requisition?.no).toBe(reqNo);
    expect(desk.pageErrors).toEqual([]);
  });

  it('the manager closes it short with the PIN', { timeout: 60_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/items/requisitions`);
    await page.getByTestId('requisition-close').click();
    await page.getByTestId('order-reason').fill('总部缺货');
    await page.locator('#order-mgr-pin').focus();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await page.getByText(tr('zh', 'rq.done', { no: reqNo, state: tr('zh', 'rq.state.closed') })).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.outstanding), ['0', '0'], lines);
    await page.screenshot({ path: join(SHOTS, 'requisition-closed.png') });
    expect(desk.pageErrors).toEqual([]);
  });

  it('the statistician saves the order plan; the manager signs it and makes a requisition from it', { timeout: 90_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '陈静');
    await page.goto(`${desk.web.url}#/items/plan`);
    await page.getByTestId('order-plan-screen').waitFor();
    await expect.poll(async () => (await page.locator('.grid-fill .ag-row').count()) > 0, { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'order-plan.png') });
    await page.keyboard.press('F2');
    await page.getByTestId('plan-state').waitFor();
    const manager = await desk.as('张伟');
    const [draft] = (await manager('orderPlan.list', {})).rows as { id: number; state: string; totalQty: number }[];
    expect([draft.state, draft.totalQty > 0]).toEqual(['draft', true]);

    await switchUser(page, '张伟');
    await page.goto(`${desk.web.url}#/items/plan`);
    await page.getByTestId('plan-state').waitFor();
    await page.getByTestId('plan-sign').click();
    await page.locator('#order-mgr-pin').focus();
    await human(page, '1111');
    await page.screenshot({ path: join(SHOTS, 'order-plan-sign.png') });
    await page.keyboard.press('Enter');
    await page.getByText(tr('zh', 'opl.signed', { id: draft.id, name: '张伟' })).waitFor();
    await page.keyboard.press('F8');
    await page.getByTestId('requisitions-screen').waitFor();
    const made = (await manager('requisitions.list', { state: 'draft' })).rows as { no: string; planId: number; totalQty: number }[];
    expect(made.map((r) => [r.planId, r.totalQty])).toEqual([[draft.id, draft.totalQty]]);
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.no).includes(made[0].no), true, { scope: '.requisition-list' });
    expect(desk.pageErrors).toEqual([]);
  });
});
