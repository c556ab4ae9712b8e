// Bench of a HID-POS scan in real Chromium (browser mode): from the moment the server's (fake)
// scanner hands over its 64-byte report to the animation frame that shows the line on the inbound
// slip — parse, hub, Server-Sent Event, the page's scan bus, the line scanner (items.findByBarcode
// over /rpc), React, ag-grid. The report time is taken in Node and the frame in the page, both as
// wall-clock time (performance.timeOrigin + performance.now(), one machine, one clock).
// Target: ≤ 50 ms.
//
//   npx tsx tests/bench/hid.ts   (prints the table; benchHid() for run.ts)

import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { FakeHidTransport } from '../../electron/devices/hid/fake';
import { ScannerHub } from '../../electron/devices/hid/scanners';
import { CHROMIUM, NO_CHROMIUM, login, settled, startDesk } from '../e2e/harness';
import { HONEYWELL_EAN13 } from '../devices/reports';
import { buildReports } from '../../electron/devices/hid/report';
import { arm, chromiumTable, collect, type ChromiumBenchRow } from './chromium';
import { median, percentile } from './stats';

const SCANS = 30;
const HW = '/dev/hidraw4';
const TARGET_MS = 50;

export async function benchHid(): Promise<ChromiumBenchRow[]> {
  if (!CHROMIUM) return [{ name: 'chromium: HID scan skipped', medianMs: NaN, notes: NO_CHROMIUM, note: NO_CHROMIUM }];
  const fake = new FakeHidTransport();
  fake.plug({ path: HW });
  const hub = new ScannerHub(fake);
  await hub.poll();
  const desk = await startDesk({ name: 'bench-hid', wedgeTrace: false, checkOutputs: false, scans: hub });
  try {
    const { page } = desk;
    await login(page, desk, '王强');
    await page.goto(`${desk.web.url}#/inbound/new`);
    await page.locator('.slip-header').waitFor();
    await settled(page);
    const origin = await page.evaluate(() => performance.timeOrigin);
    /** scans SCANS times, the line's quantity counting on from `from`; ms from report to frame */
    const measure = async (reports: Buffer[], from: number) => {
      const times: number[] = [];
      for (let i = 1; i <= SCANS; i++) {
        await arm(page, 'qty', { code: 'CZ-8801', qty: String(from + i) });
        const sent = performance.timeOrigin + performance.now();
        fake.replay(HW, reports);
        const { frame } = await collect(page);
        times.push(origin + frame - sent);
        await new Promise((r) => setTimeout(r, 60));
      }
      return times;
    };
    const row = (name: string, times: number[], notes: string): ChromiumBenchRow => {
      const rest = times.slice(1);
      return {
        name,
        medianMs: median(rest),
        p95Ms: percentile(rest, 95),
        targetMs: TARGET_MS,
        notes: `${rest.length} ${notes}`,
        note: `${rest.length} ${notes}`,
      };
    };
    const ean = await measure(HONEYWELL_EAN13, 0);
    // a GS1 DataMatrix of the same item: the page has the core read it (scans.read) before the lookup
    const gs1 = await measure(buildReports('honeywell', ']d2', Buffer.from('0106923456000100' + '17270630' + '10LOT42')), SCANS);
    return [
      row(
        'chromium: HID report → line on screen (inbound)',
        ean,
        `scans of a code on the slip (+1), fake Honeywell scanner → SSE → frame; the first (new line, lookup) ${ean[0].toFixed(1)} ms`,
      ),
      row('chromium: HID GS1 DataMatrix → line on screen (inbound)', gs1, 'GS1 scans (01 + 17 + 10), the same path plus scans.read over /rpc'),
    ];
  } finally {
    hub.close();
    await desk.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchHid()
    .then((rows) => console.log(chromiumTable(rows)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
