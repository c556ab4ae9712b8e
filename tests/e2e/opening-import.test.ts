// 期初库存 from Excel in Chromium (1366×768): 期初建账's 从Excel导入 opens the import screen with the
// opening stock chosen; a file with problems shows them in red; a clean one is imported with the
// manager's PIN (the opening slip is posted) and the opening screen shows it; the items grid shows 库位.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, login, nav, settled, startDesk, tr, type Desk } from './harness';
import { xlsxBase64 } from '../import/sheets';
import { poll } from './poll';

const STOCK = ['商品编码', '数量', '金额(元)', '单价(元)'];
let desk: Desk;
const shot = (name: string) => desk.page.screenshot({ path: `${process.env.SHOTS ?? '/tmp'}/openimp-${name}.png` });

describe.skipIf(!!NO_CHROMIUM)('opening stock from Excel in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'openimp' });
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('从Excel导入: problems in red, then a clean file imported with the manager’s PIN', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await page.setViewportSize({ width: 1366, height: 768 });
    await login(page, desk, '张伟');
    await page.goto(`${desk.web.url}#/opening`);
    await page
      .locator('.toolbar h1', { hasText: tr('zh', 'op.title') })
      .first()
      .waitFor();
    await page.locator('.btn', { hasText: tr('zh', 'op.fromExcel') }).click();
    await page
      .locator('.toolbar h1', { hasText: tr('zh', 'imp.title') })
      .first()
      .waitFor();
    expect(page.url()).toContain('#/import/openingStock');
    expect(await page.locator('select[aria-label="导入内容"]').inputValue()).toBe('openingStock');

    const file = page.getByTestId('import-file');
    const bad = await xlsxBase64([
      STOCK,
      ['CZ-8801', 100, '5200', ''],
      ['NO-SUCH', 5, '10', ''],
      ['CZ-8801', 1, '1', ''],
      ['CZ-8802', -3, '10.005', ''],
      ['WY-3001', 4, '30', '7'],
    ]);
    await file.setInputFiles({ name: '期初库存.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bad, 'base64') });
    await page.locator('.ag-cell.cell-bad').first().waitFor();
    expect(await page.locator('.ag-cell[col-id="problems"]').nth(1).textContent()).toContain('商品编码: 没有编码为「NO-SUCH」的商品');
    expect(await page.locator('.btn-primary', { hasText: tr('zh', 'imp.commit', { n: 5 }) }).isDisabled()).toBe(true);
    await settled(page);
    await shot('problems');

    const good = await xlsxBase64([STOCK, ['CZ-8801', 100, '5200', ''], ['CZ-8802', 3, '', '3.33'], ['WY-3001', 4, '28', '7']]);
    await file.setInputFiles({ name: '期初库存.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(good, 'base64') });
    const commit = page.locator('.btn-primary', { hasText: tr('zh', 'imp.commit', { n: 3 }) });
    await commit.waitFor();
    await poll(() => page.locator('.ag-cell.cell-bad').count()).toBe(0);
    await commit.click();
    await page.locator('#op-manager').fill('张伟');
    await page.locator('#op-pin').fill('1111');
    await settled(page);
    await shot('sign');
    await page.locator('.btn', { hasText: tr('zh', 'op.post') }).click();
    await page.locator('.notice', { hasText: tr('zh', 'imp.done', { n: 3 }) }).waitFor();

    await page.locator('.btn', { hasText: tr('zh', 'imp.toOpening') }).click();
    await page.locator('.notice', { hasText: '已入账: QC' }).waitFor();
    expect(await page.locator('.btn', { hasText: tr('zh', 'op.openSlip') }).count()).toBe(1);
    await settled(page);
    await shot('opening');

    // the opening slip: printed and reversed (红字) from its own view, by the manager
    await page.locator('.btn', { hasText: tr('zh', 'op.openSlip') }).click();
    await page
      .locator('.btn', { hasText: tr('zh', 'print.print') })
      .first()
      .waitFor();
    await poll(() => page.locator('.btn', { hasText: tr('zh', 'slip.reverse') }).count()).toBe(1);
    await settled(page);
    await shot('slip');
  });

  it('the items grid shows each item’s 库位', async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.items'));
    await page
      .locator('.ag-header-cell', { hasText: tr('zh', 'item.location') })
      .first()
      .waitFor();
    await page.locator('.ag-cell[col-id="location"]', { hasText: 'A-01-1' }).first().waitFor();
    await shot('items');
  });
});
