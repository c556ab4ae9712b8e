// 期初建账 in the real renderer (browser mode, Chromium, 1366×768) on 2026-11-29: the manager types
// the opening stock of 3 items into the grid (Enter moves down) and signs it with his PIN; a
// receivable dated 40 days ago lands in the 31–60 bucket of the aging; the cash account's opening;
// after the first close the screen says it is closed and the core refuses more.
// Skipped (with a message) when no Chromium is installed.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import { NO_CHROMIUM, gridRows, login, settled, startDesk, type Desk } from './harness';
import { poll } from './poll';

const BASE = Date.parse('2026-11-29T02:00:00Z'); // 10:00 in Shanghai
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));
const SHOTS = join(tmpdir(), 'desk-shots');

let desk: Desk;

describe.skipIf(!!NO_CHROMIUM)('opening balances in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'opening', clock });
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('enters opening stock, a 40-day-old receivable and cash; refused after the first close', { timeout: 180_000 }, async () => {
    const { page } = desk;
    await page.setViewportSize({ width: 1366, height: 768 });
    const manager = await desk.as('张伟');
    await login(page, desk, '张伟');
    await page.goto(`${desk.web.url}#/opening`);
    await page.locator('.toolbar h1', { hasText: '期初建账' }).first().waitFor();
    await settled(page);

    // three items by the picker, then quantities down the column and amounts down the next
    for (const code of ['CZ-8801', 'CZ-8802', 'WY-4001']) {
      await page.locator('#op-item').fill(code);
      await page.locator('.opt', { hasText: code }).first().waitFor();
      await page.keyboard.press('Enter');
      await settled(page);
    }
    /** click a cell of the first row (one click opens its editor), replace its text, Enter */
    const typeCell = async (grid: string, col: string, text: string) => {
      await page.locator(`${grid} .ag-row[row-index="0"] [col-id="${col}"]`).first().click();
      const input = page.locator(`${grid} .ag-cell-inline-editing input`);
      await input.waitFor();
      await input.fill(text);
      await page.keyboard.press('Enter');
      await settled(page);
    };
    const typeDown = async (col: string, values: string[]) => {
      await page.locator(`#op-stock .ag-row[row-index="0"] [col-id="${col}"]`).first().click();
      for (const v of values) {
        await page.keyboard.type(v, { delay: 40 });
        await page.keyboard.press('Enter');
        await settled(page);
      }
    };
    await page.locator('#op-stock .ag-row[row-index="2"]').first().waitFor();
    await page.keyboard.press('Escape');
    await typeDown('qty', ['100', '3', '50']);
    await typeDown('amountFen', ['5200', '10', '925']);
    const rows = await gridRows(page, '#op-stock');
    expect(rows.slice(0, 3).map((r) => [r.cells.code, r.cells.qty, r.cells.amountFen, r.cells.unitCost])).toEqual([
      ['CZ-8801', '100', '5,200.00', '52.00'],
      ['CZ-8802', '3', '10.00', '≈3.3333'],
      ['WY-4001', '50', '925.00', '18.50'],
    ]);
    await page.screenshot({ path: join(SHOTS, 'opening-stock-entered.png') });
    await page.keyboard.press('F9');
    await page.locator('.dialog').waitFor();
    await page.locator('#op-manager').fill('张伟');
    await page.locator('#op-pin').fill('1111');
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page.locator('.notice', { hasText: '已入账' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'opening-stock-posted.png') });
    const status = await manager('opening.status', {});
    expect(status.stock?.lines.map((l) => [l.itemCode, l.qty, l.amountFen])).toEqual([
      ['CZ-8801', 100, 520_000],
      ['CZ-8802', 3, 1000],
      ['WY-4001', 50, 92_500],
    ]);

    // a receivable of 40 days ago
    await page.locator('.acct-tabs .btn', { hasText: '应收' }).click();
    await settled(page);
    await page.locator('.toolbar input').last().fill('KH002');
    await page.locator('.opt').first().waitFor();
    await page.keyboard.press('Enter');
    await settled(page);
    await typeCell('#op-recv', 'saleDate', '2026-10-20');
    await typeCell('#op-recv', 'docRef', '旧FH-0088');
    await typeCell('#op-recv', 'amountFen', '1200');
    await page.keyboard.press('F9');
    await poll(async () => (await manager('opening.status', {})).receivables.length).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'opening-receivables.png') });
    const aging = await manager('receivables.aging', { customerIds: [desk.customerId('KH002')] });
    expect((await manager('opening.status', {})).receivables.map((r) => [r.saleDate, r.docRef, r.amountFen])).toEqual([['2026-10-20', '旧FH-0088', 120_000]]);
    expect(aging.asOf).toBe('2026-11-29');
    expect(aging.buckets[1]).toMatchObject({ fromDays: 31, toDays: 60 });
    expect(aging.rows[0].buckets).toEqual([0, 120_000, 0, 0, 0]);

    // the cash account's opening
    await page.locator('.acct-tabs .btn', { hasText: '资金' }).click();
    await settled(page);
    await typeCell('#op-cash', 'amountFen', '800');
    await page.keyboard.press('F9');
    await poll(async () => (await manager('cash.accounts', {})).find((a) => a.account === 'cash')?.balanceFen).toBe(80_000);
    await page.screenshot({ path: join(SHOTS, 'opening-cash.png') });

    // the first close: the screen says so, the core refuses
    const finance = await desk.as('刘洋');
    await finance('dayClose.close', {
      date: '2026-11-29',
      counts: { '10000': 8 },
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: '刘洋', pin: '2222' },
      statistician: { user: '陈静', pin: '3333' },
    } as never);
    await page.reload();
    await page.locator('.notice', { hasText: '已日结, 期初建账已结束' }).waitFor();
    expect(await page.locator('#op-cash').count()).toBe(0);
    await page.locator('.acct-tabs .btn', { hasText: '库存' }).click();
    await settled(page);
    expect(await page.locator('.btn', { hasText: '经理签字入账' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'opening-closed.png') });
    const refused = await desk.core.call('opening.setCash', { lines: [{ account: 'bank', amountFen: 100 }] }, { sessionToken: await desk.tokenOf('刘洋') });
    expect(refused.ok ? null : refused.error.code).toBe('opening_closed');
    expect(verifyBooks(desk.core.db).problems).toEqual([]);
    expect(desk.pageErrors).toEqual([]);
  });
});
