// The office's clock in the real renderer, with the PC in UTC: at 02:30 on 2026-11-30 in Shanghai
// (18:30 UTC on the 29th) the status bar, the slip list's 今天 and the aging report count the day
// the slips are dated (the office's today, 2026-11-30), never the PC's date: a PC in UTC once
// showed ¥0.00 owed while the slips were dated the next day. The browser's clock is set to the
// desk's moment, so only the zones differ. Skipped (with a message) when no Chromium is installed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, gridRows, login, nav, shownFen, preparer, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const OFFICE_DAY = '2026-11-30';
const BASE = Date.parse('2026-11-29T18:30:00Z'); // 02:30 in Shanghai on OFFICE_DAY
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));
const QTY = 3;
const PRICE = 8800;

let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'oc');
  const item = ((await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[]).find((i) => i.code === 'CZ-8801')!.id;
  const customerId = ((await c('赵丽', 'customers.list', { limit: 1000 })).rows as { id: number; code: string }[]).find((x) => x.code === 'KH001')!.id;
  const sups = await c('王强', 'suppliers.list', {});
  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId: (sups.rows ?? sups)[0].id,
    deliveryNoteNo: 'HQ-CLOCK-1130',
    lines: [{ itemId: item, qty: 50, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  // a credit sale to KH001, signed and posted: owed from OFFICE_DAY
  const s = await c('赵丽', 'slips.create', { kind: 'dispatch', customerId, paymentMode: 'credit', lines: [{ itemId: item, qty: QTY, priceFen: PRICE }] });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
  await c('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
  const got = await c('王强', 'slips.get', { slipId: s.id });
  await c('王强', 'slips.post', { slipId: s.id, picked: got.lines.map((l: { id: number; qty: number }) => ({ lineId: l.id, qty: l.qty })) });
}

describe.skipIf(!!NO_CHROMIUM)('the office clock with the PC in UTC', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'clock', clock, prepare, timezoneId: 'UTC' });
    // the PC's clock at the desk's moment: only the zones differ
    await desk.context.clock.setSystemTime(clock());
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('dates the status bar, the slip list and the aging report by the office day', { timeout: 120_000 }, async () => {
    const { page } = desk;
    // the premise: the PC (UTC) is still on the 29th, the desk and its slips on the 30th
    expect(await page.evaluate(() => new Date().toISOString().slice(0, 10))).toBe('2026-11-29');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    const manager = await desk.as('张伟');
    const slips = await manager('slips.list', { limit: 100, offset: 0, query: '' });
    expect(slips.total).toBe(2);
    expect(slips.rows.every((r) => r.businessDate === OFFICE_DAY)).toBe(true);

    await login(page, desk, '刘洋');
    const status = page.locator('.status-bar .status-today');
    await poll(async () => (await status.textContent())?.trim()).toBe(`${tr('zh', 'status.today')} ${OFFICE_DAY}`);

    // 单据查询 · 今天: both slips, dated the office's today; the date fields show it
    await nav(page, tr('zh', 'nav.slips'));
    await page.locator('.filter-bar .slips-today').click();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.businessDate).sort(), [OFFICE_DAY, OFFICE_DAY]);
    const dates = page.locator('.filter-bar input[type=date]');
    expect(await dates.nth(0).inputValue()).toBe(OFFICE_DAY);
    expect(await dates.nth(1).inputValue()).toBe(OFFICE_DAY);
    expect(await page.locator('.toolbar').first().textContent()).toContain(tr('zh', 'slips.count', { n: 2 }));

    // 报表 → 客户往来 · 应收账龄 (its first tab): as of the office's today, KH001 owes the credit sale (not ¥0.00)
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.reports') }).click();
    await page.locator('.toolbar h1', { hasText: tr('zh', 'ag.title') }).waitFor();
    await waitForGrid(page, (rows) => rows.filter((r) => r.cells.code === 'KH001').map((r) => shownFen(r.cells.balanceFen)), [QTY * PRICE]);
    expect(await page.locator('.toolbar input[type=date]').first().inputValue()).toBe(OFFICE_DAY);
    const rows = await gridRows(page);
    const kh001 = rows.find((r) => r.cells.code === 'KH001')!;
    expect(shownFen(kh001.cells.b0)).toBe(QTY * PRICE); // 0–30 days
    expect(kh001.cells.oldestDate).toBe(OFFICE_DAY);
    expect(desk.pageErrors).toEqual([]);
  });
});
