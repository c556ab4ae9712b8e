// The close of day (日结): the preview's expected cash and channel totals and reconciliation
// checks, counting and countersigning, 长款/短款 with the manager's approval, the lock on the
// closed day (nothing more is posted into it), the next day's opening, order of closes, status,
// and verify catching a closed day's rows changed behind the app's back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, insertSignature, signaturePayload, slipRow } from '../../electron/domains/slips/repo';
import { signWithOfficeKey } from '../../electron/ledger/officeKey';
import { verifyBooks } from '../../electron/domains/system/verify';
import { dayRowsHash } from '../../electron/domains/dayClose/service';
import { assertDayOpen } from '../../electron/ledger/daylock';
import {
  balances,
  call,
  dayAt,
  draft,
  err,
  expectClean,
  financeOffice,
  managerPin,
  must,
  payRefund,
  postedDispatch,
  receive,
  refused,
  returnOf,
  signedDispatch,
  signFinance,
  signManager,
  type DemoOffice,
  countsFor,
} from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const signers = () => ({
  finance: { user: o.names.finance, pin: o.pins.finance },
  statistician: { user: o.names.statistician, pin: o.pins.statistician },
});

function close(date: string, cashFen: number, channels = { wechat: 0, alipay: 0, bank: 0 }, extra: Record<string, unknown> = {}) {
  return call(o, 'finance', 'dayClose.close', { date, counts: countsFor(cashFen), channels, ...signers(), ...extra });
}

/** A busy day: every kind of money movement. */
async function busyDay() {
  await must(o, 'finance', 'cash.topUp', { amountFen: 50_000 }); // +500
  const cash = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]); // +312
  const short = await signedDispatch(o, 'KH001', 'cash', [['WY-4001', 3]]); // +96, then −32 back
  await must(o, 'keeper', 'slips.post', { slipId: short.id, picked: [{ lineId: short.lines[0].id, qty: 2 }], confirmShort: true });
  await payRefund(o, short.id); // finance pays the keeper's refunds (待付退款) the same day
  const wechat = await postedDispatch(o, 'KH003', 'wechat', [['WY-4001', 5]]); // wechat +160
  const credit = await postedDispatch(o, 'KH002', 'credit', [['CZ-8802', 10]]); // receivable +880
  await payRefund(o, (await returnOf(o, cash, 'cash', [[0, 1]])).id); // −78
  await returnOf(o, credit, 'credit', [[0, 2]]); // credit note 176
  await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'bank', amountFen: 30_000 }); // bank +300
  const c = await must(o, 'sales', 'expenses.create', { category: '运输', amountFen: 2500, summary: '运费' });
  await must(o, 'manager', 'expenses.approve', { expenseId: c.id, manager: managerPin(o) });
  await must(o, 'finance', 'expenses.pay', { expenseId: c.id }); // −25
  await must(o, 'finance', 'cash.remit', { amountFen: 10_000 }); // −100
  const pending = await signedDispatch(o, 'KH003', 'cash', [['WY-4001', 1]]); // +32, goods not out yet
  return { cash, short, wechat, credit, pending };
}

describe('dayClose.preview', () => {
  it('gives the expected cash, each channel’s total, and the reconciliation checks with their figures', async () => {
    const { pending } = await busyDay();
    const p = await must(o, 'statistician', 'dayClose.preview', {});
    expect(p.date).toBe('2026-11-29');
    expect(p.cash).toEqual({
      account: 'cash',
      openingFen: 0,
      receiptsFen: 50_000 + 31_200 + 9600 + 3200,
      paymentsFen: 3200 + 7800 + 2500 + 10_000,
      closingFen: 70_500,
      expectedFen: 70_500,
    });
    expect(p.channels).toEqual([
      { account: 'wechat', openingFen: 0, receiptsFen: 16_000, paymentsFen: 0, closingFen: 16_000, expectedFen: 16_000 },
      { account: 'alipay', openingFen: 0, receiptsFen: 0, paymentsFen: 0, closingFen: 0, expectedFen: 0 },
      { account: 'bank', openingFen: 0, receiptsFen: 30_000, paymentsFen: 0, closingFen: 30_000, expectedFen: 30_000 },
    ]);
    expect(p.sales).toEqual({
      dispatchCount: 4,
      salesDetailFen: 31_200 + 6400 + 16_000 + 88_000,
      cashChannelReceiptsFen: 31_200 + 6400 + 16_000,
      newReceivablesFen: 88_000,
      receivedForUnpostedFen: 3200,
    });
    expect(p.returns).toEqual({ count: 2, amountFen: 7800 + 17_600, refundedFen: 7800, creditNotesFen: 17_600, pendingRefundsFen: 0 });
    expect(p.pendingRefunds).toEqual({ count: 0, amountFen: 0, rows: [] });
    expect(p.collections).toEqual({ count: 1, amountFen: 30_000 });
    expect(p.expenses).toEqual({ count: 1, paidFen: 2500 });
    const opening = 200 * 5200 + 200 * 5850 + 100 * 1850 + 20 * 86_500;
    expect(p.stock.openingFen).toBe(0); // the goods came in today
    expect(p.stock.inFen - p.stock.outFen).toBe(p.stock.closingFen);
    expect(p.stock.closingFen).toBe(opening - 3 * 5200 - 2 * 1850 - 5 * 1850 - 8 * 5850);
    expect(p.stock.cogsFen).toBe(4 * 5200 + 2 * 1850 + 5 * 1850 + 10 * 5850);
    expect(p.checks.map((c) => [c.code, c.pass])).toEqual([
      ['sales_vs_money', true],
      ['dispatch_signed_paid', true],
      ['returns_refunds', true],
      ['stock_value', true],
      ['cash_not_negative', true],
    ]);
    expect(p).toMatchObject({ closed: false, canClose: true, blockers: [], allPass: true });
    expect(pending.state).toBe('draft');
    for (const who of ['sales', 'keeper'] as const) expect((await refused(o, who, 'dayClose.preview', {})).code).toBe('forbidden');
  });

  it('a failing check names the slips behind it', async () => {
    const d = await draft(o, 'KH001', 'cash', [['WY-4001', 2]]);
    await signManager(o, d.id);
    // finance's signature written behind the finance books' back: no payment recorded
    const fin = await must(o, 'finance', 'auth.whoami', {});
    const db = o.core.db;
    const at = new Date(o.clock.t).toISOString();
    const hash = contentHash(db, slipRow(db, d.id));
    const signature = signWithOfficeKey(db, signaturePayload(d.no, hash, 'finance', fin.name, at));
    db.transaction(() => insertSignature(db, { slipId: d.id, role: 'finance', userId: fin.id, at, hash, signature }))();
    await must(o, 'keeper', 'slips.post', { slipId: d.id });
    const p = await must(o, 'finance', 'dayClose.preview', {});
    const byCode = Object.fromEntries(p.checks.map((c) => [c.code, c]));
    expect(byCode.sales_vs_money.pass).toBe(false);
    expect(byCode.sales_vs_money.figures).toMatchObject({ salesDetailFen: 6400, cashChannelReceiptsFen: 0, newReceivablesFen: 0, differenceFen: 6400 });
    expect(byCode.sales_vs_money.slips).toEqual([
      {
        slipId: d.id,
        no: d.no,
        expectedFen: 6400,
        recordedFen: 0,
        problem_zh: '发货金额 64.00 元, 已记收款/应收 0.00 元',
        problem_en: 'shipped 64.00, money recorded 0.00',
      },
    ]);
    expect(byCode.dispatch_signed_paid.slips.map((s) => [s.no, s.problem_zh])).toEqual([[d.no, '没有收款或应收记录']]);
    expect(p.allPass).toBe(false);
    // closing over failing checks takes the manager and a reason
    const e = err(await close('2026-11-29', 0));
    expect(e.code).toBe('day_close_needs_manager');
    expect(e.message_zh).toBe('对账未通过: sales_vs_money、dispatch_signed_paid: 须办事处经理审批(输入 PIN)并填写原因');
    const r = await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: {},
      channels: { wechat: 0, alipay: 0, bank: 0 },
      ...signers(),
      managerApproval: managerPin(o),
      differenceReason: '旧单据, 次日补收',
    });
    expect(r.failedChecks).toEqual(['sales_vs_money', 'dispatch_signed_paid']);
  });
});

describe('dayClose.close', () => {
  it('counts even: countersigned, the day locked — nothing more is posted into it — and the next day opens with its closing balances', async () => {
    const { pending } = await busyDay();
    const wrongRole = err(
      await call(o, 'finance', 'dayClose.close', {
        date: '2026-11-29',
        counts: countsFor(70_500),
        channels: { wechat: 16_000, alipay: 0, bank: 30_000 },
        finance: signers().finance,
        statistician: { user: o.names.finance, pin: o.pins.finance },
      }),
    );
    expect(wrongRole.code).toBe('role_not_held');
    const r = await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: { '10000': 7, '500': 1 },
      channels: { wechat: 16_000, alipay: 0, bank: 30_000 },
      ...signers(),
    });
    expect(r).toMatchObject({
      date: '2026-11-29',
      finance: { name: o.names.finance },
      statistician: { name: o.names.statistician },
      manager: null,
      expectedCashFen: 70_500,
      countedCashFen: 70_500,
      differenceFen: 0,
      result: 'even',
      adjustmentVoucherNo: null,
      closing: { cash: 70_500, wechat: 16_000, alipay: 0, bank: 30_000 },
      failedChecks: [],
    });
    expect(r.counts).toEqual({ '10000': 7, '5000': 0, '2000': 0, '1000': 0, '500': 1, '100': 0, '50': 0, '10': 0 });
    expect(r.rowsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await must(o, 'sales', 'dayClose.status', {})).toEqual({
      today: '2026-11-29',
      todayClosed: true,
      lastClosed: '2026-11-29',
      openDays: [],
      openDayCount: 0,
      businessDate: '2026-11-30',
      reopenedDays: [],
    });
    const closedHash = r.rowsHash;

    // a late delivery and a late payment after the close go to the next business day
    const posted = await must(o, 'keeper', 'slips.post', { slipId: pending.id });
    expect(posted.businessDate).toBe('2026-11-30');
    expect((await must(o, 'keeper', 'slips.get', { slipId: pending.id })).businessDate).toBe('2026-11-30');
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen: 100 });
    const late = await must(o, 'finance', 'cash.journal', { from: '2026-11-30' });
    expect(late.openingFen).toBe(70_500);
    expect(late.rows).toMatchObject([{ date: '2026-11-30', voucherNo: '现收202611300001', cause: 'collection', receiptFen: 100, balanceFen: 70_600 }]);
    // a new slip is created and numbered on the next business day too
    const d = await draft(o, 'KH001', 'cash', [['WY-4001', 1]]);
    expect(d.businessDate).toBe('2026-11-30');
    await signManager(o, d.id);
    // the closed day's rows are unchanged: same fingerprint, verify clean
    expect(dayRowsHash(o.core.db, '2026-11-29')).toBe(closedHash);
    expectClean(o);

    // the database itself refuses a row dated into the closed day
    expect(() =>
      o.core.db
        .prepare(
          `INSERT INTO money_journal (account, voucher_no, direction, amount_fen, balance_after_fen, business_date, posted_at, user_id, cause, contra_kind, summary)
           VALUES ('cash', 'X', 'in', 1, 1, '2026-11-28', 'now', 1, 'topup', 'topup', 'x')`,
        )
        .run(),
    ).toThrow(/day_closed/);
    // and so does the ledger, for a write explicitly dated into it
    const e = (() => {
      try {
        assertDayOpen(o.core.db, '2026-11-29');
      } catch (x) {
        return x as { code: string; message_zh: string; message_en: string };
      }
      throw new Error('not refused');
    })();
    expect(e.code).toBe('day_closed');
    expect(e.message_zh).toBe('2026-11-29 及以前的营业日已日结(锁账), 不能再记入 2026-11-29');
    expect(e.message_en).toBe('Business days up to 2026-11-29 are closed (locked): nothing can be posted into 2026-11-29');
    expect(
      (await refused(o, 'finance', 'dayClose.close', { date: '2026-11-29', counts: {}, channels: { wechat: 0, alipay: 0, bank: 0 }, ...signers() })).code,
    ).toBe('day_already_closed');
    // the next day holds postings but is not over yet: it cannot be closed today, and the preview is still of today
    expect(
      (
        await refused(o, 'finance', 'dayClose.close', {
          date: '2026-11-30',
          counts: countsFor(70_600),
          channels: { wechat: 0, alipay: 0, bank: 0 },
          ...signers(),
        })
      ).code,
    ).toBe('day_not_over');
    expect((await must(o, 'finance', 'dayClose.preview', {})).date).toBe('2026-11-29');

    await dayAt(o, '2026-11-30');
    expect((await must(o, 'sales', 'dayClose.status', {})).businessDate).toBe('2026-11-30');
    ok(await signFinance(o, d.id));
    const next = await must(o, 'finance', 'cash.journal', { from: '2026-11-30' });
    expect(next.openingFen).toBe(70_500);
    expect(next.rows.map((x) => [x.date, x.receiptFen, x.balanceFen])).toEqual([
      ['2026-11-30', 100, 70_600],
      ['2026-11-30', 3200, 73_800],
    ]);
    const p = await must(o, 'finance', 'dayClose.preview', {});
    expect(p.date).toBe('2026-11-30');
    expect(p.cash.openingFen).toBe(70_500);
    expect(p.channels.map((c) => c.openingFen)).toEqual([16_000, 0, 30_000]);
    expect((await must(o, 'finance', 'dayClose.preview', { date: '2026-11-29' })).closed).toBe(true);
    expectClean(o);
  });

  it('a late inbound after the close posts to the next business day, numbered on it; the closed day keeps its rows', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    ok(await close('2026-11-29', 10_000));
    const before = dayRowsHash(o.core.db, '2026-11-29');
    const slip = await receive(o, [['WY-4001', 10, 1850]]);
    expect(slip.state).toBe('posted');
    expect(slip.businessDate).toBe('2026-11-30');
    expect(slip.no).toContain('20261130');
    const moves = o.core.db.prepare('SELECT DISTINCT business_date FROM stock_moves WHERE slip_id = ?').pluck().all(slip.id);
    expect(moves).toEqual(['2026-11-30']);
    expect(dayRowsHash(o.core.db, '2026-11-29')).toBe(before);
    expect(err(await close('2026-11-30', 10_000)).code).toBe('day_not_over');
    expectClean(o);
    await dayAt(o, '2026-11-30');
    ok(await close('2026-11-30', 10_000));
    expectClean(o);
  });

  it('short (短款): needs the manager’s PIN and a reason; books a 现付 into the day against the suspense account so the journal ends at the count', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    await postedDispatch(o, 'KH001', 'cash', [['WY-4001', 1]]); // expected 132.00
    const e = err(await close('2026-11-29', 12_950));
    expect(e.code).toBe('day_close_needs_manager');
    expect(e.message_zh).toBe('现金实点 129.50 元, 账面 132.00 元, 短款 2.50 元: 须办事处经理审批(输入 PIN)并填写原因');
    expect(e.message_en).toBe('cash counted 129.50, books 132.00: short by 2.50: the office manager must approve (with the PIN) and a reason must be given');
    expect(err(await close('2026-11-29', 12_950, undefined, { managerApproval: { user: o.names.keeper, pin: o.pins.keeper } })).code).toBe('role_not_held');
    const noReason = err(await close('2026-11-29', 12_950, undefined, { managerApproval: managerPin(o) }));
    expect([noReason.code, noReason.message_zh]).toEqual(['day_close_reason_required', '账实不符或对账未通过, 请填写原因']);
    const r = ok(await close('2026-11-29', 12_950, undefined, { managerApproval: managerPin(o), differenceReason: '找零差错' }));
    expect(r).toMatchObject({
      result: 'short',
      differenceFen: -250,
      countedCashFen: 12_950,
      manager: { name: o.names.manager },
      reason: '找零差错',
      adjustmentVoucherNo: '现付202611290001',
    });
    const j = await must(o, 'finance', 'cash.journal', { from: '2026-11-29', to: '2026-11-29' });
    expect(j.rows.at(-1)).toMatchObject({ cause: 'shortage', paymentFen: 250, balanceFen: 12_950, contra: { kind: 'suspense', label: '待处理财产损溢' } });
    expect(j.rows.at(-1)!.summary).toBe('2026-11-29 日结短款: 找零差错');
    expect(j.closingFen).toBe(12_950);
    expectClean(o);
  });

  it('over (长款) and a channel that does not agree: both need the manager; the over is booked as a 现收', async () => {
    await postedDispatch(o, 'KH003', 'wechat', [['WY-4001', 2]]);
    const e = err(await close('2026-11-29', 500, { wechat: 6300, alipay: 0, bank: 0 }));
    expect(e.message_zh).toBe('现金实点 5.00 元, 账面 0.00 元, 长款 5.00 元; wechat 确认 63.00 元, 账面 64.00 元: 须办事处经理审批(输入 PIN)并填写原因');
    const r = ok(
      await close('2026-11-29', 500, { wechat: 6300, alipay: 0, bank: 0 }, { managerApproval: managerPin(o), differenceReason: '微信手续费; 多收零钱' }),
    );
    expect(r).toMatchObject({ result: 'over', differenceFen: 500, adjustmentVoucherNo: '现收202611290001' });
    expect(r.channels).toEqual([
      { account: 'wechat', expectedFen: 6400, confirmedFen: 6300, differenceFen: -100 },
      { account: 'alipay', expectedFen: 0, confirmedFen: 0, differenceFen: 0 },
      { account: 'bank', expectedFen: 0, confirmedFen: 0, differenceFen: 0 },
    ]);
    expect(await balances(o)).toMatchObject({ cash: 500, wechat: 6400 });
    expectClean(o);
  });

  it('days close in order; a day not yet over cannot be closed; posting while yesterday is open is allowed and shown', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    expect((await must(o, 'keeper', 'dayClose.status', {})).openDays).toEqual([]); // today is not "past"
    const fut = err(await close('2026-11-30', 1000));
    expect([fut.code, fut.message_zh, fut.message_en]).toEqual([
      'day_not_over',
      '2026-11-30 尚未到来(今天是 2026-11-29), 不能日结',
      '2026-11-30 has not come yet (today is 2026-11-29) and cannot be closed',
    ]);
    ok(await close('2026-11-29', 1000));
    await dayAt(o, '2026-11-30');
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    await dayAt(o, '2026-12-01'); // nothing posted on 12-01
    await dayAt(o, '2026-12-02');
    await must(o, 'finance', 'cash.topUp', { amountFen: 1000 });
    await dayAt(o, '2026-12-03');
    expect(await must(o, 'sales', 'dayClose.status', {})).toEqual({
      today: '2026-12-03',
      todayClosed: false,
      lastClosed: '2026-11-29',
      openDays: ['2026-11-30', '2026-12-02'],
      openDayCount: 2,
      businessDate: '2026-12-03',
      reopenedDays: [],
    });
    const p = await must(o, 'finance', 'dayClose.preview', { date: '2026-12-02' });
    expect(p.canClose).toBe(false);
    expect(p.blockers).toEqual([
      { code: 'day_close_order', message_zh: '请先日结 2026-11-30, 再日结 2026-12-02', message_en: 'Close 2026-11-30 before 2026-12-02' },
    ]);
    expect(err(await close('2026-12-02', 3000)).code).toBe('day_close_order');
    ok(await close('2026-11-30', 2000));
    ok(await close('2026-12-02', 3000)); // 12-01 had nothing to close
    const list = await must(o, 'manager', 'dayClose.list', {});
    expect(list.rows.map((r) => [r.date, r.countedCashFen])).toEqual([
      ['2026-12-02', 3000],
      ['2026-11-30', 2000],
      ['2026-11-29', 1000],
    ]);
    expect((await must(o, 'manager', 'dayClose.list', { from: '2026-11-30', to: '2026-11-30' })).total).toBe(1);
    expectClean(o);
  });

  it('a day closed late books its short into that day; the later day’s journal follows from the count', async () => {
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    await dayAt(o, '2026-11-30');
    await must(o, 'finance', 'cash.remit', { amountFen: 3000 });
    // 11-29 counted 98.00 of 100.00
    ok(await close('2026-11-29', 9800, undefined, { managerApproval: managerPin(o), differenceReason: '点钞差错' }));
    const j = await must(o, 'finance', 'cash.journal', {});
    expect(j.rows.map((r) => [r.date, r.cause, r.receiptFen ?? -r.paymentFen!, r.balanceFen])).toEqual([
      ['2026-11-29', 'topup', 10_000, 10_000],
      ['2026-11-29', 'shortage', -200, 9800],
      ['2026-11-30', 'remittance', -3000, 6800],
    ]);
    expect((await must(o, 'finance', 'dayClose.preview', {})).cash).toMatchObject({ openingFen: 9800, expectedFen: 6800 });
    expectClean(o);
  });

  it('verify catches a closed day’s rows changed behind the app’s back', async () => {
    await busyDay();
    ok(await close('2026-11-29', 70_500, { wechat: 16_000, alipay: 0, bank: 30_000 }));
    expectClean(o);
    o.core.db.exec('DROP TRIGGER money_journal_no_update');
    o.core.db.prepare("UPDATE money_journal SET summary = summary || ' (改)' WHERE id = 2").run();
    const problems = verifyBooks(o.core.db).problems.map((p) => p.check);
    expect(problems).toContain('dayclose.hash');
  });
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message_en: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message_en}`);
  return r.value;
}
