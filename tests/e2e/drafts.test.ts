// Never lose work, in real Chromium at 1366×768 with the PC in UTC and the office in Asia/Shanghai:
// a 60-line inbound slip scanned line by line survives (a) a reload in the middle — every line is
// back and on the desk as one draft; (b) the browser's Back in the middle — the leave prompt, the
// slip stays when refused, and "save and leave" leaves it a saved draft with its lines; (c) a
// restart of the desk (new core on the same file and port, new desk token, no sessions) in the
// middle — the next save asks for the PIN over the slip, the scans made meanwhile stay, and after
// the PIN the save goes through with all 60 lines. Then F2 opens a new slip without the last
// slip's "已加入…" answer. One slip is created in all of it, and the audit is one row per save.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_CHROMIUM, wedgeTrace, fixture, human, login, nav, preparer, scan, settled, startDesk, tr, type Desk } from './harness';
import { poll } from './poll';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** screenshots to look at (the dialog, the save state), outside the repository */
const SHOTS = process.env.DRAFTS_SHOTS ?? join(tmpdir(), 'desk-drafts-shots');

const LINES = 60;
const KEEPER = '王强';
/** the demo's 20 items have their own barcodes; 40 more are made for the test */
const EXTRA = 40;
const extraCode = (i: number) => `69200000${String(100 + i).padStart(5, '0')}`;

let desk: Desk;
let codes: string[] = [];

async function prepare(core: Desk['core']): Promise<void> {
  const run = preparer(core, 'drafts');
  for (let i = 0; i < EXTRA; i++)
    await run(KEEPER, 'items.create', { code: `DR-${i + 1}`, name: `测试砖 ${i + 1}`, unit: '片', barcodes: [{ code: extraCode(i), packQty: 1 }] });
}

/** The lines and total quantity the editor shows (ag-grid draws only the rows in view: its row count). */
async function shown(page: Page): Promise<{ rows: number; qty: number }> {
  return page.evaluate(() => {
    const grid = document.querySelector('.grid-fill [role="treegrid"], .grid-fill [role="grid"]');
    const qty = document.querySelector('.totals b.num')?.textContent ?? '0';
    return { rows: Number(grid?.getAttribute('aria-rowcount') ?? 0) - 1, qty: Number(qty.replace(/,/g, '')) };
  });
}

/** Scan codes[from..to) one by one, each after the line before is on screen. */
async function scanLines(page: Page, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    await scan(page, codes[i]);
    await poll(async () => (await shown(page)).rows).toBe(i + 1);
  }
}

/** The slip as stored on the desk (what a restart or a closed window would find). */
async function onDesk(slipId: number): Promise<{ lines: number; qty: number; state: string; version: number }> {
  const keeper = await desk.as(KEEPER);
  const s = await keeper('slips.get', { slipId });
  return { lines: s.lines.length, qty: s.lines.reduce((a, l) => a + l.qty, 0), state: s.state, version: s.version };
}

const slipIdOf = (page: Page) => Number(/#\/inbound\/(\d+)$/.exec(page.url())?.[1] ?? NaN);

async function inboundCount(): Promise<number> {
  const keeper = await desk.as(KEEPER);
  return (await keeper('slips.list', { kind: 'inbound', limit: 100 })).rows.length;
}

describe.skipIf(!!NO_CHROMIUM)('never lose work: reload, Back and a desk restart in the middle of a 60-line slip', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'drafts', prepare, timezoneId: 'UTC' });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    codes = [...fixture.items.map((it) => it.barcodes.find((b) => b.packQty === 1)!.code), ...Array.from({ length: EXTRA }, (_, i) => extraCode(i))];
    expect(codes).toHaveLength(LINES);
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('(a) a reload, (b) a Back, (c) a desk restart: all 60 lines on screen and on the desk', async ({ onTestFailed }) => {
    const { page } = desk;
    onTestFailed(async () => {
      await page.screenshot({ path: join(SHOTS, 'drafts-failed.png') });
      console.error('at', page.url(), desk.pageErrors.join('\n'));
      console.error(`wedge trace (last keys):\n${await wedgeTrace(page, 60)}`);
    });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    const before = await inboundCount();
    await login(page, desk, KEEPER);
    await nav(page, tr('zh', 'nav.inbound'));
    await page.keyboard.press('F2');
    await page.waitForURL(/#\/inbound\/new$/);
    await settled(page);

    // the first scan opens the slip on the desk (it takes its number), without a key pressed
    await scanLines(page, 0, 1);
    await page.waitForURL(/#\/inbound\/\d+$/);
    const slipId = slipIdOf(page);
    await poll(() => page.locator('.save-state').textContent()).toMatch(/^已自动保存 \d\d:\d\d$/);

    // (a) 20 lines, the reload right after the 20th scan, before its autosave
    await scanLines(page, 1, 20);
    const prompts: string[] = [];
    page.on('dialog', (d) => {
      prompts.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.locator('.app-header .who-name', { hasText: KEEPER }).waitFor();
    await poll(async () => (await shown(page)).rows).toBe(20);
    expect(await shown(page)).toEqual({ rows: 20, qty: 20 });
    expect(page.url()).toMatch(new RegExp(`#/inbound/${slipId}$`));
    await poll(async () => (await onDesk(slipId)).lines).toBe(20);
    // the browser asked before the reload (when the page had a user gesture, as a clerk's has)
    expect(prompts.every((p) => p === 'beforeunload')).toBe(true);

    // (b) 10 more, Back right after the last one: the prompt; refused, the slip stays as it was
    await settled(page);
    await scanLines(page, 20, 30);
    await page.evaluate(() => history.back());
    const leave = page.locator('.dialog', { hasText: tr('zh', 'leave.title') });
    await leave.waitFor();
    await page.screenshot({ path: join(SHOTS, 'drafts-leave.png') });
    await page.keyboard.press('Escape');
    await leave.waitFor({ state: 'detached' });
    expect(page.url()).toMatch(new RegExp(`#/inbound/${slipId}$`));
    expect(await shown(page)).toEqual({ rows: 30, qty: 30 });
    await poll(async () => (await onDesk(slipId)).lines).toBe(30);
    // Back again with a fresh scan unsaved: 保存并离开 leaves a saved draft with every line
    await scanLines(page, 30, 35);
    await page.evaluate(() => history.back());
    await leave.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/inbound$/);
    expect(await onDesk(slipId)).toMatchObject({ lines: 35, qty: 35, state: 'draft' });

    // back on the slip, then (c): ten more lines, and the desk restarts (same file and port)
    await page.evaluate((id) => (location.hash = `#/inbound/${id}`), slipId);
    await poll(async () => (await shown(page)).rows).toBe(35);
    await settled(page);
    await scanLines(page, 35, 45);
    await poll(async () => (await onDesk(slipId)).lines).toBe(45);
    await desk.restart();
    // the next save (a memo typed) finds the desk restarted: the log-in over the slip, this user chosen
    await page.locator('.slip-header .field-wide input').click();
    await human(page, 'R1');
    const relogin = page.locator('.dialog', { hasText: tr('zh', 'relogin.title') });
    await relogin.waitFor();
    expect(await relogin.locator('.relogin-user').textContent()).toContain(KEEPER);
    expect(page.url()).toMatch(new RegExp(`#/inbound/${slipId}$`));
    expect(await page.locator('.save-state').textContent()).toBe(tr('zh', 'draft.saving'));
    // the keeper goes on scanning meanwhile: the scans wait behind the dialog, none refused
    await scan(page, codes[45]);
    await scan(page, codes[46]);
    await poll(() => page.locator('.scan-waiting').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'drafts-relogin.png') });
    expect(await relogin.locator('input').inputValue()).toBe('');
    await human(page, fixture.users.find((u) => u.name === KEEPER)!.pin);
    await page.keyboard.press('Enter');
    await relogin.waitFor({ state: 'detached' });
    await poll(async () => (await shown(page)).rows).toBe(47);
    await scanLines(page, 47, LINES);
    await poll(async () => (await onDesk(slipId)).lines).toBe(LINES);
    expect(await onDesk(slipId)).toMatchObject({ lines: LINES, qty: LINES, state: 'draft' });
    expect((await (await desk.as(KEEPER))('slips.get', { slipId })).memo).toBe('R1');
    expect(await shown(page)).toEqual({ rows: LINES, qty: LINES });
    await poll(() => page.locator('.save-state').textContent()).toMatch(/^已自动保存 \d\d:\d\d$/);
    await page.screenshot({ path: join(SHOTS, 'drafts-saved.png') });

    // one slip in all of it (no double create on a retry or a resend)
    expect(await inboundCount()).toBe(before + 1);
    // nothing of a barcode went into a cell: no line has a unit cost
    const keeper = await desk.as(KEEPER);
    expect((await keeper('slips.get', { slipId })).lines.filter((l) => l.unitCostFen !== null)).toEqual([]);
    // 新建: a new slip starts without the last slip's "已加入…"
    expect(await page.locator('.scan-panel .scan-text').textContent()).toContain('已加入');
    await page.locator('.toolbar button', { hasText: tr('zh', 'slip.new') }).click();
    await page.waitForURL(/#\/inbound\/new$/);
    const prompt = tr('zh', 'inbound.scanPrompt');
    await poll(() => page.locator('.scan-panel .scan-text').textContent()).toBe(prompt);
    // a scan on the new slip, then Back to the 60-line slip: its answer stays with the new slip
    await scanLines(page, 0, 1);
    await page.waitForURL(/#\/inbound\/\d+$/);
    await poll(() => page.locator('.save-state').textContent()).toMatch(/^已自动保存/);
    await page.evaluate(() => history.back());
    await page.waitForURL(new RegExp(`#/inbound/${slipId}$`));
    await poll(async () => (await shown(page)).rows).toBe(LINES);
    await poll(() => page.locator('.scan-panel .scan-text').textContent()).toBe(prompt);
    expect(desk.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it('a reload after a desk restart asks for the PIN over the slip, not the login screen; another user means the login screen', async () => {
    const { page } = desk;
    const slipId = slipIdOf(page);
    expect(slipId).toBeGreaterThan(0);
    await desk.restart();
    await page.reload();
    const relogin = page.locator('.dialog', { hasText: tr('zh', 'relogin.title') });
    await relogin.waitFor();
    expect(await page.locator('.login-page').count()).toBe(0);
    expect(page.url()).toMatch(new RegExp(`#/inbound/${slipId}$`));
    await human(page, fixture.users.find((u) => u.name === KEEPER)!.pin);
    await page.keyboard.press('Enter');
    await relogin.waitFor({ state: 'detached' });
    await poll(async () => (await shown(page)).rows).toBe(LINES);

    // once more, and this time someone else takes the desk: a warning, then the login screen
    await desk.restart();
    await page.reload();
    await relogin.waitFor();
    await relogin.locator('button', { hasText: tr('zh', 'relogin.other') }).click();
    const other = page.locator('.dialog', { hasText: tr('zh', 'relogin.otherText') });
    await other.waitFor();
    await other.locator('button', { hasText: tr('zh', 'relogin.otherConfirm') }).click();
    await page.locator('.login-page').waitFor();
    await login(page, desk, '陈静');
  });
});
