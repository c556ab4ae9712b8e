// Bench of the renderer in real Chromium (Debian's /usr/bin/chromium through playwright-core)
// against browser mode, timed inside the page (event timestamps, MutationObserver, the next
// animation frame), never by wall clock around playwright calls:
//   - (scanning, the items list and printing are timed on the bench office: tests/bench/waits.ts)
//   - the stock card of an item with 100,000 moves: from the route change to the frame showing
//     the first screenful of rows (target ≤ 300 ms), and Ctrl+End: from the key to the frame
//     showing the closing balance (期末结存), read with the backward cursor: one request for the
//     last page, whatever the card's length (target ≤ 300 ms).
// The 100,000 moves are written straight into SQLite through the books (createSlip / signSlip /
// postSlip with a WriteCtx, big transactions, synchronous=OFF), like tests/bench/generate.ts.
//
//   npx tsx tests/bench/chromium.ts [scan|card]   (prints the table; benchChromium() for run.ts)

import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Core } from '../../electron/core';
import { createSlip, postSlip, signSlip, type SlipWriter } from '../../electron/domains/slips/service';
import { sql } from '../../electron/store/db';
import type { Role } from '../../shared/roles';
import { CHROMIUM, NO_CHROMIUM, login, settled, startDesk, type Desk } from '../e2e/harness';
import { median, ms, nowMs, percentile, table } from './stats';

export interface ChromiumBenchRow {
  name: string;
  medianMs: number;
  p95Ms?: number;
  targetMs?: number;
  notes?: string;
  /** the same text as notes, under the name tests/bench/run.ts prints */
  note?: string;
}

const CARD_MOVES = 100_000;
const CARD_OPENS = 5;
const CARD_ENDS = 3;

// ------------------------------------------------------------------ in the page

/** Installed before the renderer's own scripts: the time of every keydown (before the wedge swallows it). */
export function instrument(): void {
  const w = window as unknown as { __keys: { key: string; ctrl: boolean; t: number }[] };
  w.__keys = [];
  window.addEventListener('keydown', (e) => w.__keys.push({ key: e.key, ctrl: e.ctrlKey, t: e.timeStamp }), { capture: true });
}

type Probe = 'qty' | 'cardRows' | 'closing';

/**
 * Arm a watcher in the page: resolves with the time of the first animation frame after the DOM
 * shows what `probe` waits for ('qty': the row of item `code` shows `qty` in column `col`, default
 * the slips' qty). Collect it with `collect`.
 */
export async function arm(page: Page, probe: Probe, arg: { code?: string; qty?: string; col?: string } = {}): Promise<void> {
  // page code as text: tsx (esbuild keepNames) would wrap named inner functions in a __name helper
  // the page does not have
  await page.evaluate(`(${ARM_SRC})(${JSON.stringify(probe)}, ${JSON.stringify(arg)})`);
}

const ARM_SRC = `function (probe, arg) {
  function ok() {
    var grid = document.querySelector('.grid-fill');
    if (!grid) return false;
    if (probe === 'qty') {
      var rows = grid.querySelectorAll('.ag-row');
      for (var i = 0; i < rows.length; i++) {
        var c = rows[i].querySelector('[col-id="itemCode"]');
        if (c && c.textContent.trim() === arg.code) {
          var q = rows[i].querySelector('[col-id="' + (arg.col || 'qty') + '"]');
          return !!q && q.textContent.trim() === arg.qty;
        }
      }
      return false;
    }
    if (probe === 'cardRows') {
      var n = grid.querySelector('.ag-row[row-index="12"] [col-id="slipNo"]');
      return !!n && n.textContent.trim() !== '';
    }
    var cells = grid.querySelectorAll('.ag-row [col-id="summary"]');
    for (var j = 0; j < cells.length; j++) if (cells[j].textContent.trim() === '期末结存') return true;
    return false;
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

export async function collect(page: Page): Promise<{ dom: number; frame: number }> {
  return page.evaluate(() => (window as unknown as { __probe: Promise<{ dom: number; frame: number }> }).__probe);
}

/** The timestamp of the last keydown of `key` (with Ctrl when asked). */
export async function lastKey(page: Page, key: string, ctrl = false): Promise<number> {
  return page.evaluate(
    ({ key, ctrl }) => {
      const ks = (window as unknown as { __keys: { key: string; ctrl: boolean; t: number }[] }).__keys;
      for (let i = ks.length - 1; i >= 0; i--) if (ks[i].key === key && ks[i].ctrl === ctrl) return ks[i].t;
      throw new Error(`no ${key} keydown recorded`);
    },
    { key, ctrl },
  );
}

// ------------------------------------------------------------------ 100,000 moves on one item

/** Inbound slips of 100 lines × 10 and dispatches of 20 lines × 10 of CZ-8801, spread over this year. */
function writeMoves(core: Core, moves: number): { itemId: number; moves: number; seconds: number } {
  const t0 = nowMs();
  const db = core.db;
  const one = <T>(q: string, ...a: unknown[]) =>
    sql(db, q)
      .pluck()
      .get(...a) as T;
  const itemId = one<number>("SELECT id FROM items WHERE code = 'CZ-8801'");
  const supplierId = one<number>('SELECT id FROM suppliers ORDER BY id LIMIT 1');
  const customers = sql(db, 'SELECT id FROM customers ORDER BY id').pluck().all() as number[];
  const user = (role: Role) =>
    sql(db, 'SELECT u.id, u.name FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? ORDER BY u.id LIMIT 1').get(role) as {
      id: number;
      name: string;
    };
  const keeper = user('keeper');
  const sales = user('sales');
  const manager = { ...user('manager'), roles: ['manager'] as Role[] };
  const finance = { ...user('finance'), roles: ['finance'] as Role[] };

  // from 1 January (Shanghai) of this year to now: the card's default range shows all of them
  const now = Date.now();
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  const start = Date.parse(`${year}-01-01T01:00:00Z`);
  const cycles = Math.ceil(moves / 200);
  const step = Math.max(1, Math.floor((now - 3600_000 - start) / (cycles * 6)));
  let t = start;
  const ctx = (id: number, roles: Role[]): SlipWriter => {
    t += step;
    const iso = new Date(t).toISOString();
    return { db, nowIso: iso, businessDate: new Date(t + 8 * 3600_000).toISOString().slice(0, 10), actor: { id, roles } };
  };
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  let c = 0;
  for (let done = 0; done < cycles;) {
    db.transaction(() => {
      for (let k = 0; k < 25 && done < cycles; k++, done++) {
        const inLines = Array.from({ length: 100 }, (_, i) => ({ itemId, qty: 10, unitCostFen: 5100 + ((done * 7 + i) % 200) }));
        const inb = createSlip(ctx(keeper.id, ['keeper']), 'inbound', { supplierId, deliveryNoteNo: `SH-BENCH-${done}` }, inLines);
        postSlip(ctx(keeper.id, ['keeper']), inb.id);
        for (let d = 0; d < 5; d++) {
          const lines = Array.from({ length: 20 }, () => ({ itemId, qty: 10, priceFen: 7800 }));
          const s = createSlip(ctx(sales.id, ['sales']), 'dispatch', { customerId: customers[c++ % customers.length], paymentMode: 'cash' }, lines);
          signSlip(ctx(sales.id, ['sales']), s.id, 'manager', manager);
          signSlip(ctx(sales.id, ['sales']), s.id, 'finance', finance);
          postSlip(ctx(keeper.id, ['keeper']), s.id);
        }
      }
    })();
  }
  db.pragma(`cache_size = ${cache}`);
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const n = one<number>('SELECT COUNT(*) FROM stock_moves WHERE item_id = ?', itemId);
  return { itemId, moves: n, seconds: (nowMs() - t0) / 1000 };
}

// ------------------------------------------------------------------ the bench

export const stat = (xs: number[]) => ({ medianMs: median(xs), p95Ms: percentile(xs, 95) });

async function cardBench(desk: Desk, itemId: number, moves: number): Promise<ChromiumBenchRow[]> {
  const { page } = desk;
  const opens: number[] = [];
  const ends: number[] = [];
  const away = async () => {
    await page.evaluate(() => (location.hash = '#/stock'));
    await page.locator('.side-nav a.active', { hasText: '库存总览' }).waitFor();
    await page.locator('.grid-fill .ag-row').first().waitFor();
    await settled(page);
  };
  const open = async (): Promise<number> => {
    await away();
    await arm(page, 'cardRows');
    const t0 = await page.evaluate((id) => {
      const t = performance.now();
      location.hash = `#/card/${id}`;
      return t;
    }, itemId);
    const { frame } = await collect(page);
    return frame - t0;
  };
  await open(); // warm-up: statements and pages cached like a desk that has been in use
  for (let i = 0; i < CARD_OPENS; i++) opens.push(await open());
  for (let i = 0; i < CARD_ENDS; i++) {
    await open();
    await page.locator('.grid-fill .ag-row[row-index="1"] [col-id="summary"]').click();
    await arm(page, 'closing');
    await page.keyboard.press('Control+End');
    const { frame } = await collect(page);
    ends.push(frame - (await lastKey(page, 'End', true)));
  }
  return [
    {
      name: `chromium: stock card ${moves.toLocaleString('en-US')} moves, first rows`,
      ...stat(opens),
      targetMs: 300,
      notes: `${opens.length} opens: route change → frame with a screenful of rows`,
    },
    {
      name: `chromium: stock card ${moves.toLocaleString('en-US')} moves, Ctrl+End`,
      ...stat(ends),
      targetMs: 300,
      notes: `${ends.length} runs: key → frame showing 期末结存; the last page by the backward cursor (one request of 100 moves)`,
    },
  ];
}

export async function benchChromium(): Promise<ChromiumBenchRow[]> {
  if (!CHROMIUM) return [{ name: 'chromium: skipped', medianMs: NaN, notes: NO_CHROMIUM, note: NO_CHROMIUM }];
  const rows = await cardPart();
  for (const r of rows) r.note = r.notes;
  return rows;
}

/** The long stock card: 100,000 moves on one item, first rows and Ctrl+End. */
async function cardPart(): Promise<ChromiumBenchRow[]> {
  let made = { itemId: 0, moves: 0, seconds: 0 };
  const desk = await startDesk({
    name: 'bench-card',
    wedgeTrace: false,
    checkOutputs: false,
    initScripts: [instrument],
    prepare: async (core) => {
      made = writeMoves(core, CARD_MOVES);
    },
  });
  try {
    await login(desk.page, desk, '王强');
    const card = await cardBench(desk, made.itemId, made.moves);
    card[0].notes += `; ${made.moves.toLocaleString('en-US')} moves written in ${made.seconds.toFixed(1)} s`;
    return card;
  } finally {
    await desk.close();
  }
}

/** The rows as the table printed when a Chromium bench runs alone. */
export function chromiumTable(rows: ChromiumBenchRow[]): string {
  return table(
    ['name', '>median', '>p95', '>target', 'result', 'notes'],
    rows.map((r) => [
      r.name,
      ms(r.medianMs),
      ms(r.p95Ms),
      r.targetMs != null ? `≤ ${ms(r.targetMs)}` : '—',
      r.targetMs == null || Number.isNaN(r.medianMs) ? 'info' : r.medianMs <= r.targetMs ? 'PASS' : 'MISS',
      r.notes ?? '',
    ]),
  );
}

// ------------------------------------------------------------------ alone: npx tsx tests/bench/chromium.ts

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchChromium()
    .then((rows) => console.log(chromiumTable(rows)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
