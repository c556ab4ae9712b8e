// Pending refunds (待付退款, issue #11): money leaves the cash box only on finance's signature. The
// keeper's posting of a cash return or a short-picked cash sale makes a refund that waits; finance
// pays it with the PIN on the business day of the confirmation (现付), once, never the person who
// posted the slip; a reversal before that cancels it, after it reverses the payment in red; the
// close of day lists the unpaid ones without counting them in the expected cash; verify checks them.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import {
  balances,
  call,
  countsFor,
  dayAt,
  err,
  expectClean,
  financeOffice,
  must,
  ok,
  payRefund,
  postedDispatch,
  refused,
  returnOf,
  signedDispatch,
  type DemoOffice,
} from '../helpers/finance';
import { REVERSE_SIGNOFFS, SECOND_PIN } from '../helpers/index';
import { pdfPages, pdfText, render } from '../helpers/printing-scenario';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const cashRows = async () => (await must(o, 'finance', 'cash.journal', { account: 'cash' })).rows;
const confirm = (refundId: number, pin = o.pins.finance) => call(o, 'finance', 'refunds.confirm', { refundId, pin });

/** A cash sale of 4 × 78.00 posted, and a return of one piece posted by the keeper. */
async function cashReturn() {
  const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
  const r = await returnOf(o, d, 'cash', [[0, 1]]);
  return { d, r };
}

describe('the keeper’s posting makes a refund that waits for finance', () => {
  it('a cash return: nothing leaves the box; the slip says 退款待财务确认; finance’s list shows it first', async () => {
    const { r } = await cashReturn();
    expect(r.refund).toMatchObject({ state: 'pending', amountFen: 7800, account: 'cash', voucherNo: null, confirmedBy: null });
    expect(await balances(o)).toMatchObject({ cash: 31_200 });
    expect((await cashRows()).map((x) => x.cause)).toEqual(['sale']);
    const list = await must(o, 'finance', 'refunds.list', {});
    expect(list).toMatchObject({ total: 1, pendingCount: 1, pendingFen: 7800 });
    expect(list.rows[0]).toMatchObject({
      slipId: r.id,
      slipNo: r.no,
      slipKind: 'return',
      cause: 'return_refund',
      customerName: '城东建材城 李记瓷砖',
      state: 'pending',
      date: '2026-11-29',
      createdBy: { name: o.names.keeper },
    });
    // the manager reads the list; only finance pays; the keeper neither
    expect((await must(o, 'manager', 'refunds.list', { state: 'pending' })).total).toBe(1);
    for (const who of ['keeper', 'manager', 'sales'] as const)
      expect((await refused(o, who, 'refunds.confirm', { refundId: r.refund!.id, pin: o.pins.finance })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'refunds.list', {})).code).toBe('forbidden');
    expectClean(o);
  });

  it('pending first (oldest first), then the settled ones newest first; filters by state and customer', async () => {
    const a = await cashReturn();
    const w = await postedDispatch(o, 'KH003', 'wechat', [['WY-4001', 3]]);
    const b = await returnOf(o, w, 'wechat', [[0, 1]]);
    const c = await returnOf(o, a.d, 'cash', [[0, 1]]);
    await payRefund(o, b.id);
    const all = await must(o, 'finance', 'refunds.list', {});
    expect(all.rows.map((x) => [x.slipNo, x.state])).toEqual([
      [a.r.no, 'pending'],
      [c.no, 'pending'],
      [b.no, 'paid'],
    ]);
    expect(all).toMatchObject({ pendingCount: 2, pendingFen: 15_600 });
    expect((await must(o, 'finance', 'refunds.list', { state: 'paid' })).rows.map((x) => x.voucherNo)).toEqual(['银付202611290001']);
    expect((await must(o, 'finance', 'refunds.list', { customerId: o.customerId('KH003') })).rows.map((x) => x.slipNo)).toEqual([b.no]);
    expect((await must(o, 'finance', 'refunds.list', { limit: 1, offset: 1 })).rows.map((x) => x.slipNo)).toEqual([c.no]);
  });

  it('a short-picked cash sale owes the unshipped part back the same way (sale_refund)', async () => {
    const d = await signedDispatch(o, 'KH001', 'cash', [['WY-4001', 3]]);
    const p = await must(o, 'keeper', 'slips.post', { slipId: d.id, picked: [{ lineId: d.lines[0].id, qty: 2 }], confirmShort: true });
    expect(p.refund).toMatchObject({ state: 'pending', amountFen: 3200 });
    expect(await balances(o)).toMatchObject({ cash: 9600 });
    const paid = await payRefund(o, d.id);
    expect(paid.refund).toMatchObject({ cause: 'sale_refund', slipKind: 'dispatch', state: 'paid' });
    expect(paid.voucher).toMatchObject({ voucherNo: '现付202611290001', cause: 'sale_refund', paymentFen: 3200, slipId: d.id });
    expect(paid.voucher.summary).toBe(`短拣退款 ${d.no} 城东建材城 李记瓷砖`);
    expect(await balances(o)).toMatchObject({ cash: 6400 });
    expectClean(o);
  });

  it('a return taken on account stays a credit note: no refund, nothing for finance to pay', async () => {
    const d = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 4]]);
    const r = await returnOf(o, d, 'credit', [[0, 1]]);
    expect(r.refund).toBeNull();
    expect((await must(o, 'finance', 'refunds.list', {})).total).toBe(0);
  });
});

describe('finance confirms with the PIN (refunds.confirm)', () => {
  it('pays it once: a 现付 row on the business day, finance’s name on it; a second confirm is refused (zh+en)', async () => {
    const { r } = await cashReturn();
    const id = r.refund!.id;
    expect(err(await confirm(id, '9999')).code).toBe('bad_credentials');
    expect(await balances(o)).toMatchObject({ cash: 31_200 });
    const paid = ok(await confirm(id));
    expect(paid.refund).toMatchObject({ state: 'paid', paidDate: '2026-11-29', voucherNo: '现付202611290001', confirmedBy: { name: o.names.finance } });
    expect(paid.voucher).toMatchObject({ cause: 'return_refund', paymentFen: 7800, slipId: r.id, user: { name: o.names.finance } });
    expect((await must(o, 'keeper', 'slips.get', { slipId: r.id })).refund).toMatchObject({ state: 'paid', voucherNo: '现付202611290001' });
    const again = err(await confirm(id));
    expect(again.code).toBe('refund_not_pending');
    expect(again.message_zh).toBe(`${r.no} 的退款已付(现付202611290001), 不能再确认付款`);
    expect(again.message_en).toBe(`The refund of ${r.no} is paid (现付202611290001): it cannot be paid again`);
    expect(await balances(o)).toMatchObject({ cash: 23_400 });
    expectClean(o);
  });

  it('a retry of the same request answers as before and pays nothing twice', async () => {
    const { r } = await cashReturn();
    const input = { refundId: r.refund!.id, pin: o.pins.finance };
    const first = ok(await o.core.call('refunds.confirm', input, { sessionToken: o.tokens.finance, requestId: 'refund-1' }));
    const second = ok(await o.core.call('refunds.confirm', input, { sessionToken: o.tokens.finance, requestId: 'refund-1' }));
    expect(second).toEqual(first);
    expect((await cashRows()).filter((x) => x.cause === 'return_refund')).toHaveLength(1);
  });

  it('the person who posted the slip cannot pay its refund, even holding the finance role (self_approval)', async () => {
    await must(o, 'admin', 'users.create', { name: '孙敏', roles: ['keeper', 'finance'], pin: '7777', secondPin: SECOND_PIN });
    const both = ok(await o.core.call('auth.login', { user: '孙敏', pin: '7777' })).sessionToken;
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    const ret = await must(o, 'sales', 'slips.create', {
      kind: 'return',
      sourceSlipId: d.id,
      paymentMode: 'cash',
      lines: [{ itemId: d.lines[0].itemId, qty: 1, sourceLineId: d.lines[0].id }],
    });
    await must(o, 'sales', 'slips.sign', { slipId: ret.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
    const posted = ok(await o.core.call('slips.post', { slipId: ret.id }, { sessionToken: both }));
    const e = err(await o.core.call('refunds.confirm', { refundId: posted.refund!.id, pin: '7777' }, { sessionToken: both }));
    expect(e.code).toBe('self_approval');
    expect(e.message_zh).toContain('「孙敏」已以库管员(过账)身份签过这张单据, 不能再以财务主管身份签字');
    expect(await balances(o)).toMatchObject({ cash: 31_200 });
    ok(await confirm(posted.refund!.id)); // another finance supervisor may
    expectClean(o);
  });

  it('after the close of day the payment goes to the next business day; the closed day stays as closed', async () => {
    const { r } = await cashReturn();
    const p = await must(o, 'finance', 'dayClose.preview', {});
    // listed as a warning, not a blocker; the expected cash counts only paid refunds
    expect(p).toMatchObject({ canClose: true, allPass: true, pendingRefunds: { count: 1, amountFen: 7800 } });
    expect(p.pendingRefunds.rows.map((x) => x.slipNo)).toEqual([r.no]);
    expect(p.cash.expectedFen).toBe(31_200);
    expect(p.returns).toMatchObject({ refundedFen: 0, pendingRefundsFen: 7800 });
    await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: countsFor(31_200),
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
    });
    const paid = ok(await confirm(r.refund!.id)); // still 29 Nov on the clock: the next business day
    expect(paid.refund.paidDate).toBe('2026-11-30');
    expect(paid.voucher).toMatchObject({ date: '2026-11-30', voucherNo: '现付202611300001' });
    await dayAt(o, '2026-11-30');
    const next = await must(o, 'finance', 'dayClose.preview', { date: '2026-11-30' });
    expect(next.cash).toMatchObject({ openingFen: 31_200, paymentsFen: 7800, expectedFen: 23_400 });
    expect(next.pendingRefunds.count).toBe(0);
    expectClean(o);
  });

  it('the cash count sheet (现金盘点表) says which refunds wait and that they are not in 应存', async () => {
    const { r } = await cashReturn();
    const pdf = (await render(o, { doc: 'cashCount', date: '2026-11-29' }, o.tokens.finance)).bytes;
    if (process.env.SHOTS_DIR) writeFileSync(`${process.env.SHOTS_DIR}/cash-count-refunds.pdf`, pdf);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain(`待付退款1笔,共￥78.00(${r.no}):未经财务确认付款,不计入应存现金,结转次日。`);
    expect(pdfPages(pdf)).toHaveLength(1);
    await payRefund(o, r.id);
    expect(pdfText((await render(o, { doc: 'cashCount', date: '2026-11-29' }, o.tokens.finance)).bytes)).not.toContain('待付退款1笔');
  });

  it('an unpaid refund carries over: the next day’s close lists it again', async () => {
    const { r } = await cashReturn();
    await dayAt(o, '2026-11-30');
    await must(o, 'finance', 'cash.topUp', { amountFen: 100 });
    const next = await must(o, 'finance', 'dayClose.preview', { date: '2026-11-30' });
    expect(next.pendingRefunds.rows.map((x) => [x.slipNo, x.date])).toEqual([[r.no, '2026-11-29']]);
  });
});

describe('reversing the slip (红字冲销)', () => {
  it('before finance paid: the refund is cancelled and no money moves; it cannot be paid after', async () => {
    const { r } = await cashReturn();
    const { reversal } = await must(o, 'manager', 'slips.reverse', { slipId: r.id, reason: '退货录错', manager: REVERSE_SIGNOFFS.manager });
    expect(await balances(o)).toMatchObject({ cash: 31_200 });
    const after = await must(o, 'finance', 'slips.get', { slipId: r.id });
    expect(after.refund).toMatchObject({ state: 'cancelled' });
    const [row] = (await must(o, 'finance', 'refunds.list', { state: 'cancelled' })).rows;
    expect(row.cancelReason).toBe(`红字冲销 ${reversal.no}: 退货录错`);
    expect(err(await confirm(r.refund!.id)).message_en).toBe(`The refund of ${r.no} is cancelled: it cannot be paid again`);
    expectClean(o);
  });

  it('after finance paid: the payment is reversed in red, the refund stays paid', async () => {
    const { r } = await cashReturn();
    await payRefund(o, r.id);
    await must(o, 'manager', 'slips.reverse', { slipId: r.id, reason: '退货录错', ...REVERSE_SIGNOFFS });
    expect(await balances(o)).toMatchObject({ cash: 31_200 });
    expect((await cashRows()).at(-1)).toMatchObject({ paymentFen: -7800, slipId: r.id, cause: 'return_refund' });
    expect((await must(o, 'finance', 'slips.get', { slipId: r.id })).refund).toMatchObject({ state: 'paid' });
    expectClean(o);
  });

  it('a short-picked sale with its refund pending: the whole receipt is reversed, the refund cancelled', async () => {
    const d = await signedDispatch(o, 'KH001', 'cash', [['WY-4001', 3]]);
    await must(o, 'keeper', 'slips.post', { slipId: d.id, picked: [{ lineId: d.lines[0].id, qty: 2 }], confirmShort: true });
    await must(o, 'manager', 'slips.reverse', { slipId: d.id, reason: '整单冲销', ...REVERSE_SIGNOFFS });
    expect(await balances(o)).toMatchObject({ cash: 0 });
    expect((await must(o, 'finance', 'slips.get', { slipId: d.id })).refund).toMatchObject({ state: 'cancelled' });
    expectClean(o);
  });
});

describe('verify checks the refunds', () => {
  const problems = () => verifyBooks(o.core.db).problems.map((p) => p.check);

  it('a paid refund changed behind the triggers no longer matches its journal row nor finance’s signature', async () => {
    const { r } = await cashReturn();
    await payRefund(o, r.id);
    expect(problems()).toEqual([]);
    o.core.db.exec('DROP TRIGGER refunds_settled; DROP TRIGGER refunds_fixed');
    o.core.db.prepare('UPDATE refunds SET amount_fen = 7000 WHERE slip_id = ?').run(r.id);
    expect(problems()).toEqual(expect.arrayContaining(['refunds.paid', 'refunds.signature']));
  });

  it('a pending refund more than the slip owes, or pending on a reversed slip, is reported', async () => {
    const { r } = await cashReturn();
    o.core.db.exec('DROP TRIGGER refunds_fixed');
    o.core.db.prepare('UPDATE refunds SET amount_fen = 9999 WHERE slip_id = ?').run(r.id);
    expect(problems()).toEqual(expect.arrayContaining(['refunds.owed', 'slips.money']));
    o.core.db.prepare('UPDATE refunds SET amount_fen = 7800 WHERE slip_id = ?').run(r.id);
    o.core.db.exec('DROP TRIGGER refunds_settled');
    await must(o, 'manager', 'slips.reverse', { slipId: r.id, reason: 'x', manager: REVERSE_SIGNOFFS.manager });
    o.core.db.prepare("UPDATE refunds SET state = 'pending', cancelled_by = NULL, cancelled_at = NULL, cancelled_date = NULL, cancel_reason = NULL").run();
    expect(problems()).toEqual(expect.arrayContaining(['refunds.state']));
  });
});
