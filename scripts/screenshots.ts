// `npm run screenshots [-- --out DIR]` — pictures of every screen of the desk, for the docs.
//
// Starts browser mode (electron/web/server.ts) on a temporary database with the demo office, gives
// it about six weeks of business through the core (HQ deliveries, dispatches to every customer in
// every payment mode, returns, a reversal of a dispatch and of a mis-keyed delivery, ~200 moves
// on 抛光砖 雅典米白 CZ-8801, yesterday closed (日结)), then works today through the real renderer in
// Debian's Chromium — scanning, signing, picking — and screenshots each screen at 1366×800 into
// docs/screenshots/NN-name.png. Last, scripts/screenshots-docs.ts adds the first pages of the
// printed documents (doc-*.png, needs pdftoppm). Never downloads a browser; the renderer is built
// first when out/renderer is missing.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Core } from '../electron/core';
import type { Input, MethodName, Output, PaymentMode, Slip, SlipLineInput } from '../shared/contract';
import {
  CHROMIUM,
  NO_CHROMIUM,
  ROOT,
  fixture,
  human,
  login,
  nav,
  scan,
  settled,
  startDesk,
  switchUser,
  tr,
  waitForGrid,
  type Desk,
} from '../tests/e2e/harness';
import { REVERSE_SIGNOFFS } from '../tests/helpers/index';

// ------------------------------------------------------------------ options

function parseArgs(argv: string[]): { out: string; docs: boolean } {
  let out = resolve(ROOT, 'docs', 'screenshots');
  let docs = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = resolve(argv[++i] ?? '');
    else if (a.startsWith('--out=')) out = resolve(a.slice(6));
    else if (a === '--no-docs') docs = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run screenshots [-- --out DIR] [--no-docs]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return { out, docs };
}

const DAY = 24 * 3600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ six weeks of business, through the core

/** The core's clock: moved by hand through the history, the real one from today on. */
let fakeNow: number | null = null;
const clock = () => new Date(fakeNow ?? Date.now());

/** 09:00 in Shanghai (01:00Z) of the day `daysAgo` before today (Shanghai). */
function morning(daysAgo: number): number {
  const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return Date.parse(`${shanghaiToday}T01:00:00Z`) - daysAgo * DAY;
}
const shanghaiDay = (t: number) => new Date(t + 8 * 3600_000);

interface History {
  itemId: Record<string, number>;
  customerId: Record<string, number>;
  /** today's slips, made through the core before the browser starts */
  today: { unsigned: Slip; managerOnly: Slip; readyToPick: Slip; posted: Slip; returnDraft: Slip; voided: Slip };
  reversedDispatch: Slip;
  reversal: Slip;
}

async function makeHistory(core: Core): Promise<History> {
  let tokens = new Map<string, string>();
  const pinOf = (name: string) => fixture.users.find((u) => u.name === name)!.pin;
  const call = async <M extends MethodName>(who: string, method: M, input: Input<M>): Promise<Output<M>> => {
    if (!tokens.has(who)) {
      const r = await core.call('auth.login', { user: who, pin: pinOf(who) });
      if (!r.ok) throw new Error(`login ${who}: ${r.error.message_en}`);
      tokens.set(who, r.value.sessionToken);
    }
    const r = await core.call(method, input, { sessionToken: tokens.get(who)! });
    if (!r.ok) throw new Error(`${method} as ${who}: ${r.error.code} ${r.error.message_en}`);
    return r.value;
  };
  const tick = (min = 4) => {
    if (fakeNow !== null) fakeNow += min * 60_000;
  };

  const items = (await call('张伟', 'items.list', { limit: 1000 })).rows;
  const customers = (await call('张伟', 'customers.list', { limit: 1000 })).rows;
  const supplierId = (await call('王强', 'suppliers.list', {}))[0].id;
  const itemId = Object.fromEntries(items.map((i) => [i.code, i.id]));
  const customerId = Object.fromEntries(customers.map((c) => [c.code, c.id]));
  const price: Record<string, number> = Object.fromEntries(fixture.items.map((i) => [i.code, i.priceFen ?? 0]));
  const cost: Record<string, number> = Object.fromEntries(fixture.items.map((i) => [i.code, i.unitCostFen ?? 0]));
  const onHand = new Map<string, number>();

  // a fixed pseudo-random sequence: the same office every time
  let seed = 20261129;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

  let noteSeq = 31;
  const receive = async (lines: { code: string; qty: number; costFen?: number; memo?: string }[], opts: { reverseAndReenter?: boolean } = {}) => {
    const d = shanghaiDay(fakeNow!).toISOString().slice(0, 10).replace(/-/g, '');
    const input: SlipLineInput[] = lines.map((l) => ({ itemId: itemId[l.code], qty: l.qty, unitCostFen: l.costFen ?? cost[l.code], memo: l.memo }));
    const header = { kind: 'inbound' as const, supplierId, deliveryNoteNo: `SH-${d}-${String(noteSeq++).padStart(4, '0')}` };
    let s = await call('王强', 'slips.create', { ...header, lines: input });
    tick();
    s = await call('王强', 'slips.post', { slipId: s.id });
    tick(2);
    if (opts.reverseAndReenter) {
      // keyed in wrong: reversed at once (红字冲销), entered again
      await call('王强', 'slips.reverse', { slipId: s.id, reason: '随货同行联数量录错, 冲销重录', ...REVERSE_SIGNOFFS });
      tick();
      s = await call('王强', 'slips.post', { slipId: (await call('王强', 'slips.create', { ...header, lines: input })).id });
      tick(2);
    }
    for (const l of lines) onHand.set(l.code, (onHand.get(l.code) ?? 0) + l.qty);
    return s;
  };

  const tiles = fixture.items.filter((i) => i.code.startsWith('CZ-')).map((i) => i.code);
  const others = fixture.items.filter((i) => !i.code.startsWith('CZ-')).map((i) => i.code);
  const sellable = (code: string, want: number) => Math.min(want, onHand.get(code) ?? 0);

  const dispatchLines = (hot: number, extra: number): SlipLineInput[] => {
    const lines: SlipLineInput[] = [];
    const seen = new Set<string>();
    const add = (code: string, want: number, discount = 1) => {
      const q = sellable(code, want);
      if (q < 1 || seen.has(code)) return;
      seen.add(code);
      lines.push({ itemId: itemId[code], qty: q, priceFen: Math.round((price[code] * discount) / 10) * 10 });
    };
    add('CZ-8801', hot, pick([1, 1, 0.95, 0.9]));
    for (let k = 0; k < extra; k++) {
      const code = rnd() < 0.6 ? pick(tiles) : pick(others);
      add(code, price[code] > 50_000 ? int(1, 2) : code.startsWith('CZ-') ? int(6, 30) : code.startsWith('FL-') ? int(2, 12) : int(1, 2));
    }
    return lines;
  };
  const linesOf = (s: Slip) => s.lines.map((l) => [items.find((i) => i.id === l.itemId)!.code, l.qty] as const);

  const CREDIT = new Set(['KH001', 'KH002']);
  const ROTA: [string, PaymentMode][] = [
    ['KH001', 'credit'],
    ['KH003', 'wechat'],
    ['KH006', 'cash'],
    ['KH002', 'credit'],
    ['KH005', 'alipay'],
    ['KH007', 'bank'],
    ['KH004', 'bank'],
    ['KH008', 'wechat'],
    ['KH006', 'cash'],
    ['KH005', 'cash'],
  ];
  let rota = 0;
  const newDispatch = async (customer: string, mode: PaymentMode, lines: SlipLineInput[], memo = '') => {
    if (mode === 'credit' && !CREDIT.has(customer)) mode = 'cash';
    const s = await call('赵丽', 'slips.create', { kind: 'dispatch', customerId: customerId[customer], paymentMode: mode, memo, lines });
    tick(3);
    return s;
  };
  const signBoth = async (s: Slip) => {
    await call('赵丽', 'slips.sign', { slipId: s.id, role: 'manager', user: '张伟', pin: '1111' });
    tick(2);
    const x = await call('赵丽', 'slips.sign', { slipId: s.id, role: 'finance', user: '刘洋', pin: '2222' });
    tick(2);
    return x;
  };
  const postDispatch = async (s: Slip) => {
    const x = await call('王强', 'slips.post', { slipId: s.id });
    for (const [code, q] of linesOf(x)) onHand.set(code, (onHand.get(code) ?? 0) - q);
    tick(5);
    return x;
  };
  const posted: Slip[] = [];
  let reversedDispatch: Slip | null = null;
  let reversal: Slip | null = null;

  // ---- the days before today (Sundays closed)
  const DAYS = 44;
  let businessDay = 0;
  for (let ago = DAYS; ago >= 1; ago--) {
    fakeNow = morning(ago);
    if (shanghaiDay(fakeNow).getUTCDay() === 0) continue;
    tokens = new Map(); // yesterday's sessions have timed out
    businessDay++;
    if (businessDay === 1) {
      // opening stock: everything, the best seller in three HQ batches
      await receive([
        { code: 'CZ-8801', qty: 240, costFen: 5200, memo: '批号 A2610' },
        { code: 'CZ-8801', qty: 240, costFen: 5150, memo: '批号 A2611' },
        { code: 'CZ-8801', qty: 120, costFen: 5230, memo: '批号 A2612' },
        ...fixture.items
          .filter((i) => i.code !== 'CZ-8801')
          .map((i) => ({ code: i.code, qty: i.code.startsWith('CZ-') ? int(20, 50) * 10 : i.code.startsWith('FL-') ? int(10, 30) * 10 : int(12, 30) })),
      ]);
    } else if (businessDay % 6 === 0) {
      // HQ restocks what runs low, the best seller in two batches (the second one keyed in wrong once)
      const low = fixture.items.filter((i) => i.code !== 'CZ-8801' && (onHand.get(i.code) ?? 0) < (i.safetyStock ?? 0) * 1.5).map((i) => i.code);
      await receive(
        [
          { code: 'CZ-8801', qty: 180, costFen: 5200 + int(-60, 80), memo: `批号 B${businessDay}1` },
          { code: 'CZ-8801', qty: 120, costFen: 5200 + int(-60, 80), memo: `批号 B${businessDay}2` },
          ...low.map((code) => ({ code, qty: code.startsWith('CZ-') || code.startsWith('FL-') ? 200 : 12 })),
        ],
        { reverseAndReenter: businessDay === 12 },
      );
    }
    const n = int(4, 6);
    for (let k = 0; k < n; k++) {
      const [customer, mode] = ROTA[rota++ % ROTA.length];
      // credit sales stay small (the best seller only), well inside the customers' credit limits
      const lines = dispatchLines(int(4, 24), mode === 'credit' ? 0 : int(1, 4));
      if (!lines.length) continue;
      const s = await postDispatch(await signBoth(await newDispatch(customer, mode, lines)));
      posted.push(s);
    }
    if (businessDay % 7 === 3 && posted.length > 6) {
      // a customer brings back one or two of the best seller
      const src = posted[posted.length - 4];
      const line = src.lines.find((l) => items.find((i) => i.id === l.itemId)?.code === 'CZ-8801');
      if (line && line.qty >= 2) {
        const r = await call('赵丽', 'slips.create', {
          kind: 'return',
          sourceSlipId: src.id,
          paymentMode: src.paymentMode,
          memo: pick(['运输破损, 客户退回', '色号不符, 退回', '工地余料退回']),
          lines: [{ itemId: line.itemId, qty: int(1, 2), sourceLineId: line.id }],
        });
        tick(3);
        await call('赵丽', 'slips.sign', { slipId: r.id, role: 'manager', user: '张伟', pin: '1111' });
        tick(2);
        const x = await call('王强', 'slips.post', { slipId: r.id });
        for (const [code, q] of linesOf(x)) onHand.set(code, (onHand.get(code) ?? 0) + q);
        tick(4);
      }
    }
    if (businessDay === 20) {
      // the customer cancelled after the goods were booked out: 红字冲销 by the manager
      const s = await postDispatch(await signBoth(await newDispatch('KH002', 'credit', dispatchLines(12, 0), '工程二期, 首批')));
      const r = await call('张伟', 'slips.reverse', { slipId: s.id, reason: '客户取消订单, 货未出门', ...REVERSE_SIGNOFFS });
      for (const [code, q] of linesOf(s)) onHand.set(code, (onHand.get(code) ?? 0) + q);
      reversedDispatch = r.original;
      reversal = r.reversal;
      tick(5);
    }
  }

  // ---- close yesterday (日结), so no banner nags about open days; the first close takes what came before
  const yesterday = shanghaiDay(fakeNow!).toISOString().slice(0, 10);
  fakeNow = null;
  tokens = new Map();
  try {
    const p = await call('刘洋', 'dayClose.preview', { date: yesterday });
    const counts: Record<string, number> = {};
    let left = p.cash.expectedFen;
    for (const d of [10000, 5000, 2000, 1000, 500, 100, 50, 10]) {
      counts[String(d)] = Math.floor(Math.max(0, left) / d);
      left -= counts[String(d)] * d;
    }
    const channel = (a: string) => p.channels.find((c) => c.account === a)?.expectedFen ?? 0;
    const needsManager = !p.allPass || left !== 0;
    await call('刘洋', 'dayClose.close', {
      date: yesterday,
      counts,
      channels: { wechat: channel('wechat'), alipay: channel('alipay'), bank: channel('bank') },
      finance: { user: '刘洋', pin: '2222' },
      statistician: { user: '陈静', pin: '3333' },
      ...(needsManager ? { managerApproval: { user: '张伟', pin: '1111' }, differenceReason: '演示数据' } : {}),
    });
  } catch (e) {
    console.warn(`  (yesterday not closed: ${(e as Error).message}; the “days not closed” banner will show)`);
  }

  // ---- today, before the desk opens in the browser: dispatches in every state
  const unsigned = await newDispatch('KH005', 'cash', dispatchLines(10, 5), '客户自提, 下午三点');
  const managerOnly = await newDispatch('KH003', 'wechat', dispatchLines(8, 3));
  await call('赵丽', 'slips.sign', { slipId: managerOnly.id, role: 'manager', user: '张伟', pin: '1111' });
  const readyToPick = await signBoth(
    await newDispatch(
      'KH001',
      'credit',
      [
        { itemId: itemId['CZ-8801'], qty: 12, priceFen: 7800 },
        { itemId: itemId['CZ-8802'], qty: 6, priceFen: 8800 },
        { itemId: itemId['WY-1001'], qty: 1, priceFen: 129900 },
        { itemId: itemId['FL-0001'], qty: 10, priceFen: 6500 },
        { itemId: itemId['WY-4001'], qty: 4, priceFen: 3200 },
      ],
      '送货上门',
    ),
  );
  const postedToday = await postDispatch(await signBoth(await newDispatch('KH007', 'bank', dispatchLines(16, 4), '县城分销点补货')));
  const hot = postedToday.lines.find((l) => l.itemId === itemId['CZ-8801'])!;
  const returnDraft = await call('赵丽', 'slips.create', {
    kind: 'return',
    sourceSlipId: postedToday.id,
    paymentMode: 'bank',
    memo: '运输破损, 客户退回',
    lines: [{ itemId: hot.itemId, qty: 2, sourceLineId: hot.id }],
  });
  await call('赵丽', 'slips.sign', { slipId: returnDraft.id, role: 'manager', user: '张伟', pin: '1111' });
  const voidMe = await newDispatch('KH006', 'cash', dispatchLines(3, 1));
  const voided = await call('赵丽', 'slips.void', { slipId: voidMe.id, reason: '客户改日再来' });

  if (!reversedDispatch || !reversal) throw new Error('history made no reversal');
  return {
    itemId,
    customerId,
    today: { unsigned, managerOnly, readyToPick, posted: postedToday, returnDraft, voided },
    reversedDispatch,
    reversal,
  };
}

// ------------------------------------------------------------------ screenshots

async function shoot(page: Page, out: string, name: string, wait = 400): Promise<string> {
  await settled(page);
  await sleep(wait); // row flashes and transitions end
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${relative(ROOT, file)}  ${Math.round(statSync(file).size / 1024)} KB`);
  return file;
}

const B = {
  cz8801: '6923456000100',
  cz8801case: '6923456000117',
  cz8802: '6923456000124',
  cz8802case: '6923456000131',
  cz6601case: '6923456000179',
  wy1001: '6923456000308',
  fl0001: '6923456000445',
  wy4001: '6923456000421',
  wy4001case: '6923456000438',
  unknown: '6900000000019', // a new HQ box label: 壁挂马桶 WY-1002
};

async function screens(desk: Desk, h: History, out: string): Promise<void> {
  const { page } = desk;
  const waitRows = (n = 1) =>
    page
      .locator(`.grid-fill .ag-row[row-index="${n - 1}"]`)
      .first()
      .waitFor();

  // login
  await page.goto(desk.web.url);
  await page.locator('.user-list li').first().waitFor();
  await page.locator('.user-list li', { hasText: '王强' }).click();
  await shoot(page, out, '01-login');

  // items
  await login(page, desk, '王强');
  await nav(page, tr('zh', 'nav.items'));
  await waitRows(10);
  await shoot(page, out, '02-items');

  // inbound: HQ's delivery, scanned
  await nav(page, tr('zh', 'nav.inbound'));
  await waitRows(3);
  await page.keyboard.press('F2');
  await page.waitForURL(/#\/inbound\/new$/);
  await settled(page);
  const d = shanghaiDay(Date.now()).toISOString().slice(0, 10).replace(/-/g, '');
  await human(page, `SH-${d}-0088`);
  await page.keyboard.press('Enter');
  const scans = [
    B.cz8801case,
    B.cz8801case,
    B.cz8801case,
    B.cz8801,
    B.cz8802case,
    B.cz8802case,
    B.cz6601case,
    B.wy1001,
    B.wy1001,
    B.fl0001,
    B.fl0001,
    B.fl0001,
    B.wy4001case,
  ];
  for (const c of scans) {
    await scan(page, c);
    await sleep(120);
  }
  await waitForGrid(page, (rows) => rows.length, 6);
  await page.keyboard.press('F7');
  for (const c of ['52.3', '58.5', '31.2', '865']) {
    await page.keyboard.press('Enter');
    await human(page, c);
    await page.keyboard.press('Enter');
  }
  await page.locator('.slip-header .field-wide input').fill('总部第 48 周补货');
  await shoot(page, out, '03-inbound', 900);

  // an unknown barcode: link it without losing the slip
  await scan(page, B.unknown);
  const dialog = page.locator('.dialog', { hasText: tr('zh', 'unknown.title') });
  await dialog.waitFor();
  await human(page, 'bgmt');
  await dialog.locator('[role="option"]').first().waitFor();
  await shoot(page, out, '04-unknown-barcode');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await waitForGrid(page, (rows) => rows.length, 7);
  await page.keyboard.press('F7');
  for (const c of ['42', '18.5', '1420']) {
    await page.keyboard.press('Enter');
    await human(page, c);
    await page.keyboard.press('Enter');
  }
  await waitForGrid(page, (rows) => rows.filter((r) => r.cells.unitCostFen === '').length, 0);
  await page.keyboard.press('F9');
  await page.locator('.dialog', { hasText: tr('zh', 'slip.postFinal') }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/slips\/\d+$/);
  await page.locator('.state-tag.state-posted').waitFor();

  // a dispatch: sales writes it, the manager and finance sign
  await switchUser(page, '赵丽');
  await nav(page, tr('zh', 'nav.dispatch'));
  await page.keyboard.press('F2');
  await page.waitForURL(/#\/dispatch\/new$/);
  await settled(page);
  await human(page, 'hmzs'); // 华美装饰工程有限公司
  await page.locator('.slip-header [role="option"]').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.slip-header select').selectOption('credit');
  await page.locator('.slip-header .field-wide input').last().fill('工程三期, 周四前送达工地');
  await page.keyboard.press('F3');
  for (const c of [B.cz8802case, B.cz8802case, B.cz8802case, B.cz8802case, B.cz8801case, B.cz8801case, B.wy1001, B.wy4001, B.wy4001, B.fl0001, B.fl0001]) {
    await scan(page, c);
    await sleep(120);
  }
  await waitForGrid(page, (rows) => rows.length, 5);
  await page.keyboard.press('F4');
  await page.waitForURL(/#\/dispatch\/\d+$/);
  await page.locator('.sig-table').waitFor();
  const signAs = async (name: string, pin: string, shot?: string) => {
    await switchUser(page, name);
    await page.keyboard.press('F6');
    const sd = page.locator('.dialog', { has: page.locator('input[type="password"]') });
    await sd.waitFor();
    await human(page, pin);
    if (shot) await shoot(page, out, shot);
    await page.keyboard.press('Enter');
    await sd.waitFor({ state: 'detached' });
  };
  await signAs('张伟', '1111');
  await signAs('刘洋', '2222', '06-sign-dialog');
  await page.locator('.sig-table tbody tr', { hasText: '刘洋' }).waitFor();
  await shoot(page, out, '05-dispatch-signed');

  // the keeper picks this morning's signed dispatch: a wrong item is refused mid-pick
  await switchUser(page, '王强');
  await nav(page, tr('zh', 'nav.pick'));
  await waitRows(3);
  await shoot(page, out, '07-pick-list');
  await scan(page, h.today.readyToPick.no.toLowerCase());
  await page.waitForURL(new RegExp(`#/pick/${h.today.readyToPick.id}$`));
  await waitRows(5);
  await settled(page);
  for (const c of [B.cz8801case, B.cz8801case, B.cz8801case, B.cz8801case, B.cz8802case, B.wy1001, B.fl0001, B.fl0001, B.fl0001]) {
    await scan(page, c);
    await sleep(150);
  }
  await scan(page, B.cz6601case); // 仿古砖: not on this slip
  await page.locator('.scan-panel.scan-bad').waitFor();
  await shoot(page, out, '08-pick-refused', 300);

  // a return against this morning's posted dispatch, signed by the manager, waiting for the goods
  await page.goto(`${desk.web.url}#/returns/${h.today.returnDraft.id}`);
  await page.locator('.sig-table').waitFor();
  await waitRows(1);
  await shoot(page, out, '09-return');

  // stock overview
  await nav(page, tr('zh', 'nav.stock'));
  await waitRows(15);
  await shoot(page, out, '10-stock-overview');

  // the stock card of the best seller (~200 moves): the top, then Ctrl+End to the closing balance
  await page.goto(`${desk.web.url}#/card/${h.itemId['CZ-8801']}`);
  await waitRows(15);
  await shoot(page, out, '11-stock-card');
  await page.locator('.grid-fill .ag-row[row-index="1"] [col-id="summary"]').click();
  await page.keyboard.press('Control+End');
  await page.locator('.grid-fill .ag-row', { hasText: tr('zh', 'card.closing') }).waitFor();
  await shoot(page, out, '12-stock-card-end', 700);

  // slips: the list, one posted dispatch (signatures, FIFO cost, what can still be returned), a reversal
  await nav(page, tr('zh', 'nav.slips'));
  await waitRows(15);
  await shoot(page, out, '13-slip-list');
  await page.goto(`${desk.web.url}#/slips/${h.today.posted.id}`);
  await page.locator('.sig-table').waitFor();
  await waitRows(2);
  await shoot(page, out, '14-slip-view');
  await page.locator('.status-bar .lang-switch button', { hasText: 'English' }).click();
  await page.locator('.side-nav a', { hasText: 'Slips' }).first().waitFor();
  await shoot(page, out, '15-slip-view-en');
  await page.locator('.status-bar .lang-switch button', { hasText: '中文' }).click();
  await page.goto(`${desk.web.url}#/slips/${h.reversal.id}`);
  await waitRows(1);
  await shoot(page, out, '16-reversal');
}

async function main(): Promise<void> {
  const { out, docs } = parseArgs(process.argv.slice(2));
  if (!CHROMIUM) {
    console.error(NO_CHROMIUM);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/^\d\d-[a-z0-9-]+\.png$/.test(f)) rmSync(join(out, f));

  console.log('Making six weeks of business (through the core) …');
  const t0 = Date.now();
  const made: { history?: History } = {};
  fakeNow = morning(44);
  const desk = await startDesk({
    name: 'shots',
    clock,
    wedgeTrace: false,
    prepare: async (core) => {
      made.history = await makeHistory(core);
    },
  });
  const history = made.history!;
  try {
    const moves = desk.core.db.prepare('SELECT COUNT(*) FROM stock_moves WHERE item_id = ?').pluck().get(history.itemId['CZ-8801']);
    console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s; CZ-8801 has ${moves} stock moves`);
    console.log(`Screens (${desk.web.url}) → ${relative(ROOT, out) || out}`);
    try {
      await screens(desk, history, out);
    } catch (e) {
      const file = join(tmpdir(), 'desk-screenshots-failure.png');
      await desk.page.screenshot({ path: file }).catch(() => undefined);
      console.error(`the screen when it failed: ${file}`);
      throw e;
    }
    if (desk.pageErrors.length) console.warn(`page errors:\n  ${desk.pageErrors.join('\n  ')}`);
  } finally {
    await desk.close();
  }

  if (docs) {
    console.log('Documents (scripts/screenshots-docs.ts) …');
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, join(ROOT, 'scripts', 'screenshots-docs.ts'), out], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('scripts/screenshots-docs.ts failed');
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
