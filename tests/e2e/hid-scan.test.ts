// HID-POS scanners in browser mode, in real Chromium: the server owns a (fake) scanner, replays
// recorded 64-byte reports through the same parser and hub as a real one, and pushes each scan to
// the page by Server-Sent Events; the inbound slip's lines count them as they count wedge scans.
// Honeywell and Newland layouts, a code continued over reports is not needed here (see
// tests/devices), a GS1 DataMatrix on a case (its GTIN-14 is the case barcode: 12 a case), and an
// unplug / replug on another path without a restart.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHidTransport } from '../../electron/devices/hid/fake';
import { ScannerHub } from '../../electron/devices/hid/scanners';
import { GS1_CASE_GTIN, HONEYWELL_EAN13, HONEYWELL_GS1_DATAMATRIX, NEWLAND_EAN13 } from '../devices/reports';
import { NO_CHROMIUM, login, nav, preparer, qtyByCode, settled, startDesk, tr, waitForGrid, type Desk } from './harness';
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
});
