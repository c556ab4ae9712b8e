// Where the user waits, on the bench office (10,000 items, 1,000,000 moves: a copy of the cached
// office tests/bench/run.ts generates), in browser mode in real Chromium, timed inside the page
// (event timestamps, MutationObserver, the next animation frame), never by wall clock around
// playwright calls:
//   - a scan on the inbound slip: from the scan's last key (Enter, stamped when the simulated
//     scanner sent it) to the frame that shows the line: a code new to the slip (items.findByBarcode
//     over /rpc, a new line) and a code already on it (+1 on its line). Target: median ≤ 50 ms.
//   - the items list: from the route change to the frame showing the first screenful of the
//     10,000 items with their stock on hand. Target: median ≤ 300 ms.
//   - a signed 20-line dispatch: from the click on 打印 to the PDF handed to its tab (the blob URL
//     the tab opens) and to the tab's document loaded. Target: median ≤ 500 ms to the tab.
//
//   npx tsx tests/bench/waits.ts [--small]   (prints the table; benchWaits(office) for run.ts)

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { sql } from '../../electron/store/db';
import { CHROMIUM, NO_CHROMIUM, ROOT, login, scan, settled, startDesk, switchUser, type Desk } from '../e2e/harness';
import { arm, chromiumTable, collect, instrument, lastKey, stat, type ChromiumBenchRow } from './chromium';
import { median, ms, nowMs } from './stats';

const NEW_CODES = 30;
const KNOWN_SCANS = 30;
const LIST_OPENS = 6;
const PRINTS = 6;
const DISPATCH_LINES = 20;

const step = (s: string) => process.stderr.write(`  waits: ${s}\n`);

/** The probe's frame, or an error naming what never showed (page.evaluate itself has no timeout). */
export async function frameOf(page: Page, what: string, waitMs = 20_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not on screen after ${waitMs} ms`)), waitMs)));
  try {
    return (await Promise.race([collect(page), late])).frame;
  } catch (e) {
    await page.screenshot({ path: join(ROOT, '.tmp', 'bench', 'waits-failed.png') });
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

// ------------------------------------------------------------------ in the page

/** Installed before the renderer's own scripts: every click, and when a PDF is handed to a tab (URL.createObjectURL of a PDF blob). */
function pdfStamps(): void {
  const w = window as unknown as { __pdfAt: number[]; __clickAt: number[] };
  w.__pdfAt = [];
  w.__clickAt = [];
  window.addEventListener('click', (e) => w.__clickAt.push(e.timeStamp), { capture: true });
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (o: Blob | MediaSource) => {
    if (o instanceof Blob && o.type === 'application/pdf') w.__pdfAt.push(performance.now());
    return create(o);
  };
}

/** Resolves with the first animation frame after the items grid shows a screenful of rows (row 12 has its code). */
const ITEM_ROWS_SRC = `function () {
  function ok() {
    var c = document.querySelector('.grid-fill .ag-row[row-index="12"] [col-id="code"]');
    return !!c && c.textContent.trim() !== '';
  }
  window.__probe = new Promise(function (resolve) {
    function done() {
      var dom = performance.now();
      requestAnimationFrame(function () { resolve({ dom: dom, frame: performance.now() }); });
    }
    if (ok()) return done();
    var mo = new MutationObserver(function () {
      if (ok()) { mo.disconnect(); done(); }
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}`;

// ------------------------------------------------------------------ scanning

/** `n` unit barcodes of items spread over the office, with their item codes. */
function someCodes(desk: Desk, n: number): { code: string; itemCode: string }[] {
  const total = sql(desk.core.db, 'SELECT COUNT(*) FROM items').pluck().get() as number;
  const step = Math.max(1, Math.floor(total / n));
  return sql(
    desk.core.db,
    `SELECT b.code, i.code AS itemCode FROM item_barcodes b JOIN items i ON i.id = b.item_id
     WHERE b.pack_qty = 1 AND i.active = 1 AND i.id % ? = 0 ORDER BY i.id LIMIT ?`,
  ).all(step, n) as { code: string; itemCode: string }[];
}

async function scanBench(desk: Desk): Promise<ChromiumBenchRow[]> {
  const { page } = desk;
  const known: number[] = [];
  const fresh: number[] = [];
  const newSlip = async () => {
    await page.goto(`${desk.web.url}#/inbound`);
    await page.goto(`${desk.web.url}#/inbound/new`);
    await page.locator('.slip-header input.mono').waitFor();
    await settled(page);
  };
  let lost = 0;
  // one scan, timed from its Enter to the frame showing the line at `qty`. On a machine busy
  // enough to stretch a scan's key gaps beyond the wedge's limits the keys read as typing: that
  // scan is counted as lost (the dialog it may open is skipped) and made again.
  const timed = async (c: { code: string; itemCode: string }, qty: number): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      await arm(page, 'qty', { code: c.itemCode, qty: String(qty) });
      await scan(page, c.code, 8, 'sent');
      try {
        const frame = await frameOf(page, `scan ${c.code} → ${c.itemCode} × ${qty}`, attempt < 3 ? 5_000 : 20_000);
        const enter = await lastKey(page, 'Enter');
        await settled(page);
        await new Promise((r) => setTimeout(r, 60)); // the row flash starts; the next scan comes a moment later
        return frame - enter;
      } catch (e) {
        if (attempt >= 3) throw e;
        lost++;
        const dialog = page.locator('.dialog');
        if (await dialog.isVisible()) await dialog.getByRole('button', { name: /跳过此码/ }).click();
        await settled(page);
      }
    }
  };
  const codes = someCodes(desk, NEW_CODES + 1);
  if (codes.length < NEW_CODES + 1) throw new Error(`only ${codes.length} barcodes found`);
  step('scanning');
  await login(page, desk, '王强');
  await newSlip();
  await timed(codes[NEW_CODES], 1); // warm-up
  await timed(codes[NEW_CODES], 2);
  // codes new to the slip (a lookup each), ten per slip, three slips; then +1 on lines already there
  for (let s = 0; s < NEW_CODES / 10; s++) {
    await newSlip();
    for (const c of codes.slice(s * 10, s * 10 + 10)) fresh.push(await timed(c, 1));
  }
  const last = codes.slice(NEW_CODES - 10, NEW_CODES);
  for (let i = 0; i < KNOWN_SCANS; i++) known.push(await timed(last[i % 10], 2 + Math.floor(i / 10)));
  return [
    {
      name: 'chromium: scan → new line (lookup via /rpc)',
      ...stat(fresh),
      targetMs: 50,
      notes: `${fresh.length} scans of codes new to the slip: items.findByBarcode, then the line`,
    },
    {
      name: 'chromium: scan → +1 on its line (inbound)',
      ...stat(known),
      targetMs: 50,
      notes: `${known.length} scans of codes already on the slip; Enter → frame showing the new count${lost ? `; ${lost} scan(s) lost to machine load and made again` : ''}`,
    },
  ];
}

// ------------------------------------------------------------------ the items list

async function itemsBench(desk: Desk): Promise<ChromiumBenchRow[]> {
  const { page } = desk;
  const opens: number[] = [];
  const open = async (): Promise<number> => {
    await page.evaluate(() => (location.hash = '#/card'));
    await page.locator('.side-nav a.active', { hasText: '库存明细账' }).waitFor();
    await settled(page);
    await page.evaluate(`(${ITEM_ROWS_SRC})()`);
    const t0 = await page.evaluate(() => {
      const t = performance.now();
      location.hash = '#/items';
      return t;
    });
    const frame = await frameOf(page, 'items list rows');
    return frame - t0;
  };
  step('items list');
  await open(); // warm-up
  for (let i = 0; i < LIST_OPENS; i++) opens.push(await open());
  const shown = await page.locator('.toolbar').first().innerText();
  return [
    {
      name: 'chromium: items list, first rows',
      ...stat(opens),
      targetMs: 300,
      notes: `${opens.length} opens: route change → frame with a screenful of rows (${shown.replace(/\s+/g, ' ').slice(0, 40)})`,
    },
  ];
}

// ------------------------------------------------------------------ printing a signed dispatch

/** Signed 20-line dispatches (the manager and finance signed), made through the core. */
async function signedDispatches(desk: Desk, n: number): Promise<number[]> {
  const sales = await desk.as('赵丽');
  const stock = (await (await desk.as('张伟'))('stock.onHand', {})).rows.filter((r) => r.qty >= 10);
  const customerId = sql(desk.core.db, 'SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
  const ids: number[] = [];
  for (let k = 0; k < n; k++) {
    const lines = stock.slice(k * DISPATCH_LINES, (k + 1) * DISPATCH_LINES).map((r) => ({ itemId: r.itemId, qty: 1 + (r.itemId % 3) }));
    const d = await sales('slips.create', { kind: 'dispatch', customerId, paymentMode: 'cash', lines });
    await sales('slips.sign', { slipId: d.id, role: 'manager', user: '张伟', pin: '1111' });
    await sales('slips.sign', { slipId: d.id, role: 'finance', user: '刘洋', pin: '2222' });
    ids.push(d.id);
  }
  return ids;
}

/** Click 打印 on the slip; ms from the click to the PDF handed to the tab, and to the tab's document loaded. */
async function printOnce(desk: Desk, context: BrowserContext, slipId: number): Promise<{ blob: number; tab: number }> {
  const { page } = desk;
  await page.evaluate((id) => (location.hash = `#/slips/${id}`), slipId);
  const button = page.getByTestId('doc-print');
  await button.waitFor();
  await settled(page);
  const popup = context.waitForEvent('page');
  await button.click();
  const tab = await popup;
  await tab.waitForURL(/^blob:/);
  await tab.waitForLoadState('load');
  // epoch ms on both sides: the tab is another document with its own time origin
  const { click, handed } = await page.evaluate(() => {
    const w = window as unknown as { __pdfAt: number[]; __clickAt: number[] };
    return { click: performance.timeOrigin + w.__clickAt.at(-1)!, handed: performance.timeOrigin + w.__pdfAt.at(-1)! };
  });
  const loaded = await tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return performance.timeOrigin + (nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : performance.now());
  });
  await tab.close();
  await page.locator('[data-testid="doc-print"]:not([disabled])').waitFor(); // the print has finished on the page
  return { blob: handed - click, tab: loaded - click };
}

/**
 * Times every core call the browser makes through the web server, by method: wall time, and the
 * CPU this process spent meanwhile (the server side of an rpc; playwright's own share is small).
 */
function serverTimes(desk: Desk): (method: string, what?: 'wall' | 'cpu') => number[] {
  const times = new Map<string, number[]>();
  const core = desk.core as { callUnknown: Desk['core']['callUnknown'] };
  const callUnknown = core.callUnknown.bind(core);
  const add = (k: string, x: number) => times.set(k, [...(times.get(k) ?? []), x]);
  core.callUnknown = async (method, input, meta) => {
    const t0 = nowMs();
    const cpu0 = process.cpuUsage();
    try {
      return await callUnknown(method, input, meta);
    } finally {
      const cpu = process.cpuUsage(cpu0);
      add(`wall ${String(method)}`, nowMs() - t0);
      add(`cpu ${String(method)}`, (cpu.user + cpu.system) / 1000);
    }
  };
  return (method, what = 'wall') => times.get(`${what} ${method}`) ?? [];
}

async function printBench(desk: Desk): Promise<ChromiumBenchRow[]> {
  step('printing');
  const ids = await signedDispatches(desk, PRINTS + 1);
  const server = serverTimes(desk);
  const first = await printOnce(desk, desk.context, ids[0]); // the desk's first print since it started
  const blob: number[] = [];
  const tab: number[] = [];
  for (const id of ids.slice(1)) {
    const r = await printOnce(desk, desk.context, id);
    blob.push(r.blob);
    tab.push(r.tab);
  }
  return [
    {
      name: `chromium: print signed dispatch → PDF tab`,
      ...stat(tab),
      targetMs: 500,
      notes: `${tab.length} prints of ${DISPATCH_LINES}-line slips (4 copies, A5): click 打印 → the tab's PDF loaded; the first print after start ${ms(first.tab)}`,
    },
    {
      name: `chromium: print signed dispatch → PDF handed to tab`,
      ...stat(blob),
      notes: `click → recordPrint + render over /rpc, blob URL made; the first print after start ${ms(first.blob)}; in the core (median): documents.recordPrint ${ms(median(server('documents.recordPrint')))}, documents.render ${ms(median(server('documents.render')))} (CPU ${ms(median(server('documents.render', 'cpu')))})`,
    },
  ];
}

// ------------------------------------------------------------------ the bench

/** Scanning, the items list and printing on a copy of the office database at `office`. */
export async function benchWaits(office: string): Promise<ChromiumBenchRow[]> {
  if (!CHROMIUM) return [{ name: 'chromium (bench office): skipped', medianMs: NaN, notes: NO_CHROMIUM, note: NO_CHROMIUM }];
  const rows: ChromiumBenchRow[] = [];
  const desk = await startDesk({
    name: 'bench-waits',
    office,
    warmPrinting: true,
    wedgeTrace: false,
    checkOutputs: false,
    initScripts: [instrument, pdfStamps],
  });
  try {
    rows.push(...(await scanBench(desk)));
    await switchUser(desk.page, '张伟');
    rows.push(...(await itemsBench(desk)));
    rows.push(...(await printBench(desk)));
  } finally {
    await desk.close();
  }
  for (const r of rows) r.note = r.notes;
  return rows;
}

/** The newest cached bench office of a size (run `npm run bench` once to generate it). */
export function cachedOffice(size: 'full' | 'small'): string {
  const dir = join(ROOT, '.tmp', 'bench');
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`office-${size}-`) && f.endsWith('.sqlite'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files.length) throw new Error(`no cached ${size} bench office in ${dir}: run npm run bench first`);
  return files[0];
}

// ------------------------------------------------------------------ alone: npx tsx tests/bench/waits.ts

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const office = cachedOffice(process.argv.includes('--small') ? 'small' : 'full');
  console.log(`on ${office}`);
  benchWaits(office)
    .then((rows) => console.log(chromiumTable(rows)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
