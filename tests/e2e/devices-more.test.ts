// Devices, second round, in real Chromium. GS1 element strings on the scan path: a keyboard-wedge scanner typing a GS1-128
// (its AIM id ]C1, FNC1 as Ctrl+]) on a dispatch adds the AI 30 count, shows batch and expiry, and
// warns when the expiry has passed; one without an AIM id reads the same; a broken one is refused
// in words with nothing added. A HID-POS (fake, Newland layout) logistic label (AI 02 + 37) on a
// count's entry adds its 37 count and shows its batch. The report layout chosen by hand on the
// 扫描枪 tab for a Youjie scanner (its own vendor id, Newland's reports), kept after a reload. The
// 小票打印机 tab's live status of a loopback printer that answers DLE EOT, following it as it runs out
// of paper and is gone.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHidTransport } from '../../electron/devices/hid/fake';
import { ScannerHub } from '../../electron/devices/hid/scanners';
import { NEWLAND_EAN13, NEWLAND_GS1_128_LOGISTIC } from '../devices/reports';
import { statusPrinter, type LiveAnswer } from '../helpers/fake-printer';
import { NO_CHROMIUM, login, nav, preparer, qtyByCode, scan, scanPanelText, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const GS = '\x1d';
const NL = '/dev/hidraw5';
const YJ = '/dev/hidraw7';
const fake = new FakeHidTransport();
const hub = new ScannerHub(fake, { officeYear: () => 2026 });
let desk: Desk;
let countId = 0;
const answer: LiveAnswer = { 1: 0x12, 2: 0x12, 4: 0x12 };
let printer: Awaited<ReturnType<typeof statusPrinter>>;

describe.skipIf(!!NO_CHROMIUM)('GS1 scans', () => {
  beforeAll(async () => {
    fake.plug({ path: NL, vendorId: 0x1eab, productId: 0x1d06, product: 'NLS-HR32' });
    await hub.poll();
    printer = await statusPrinter(answer);
    desk = await startDesk({
      name: 'gs1',
      scans: hub,
      prepare: async (core) => {
        const as = preparer(core, 'gs1');
        const item = (await as('王强', 'items.findByBarcode', { code: '6923456000100' })).item;
        countId = (await as('王强', 'counts.create', { kind: 'weekly', selection: { by: 'items', itemIds: [item.id] } })).id;
        await as('张伟', 'receipts.savePrinter', { name: '收银台小票机', transport: 'tcp', address: printer.address, width: 48 });
      },
    });
  });
  afterAll(async () => {
    hub.close();
    await printer?.close();
    await desk?.close();
  });

  it('wedge GS1-128 on a dispatch: count added, batch and expiry shown, expired warned, broken refused', async () => {
    const { page } = desk;
    await login(page, desk, '赵丽');
    await nav(page, tr('zh', 'nav.dispatch'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/dispatch\/new$/);
    await settled(page);

    // ]C1 (01) CZ-8801 (17) 2020-01-01 (10) LOTX GS (30) 5: expired
    await scan(page, `]C10106923456000100` + `17200101` + `10LOTX${GS}305`);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '5' });
    await page.locator('.scan-panel.scan-warn').waitFor();
    const warned = await scanPanelText(page);
    expect(warned).toContain('+5');
    expect(warned).toContain('批号 LOTX');
    expect(warned).toContain('有效期至 2020-01-01');
    expect(warned).toContain('已过期');

    // no AIM id: (01) (17) 2035-12-31 (30) 2 — in date
    await settled(page);
    await scan(page, `0106923456000100` + `17351231` + `302`);
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '7' });
    await page.locator('.scan-panel.scan-ok').waitFor();
    expect(await scanPanelText(page)).toContain('有效期至 2035-12-31');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? desk.dir}/gs1-dispatch.png` });

    // a GTIN with a wrong check digit: refused in words, nothing added
    await settled(page);
    await scan(page, `]C10106923456000101` + `302`);
    await page.locator('.scan-panel.scan-bad').waitFor();
    expect(await scanPanelText(page)).toContain('GTIN 校验位不对');
    await waitForGrid(page, qtyByCode(), { 'CZ-8801': '7' });
    await poll(() => page.locator('.scan-waiting').count()).toBe(0);
    expect(desk.pageErrors).toEqual([]);
  });

  it('HID-POS logistic label (02 + 37) on a count adds its count and shows its batch', async () => {
    const { page } = desk;
    await page.keyboard.press('F4'); // the dispatch is kept as a draft
    await switchUser(page, '王强');
    await page.goto(`${desk.web.url}#/counts/${countId}`);
    await page.getByTestId('count-last-scan').waitFor();
    await settled(page);
    fake.replay(NL, NEWLAND_GS1_128_LOGISTIC);
    await waitForGrid(page, qtyByCode('countedQty'), { 'CZ-8801': '24' });
    await poll(() => page.getByTestId('count-last-scan').textContent()).toBe('刚扫描: 06923456000100 × 24 · 批号 L9');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? desk.dir}/gs1-count.png` });
    expect(desk.pageErrors).toEqual([]);
  });

  it('扫描枪 tab: a Youjie scanner read as Newland once chosen so, kept after a reload', async () => {
    const { page } = desk;
    fake.plug({ path: YJ, vendorId: 0x1d82, productId: 0x5ca0, product: 'Youjie YJ4600', serialNumber: 'YJ1' });
    await hub.poll();
    await switchUser(page, '张伟');
    await nav(page, tr('zh', 'nav.printSettings'));
    await page.getByTestId('print-tab-scanners').click();
    await page.getByTestId('scanners-screen').waitFor();
    const row = page.locator('.ag-row', { hasText: YJ });
    await row.locator('[col-id="layout"]', { hasText: '霍尼韦尔式' }).waitFor();
    await row.locator('[col-id="name"]').click();
    await page.getByTestId('scanner-layout').selectOption('newland');
    await row.locator('[col-id="layout"]', { hasText: '新大陆 / 优解式 (手动)' }).waitFor();
    fake.replay(YJ, NEWLAND_EAN13);
    await page
      .getByTestId('test-scan-code')
      .filter({ hasText: /^6923456000100$/ })
      .waitFor();
    expect(await page.getByTestId('test-scan-symbology').textContent()).toBe('ean13');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? desk.dir}/scanners-layout.png` });

    // a new hub (the server restarted) reads it as its maker says until this desk tells it again
    hub.setLayout('7554:23712:YJ1', 'auto');
    await page.reload();
    await page.getByTestId('scanners-screen').waitFor();
    await page.locator('.ag-row', { hasText: YJ }).locator('[col-id="layout"]', { hasText: '(手动)' }).waitFor();
    expect(hub.state().scanners.find((x) => x.path === YJ)?.layoutChoice).toBe('newland');
    expect(desk.pageErrors).toEqual([]);
  });

  it('小票打印机 tab: the printer’s live status in plain words, following it; the network search offered', async () => {
    const { page } = desk;
    await page.getByTestId('print-tab-receipts').click();
    const live = page.getByTestId('printer-live-status');
    await poll(() => live.getAttribute('data-status'), 10_000).toBe('online');
    expect(await live.textContent()).toContain('在线, 可以打印');
    answer[4] = 0x1e; // the roll nearly at its end
    await poll(() => live.getAttribute('data-status'), 10_000).toBe('paper_near_end');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? desk.dir}/receipt-printer-status.png` });
    Object.assign(answer, { 1: 0x1a, 2: 0x36, 4: 0x72 }); // out of paper, cover open too: paper first
    await poll(() => live.getAttribute('data-status'), 10_000).toBe('paper_out');
    expect(await live.textContent()).toContain('缺纸');
    await printer.close();
    await poll(() => live.getAttribute('data-status'), 10_000).toBe('unreachable');
    await page.getByTestId('printer-edit').click();
    await page.getByTestId('network-search-start').waitFor();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? desk.dir}/receipt-printer-dialog.png` });
    expect(desk.pageErrors).toEqual([]);
  });
});
