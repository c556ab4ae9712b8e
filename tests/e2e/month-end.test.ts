// One office's month in Chromium at 1366×768 (issue #14, "Tests and proof"): November 2026 walked
// in order on the office clock. 2 Nov: the office is stocked and a requisition to HQ signed (core,
// proved on screen by stock/requisitions e2e), a weekly count approved, finance pays 赵丽 a travel
// advance on screen. 9 Nov: the second weekly count is approved on screen with the manager's PIN,
// HQ delivers part of the requisition (the screen shows received / outstanding), a cash delivery
// the driver collected is handed over on screen with the driver's PIN, the advance is settled on
// screen (her claim, then the cash she returns); a credit sale to KH001. 28 Nov: the month-end count
// is approved on screen. Every day with postings is closed (日结). 1 Dec: the manager signs the month
// pack on 报表 › 月报; its PDF reads back with pdftotext (parts A–E, the cover's SHA-256) and its XLSX
// with exceljs (one sheet per part; A's closing equals the cash account's balance, D's the receivables
// ledger's); then a PC with its clock set back to 30 Nov (a day of the signed month) has finance's
// top-up on the cash journal refused with the month-locked message, in Chinese and in English.
// Screenshots go to .tmp/shots/ (ME_SHOTS=dir).

import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { DENOMINATIONS } from '../../shared/schemas/dayClose';
import { NO_CHROMIUM, ROOT, human, login, preparer, settled, startDesk, tr, waitForGrid, type Desk } from './harness';
import { poll } from './poll';

const SHOTS = process.env.ME_SHOTS ?? join(ROOT, '.tmp', 'shots');
const STOCKED = ['CZ-8801', 'CZ-8802', 'CZ-8803', 'CZ-6602', 'CZ-3001', 'WY-1001'];
const PARTS = ['A 办事处现金日记帐', 'B 人员考勤表', 'C 费用统计表', 'D 客户应收款月报表', 'E 月末未清借支'];
let desk: Desk;
let base = Date.parse('2026-11-02T09:00:00+08:00');
let started = Date.now();
const clock = () => new Date(base + (Date.now() - started));
let day = 0;
/** Move the office clock; core calls after it log in afresh (sessions idle out when the clock jumps days). */
function setClock(local: string): (who: string, method: string, input: unknown) => Promise<any> {
  base = Date.parse(`${local}:00+08:00`);
  started = Date.now();
  return preparer(desk.core, `me${++day}`);
}
const ids = { req: 0, reqNo: '', claimNo: '', dispatchNo: '' };

async function prepare(core: Core): Promise<void> {
  const c = preparer(core, 'me0');
  await c('刘洋', 'cash.topUp', { account: 'cash', amountFen: 500_000, memo: '备用金' });
  const supplierId = (await c('王强', 'suppliers.list', {}))[0].id;
  const items = (await c('王强', 'items.list', { limit: 1000 })).rows as { id: number; code: string }[];
  const id = (code: string) => items.find((i) => i.code === code)!.id;
  const lines = STOCKED.map((code) => ({ itemId: id(code), qty: 40, unitCostFen: 5200 }));
  const inb = await c('王强', 'slips.create', { kind: 'inbound', supplierId, deliveryNoteNo: 'HQ-ME-1', lines });
  await c('王强', 'slips.post', { slipId: inb.id });
  const r = await c('王强', 'requisitions.create', {
    memo: '月中要货',
    lines: [
      { itemId: id('CZ-8801'), qty: 60, expectedDate: '2026-11-09' },
      { itemId: id('WY-4001'), qty: 20, expectedDate: '2026-11-20' },
    ],
  });
  await c('张伟', 'requisitions.sign', { requisitionId: r.id, manager: { user: '张伟', pin: '1111' } });
  Object.assign(ids, { req: r.id, reqNo: r.no });
  const claim = await c('赵丽', 'expenses.create', { category: '差旅', amountFen: 150_000, summary: '广州 机票 住宿' });
  await c('张伟', 'expenses.approve', { expenseId: claim.id, manager: { user: '张伟', pin: '1111' } });
  ids.claimNo = claim.no;
}

type Call = ReturnType<typeof setClock>;

/** A count counted to the book (the manager sees the book quantity) and finished: it waits for approval. */
async function countedToBook(c: Call, kind: 'weekly' | 'monthEnd', codes: string[] = []): Promise<{ id: number; no: string }> {
  const selection = kind === 'weekly' ? { by: 'items', itemIds: codes.map((x) => desk.itemId(x)) } : undefined;
  const count = await c('王强', 'counts.create', { kind, selection });
  // the first entry takes the book quantity (counts/service.ts); the manager sees it and counts it
  const lines = (await c('张伟', 'counts.view', { countId: count.id })).lines as { itemId: number }[];
  for (const l of lines) await c('张伟', 'counts.enter', { countId: count.id, itemId: l.itemId, qty: 0 });
  const booked = (await c('张伟', 'counts.view', { countId: count.id })).lines as { itemId: number; bookQty: number }[];
  for (const l of booked) await c('张伟', 'counts.enter', { countId: count.id, itemId: l.itemId, qty: l.bookQty });
  await c('王强', 'counts.finish', { countId: count.id });
  return { id: count.id, no: count.no };
}

/** 日结 of the day through the core: the cash counted as expected, the channels as their statements. */
async function closeDay(c: Call, date: string): Promise<void> {
  const pv = await c('刘洋', 'dayClose.preview', { date });
  let left = pv.cash.expectedFen as number;
  const counts: Record<string, number> = {};
  for (const d of DENOMINATIONS) {
    const n = Math.floor(left / Number(d));
    if (n) counts[d] = n;
    left -= n * Number(d);
  }
  expect(left).toBe(0);
  const channels = { wechat: 0, alipay: 0, bank: 0 };
  for (const ch of pv.channels as { account: keyof typeof channels; expectedFen: number }[]) channels[ch.account] = ch.expectedFen;
  await c('刘洋', 'dayClose.close', {
    date,
    counts,
    channels,
    ...(pv.allPass ? {} : { managerApproval: { user: '张伟', pin: '1111' } }),
    finance: { user: '刘洋', pin: '2222' },
    statistician: { user: '陈静', pin: '3333' },
  });
}

/** Start afresh on the login screen: the page's session may have idled out when the office clock jumped days. */
async function freshLogin(name: string): Promise<void> {
  const { page } = desk;
  if (!page.url().startsWith(desk.web.origin)) await page.goto(desk.web.url);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await login(page, desk, name);
}

/** The keeper approves a counted count on its variance report with the manager's PIN. */
async function approveOnScreen(count: { id: number; no: string }, shot: string): Promise<void> {
  const { page } = desk;
  await page.goto(`${desk.web.url}#/counts/${count.id}`);
  await page.getByTestId('count-approve').click();
  await page.locator('#count-mgr-pin').pressSequentially('1111', { delay: 60 });
  await page.screenshot({ path: join(SHOTS, shot) });
  await page.keyboard.press('Enter');
  await page.getByText(tr('zh', 'ct.approved', { no: count.no })).waitFor();
}

/** The bytes of the next blob the page makes (the desk's CSP lets no fetch read a blob: URL). */
async function keepBlobs(): Promise<void> {
  await desk.page.evaluate(() => {
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => ((window as unknown as { lastBlob: Blob }).lastBlob = b as Blob) && make(b);
  });
}
async function lastBlob(): Promise<Buffer> {
  const b64 = await desk.page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result).split(',')[1]);
        r.readAsDataURL((window as unknown as { lastBlob: Blob }).lastBlob);
      }),
  );
  return Buffer.from(b64, 'base64');
}

describe.skipIf(!!NO_CHROMIUM)('a month at the office, end to end', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    desk = await startDesk({ name: 'month-end', prepare, clock });
    await desk.page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);
  afterAll(async () => desk?.close());

  it('2 Nov: a weekly count approved; finance pays a travel advance with the manager’s PIN; the day closed', { timeout: 90_000 }, async () => {
    const { page } = desk;
    const c = setClock('2026-11-02T10:00');
    const first = await countedToBook(c, 'weekly', STOCKED.slice(0, 3));
    await c('王强', 'counts.approve', { countId: first.id, signoff: { user: '张伟', pin: '1111' } });

    await login(page, desk, '刘洋');
    await page.goto(`${desk.web.url}#/journal/advances`);
    await page.getByText(tr('zh', 'adv.none')).waitFor();
    await page.keyboard.press('F2');
    await page.locator('.dialog select').first().selectOption({ label: '赵丽' });
    await page.getByTestId('adv-amount').fill('2000');
    await page.getByTestId('adv-purpose').fill('出差广州 客户回访');
    await page.locator('#adv-mgr-pin').focus();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    await page.getByText(/已付借支 JZ\d{12} 给 赵丽 ¥2,000.00/).waitFor();
    await waitForGrid(page, (rows) => rows.map((r) => [r.cells.state, r.cells.openFen]), [['未核销', '2,000.00']]);
    await closeDay(setClock('2026-11-02T18:00'), '2026-11-02');
  });

  it(
    '9 Nov: a weekly count approved on screen, HQ delivers part of the requisition, the driver hands over, the advance is settled',
    { timeout: 150_000 },
    async () => {
      const { page } = desk;
      const c = setClock('2026-11-09T09:00');
      const second = await countedToBook(c, 'weekly', STOCKED.slice(3));
      const supplierId = (await c('王强', 'suppliers.list', {}))[0].id;
      const inb = await c('王强', 'slips.create', {
        kind: 'inbound',
        supplierId,
        deliveryNoteNo: 'HQ-ME-2',
        requisitionId: ids.req,
        lines: [{ itemId: desk.itemId('CZ-8801'), qty: 36, unitCostFen: 5200 }],
      });
      await c('王强', 'slips.post', { slipId: inb.id });
      const s = await c('赵丽', 'slips.create', {
        kind: 'dispatch',
        customerId: desk.customerId('KH001'),
        paymentMode: 'cash',
        collectByCarrier: true,
        lines: [{ itemId: desk.itemId('CZ-8801'), qty: 10, priceFen: 7800 }],
      });
      await c('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
      await c('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
      const driver = ((await c('王强', 'slips.carriers', {})) as { id: number; name: string }[]).find((x) => x.name === '李磊')!;
      await c('王强', 'slips.setCarrier', { slipId: s.id, carrierId: driver.id });
      await c('王强', 'slips.post', { slipId: s.id });
      ids.dispatchNo = s.no;
      const credit = await c('赵丽', 'slips.create', {
        kind: 'dispatch',
        customerId: desk.customerId('KH001'),
        paymentMode: 'credit',
        lines: [{ itemId: desk.itemId('CZ-8802'), qty: 5, priceFen: 8800 }],
      });
      await c('赵丽', 'slips.sign', { slipId: credit.id, role: 'manager', user: '张伟', pin: '1111' });
      await c('赵丽', 'slips.sign', { slipId: credit.id, role: 'finance', user: '刘洋', pin: '2222' });
      await c('王强', 'slips.post', { slipId: credit.id });

      // the keeper: the second weekly count approved with the manager's PIN; the requisition partly received
      await freshLogin('王强');
      await approveOnScreen(second, 'month-end-count-weekly.png');
      await page.goto(`${desk.web.url}#/items/requisitions`);
      await waitForGrid(page, (rows) => rows.map((r) => [r.cells.no, r.cells.received, r.cells.outstanding]), [[ids.reqNo, '36', '44']], {
        scope: '.requisition-list',
      });
      await page.screenshot({ path: join(SHOTS, 'month-end-requisition.png') });

      // finance: the driver's hand-over with his PIN, then the advance settled by her claim and the cash she returns
      await freshLogin('刘洋');
      await page.goto(`${desk.web.url}#/journal/delivery`);
      await waitForGrid(page, (rows) => rows.map((r) => [r.cells.slipNo, r.cells.carrier, r.cells.state]), [[ids.dispatchNo, '李磊', '待交回']]);
      await page.locator('.grid-fill .ag-row [col-id="customerName"]').first().click();
      await page.locator('.toolbar button:not([disabled])', { hasText: tr('zh', 'dc2.take') }).waitFor();
      await page.keyboard.press('F9');
      await page.locator('#delivery-pin').focus();
      await human(page, '5555');
      await page.keyboard.press('Enter');
      await page.getByText(new RegExp(`已收回 ${ids.dispatchNo} 的货款 ¥780.00`)).waitFor();

      await page.goto(`${desk.web.url}#/journal/advances`);
      const row = page.locator('.grid-fill .ag-row [col-id="purpose"]').first();
      await row.click();
      await page.locator('.toolbar button:not([disabled])', { hasText: tr('zh', 'adv.settle') }).waitFor();
      await page.keyboard.press('F9');
      await page.getByTestId('adv-claim').locator('option', { hasText: ids.claimNo }).waitFor({ state: 'attached' });
      await page.keyboard.press('Enter');
      await waitForGrid(page, (rows) => rows.map((r) => [r.cells.appliedFen, r.cells.openFen]), [['1,500.00', '500.00']]);
      await row.click();
      await page.keyboard.press('F9');
      await page.getByTestId('adv-mode-cash').click();
      await page.getByTestId('adv-return').fill('500');
      await page.keyboard.press('Enter');
      await waitForGrid(page, (rows) => rows.map((r) => [r.cells.state, r.cells.openFen]), [['已核销', '0.00']]);
      await page.screenshot({ path: join(SHOTS, 'month-end-advance.png') });
      await closeDay(setClock('2026-11-09T18:00'), '2026-11-09');
    },
  );

  it('28 Nov: the month-end count approved on screen; the day closed', { timeout: 90_000 }, async () => {
    const c = setClock('2026-11-28T16:00');
    const monthEnd = await countedToBook(c, 'monthEnd');
    await freshLogin('王强');
    await approveOnScreen(monthEnd, 'month-end-count-month.png');
    await closeDay(setClock('2026-11-28T18:00'), '2026-11-28');
  });

  it('1 Dec: the manager signs the pack; its PDF and XLSX read back; a day of November is refused', { timeout: 150_000 }, async () => {
    const { page } = desk;
    const c = setClock('2026-12-01T09:00');
    await freshLogin('张伟');
    await page.goto(`${desk.web.url}#/aging/monthPack`);
    await page.locator('.toolbar h1', { hasText: tr('zh', 'mp.title') }).waitFor();
    const sign = page.getByTestId('mp-sign');
    await poll(() => sign.isEnabled()).toBe(true);
    await sign.click();
    await page.getByTestId('mp-pin').click();
    await human(page, '1111');
    await page.keyboard.press('Enter');
    const record = page.getByTestId('mp-signed');
    await record.waitFor();
    const status = await c('张伟', 'monthPack.status', { month: '2026-11' });
    expect(status.signed?.signedBy.name).toBe('张伟');
    expect(await record.textContent()).toContain(status.signed!.sha256);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, 'month-end-signed.png') });

    // the PDF, opened in a tab: parts A–E and the cover's SHA-256
    await keepBlobs();
    const tab = page.context().waitForEvent('page');
    await page.getByTestId('mp-pdf').click();
    const pdfTab = await tab;
    await poll(() => pdfTab.url()).toMatch(/^blob:/);
    const pdf = join(SHOTS, 'month-end.pdf');
    writeFileSync(pdf, await lastBlob());
    await pdfTab.close();
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // A: the advance paid and returned, the driver's hand-over; C: the claim that settled it; D: the credit sale
    const lines = [`借支 JZ`, `送货收款 ${ids.dispatchNo}`, '借支退回', '本月合计 6,280.00 2,000.00 4,280.00', '差旅 1,500.00', 'KH001'];
    for (const s of [...PARTS, status.signed!.sha256, '张伟(经理)', ...lines]) expect(text).toContain(s);
    expect(text).not.toContain('未登记打印'); // the pack's print is logged: no part calls itself a preview

    // the XLSX, downloaded: one sheet per part; report A's closing of cash equals the cash account's balance
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mp-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('月报_2026-11.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['封面', ...PARTS]);
    const cash = ((await c('刘洋', 'cash.accounts', {})) as { account: string; name: string; balanceFen: number }[]).find((a) => a.account === 'cash')!;
    const closing: unknown[] = [];
    book.worksheets[1].eachRow((r) => r.getCell(1).value === cash.name && r.getCell(4).value === '本月合计' && closing.push(r.getCell(7).value));
    expect(closing).toEqual([cash.balanceFen / 100]);
    expect(cash.balanceFen).toBe(500_000 - 200_000 + 78_000 + 50_000);
    // D: KH001's closing is the credit sale, as the receivables ledger has it
    const ledger = await c('刘洋', 'receivables.ledger', { customerId: desk.customerId('KH001'), to: '2026-11-30', limit: 100, offset: 0 });
    const closingD: unknown[] = [];
    book.worksheets[4].eachRow((r) => r.getCell(1).value === 'KH001' && closingD.push(r.getCell(7).value));
    expect([ledger.closingFen, closingD]).toEqual([44_000, [440]]);

    // the last closed day of November: locked with its month, so the manager is offered no 反日结
    await page.goto(`${desk.web.url}#/dayclose/2026-11-28`);
    await page.locator('.notice', { hasText: '2026-11 月报已签署，本月已锁定' }).waitFor();
    expect(await page.locator('.toolbar button', { hasText: tr('zh', 'ro.reopen') }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'month-end-dayclose-locked.png') });

    // a PC whose clock is set back to 30 Nov (no postings that day, not closed): the business day is in the
    // signed month, and finance's top-up on the cash journal is refused with the month-locked message
    const back = setClock('2026-11-30T10:00');
    await freshLogin('刘洋');
    await page.goto(`${desk.web.url}#/journal`);
    await page.locator('.toolbar h1', { hasText: tr('zh', 'nav.journal') }).waitFor();
    const topUp = async (lang: 'zh' | 'en', message: string) => {
      await page.keyboard.press('F8');
      const dialog = page.locator('.dialog', { hasText: tr(lang, 'jr.topUp') });
      await dialog.locator('input.num').fill('100');
      await page.keyboard.press('Enter');
      await dialog.getByText(message).waitFor();
    };
    await topUp('zh', '2026-11 月报已签署，本月已锁定；更正请在下月做红字冲销(不能记入 2026-11-30)');
    await page.screenshot({ path: join(SHOTS, 'month-end-locked.png') });
    await page.keyboard.press('Escape');
    await page.locator('.dialog').waitFor({ state: 'detached' });
    await page.locator('.lang-switch button', { hasText: 'English' }).click();
    await topUp(
      'en',
      'The month pack of 2026-11 is signed and the month is locked; make a correction as a reversal in the next month (nothing can be booked into 2026-11-30)',
    );
    await page.screenshot({ path: join(SHOTS, 'month-end-locked-en.png') });
    await page.keyboard.press('Escape');
    await page.locator('.lang-switch button', { hasText: '中文' }).click();
    const after = ((await back('刘洋', 'cash.accounts', {})) as { account: string; balanceFen: number }[]).find((a) => a.account === 'cash')!;
    expect(after.balanceFen).toBe(cash.balanceFen); // nothing booked
    expect((await back('张伟', 'system.verify', {})).ok).toBe(true);
    expect(desk.pageErrors).toEqual([]);
  });
});
