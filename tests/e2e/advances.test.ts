// 借支 in Chromium at 1366×768: finance pays 赵丽 a travel advance on the cash journal's 借支 tab with
// the manager's PIN (F2); her approved claim settles most of it without moving cash (F9, by claim);
// she returns the rest (F9, cash returned) and the advance is settled; the cash journal shows the
// 现付 and the 现收, the close of day the day's advances. Screenshots go to .tmp/shots/ (ADVANCE_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, preparer, startDesk, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.ADVANCE_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
let claimNo = '';

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'adv');
  await c('刘洋', 'cash.topUp', { amountFen: 500_000 });
  const claim = await c('赵丽', 'expenses.create', { category: '差旅', amountFen: 150_000, summary: '广州 机票 住宿' });
  await c('张伟', 'expenses.approve', { expenseId: claim.id, manager: { user: '张伟', pin: '1111' } });
  claimNo = claim.no;
}

describe.skipIf(!!NO_CHROMIUM)('借支 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'advances', prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('a travel advance is paid with the manager’s PIN, settled by her claim and the cash she returns', { timeout: 150_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '刘洋');
    await page.goto(`${desk.web.url}#/journal/advances`);
    await page.getByText(tr('zh', 'adv.none')).waitFor();
    await page.keyboard.press('F2');
    const dialog = page.locator('.dialog');
    await dialog.locator('select').first().selectOption({ label: '赵丽' });
    await page.getByTestId('adv-amount').fill('2000');
    await page.getByTestId('adv-purpose').fill('出差广州 客户回访');
    await page.locator('#adv-mgr-pin').focus();
    await human(page, '1111');
    await page.screenshot({ path: join(SHOTS, 'advance-new.png') });
    await page.keyboard.press('Enter');
    await page.getByText(/已付借支 JZ\d{12} 给 赵丽 ¥2,000.00/).waitFor();
    const [row] = await waitForGrid(page, (rows) => rows.map((r) => [r.cells.state, r.cells.openFen]), [['未核销', '2,000.00']]);
    const no = row.cells.no;

    await page.locator('.grid-fill .ag-row [col-id="purpose"]').first().click();
    await page.locator('.toolbar button:not([disabled])', { hasText: tr('zh', 'adv.settle') }).waitFor();
    await page.keyboard.press('F9');
    await page.getByTestId('adv-claim').locator('option', { hasText: claimNo }).waitFor({ state: 'attached' });
    await page.screenshot({ path: join(SHOTS, 'advance-settle-claim.png') });
    await page.keyboard.press('Enter');
    await page.getByText(`报销单 ${claimNo} 已核销借支 ${no}`).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.appliedFen, r.cells.openFen]), [['1,500.00', '500.00']]);

    await page.locator('.grid-fill .ag-row [col-id="purpose"]').first().click();
    await page.keyboard.press('F9');
    await page.getByTestId('adv-mode-cash').click();
    await page.getByTestId('adv-return').fill('500');
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`已收回借支 ${no} ¥500.00, 凭证 现收\\d{12}`)).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.state, r.cells.openFen]), [['已核销', '0.00']]);
    await page.locator('.grid-fill .ag-row [col-id="purpose"]').first().click();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.kind), ['报销', '退回现金'], { scope: '.fin-panel' });
    await page.screenshot({ path: join(SHOTS, 'advance-settled.png') });

    await page.goto(`${desk.web.url}#/journal`);
    await page
      .locator('.ag-row [col-id="contra"]', { hasText: `${no} 赵丽` })
      .first()
      .waitFor(); // 对方科目 of the 现付 and the 现收
    await page.screenshot({ path: join(SHOTS, 'advance-journal.png') });
    await page.goto(`${desk.web.url}#/dayclose`);
    await page.getByTestId('dayclose-advances').getByText('今日借支付出 ¥2,000.00, 退回 ¥500.00。').waitFor();
    await page.screenshot({ path: join(SHOTS, 'advance-dayclose.png') });

    const fin = await desk.as('刘洋');
    expect((await fin('advances.list', {})).balances).toEqual([]);
    expect((await (await desk.as('张伟'))('system.verify', {})).ok).toBe(true);
    expect(desk.pageErrors).toEqual([]);
  });
});
