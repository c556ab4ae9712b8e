// 小票打印机 (issue #13) in Chromium at 1366×768, browser mode: the manager opens the second tab of
// 打印设置, adds a network printer (a real TCP server on loopback started here), names this desk and
// chooses it, test-prints (the server reads back 打印测试 in GBK; the row says 正常), sees the preview
// drawn by the same builder; with the printer gone the test print says so in plain words with 重试.
// Screenshots to look at.

import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escposText } from '../helpers/escpos';
import { fakePrinter, type FakePrinter } from '../helpers/fake-printer';
import { NO_CHROMIUM, login, nav, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.RECEIPT_SHOTS ?? join(tmpdir(), 'desk-receipt-shots');
let desk: Desk;
let printer: FakePrinter;

describe.skipIf(!!NO_CHROMIUM)('receipt printers from the screen, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    printer = await fakePrinter([0x12, 0x12]);
    desk = await startDesk({ name: 'receipt-printers' });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await printer?.close();
  });

  it('adds a printer, chooses it for this desk, test-prints and previews; an unreachable printer says so with retry', { timeout: 180_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '张伟');
    await nav(page, tr('zh', 'nav.printSettings'));
    await page.locator('[data-testid=print-tab-receipts]').click();
    await page.locator('[data-testid=receipt-printers-screen]').waitFor();

    await page.locator('[data-testid=printer-add]').click();
    await page.locator('[data-testid=printer-name]').fill('前台小票机');
    await page.locator('[data-testid=printer-transport]').selectOption('tcp');
    await page.locator('[data-testid=printer-address]').fill('not an address');
    await page.keyboard.press('Enter');
    await page.locator('.dialog .error-line', { hasText: '打印机地址' }).waitFor();
    await page.locator('[data-testid=printer-address]').fill(printer.address);
    await page.locator('[data-testid=printer-width]').selectOption('32');
    await page.keyboard.press('Enter');
    await page.locator('.notice', { hasText: '打印机「前台小票机」已保存' }).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.name, r.cells.kind, r.cells.width]), [
      ['前台小票机', '网络打印机 (网口/Wi-Fi)', '58 mm (32 列)'],
    ]);

    await page.locator('[data-testid=desk-name]').fill('收银台');
    await page.locator('[data-testid=desk-printer-select]').selectOption({ label: '前台小票机' });
    await page.locator('[data-testid=desk-printer-save]').click();
    await page.locator('.notice', { hasText: '「收银台」的小票打印机: 前台小票机' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('branch-desk.desk'))).toBe('收银台');

    await page.locator('[data-testid=printer-test]').click();
    await page.locator('.notice', { hasText: '测试页已发送到「前台小票机」' }).waitFor();
    await poll(() => printer.jobs().length).toBe(1);
    expect(escposText(printer.jobs()[0])).toContain('打印测试');
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.status), ['正常']);
    await page.locator('[data-testid=receipt-preview] img').waitFor();
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'receipt-printers.png') });

    await printer.close();
    await page.locator('[data-testid=printer-test]').click();
    await page.locator('.error-line', { hasText: '连接不上' }).waitFor();
    await page.locator('[data-testid=printer-retry]').waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.status), ['失败']);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'receipt-printers-away.png') });
  });

  it(
    'finance prints the cash receipt of a collection from the cash journal, on this desk’s printer; the second print says 补打',
    { timeout: 180_000 },
    async () => {
      const { page } = desk;
      const front = await fakePrinter([0x12, 0x12]);
      try {
        const manager = await desk.as('张伟');
        const pr = await manager('receipts.savePrinter', { name: '收银小票机', transport: 'tcp', address: front.address, width: 48 });
        await manager('receipts.setDeskPrinter', { desk: '收银台', printerId: pr.id });
        const finance = await desk.as('刘洋');
        const customerId = (await finance('customers.list', {})).rows[0].id;
        const { voucher } = await finance('receivables.collect', { customerId, account: 'cash', amountFen: 88_800 });

        await switchUser(page, '刘洋');
        await nav(page, tr('zh', 'nav.journal'));
        await page.locator('.ag-row', { hasText: voucher.voucherNo }).locator('[col-id=summary]').click();
        await page.locator('[data-testid=receipt-cashReceipt] button', { hasText: '打印小票' }).click();
        await page.locator('[data-testid=receipt-cashReceipt] .notice', { hasText: `收款收据 ${voucher.voucherNo}, 第 1 次` }).waitFor();
        await poll(() => front.jobs().length).toBe(1);
        const text = escposText(front.jobs()[0]);
        expect(text.some((l) => l.startsWith('金额') && l.endsWith('￥888.00'))).toBe(true);
        await settled(page);
        await page.screenshot({ path: join(SHOTS, 'cash-receipt-printed.png') });

        await page.locator('[data-testid=receipt-cashReceipt] button', { hasText: '补打小票' }).click();
        await page.locator('[data-testid=receipt-cashReceipt] .notice', { hasText: '第 2 次' }).waitFor();
        await poll(() => front.jobs().length).toBe(2);
        expect(escposText(front.jobs()[1])).toContain('补打(第2次打印)');
      } finally {
        await front.close();
      }
    },
  );
});
