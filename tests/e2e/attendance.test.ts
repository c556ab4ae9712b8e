// 考勤 in Chromium at 1366×768 (issue #14): the keeper signs in at the desk from the header's
// 签到/签退 with his PIN (late by the office's clock), a second sign-in is refused, he finds his own
// month on 我的报销's 我的考勤 tab and asks for leave; the manager approves two days of leave as HQ's
// on 用户管理's 考勤 tab and sees everyone's month; finance's 用户管理 entry opens on 考勤.
// Screenshots go to .tmp/shots/ (ATT_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { NO_CHROMIUM, ROOT, human, login, nav, preparer, settled, startDesk, switchUser, tr, waitForGrid, type Desk } from './harness';

const SHOTS = process.env.ATT_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;
/** The desk's clock: set to a moment in the office (UTC+8), then running in real time. */
let base = Date.parse('2026-12-01T08:25:00+08:00');
let started = Date.now();
const setClock = (local: string) => {
  base = Date.parse(`${local}:00+08:00`);
  started = Date.now();
};
const clock = () => new Date(base + (Date.now() - started));

async function prepare(core: Core): Promise<void> {
  // a fresh log-in for each call: the sessions idle out while the clock walks the days
  let n = 0;
  const c = async (who: string, method: string, input: unknown) => {
    await preparer(core, `att${++n}`)(who, method, input);
  };
  const pins: Record<string, string> = { 张伟: '1111', 刘洋: '2222', 陈静: '3333', 王强: '4444', 李磊: '5555', 赵丽: '6666' };
  for (const day of ['01', '02']) {
    for (const [name, inAt, outAt] of [
      ['张伟', '08:20', '17:45'],
      ['刘洋', '08:29', '17:31'],
      ['陈静', '08:41', '17:35'],
      ['王强', '08:15', '17:10'],
      ['赵丽', '08:25', '17:40'],
    ] as const) {
      setClock(`2026-12-${day}T${inAt}`);
      await c('王强', 'attendance.clock', { userName: name, pin: pins[name], kind: 'in' });
      setClock(`2026-12-${day}T${outAt}`);
      await c('王强', 'attendance.clock', { userName: name, pin: pins[name], kind: 'out' });
    }
  }
  setClock('2026-12-02T18:00');
  await c('赵丽', 'attendance.requestLeave', { kind: 'personal', from: '2026-12-07', to: '2026-12-07', reason: '孩子家长会' });
  setClock('2026-12-03T08:40');
}

describe.skipIf(!!NO_CHROMIUM)('考勤 at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'attendance', prepare, clock });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('the keeper signs in from the header, is refused a second time, and asks for leave on his own month', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await login(page, desk, '王强');
    await page.getByTestId('clock-button').click();
    const dialog = page.locator('.dialog', { hasText: tr('zh', 'att.clockTitle') });
    await dialog.waitFor();
    await page.getByTestId('clock-pin').click();
    await human(page, '4444');
    await page.keyboard.press('F2');
    await dialog.locator('.att-clock-done', { hasText: '王强 08:40 签到 · 迟到 10 分钟' }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(SHOTS, 'attendance-clock.png') });
    await page.getByTestId('clock-pin').click();
    await human(page, '4444');
    await page.keyboard.press('F2');
    await dialog.locator('.error-line, [role=alert]', { hasText: '已签到(08:40)' }).first().waitFor();
    await dialog.getByRole('button', { name: tr('zh', 'att.myMonth') }).click();

    await page.locator('.toolbar h1', { hasText: tr('zh', 'att.myTitle') }).waitFor();
    const row = await waitForGrid(
      page,
      (rows) => rows.map((r) => [r.cells.name, r.cells.d1, r.cells.d2, r.cells.d3, r.cells.late]),
      [['王强', '早', '早', '迟', '1']],
      {
        scope: '.att-month-grid',
      },
    );
    expect(row[0].cells.early).toBe('2');
    expect(row[0].cells.deductionFen).toBe('30.00');
    await page.keyboard.press('F2');
    const leave = page.locator('.dialog', { hasText: tr('zh', 'att.leaveTitle') });
    await leave.waitFor();
    await page.getByTestId('leave-from').fill('2026-12-10');
    await page.getByTestId('leave-to').fill('2026-12-11');
    await page.getByTestId('leave-reason').click();
    await human(page, '回老家');
    await page.keyboard.press('Enter');
    await leave.waitFor({ state: 'detached' });
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.name, r.cells.days, r.cells.state]), [['王强', '2', '待审批']]);
    await page.screenshot({ path: join(SHOTS, 'attendance-mine.png') });
  });

  it('the manager approves two days as HQ’s and sees everyone’s month; finance’s 用户管理 opens on 考勤', { timeout: 120_000 }, async () => {
    const { page } = desk;
    await switchUser(page, '张伟');
    await nav(page, tr('zh', 'nav.users'));
    await page.getByTestId('system-tab-attendance').click();
    await page.locator('.toolbar h1', { hasText: tr('zh', 'att.title') }).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => r.cells.name), ['张伟', '刘洋', '陈静', '王强', '李磊', '赵丽'], { scope: '.att-month-grid' });
    const leaves = await waitForGrid(page, (rows) => rows.map((r) => r.cells.name), ['王强', '赵丽']);
    expect(leaves.map((r) => r.cells.state)).toEqual(['待审批', '待审批']);
    await page.locator('.grid-fill .ag-row[row-index="0"] [col-id="reason"]').first().click();
    await settled(page);
    await page.keyboard.press('F6');
    const decide = page.locator('.dialog', { hasText: '审批请假' });
    await decide.waitFor();
    await page.getByTestId('leave-pin').click();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await decide.locator('.error-line, [role=alert]', { hasText: '总部批复文号' }).first().waitFor();
    await page.getByTestId('leave-hqref').click();
    await human(page, '营销〔2026〕118号');
    await page.getByTestId('leave-pin').click();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await decide.waitFor({ state: 'detached' });
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.name, r.cells.state]), [
      ['赵丽', '待审批'],
      ['王强', '已批准'],
    ]);
    await page.waitForTimeout(600); // the rows' reorder animation
    await page.screenshot({ path: join(SHOTS, 'attendance-month.png') });

    // 作息时间: a holiday on Friday the 25th
    await page.getByTestId('att-settings').click();
    const settings = page.locator('.dialog', { hasText: tr('zh', 'att.settingsTitle') });
    await settings.waitFor();
    await page.getByTestId('special-date').fill('2026-12-25');
    await settings.getByPlaceholder(tr('zh', 'att.dayName')).fill('厂庆');
    await settings.getByRole('button', { name: tr('zh', 'att.setDay') }).click();
    await settings.locator('.att-holiday', { hasText: '2026-12-25 放假 厂庆' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'attendance-settings.png') });
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    await page.keyboard.press('F5');
    await page.locator('.att-month-grid .ag-header-cell.att-rest[col-id="d25"]').waitFor();

    // in English the marks are letters, the key says which
    await page.locator('.status-bar .lang-switch button', { hasText: 'English' }).click();
    await waitForGrid(page, (rows) => rows.find((r) => r.cells.name === '王强')?.cells.d3, 'L', { scope: '.att-month-grid' });
    await page.locator('.att-key', { hasText: 'L late' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'attendance-month-en.png') });
    await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click();

    await switchUser(page, '刘洋');
    // finance has the entry for its 考勤 tab alone: the screen is the attendance sheet, not 用户管理
    await page.locator('.side-nav a', { hasText: tr('zh', 'nav.users') }).click();
    await page.locator('.toolbar h1', { hasText: tr('zh', 'att.title') }).waitFor();
    const rows = await waitForGrid(page, (rows) => rows.length, 6, { scope: '.att-month-grid' });
    expect(rows.find((r) => r.cells.name === '陈静')?.cells.late).toBe('2');
    expect(await page.getByTestId('system-tab-users').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'attendance-finance.png') });
    expect(desk.pageErrors).toEqual([]);
  });
});
