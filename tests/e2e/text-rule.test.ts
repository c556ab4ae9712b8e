// The one text rule as the clerk meets it, in Chromium at 1366×768 (issue 11): a customer name
// pasted with a right-to-left override ("‮gnp.exe" shows as "exe.png") is refused in the dialog
// with the field named as the screen names it, in Chinese, and nothing is saved; the same name
// without it saves. A screenshot goes to .tmp/shots/ (TEXT_RULE_SHOTS=dir).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHROMIUM, ROOT, login, nav, startDesk, tr, type Desk } from './harness';

const SHOTS = process.env.TEXT_RULE_SHOTS ?? join(ROOT, '.tmp', 'shots');
let desk: Desk;

describe.skipIf(!!NO_CHROMIUM)('the text rule on screen at 1366×768', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'text-rule' });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
    await login(desk.page, desk, '张伟');
  }, 180_000);
  afterAll(async () => desk?.close());

  it('refuses a name with a direction override, naming the field, and saves it without', { timeout: 120_000 }, async () => {
    const { page } = desk;
    const customers = () => desk.core.db.prepare("SELECT name FROM customers WHERE code = 'KH901'").pluck().all();
    await nav(page, tr('zh', 'nav.customers'));
    await page.getByRole('button', { name: tr('zh', 'pt.newCustomer') }).click();
    const dlg = page.locator('.dialog');
    await dlg.locator('input[name=code]').fill('KH901');
    await dlg.locator('input[name=name]').fill('临江\u202egnp.exe');
    await dlg.getByRole('button', { name: tr('zh', 'common.save') }).click();
    const alert = dlg.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('客户名称: 含有文字方向控制符');
    await page.screenshot({ path: join(SHOTS, 'text-rule-refused.png') });
    expect(customers()).toEqual([]);

    await dlg.locator('input[name=name]').fill('临江装饰');
    await dlg.getByRole('button', { name: tr('zh', 'common.save') }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(customers()).toEqual(['临江装饰']);
  });
});
