// 红字冲销 from the slip view, as the office does it: the keeper presses Ctrl+Delete on a posted
// cash sale, types the reason, and the manager (经理审核) and finance (财务) each give their PIN in
// the dialog; the reversal opens with both signatures, and the printed 经理审核 box is filled.
// Screenshots: docs/screenshots/reversal-*.png with REVERSAL_SHOTS=docs/screenshots.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, login, preparer, settled, startDesk, tr, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.REVERSAL_SHOTS ? resolve(ROOT, process.env.REVERSAL_SHOTS) : mkdtempSync(join(tmpdir(), 'desk-reversal-shots-'));
let desk: Desk;
let saleId = 0;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'rv');
  const item = (await c('王强', 'items.list', { query: 'CZ-8801' })).rows[0].id;
  const customer = (await c('赵丽', 'customers.list', { limit: 1000 })).rows.find((x: { code: string }) => x.code === 'KH002').id;
  const supplierId = (await c('王强', 'suppliers.list', {}))[0].id;
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId,
    deliveryNoteNo: 'HQ-RV-1',
    lines: [{ itemId: item, qty: 20, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  const s = await c('赵丽', 'slips.create', { kind: 'dispatch', customerId: customer, paymentMode: 'cash', lines: [{ itemId: item, qty: 2, priceFen: 8800 }] });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
  await c('王强', 'slips.post', { slipId: s.id });
  saleId = s.id;
}

describe.skipIf(!!NO_CHROMIUM)('红字冲销 with its signatures, in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'reversal', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('the keeper reverses a posted cash sale with the manager’s and finance’s PINs', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await page.goto(`${desk.web.url}#/slips/${saleId}`);
    await page.locator('.toolbar h1').first().waitFor();
    await settled(page);
    await page.keyboard.press('Control+Delete');
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'slip.reverseManager') });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(tr('zh', 'slip.reverseTextMoney'));
    await dialog.locator('input.input').first().pressSequentially('客户拒收', { delay: 60 });

    // the manager's PIN alone is not enough: finance's is asked for, and nothing is written
    await page.locator('#rev-mgr-pin').pressSequentially('1111', { delay: 60 });
    await page.keyboard.press('Enter');
    await poll(() => dialog.locator('.error-line').textContent()).toBe(tr('zh', 'fin.needPin'));
    await page.locator('#rev-fin-pin').pressSequentially('2222', { delay: 60 });
    await page.screenshot({ path: join(SHOTS, 'reversal-dialog.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.hash.endsWith(`/slips/${saleId}`));
    await poll(() => page.locator('.toolbar h1').first().textContent()).toContain('HC');
    const keeper = await desk.as('王强');
    const rev = await keeper('slips.get', { slipId: Number(/#\/slips\/(\d+)$/.exec(page.url())![1]) });
    expect(rev.kind).toBe('reversal');
    expect(rev.signatures.map((s) => [s.role, s.userName, s.valid])).toEqual([
      ['manager', '张伟', true],
      ['finance', '刘洋', true],
    ]);
    expect((await keeper('slips.get', { slipId: saleId })).reversedBy?.id).toBe(rev.id);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'reversal-done.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
