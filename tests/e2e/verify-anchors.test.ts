// 账本核对 in the real renderer (browser mode, Chromium, 1366×768): the day was closed (through the
// core), which anchored the audit chain; the manager 张伟 opens the 日结 screen, presses 核对账本 and
// reads that the books verify and how far the audit chain is anchored — up to the row the close
// signed, with the rows after it not anchored yet. Screenshot to .tmp/screens/. Skipped (with a
// message) when no Chromium is installed.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { ROOT, NO_CHROMIUM, login, preparer, settled, startDesk, type Desk } from './harness';

const DAY = '2026-11-29';
const BASE = Date.parse('2026-11-29T08:00:00Z'); // 16:00 Shanghai on DAY; real seconds pass
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));
const SHOTS = join(ROOT, '.tmp', 'screens');

let desk: Desk;

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'vf');
  await c('刘洋', 'cash.topUp', { account: 'cash', amountFen: 100_000, memo: '备用金' });
  await c('刘洋', 'dayClose.close', {
    date: DAY,
    counts: { '10000': 10 },
    channels: { wechat: 0, alipay: 0, bank: 0 },
    finance: { user: '刘洋', pin: '2222' },
    statistician: { user: '陈静', pin: '3333' },
  });
}

describe.skipIf(!!NO_CHROMIUM)('账本核对 in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'verify', clock, prepare });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('the manager verifies the books and reads how far the audit chain is anchored', { timeout: 120_000 }, async () => {
    const { page } = desk;
    const anchored = desk.core.db.prepare('SELECT audit_seq FROM audit_anchors').pluck().get() as number;
    await login(page, desk, '张伟');
    await page.goto(`${desk.web.url}#/dayclose/${DAY}`);
    const run = page.locator('.verify-panel button', { hasText: '核对账本' });
    await run.scrollIntoViewIfNeeded();
    await run.click();
    await page.locator('.verify-panel .notice-ok').waitFor();
    const text = (await page.locator('.verify-panel').textContent()) ?? '';
    expect(text).toContain('账本核对通过');
    const later = (desk.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number) - anchored;
    expect(text).toContain(`审计链已核至 #${anchored}（${DAY} 日结锚点），其后 ${later} 行未锚定`);
    await settled(page);
    await page.locator('.verify-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'verify-anchors.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
