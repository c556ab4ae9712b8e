// 导入 and 导出 Excel in Chromium: a file with problems shows them in red and cannot be imported;
// a clean GBK CSV imports; the items grid downloads as an XLSX.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, login, nav, startDesk, tr, type Desk } from './harness';
import { gbkCsvBase64, xlsxBase64 } from '../import/sheets';

const HEADERS = ['商品编码', '品名', '规格', '单位', '单品条码', '箱条码', '每箱数量', '安全库存', '单价(元)'];
let desk: Desk;
const shot = (name: string) => desk.page.screenshot({ path: `${process.env.SHOTS ?? '/tmp'}/import-${name}.png` });

describe.skipIf(!!NO_CHROMIUM)('import and export in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'import' });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('marks problems in red, refuses to import them, then imports a clean GBK CSV', async () => {
    const { page } = desk;
    await login(page, desk, '张伟');
    await nav(page, tr('zh', 'nav.import'));
    const file = page.getByTestId('import-file');
    const badFile = await xlsxBase64([
      HEADERS,
      ['CZ-8801', '', '', '斤两', '6901234567893', '', null, null, '1.234'],
      ['N-2', '砖', '', '片', '', '', null, null, '2'],
    ]);
    await file.setInputFiles({ name: '商品.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(badFile, 'base64') });
    await page.locator('.ag-cell.cell-bad').first().waitFor();
    const bad = await page.locator('.ag-cell.cell-bad').evaluateAll((cells) => cells.map((c) => c.getAttribute('col-id')));
    expect(bad).toEqual(expect.arrayContaining(['rowNo', 'code', 'name', 'unit', 'unitBarcode']));
    expect(await page.locator('.ag-cell[col-id="problems"]').first().textContent()).toContain('单品条码: 「6901234567893」校验位应为 2');
    const commit = page.locator('.btn-primary', { hasText: tr('zh', 'imp.commit', { n: 2 }) });
    expect(await commit.isDisabled()).toBe(true);
    await shot('problems');

    const good = gbkCsvBase64([
      HEADERS,
      ['N-1', '新砖 一号', '600×600mm', '片', '6901234567892', '', null, null, '12.5'],
      ['N-2', '新砖 二号', '', '片', '', '', null, null, ''],
    ]);
    await file.setInputFiles({ name: '商品.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'base64') });
    await page.locator('.notice', { hasText: 'GBK' }).waitFor();
    expect(await page.locator('.ag-cell.cell-bad').count()).toBe(0);
    await shot('clean');
    await commit.click();
    await page.locator('.notice', { hasText: tr('zh', 'imp.done', { n: 2 }) }).waitFor();
  });

  it('导出 Excel on the items grid downloads an XLSX of what it shows', async () => {
    const { page } = desk;
    await nav(page, tr('zh', 'nav.items'));
    await page.locator('.grid-fill .ag-row').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.btn', { hasText: tr('zh', 'exp.button') }).click()]);
    expect(download.suggestedFilename()).toMatch(/^商品_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await shot('items');
  });
});
