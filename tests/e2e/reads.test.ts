// 保密制度 in Chromium at 1366×768: the driver opens a dispatch he carries and sees what and where,
// no price, no amount, no print button; the salesperson's customer list holds her own customers
// only; the manager reads who read the customer list (用户管理 → 查阅记录). Screenshots go to
// .tmp/shots/ (READS_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, gridRows, login, nav, preparer, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.READS_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let carriedId = 0;
let carriedNo = '';

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'rd');
  const sups = await c('王强', 'suppliers.list', {});
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const customers = (await c('张伟', 'customers.list', { limit: 100 })).rows as { id: number; code: string }[];
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const customer = (code: string) => customers.find((x) => x.code === code)!.id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: sups[0].id,
    deliveryNoteNo: 'HQ-RD-1',
    lines: [
      { itemId: item('CZ-8801'), qty: 50, unitCostFen: 5200 },
      { itemId: item('WY-4001'), qty: 20, unitCostFen: 1850 },
    ],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  const driver = ((await c('王强', 'slips.carriers', {})) as { id: number; name: string }[]).find((x) => x.name === '李磊')!;
  await c('王强', 'slips.setCarrier', { slipId: inb.id, carrierId: driver.id });
  const s = await c('赵丽', 'slips.create', {
    kind: 'dispatch',
    customerId: customer('KH001'),
    paymentMode: 'cash',
    memo: '上午送到城东建材城',
    lines: [
      { itemId: item('CZ-8801'), qty: 12, priceFen: 7800 },
      { itemId: item('WY-4001'), qty: 2, priceFen: 2600 },
    ],
  });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
  await c('王强', 'slips.post', { slipId: s.id });
  carriedId = s.id;
  carriedNo = s.no;
  // not yet signed by the manager: nobody carries it (the keeper names the dispatch's carrier on screen)
  const kh90 = await c('张伟', 'customers.create', { code: 'KH090', name: '市政工程处(经理直管)' });
  await c('陈静', 'slips.create', { kind: 'dispatch', customerId: kh90.id, paymentMode: 'credit', lines: [{ itemId: item('CZ-8801'), qty: 5 }] });
}

describe.skipIf(!!NO_CHROMIUM)('保密制度 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'reads', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('the keeper names the driver who carries a dispatch on the slip (承运人)', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await page.goto(`${desk.web.url}#/slips/${carriedId}`);
    const select = page.getByTestId('carrier-select');
    await select.selectOption({ label: '李磊' });
    await page.getByText(tr('zh', 'carrier.saved', { no: carriedNo, name: '李磊' })).waitFor();
    await page.screenshot({ path: join(SHOTS, 'carrier-keeper-slip.png') });
    await page.reload();
    await expect.poll(() => select.inputValue()).not.toBe('');
    await switchUser(page, '李磊');
  });

  it('the driver sees the slips he carries without prices; the salesperson her own customers', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.slips'));
    const list = await waitForGrid(page, (rows) => rows.length, 2); // the inbound and the posted dispatch, not the unsigned one
    expect(list.every((r) => !('totalAmountFen' in r.cells))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'reads-driver-slips.png') });

    await page.goto(`${desk.web.url}#/slips/${carriedId}`);
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.itemCode, r.cells.qty]), [
      ['CZ-8801', '12'],
      ['WY-4001', '2'],
    ]);
    const headers = await page.locator('.grid-fill .ag-header-cell-text').allTextContents();
    for (const hidden of [tr('zh', 'slip.price'), tr('zh', 'slip.amount'), tr('zh', 'slip.fifoCost')]) expect(headers).not.toContain(hidden);
    expect(await page.locator('.totals').textContent()).not.toContain(tr('zh', 'slip.totalAmount'));
    expect(await page.getByRole('button', { name: /打印|预览/ }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'reads-driver-slip.png') });

    await switchUser(page, '赵丽');
    await nav(page, tr('zh', 'nav.customers'));
    const rows = await waitForGrid(page, (rs) => rs.length, 8);
    expect(rows.map((r) => r.cells.code)).not.toContain('KH090');
    expect(new Set(rows.map((r) => r.cells.salesperson))).toEqual(new Set(['赵丽']));
    await page.screenshot({ path: join(SHOTS, 'reads-sales-customers.png') });
  });

  it('the manager reads who read the customer list', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '张伟');
    await nav(page, tr('zh', 'nav.users'));
    await page.getByTestId('system-tab-reads').click();
    await page.locator('.toolbar h1', { hasText: tr('zh', 'reads.title') }).waitFor();
    await settled(page);
    const rows = await gridRows(page);
    const lists = rows.filter((r) => r.cells.what === tr('zh', 'reads.m.customers.list')).map((r) => r.cells.user);
    expect(lists).toContain('赵丽');
    await page.getByTestId('reads-user').selectOption({ label: '赵丽' });
    await waitForGrid(page, (rs) => rs.every((r) => r.cells.user === '赵丽') && rs.length > 0, true);
    await page.screenshot({ path: join(SHOTS, 'reads-manager-log.png') });
  });
});
