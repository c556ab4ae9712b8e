// HID-POS scanners in browser mode, in real Chromium: the server owns a (fake) scanner, replays
// recorded 64-byte reports through the same parser and hub as a real one, and pushes each scan to
// the page by Server-Sent Events; the inbound slip's lines count them as they count wedge scans.
// Honeywell and Newland layouts, a GS1 DataMatrix on a case (its GTIN-14 is the case barcode: 12 a
// case), an unplug / replug on another path without a restart; on the 扫描枪 tab, the scanners'
// states, the choice of scanner and the test scan (a QR continued over two reports arrives whole).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHidTransport } from '../../electron/devices/hid/fake';
import { ScannerHub } from '../../electron/devices/hid/scanners';
import { GS1_CASE_GTIN, HONEYWELL_EAN13, HONEYWELL_GS1_DATAMATRIX, NEWLAND_EAN13, NEWLAND_QR_CONTINUED, QR_TEXT } from '../devices/reports';
import { NO_CHROMIUM, login, nav, preparer, qtyByCode, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const HW = '/dev/hidraw4';
const NL = '/dev/hidraw5';
const fake = new FakeHidTransport();
const hub = new ScannerHub(fake, { officeYear: () => 2026 });
let desk: Desk;

describe.skipIf(!!NO_CHROMIUM)('HID-POS scans pushed to the page', () => {
  beforeAll(async () => {
    fake.plug({ path: HW, serialNumber: 'HW1' });
    fake.plug({ path: NL, vendorId: 0x1eab, productId: 0x1d06, product: 'NLS-HR32' });
    await hub.poll();
    desk = await startDesk({
      name: 'hid',
      scans: hub,
      prepare: async (core) => {
        const as = preparer(core, 'hid');
        const item = (await as('王强', 'items.findByBarcode', { code: '6923456000100' })).item;
        await as('王强', 'items.linkBarcode', { itemId: item.id, code: GS1_CASE_GTIN, packQty: 12 });
      },
    });
  });
  afterAll(async () => {
    hub.close();
    await desk?.close();
  });

  it('reports from both layouts and a GS1 DataMatrix land on the inbound slip; replug keeps working', async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await nav(page, tr('zh', 'nav.inbound'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/inbound\/new$/);
    await settled(page);

    fake.replay(HW, HONEYWELL_EAN13);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '1' });
    fake.replay(NL, NEWLAND_EAN13);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '2' });
    fake.replay(HW, HONEYWELL_GS1_DATAMATRIX);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '14' });

    // pulled out, plugged into another port: found by the next poll, no restart
    fake.unplug(HW);
    fake.plug({ path: '/dev/hidraw9', serialNumber: 'HW1' });
    await hub.poll();
    fake.replay('/dev/hidraw9', HONEYWELL_EAN13);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '15' });
    await poll(() => page.locator('.scan-waiting').count()).toBe(0);
    expect(desk.pageErrors).toEqual([]);
  });

  it('扫描枪 tab: scanners found with their status in plain words, choose one, test scan shows code, symbology, GS1 and item', async () => {
    const { page } = desk;
    fake.plug({ path: '/dev/hidraw6', vendorId: 0x05e0, productId: 0x1200, product: 'Symbol LS2208' }, 'cannot open device with path /dev/hidraw6');
    fake.plug({ path: '/dev/hidraw1', vendorId: 0x1eab, productId: 0x0d10, product: 'Newland keyboard', usagePage: 0x01, usage: 0x06 });
    await hub.poll();
    await page.keyboard.press('F4'); // the slip is kept as a draft
    await switchUser(page, '张伟');
    await nav(page, tr('zh', 'nav.printSettings'));
    await page.getByTestId('print-tab-scanners').click();
    await page.getByTestId('scanners-screen').waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => `${r.cells.state}|${r.cells.path}`).sort(), [
      '可用|/dev/hidraw5',
      '可用|/dev/hidraw9',
      '打不开|/dev/hidraw6',
      '键盘模式|/dev/hidraw1',
    ]);
    await page.locator('.notice', { hasText: '/dev/hidraw6' }).filter({ hasText: 'ATTRS{idVendor}=="05e0"' }).waitFor();
    await page.locator('.notice', { hasText: '/dev/hidraw1' }).filter({ hasText: 'HID-POS 设置码' }).waitFor();

    // test scan: a GS1 DataMatrix from the Honeywell scanner
    fake.replay('/dev/hidraw9', HONEYWELL_GS1_DATAMATRIX);
    await page.getByTestId('test-scan-code').filter({ hasText: GS1_CASE_GTIN }).waitFor();
    expect(await page.getByTestId('test-scan-symbology').textContent()).toBe('gs1-datamatrix');
    expect(await page.getByTestId('test-scan-gs1').textContent()).toBe(`GTIN ${GS1_CASE_GTIN} · 批号 LOT42 · 有效期至 2027-06-30 · 序列号 SN7`);
    await page.getByTestId('test-scan-item').filter({ hasText: '每扫一次 12' }).waitFor();

    // this desk uses the Newland scanner only: the Honeywell's scans reach no screen, the tab says so
    await page.locator('.ag-row', { hasText: '/dev/hidraw5' }).locator('[col-id="name"]').click();
    await page.locator('.ag-row-selected', { hasText: '/dev/hidraw5' }).first().waitFor();
    await settled(page);
    await page.keyboard.press('F2');
    await page.locator('.ag-row', { hasText: '/dev/hidraw5' }).locator('[col-id="used"]', { hasText: '✔' }).waitFor();
    fake.replay('/dev/hidraw9', HONEYWELL_EAN13);
    await page.locator('.test-scan', { hasText: '未被本机选用' }).waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? desk.dir}/scanners-tab.png` });
    fake.replay(NL, NEWLAND_EAN13);
    await page.getByTestId('test-scan-code').filter({ hasText: '6923456000100' }).waitFor();
    await poll(() => page.locator('.test-scan', { hasText: '未被本机选用' }).count()).toBe(0);
    // a code continued over two reports arrives whole
    fake.replay(NL, NEWLAND_QR_CONTINUED);
    await page.getByTestId('test-scan-code').filter({ hasText: QR_TEXT }).waitFor();
    expect(await page.getByTestId('test-scan-symbology').textContent()).toBe('qr');
    await page.keyboard.press('F4'); // back to every scanner
    await page.locator('[col-id="used"]', { hasText: '✔' }).waitFor({ state: 'detached' });
    expect(desk.pageErrors).toEqual([]);
  });
});
