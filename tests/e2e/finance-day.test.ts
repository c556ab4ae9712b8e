// A finance day in the real renderer (browser mode, Chromium), on one fixed business day
// (2026-11-29, Shanghai) whose clock the test controls. Warehouse setup goes through the core
// (inbound posted, dispatches written by sales and signed by the manager, posted by the keeper);
// everything the finance desk does has its screen and goes through the UI:
//   (a) 刘洋 signs the credit dispatch for KH004 (limit 0): refused 超出信用额度 (an Enter before the
//       manager's PIN is typed keeps the dialog usable), 张伟's PIN overrides;
//   (b) a 回款 on KH004's customer ledger; (c) an expense claim: new, manager approval by PIN, paid;
//   (d) a cash return posted by the keeper (core) waits on 待付退款; finance pays it there with the
//       PIN, and the refund shows in the 现金日记账;
//   (e) the close of day: cash counted by denomination exactly 0.50 元 short, reason, manager,
//       finance and statistician PINs, F9 → the day shows locked, the journal shows the 短款 voucher;
//   (f) posting into the closed day is refused (UI remittance and /rpc-equivalent core call: 已日结);
//   (g) the books verify clean.
// Skipped (with a message) when no Chromium is installed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import type { Core } from '../../electron/core';
import { verifyBooks } from '../../electron/domains/system/verify';
import { NO_CHROMIUM, gridRows, human, login, preparer, startDesk, settled, tr, type Desk } from './harness';
import { poll } from './poll';

const DAY = '2026-11-29';
// the clock runs from 16:00 Shanghai on DAY (real seconds pass, the test stays within the day)
const BASE = Date.parse('2026-11-29T08:00:00Z');
const started = Date.now();
const clock = () => new Date(BASE + (Date.now() - started));

let desk: Desk;
const ids = { cash: 0, wechat: 0, credit: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'fd');
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const custs = (await c('赵丽', 'customers.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const cust = (code: string) => custs.find((x) => x.code === code)!.id;
  const sups = await c('王强', 'suppliers.list', {});
  const supplierId = (sups.rows ?? sups)[0].id;

  const inb = await c('王强', 'slips.create', {
    kind: 'inbound',
    supplierId,
    deliveryNoteNo: 'HQ-FIN-1129',
    lines: [{ itemId: item('CZ-8801'), qty: 100, unitCostFen: 5200 }],
  });
  await c('王强', 'slips.post', { slipId: inb.id });
  await c('刘洋', 'cash.topUp', { account: 'cash', amountFen: 100000, memo: '备用金' });

  const dispatch = async (code: string, mode: string, qty: number): Promise<number> => {
    const s = await c('赵丽', 'slips.create', {
      kind: 'dispatch',
      customerId: cust(code),
      paymentMode: mode,
      lines: [{ itemId: item('CZ-8801'), qty, priceFen: 8800 }],
    });
    await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
    return s.id;
  };
  ids.cash = await dispatch('KH002', 'cash', 10);
  ids.wechat = await dispatch('KH003', 'wechat', 5);
  ids.credit = await dispatch('KH004', 'credit', 3);
  // the cash and WeChat ones are signed by finance through the core; the credit one in the UI (a)
  for (const id of [ids.cash, ids.wechat]) await c('赵丽', 'slips.sign', { slipId: id, role: 'finance', user: '刘洋', pin: '2222' });
}

describe.skipIf(!!NO_CHROMIUM)('a finance day in Chromium', () => {
  beforeAll(async () => {
    desk = await startDesk({ name: 'fin', clock, prepare });
  }, 240_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('signs, collects, pays, refunds, closes the day 0.50 元 short, and later postings go to the next business day', { timeout: 180_000 }, async () => {
    const { page } = desk;
    const keeper = await desk.as('王强');
    const finance = await desk.as('刘洋');
    const sales = await desk.as('赵丽');
    const post = async (id: number): Promise<Slip> => {
      const s = await keeper('slips.get', { slipId: id });
      return keeper('slips.post', { slipId: id, picked: s.lines.map((l) => ({ lineId: l.id, qty: l.qty })) } as never);
    };

    await login(page, desk, '刘洋');

    // (a) the credit dispatch: finance signs in the dialog, refused over the limit, the manager overrides
    await page.goto(`${desk.web.url}#/slips/${ids.credit}`);
    await page.locator('.toolbar h1').first().waitFor();
    await settled(page);
    await sleep(300);
    await page.keyboard.press('F6');
    await page.locator('.dialog').waitFor();
    await page.locator('.dialog input[type=password]').first().pressSequentially('2222', { delay: 120 });
    await page.keyboard.press('Enter');
    await page.locator('.credit-override').waitFor();
    expect(await page.locator('.dialog').first().textContent()).toContain('信用额度');
    // Enter before the manager's PIN is typed keeps the override part and the dialog usable
    await settled(page);
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await page.locator('.credit-override').isVisible()).toBe(true);
    expect(await page.locator('.dialog .btn-primary').last().isDisabled()).toBe(false);
    await page.locator('.credit-override input[type=password]').pressSequentially('1111', { delay: 120 });
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await poll(async () => (await keeper('slips.get', { slipId: ids.credit })).signatures?.some((s: { role: string }) => s.role === 'finance')).toBe(true);

    // the keeper posts all three (core)
    for (const id of [ids.cash, ids.wechat, ids.credit]) expect((await post(id)).state).toBe('posted');
    const kh004 = desk.customerId('KH004');
    expect((await finance('receivables.open', { customerId: kh004 })).balanceFen).toBe(3 * 8800);

    // (b) 回款 100 元 on KH004's ledger
    await page.goto(`${desk.web.url}#/aging/${kh004}`);
    await page.locator('.ag-row').first().waitFor();
    await settled(page);
    await sleep(300);
    await page.keyboard.press('F2');
    await page.locator('.dialog').waitFor();
    await page.locator('.dialog input.num').first().pressSequentially('100', { delay: 120 });
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await poll(async () => (await finance('receivables.open', { customerId: kh004 })).balanceFen).toBe(3 * 8800 - 10000);

    // (c) an expense claim: new, manager approval by PIN, paid by finance
    await page.goto(`${desk.web.url}#/expenses`);
    await page.locator('.toolbar h1').first().waitFor();
    await settled(page);
    await sleep(300);
    await page.keyboard.press('F2');
    await page.locator('.dialog').waitFor();
    await page.locator('.dialog input.num').first().pressSequentially('88.5', { delay: 120 });
    await page.locator('.dialog input.narrow').fill('2');
    await page.locator('.dialog input:not(.num)').last().fill('快递费 寄样品');
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    const claimRow = page.locator('.ag-row', { hasText: '快递费' }).first();
    await claimRow.click();
    await sleep(300);
    await page.keyboard.press('F6');
    await page.locator('#ex-mgr-pin').waitFor();
    await page.locator('#ex-mgr-pin').pressSequentially('1111', { delay: 120 });
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page
      .locator('.ag-row', { hasText: tr('zh', 'ex.st.approved' as never) })
      .first()
      .waitFor();
    await claimRow.click();
    await sleep(300);
    await page.keyboard.press('F9');
    await page.locator('.dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page
      .locator('.ag-row', { hasText: '快递费' })
      .filter({ hasText: tr('zh', 'ex.st.paid' as never) })
      .first()
      .waitFor();

    // (d) a return of 2 from the cash sale, refunded in cash: posted by the keeper (core)
    const src = await keeper('slips.get', { slipId: ids.cash });
    const ret = await sales('slips.create', {
      kind: 'return',
      sourceSlipId: src.id,
      paymentMode: 'cash',
      lines: [{ itemId: src.lines[0].itemId, qty: 2, sourceLineId: src.lines[0].id }],
    } as never);
    await sales('slips.sign', { slipId: ret.id, role: 'manager', user: '张伟', pin: '1111' } as never);
    const retPosted = await keeper('slips.post', { slipId: ret.id } as never);
    expect(retPosted).toMatchObject({ state: 'posted', refund: { state: 'pending', amountFen: 17_600 } });
    // the keeper's posting made a refund that waits: the slip says so, the close of day warns and
    // links to 待付退款, where finance pays it with the PIN (F9)
    await page.goto(`${desk.web.url}#/slips/${ret.id}`);
    await page.locator('.slip-facts', { hasText: tr('zh', 'rf.slip.pending', { fen: '176.00' }) }).waitFor();
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/refunds-slip.png` });
    await page.goto(`${desk.web.url}#/dayclose/${DAY}`);
    const warn = page.locator('.notice', { hasText: ret.no });
    await warn.waitFor();
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/refunds-dayclose.png` });
    await warn.getByRole('button', { name: tr('zh', 'rf.goPay') }).click();
    await page.waitForURL(/#\/journal\/refunds$/);
    const pendingRow = page
      .locator('.ag-row', { hasText: ret.no })
      .filter({ hasText: tr('zh', 'rf.st.pending' as never) })
      .first();
    await pendingRow.waitFor();
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/refunds-pending.png` });
    await pendingRow.click();
    await settled(page);
    await page.keyboard.press('F9');
    await page.locator('.dialog').waitFor();
    expect(await page.locator('.dialog').first().textContent()).toContain('176.00');
    await page.locator('.dialog input[type=password]').first().pressSequentially('2222', { delay: 60 });
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/refunds-confirm.png` });
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page
      .locator('.ag-row', { hasText: ret.no })
      .filter({ hasText: tr('zh', 'rf.st.paid' as never) })
      .first()
      .waitFor();
    expect((await keeper('slips.get', { slipId: ret.id } as never)).refund).toMatchObject({ state: 'paid', confirmedBy: { name: '刘洋' } });
    await page.goto(`${desk.web.url}#/journal`);
    const refundRow = page.locator('.ag-row', { hasText: ret.no }).filter({ hasText: '退货退款' }).first();
    await refundRow.waitFor();
    expect(await refundRow.textContent()).toContain('176.00');

    // (e) the close of day: counted exactly 0.50 元 short
    const pv = await finance('dayClose.preview', { date: DAY } as never);
    const expected: number = (pv as any).cash.expectedFen;
    const channels = Object.fromEntries(((pv as any).channels as { account: string; expectedFen: number }[]).map((x) => [x.account, x.expectedFen]));
    await page.goto(`${desk.web.url}#/dayclose/${DAY}`);
    await page.locator('.ag-row[row-id="10000"]').first().waitFor();
    await settled(page);
    // the count sheet's denominations, as its rows (row-id = the denomination in fen)
    const denoms = [
      ...new Set(
        (await gridRows(page, '.ag-root')).length
          ? await page.evaluate(() => Array.from(document.querySelectorAll('.ag-row[row-id]')).map((r) => r.getAttribute('row-id')!))
          : [],
      ),
    ]
      .filter((x) => /^\d+$/.test(x))
      .map(Number)
      .sort((a, b) => b - a);
    expect(denoms).toContain(10);
    let rest = expected - 50;
    const counts: [number, number][] = [];
    for (const d of denoms) {
      const k = Math.floor(rest / d);
      rest -= k * d;
      if (k) counts.push([d, k]);
    }
    expect(rest).toBe(0);
    for (const [d, k] of counts) {
      await page.locator(`.ag-row[row-id="${d}"] [col-id="count"]`).first().click();
      await sleep(150);
      await human(page, String(k));
      await page.keyboard.press('Enter');
      await sleep(150);
    }
    for (const [account, fen] of Object.entries(channels)) {
      const input = page.locator(`input[data-account="${account}"]`);
      if (await input.count()) {
        await input.fill('');
        await input.pressSequentially((fen / 100).toFixed(2).replace(/\.00$/, ''), { delay: 120 });
      }
    }
    await page.locator('.fin-panel input.input:not([data-account]):not([type=password])').first().fill('点钞少 5 角, 找零误差');
    await page.locator('#dc-mgr-pin').pressSequentially('1111', { delay: 120 });
    await page.locator('#dc-fin-pin').pressSequentially('2222', { delay: 120 });
    await page.locator('#dc-stat-pin').pressSequentially('3333', { delay: 120 });
    await page.keyboard.press('F9');
    await page
      .getByText(tr('zh', 'dc.closed' as never))
      .first()
      .waitFor();
    const status = await finance('dayClose.status', {} as never);
    expect((status as any).lastClosed).toBe(DAY);
    const cashBalance = async () =>
      ((await finance('cash.accounts', {} as never)) as { account: string; balanceFen: number }[]).find((a) => a.account === 'cash')!.balanceFen;
    // the books now end at what was counted: 0.50 元 below the expected cash
    expect(await cashBalance()).toBe(expected - 50);

    // the journal shows the 短款 voucher of 0.50
    await page.goto(`${desk.web.url}#/journal`);
    const shortRow = page.locator('.ag-row', { hasText: `${DAY} 日结短款` }).first();
    await shortRow.waitFor();
    expect(await shortRow.textContent()).toContain('0.50');

    // (f) after the close, postings go to the next business day, and the screens say so: a remittance in the UI…
    const NEXT = '2026-11-30';
    await settled(page);
    await sleep(300);
    await page.keyboard.press('F7');
    await page.locator('.dialog').waitFor();
    await page.locator('.dialog input.num').pressSequentially('10', { delay: 120 });
    await page.locator('.dialog input:not(.num)').last().fill('日结后交回');
    await page.keyboard.press('Enter');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await poll(cashBalance).toBe(expected - 50 - 1000);
    const nextRows = ((await finance('cash.journal', { from: NEXT } as never)) as { rows: { date: string; summary: string; memo: string }[] }).rows;
    expect(nextRows.map((r) => r.date)).toEqual([NEXT]);
    // …a late collection through the core, as /rpc would send it
    const token = await desk.tokenOf('刘洋');
    const late = await desk.core.call('receivables.collect', { customerId: kh004, account: 'cash', amountFen: 1000, memo: '日结后回款' } as never, {
      sessionToken: token,
    });
    expect(late.ok).toBe(true);
    expect(await cashBalance()).toBe(expected - 50);
    // …and a late delivery: the keeper posts an inbound, dated the next day, with the notice on the slip and the status bar
    const sups = (await keeper('suppliers.list', {} as never)) as any;
    const inb = await keeper('slips.create', {
      kind: 'inbound',
      supplierId: (sups.rows ?? sups)[0].id,
      deliveryNoteNo: 'HQ-FIN-LATE',
      lines: [{ itemId: desk.itemId('CZ-8801'), qty: 5, unitCostFen: 5200 }],
    } as never);
    const posted = await keeper('slips.post', { slipId: (inb as Slip).id } as never);
    expect((posted as Slip).businessDate).toBe(NEXT);
    await page.goto(`${desk.web.url}#/slips/${(inb as Slip).id}`);
    await page.getByText(`今日已日结, 本单记入 ${NEXT}`).first().waitFor();
    await page.getByText(`今日已日结, 记账日 ${NEXT}`).first().waitFor();
    const dc = await finance('dayClose.status', {} as never);
    expect(dc).toMatchObject({ today: DAY, todayClosed: true, lastClosed: DAY, businessDate: NEXT });

    // (g) the books verify clean
    expect(verifyBooks((desk.core as any).db).problems).toEqual([]);
    expect(desk.pageErrors.filter((e) => !/day_closed|已日结|status of 4\d\d/.test(e))).toEqual([]);
  });
});
