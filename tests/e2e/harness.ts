// End-to-end harness: the built renderer (out/renderer) in browser mode (electron/web/server.ts)
// over a real core on a fresh temporary SQLite file with the demo office, driven by Debian's
// Chromium through playwright-core. One desk per test file. No browser is ever downloaded: when
// no Chromium is installed the e2e files skip (CI installs it).
//
// Keyboard: people type slowly (≈120 ms a key, page.keyboard) so the keyboard-wedge detector never
// takes them for a scanner; a scanner is simulated with physical keys ≈10 ms apart ending in
// Enter (renderer/src/scan/wedge.ts: ≥ 4 characters ≤ 35 ms apart), sent over CDP with their own
// timestamps and without waiting for the page between keys — see scan().
// Also used outside vitest (scripts/screenshots.ts, tests/bench/chromium.ts): no vitest import here.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { createCore, type Core } from '../../electron/core';
import { seedOffice, type OfficeFixture } from '../../electron/demo/seed';
import demo from '../../electron/demo/demo-office.json';
import { startWebServer, type WebServer } from '../../electron/web/server';
import type { ScanSource } from '../../electron/web/events';
import { warmPrinting } from '../../electron/printing/pdf';
import type { Input, MethodName, Output, Result } from '../../shared/contract';
import { zh } from '../../renderer/src/i18n/zh';
import { en } from '../../renderer/src/i18n/en';
import { format, type Vars } from '../../renderer/src/i18n/format';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const fixture = demo as unknown as OfficeFixture;

export const CHROMIUM: string | undefined = (
  process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
).find((p) => existsSync(p));
export const NO_CHROMIUM = CHROMIUM
  ? ''
  : 'e2e skipped: no Chromium found (/usr/bin/chromium; set CHROMIUM_PATH). Install Debian’s chromium package; playwright never downloads one here.';
if (!CHROMIUM) console.warn(NO_CHROMIUM);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const VIEWPORT = { width: 1366, height: 800 };

/** How long an action or a wait on the page may take before the test fails (a busy 2-core CI). */
export const ACTION_TIMEOUT = 15_000;

/** Human typing speed: slow enough that no burst is taken for a scan. */
export const HUMAN_DELAY = 120;
/** Gap between the keys of a simulated scanner. */
export const SCAN_GAP = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Build the renderer once if out/renderer is missing (CI builds it before the tests). Several
 * test files may start at once: one builds under a lock folder, the others wait for it.
 */
export function ensureRendererBuilt(): void {
  const index = join(RENDERER_DIR, 'index.html');
  if (existsSync(index)) return;
  const lock = join(ROOT, 'out', '.e2e-build.lock');
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    /* someone else is building */
  }
  if (mine) {
    try {
      const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
      const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0 || !existsSync(index)) throw new Error('npx electron-vite build failed: the e2e tests need out/renderer');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  const until = Date.now() + 180_000;
  while (!existsSync(index) || existsSync(lock)) {
    // a lock left by a killed run goes stale after 3 minutes
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
    if (!existsSync(lock) && !existsSync(index)) return ensureRendererBuilt();
    if (Date.now() > until) throw new Error('timed out waiting for another test file to build out/renderer');
    spawnSync('sleep', ['0.5']);
  }
}

export interface Desk {
  core: Core;
  web: WebServer;
  context: BrowserContext;
  page: Page;
  dir: string;
  dbPath: string;
  /** core calls as a given demo user (logged in once through the core, not the browser) */
  as(name: string): Promise<Caller>;
  /** that user's session token (for a raw core.call whose error the test wants to see) */
  tokenOf(name: string): Promise<string>;
  userId(name: string): number;
  itemId(code: string): number;
  customerId(code: string): number;
  /** console errors and uncaught page errors seen so far */
  pageErrors: string[];
  /**
   * Restart the desk as a restart of the PC's service would: the web server and the core stop, a
   * new core opens the same database file and a new server listens on the same port, with a new
   * desk token and no sessions (`core` and `web` are the new ones after it).
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type Caller = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

/** The value of a successful call; a failed one throws with its code. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message_en}`);
  return r.value;
}

/**
 * A fresh desk: temp database with the demo office (real clock, cheap PIN hashing), browser mode
 * on a free port, Chromium with a fresh profile (zh-CN, Asia/Shanghai like the office unless the
 * test puts the PC in another timezone).
 */
export interface StartOptions {
  /** names the temp folder */
  name?: string;
  /** the core's clock (default: the real one) */
  clock?: () => Date;
  /** after the demo office is seeded, before the server and the browser start: make more data */
  prepare?: (core: Core) => Promise<void>;
  /** record the wedge's key-by-key trace in the page (default true) */
  wedgeTrace?: boolean;
  /** validate every core output against the contract (default true; the app itself does not) */
  checkOutputs?: boolean;
  /** scripts run in the page before the renderer's own (instrumentation) */
  initScripts?: (() => void)[];
  /** the browser's (the PC's) timezone (default Asia/Shanghai, like the office) */
  timezoneId?: string;
  /** no office at all: the desk's first start (office.init on the login screen) */
  blank?: boolean;
  /** open a copy of this office database (its people must be the demo office's) instead of seeding the demo office */
  office?: string;
  /** warm the printing engine before the browser starts, as the desk's doors do once the office is open (electron/open.ts) */
  warmPrinting?: boolean;
  /** HID-POS scanners the server owns (a hub over a fake transport), pushed to the page on /events */
  scans?: ScanSource;
}

/**
 * Core calls as demo users for a test's `prepare` (the desk's own helpers are not ready yet
 * there): each user logs in through the core on first use; write ids are `${prefix}-1`, `-2`, …
 * Untyped on purpose: a prepare strings calls together freely.
 */
export function preparer(core: Core, prefix: string): (who: string, method: string, input: unknown) => Promise<any> {
  const tokens = new Map<string, string>();
  let n = 0;
  return async (who, method, input) => {
    if (!tokens.has(who)) {
      const u = fixture.users.find((x) => x.name === who);
      if (!u) throw new Error(`no demo user ${who}`);
      tokens.set(who, must(await core.call('auth.login', { user: who, pin: u.pin })).sessionToken);
    }
    const r = await (core as any).call(method, input, { sessionToken: tokens.get(who), requestId: `${prefix}-${++n}` });
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message_en}`);
    return r.value;
  };
}

export async function startDesk(opts: StartOptions = {}): Promise<Desk> {
  ensureRendererBuilt();
  const dir = mkdtempSync(join(tmpdir(), `desk-e2e-${opts.name ?? 'x'}-`));
  const dbPath = join(dir, 'office.sqlite');
  if (opts.office) copyFileSync(opts.office, dbPath);
  const open = () => createCore({ dbPath, pinCost: 1024, checkOutputs: opts.checkOutputs ?? true, clock: opts.clock });
  let core = await open();
  let web: WebServer | null = null;
  let context: BrowserContext | null = null;
  try {
    if (!opts.office && !opts.blank) await seedOffice(core, fixture);
    await opts.prepare?.(core);
    if (opts.warmPrinting) await warmPrinting();
    web = await startWebServer({ core, staticDir: RENDERER_DIR, port: 0, scans: opts.scans });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      // real scrollbars, as on the desk's PCs (headless hides them by default, and ag-grid then
      // lays out its header and body for different widths)
      ignoreDefaultArgs: ['--hide-scrollbars'],
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
    });
    context.setDefaultTimeout(ACTION_TIMEOUT);
    // the wedge's own trace of every key (renderer/README.md), printed when a scan test fails
    if (opts.wedgeTrace !== false) await context.addInitScript(() => localStorage.setItem('branch-desk.wedgeTrace', '1'));
    for (const script of opts.initScripts ?? []) await context.addInitScript(script);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
    });

    const tokens = new Map<string, string>();
    const users = must(await core.call('auth.users', {}));
    const as = async (name: string): Promise<Caller> => {
      if (!tokens.has(name)) {
        const u = fixture.users.find((x) => x.name === name);
        if (!u) throw new Error(`no demo user ${name}`);
        tokens.set(name, must(await core.call('auth.login', { user: name, pin: u.pin })).sessionToken);
      }
      const token = tokens.get(name)!;
      return (async (method, input) => must(await core.call(method, input, { sessionToken: token }))) as Caller;
    };
    // a blank desk has nobody to ask yet
    const manager = opts.blank ? null : await as(fixture.users.find((x) => x.roles.includes('manager'))!.name);
    const items = manager ? (await manager('items.list', { limit: 1000 })).rows : [];
    const customers = manager ? (await manager('customers.list', { limit: 1000 })).rows : [];
    const find = <T extends { code: string; id: number }>(rows: T[], code: string, what: string) => {
      const r = rows.find((x) => x.code === code);
      if (!r) throw new Error(`no ${what} ${code}`);
      return r.id;
    };
    let w = web;
    const c = context;
    return {
      get core() {
        return core;
      },
      get web() {
        return w;
      },
      context: c,
      page,
      dir,
      dbPath,
      as,
      tokenOf: async (name) => (await as(name), tokens.get(name)!),
      userId: (name) =>
        users.find((u) => u.name === name)?.id ??
        (() => {
          throw new Error(`no user ${name}`);
        })(),
      itemId: (code) => find(items, code, 'item'),
      customerId: (code) => find(customers, code, 'customer'),
      pageErrors,
      async restart() {
        const port = w.port;
        await w.close();
        core.close();
        tokens.clear();
        core = await open();
        w = await startWebServer({ core, staticDir: RENDERER_DIR, port, scans: opts.scans });
      },
      async close() {
        await c.close().catch(() => undefined);
        await w.close().catch(() => undefined);
        try {
          core.close();
        } catch {
          /* closed */
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context?.close().catch(() => undefined);
    await web?.close().catch(() => undefined);
    core.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

// ------------------------------------------------------------------ keyboard

/** Type like a person: one key every HUMAN_DELAY ms. */
export async function human(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: HUMAN_DELAY });
}

/** The physical key a scanner presses for one barcode character (US layout), as a CDP key event. */
export function scannerKey(ch: string): { key: string; code: string; windowsVirtualKeyCode: number; text: string; modifiers: number } {
  if (/^[0-9]$/.test(ch)) return { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0), text: ch, modifiers: 0 };
  if (/^[a-z]$/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0), text: ch, modifiers: 0 };
  if (/^[A-Z]$/.test(ch)) return { key: ch, code: `Key${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0), text: ch, modifiers: 8 /* Shift */ };
  if (ch === '-') return { key: '-', code: 'Minus', windowsVirtualKeyCode: 189, text: '-', modifiers: 0 };
  if (ch === '.') return { key: '.', code: 'Period', windowsVirtualKeyCode: 190, text: '.', modifiers: 0 };
  // a printed slip's QR (BD1|no|hash|signature, base64url)
  if (ch === '|') return { key: '|', code: 'Backslash', windowsVirtualKeyCode: 220, text: '|', modifiers: 8 /* Shift */ };
  if (ch === '_') return { key: '_', code: 'Minus', windowsVirtualKeyCode: 189, text: '_', modifiers: 8 /* Shift */ };
  if (ch === '\r') return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', modifiers: 0 };
  // a GS1 symbol's AIM id (]C1) and its FNC1, which a keyboard-mode scanner types as GS: Ctrl+]
  if (ch === ']') return { key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, text: ']', modifiers: 0 };
  if (ch === '\x1d') return { key: ']', code: 'BracketRight', windowsVirtualKeyCode: 221, text: '', modifiers: 2 /* Ctrl */ };
  throw new Error(`no scanner key for ${JSON.stringify(ch)}`);
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();
/** the stamp of the last key scanned into each page (seconds) */
const lastStamp = new WeakMap<Page, number>();
function cdpOf(page: Page): Promise<CDPSession> {
  let s = cdpSessions.get(page);
  if (!s) cdpSessions.set(page, (s = page.context().newCDPSession(page)));
  return s;
}

/**
 * A keyboard-wedge scan: the code's physical keys `gap` ms apart, then Enter — as a scanner sends
 * them. Like the OS does for a real scanner, each key carries its time (CDP
 * Input.dispatchKeyEvent `timestamp`), and the next key does not wait for the page to have handled
 * the last one: a page busy with the previous scan sees the keys late but with their true timing,
 * instead of gaps stretched by its own work (page.keyboard.press waits for each key's handling,
 * which no scanner does). Resolves once the page has taken every key (not when the screen has
 * reacted to the scan: wait for that).
 */
export async function scan(page: Page, code: string, gap = SCAN_GAP, stamps: 'ideal' | 'sent' = 'ideal'): Promise<void> {
  const cdp = await cdpOf(page);
  const wall = () => (performance.timeOrigin + performance.now()) / 1000;
  // never before the last key sent to this page: keys sent at once carry stamps ahead of the clock
  const t0 = Math.max(wall(), (lastStamp.get(page) ?? 0) + gap / 1000);
  const sent: Promise<unknown>[] = [];
  const keys = [...code, '\r'];
  for (let i = 0; i < keys.length; i++) {
    const k = scannerKey(keys[i]);
    // 'ideal': exactly `gap` apart (a scanner's own rhythm); 'sent': the moment each key left (for timing the page)
    const at = stamps === 'ideal' ? t0 + (i * gap) / 1000 : wall();
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, unmodifiedText: k.text, timestamp: at }));
    sent.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        key: k.key,
        code: k.code,
        windowsVirtualKeyCode: k.windowsVirtualKeyCode,
        modifiers: k.modifiers,
        timestamp: at + 0.002,
      }),
    );
    // 'ideal' sends every key at once, each stamped with its place in the rhythm, as the OS queues a
    // scanner's keys: a test process busy with the desk it hosts (an autosave's fsync on a loaded
    // machine) must not stretch a scan into typing. 'sent' paces them for real.
    if (stamps === 'sent' && i < keys.length - 1 && gap > 0) await sleep(gap);
  }
  lastStamp.set(page, stamps === 'ideal' ? t0 + ((keys.length - 1) * gap) / 1000 : wall());
  await Promise.all(sent);
}

// ------------------------------------------------------------------ screens

export async function openDesk(page: Page, desk: Desk, hash = ''): Promise<void> {
  await page.goto(desk.web.url + (hash ? `#${hash}` : ''));
}

/** Log in on the login screen: pick the user, type the PIN slowly, Enter. */
export async function login(page: Page, desk: Desk, name: string): Promise<void> {
  const u = fixture.users.find((x) => x.name === name)!;
  if (!page.url().startsWith(desk.web.origin)) await openDesk(page, desk);
  await page.locator('.user-list li', { hasText: name }).click();
  await human(page, u.pin);
  await page.keyboard.press('Enter');
  await page.locator('.app-header .who-name', { hasText: name }).waitFor();
}

/** 切换用户 (F10): the next person picks themself, types the PIN, Enter. */
export async function switchUser(page: Page, name: string): Promise<void> {
  const u = fixture.users.find((x) => x.name === name)!;
  await page.keyboard.press('F10');
  const dialog = page.locator('.dialog', { has: page.locator('.user-list') });
  await dialog.waitFor();
  await dialog.locator('.user-list li', { hasText: name }).click();
  await human(page, u.pin);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.app-header .who-name', { hasText: name }).waitFor();
}

/** React has rendered and run its effects (hotkeys and scan claims are bound in effects). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

/** Click a left-navigation entry by its label; wait for its screen's heading. */
export async function nav(page: Page, label: string): Promise<void> {
  await page.locator('.side-nav a', { hasText: label }).click();
  await page.locator('.side-nav a.active', { hasText: label }).waitFor();
  await page.locator('.toolbar h1', { hasText: label }).first().waitFor();
  await settled(page);
}

export interface GridRow {
  index: number;
  classes: string;
  cells: Record<string, string>;
}

/** The rows of the ag-grid under `scope` as rendered (text of each cell by col-id), in row order. */
export async function gridRows(page: Page, scope = '.grid-fill'): Promise<GridRow[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope);
    if (!root) return [];
    const byIndex = new Map<number, { index: number; classes: string; cells: Record<string, string> }>();
    for (const r of Array.from(root.querySelectorAll('.ag-row[row-index]'))) {
      const index = Number(r.getAttribute('row-index'));
      const row = byIndex.get(index) ?? { index, classes: '', cells: {} };
      row.classes += ' ' + r.className;
      for (const c of Array.from(r.querySelectorAll('[col-id]'))) row.cells[c.getAttribute('col-id')!] = (c.textContent ?? '').trim();
      byIndex.set(index, row);
    }
    return [...byIndex.values()].sort((a, b) => a.index - b.index);
  }, scope);
}

/** Wait until the grid's rows, reduced by `pick`, equal `want` (compared as JSON). */
export async function waitForGrid<T>(page: Page, pick: (rows: GridRow[]) => T, want: T, opts: { scope?: string; timeout?: number } = {}): Promise<GridRow[]> {
  const until = Date.now() + (opts.timeout ?? 10_000);
  let rows: GridRow[] = [];
  let last: T | undefined;
  for (;;) {
    rows = await gridRows(page, opts.scope);
    last = pick(rows);
    if (JSON.stringify(last) === JSON.stringify(want)) {
      await settled(page);
      return rows;
    }
    if (Date.now() > until) throw new Error(`grid never showed ${JSON.stringify(want)}; last seen ${JSON.stringify(last)}`);
    await sleep(50);
  }
}

/** code → qty text of a slip's lines grid */
export const qtyByCode =
  (col = 'qty') =>
  (rows: GridRow[]) =>
    Object.fromEntries(rows.map((r) => [r.cells.itemCode, r.cells[col]]));

/** The text in the scan panel (the answer to the last scan). */
export async function scanPanelText(page: Page): Promise<string> {
  return ((await page.locator('.scan-panel .scan-text').textContent()) ?? '').trim();
}

/** Figures as shown (1,664.00 / -104.00 / 32) back to numbers; '' → null. */
export function shownNumber(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s.replace(/[¥,\s]/g, ''));
  if (Number.isNaN(n)) throw new Error(`not a figure: ${JSON.stringify(s)}`);
  return n;
}

/** Money shown in yuan (1,664.00) → fen. */
export function shownFen(s: string | undefined): number | null {
  const n = shownNumber(s);
  return n === null ? null : Math.round(n * 100);
}

// ------------------------------------------------------------------ the renderer's own words

export type MsgKey = keyof typeof zh;

/** A message as the renderer shows it, in either language (the dictionaries the screens use). */
export function tr(lang: 'zh' | 'en', key: MsgKey, vars?: Vars): string {
  return format((lang === 'zh' ? zh : en)[key], vars);
}

/** The wedge's decisions, key by key (code, key, time, swallowed, events), for a failure report. */
export async function wedgeTrace(page: Page, last = 120): Promise<string> {
  const trace = await page.evaluate(() => (window as unknown as { __wedgeTrace?: [string, string, number, boolean, string[]][] }).__wedgeTrace ?? []);
  let prev: number | null = null;
  return trace
    .slice(-last)
    .map(([code, , time, swallow, events]) => {
      const gap = prev === null ? 0 : time - prev;
      prev = time;
      return `${code.padEnd(8)} +${String(gap).padStart(4)}ms ${swallow ? 'S' : '-'} ${events.join(',')}`;
    })
    .join('\n');
}

/** 库存明细账 of one item: the screen from the navigation, the item picked by typing its code, its first rows shown. */
export async function openStockCard(page: Page, code: string, itemId: number): Promise<void> {
  await nav(page, tr('zh', 'nav.card'));
  await human(page, code);
  await page.locator('.filter-bar [role="option"]', { hasText: code }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`#/card/${itemId}$`));
  await waitForGrid(page, (rs) => rs[0]?.cells.summary, tr('zh', 'card.opening'));
}
