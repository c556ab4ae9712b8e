// The money of slips: finance's signature on a dispatch records the payment (现收/银收) or the
// receivable (credit limit, manager's override, 现金现货原则); a dropped signature, a void or a
// reversal reverses it in red; a short pick and a customer return pay back or credit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  balances,
  call,
  draft,
  err,
  expectClean,
  financeOffice,
  managerPin,
  must,
  ok,
  owed,
  payRefund,
  postedDispatch,
  refused,
  returnOf,
  signedDispatch,
  signFinance,
  signManager,
  type DemoOffice,
} from '../helpers/finance';
import { REVERSE_SIGNOFFS } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const cashRows = async (account: 'cash' | 'wechat' | 'alipay' | 'bank' = 'cash') => (await must(o, 'finance', 'cash.journal', { account })).rows;

describe('finance signs a dispatch: the payment is recorded', () => {
  it('cash → a 现收 receipt linked to the slip; WeChat → a 银收 receipt into WeChat; the manager’s signature alone records nothing', async () => {
    const d = await draft(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    await signManager(o, d.id);
    expect(await cashRows()).toEqual([]);
    ok(await signFinance(o, d.id));
    const [r] = await cashRows();
    expect(r).toMatchObject({
      voucherNo: '现收202611290001',
      date: '2026-11-29',
      cause: 'sale',
      receiptFen: 31200,
      paymentFen: null,
      balanceFen: 31200,
      slipId: d.id,
      slipNo: d.no,
      customerName: '城东建材城 李记瓷砖',
      contra: { kind: 'slip', id: d.id, label: `${d.no} 城东建材城 李记瓷砖` },
      user: { name: o.names.finance },
    });
    expect(r.summary).toBe(`销售收款 ${d.no} 城东建材城 李记瓷砖`);

    const w = await signedDispatch(o, 'KH003', 'wechat', [['WY-4001', 2]]);
    const [wr] = await cashRows('wechat');
    expect(wr).toMatchObject({ voucherNo: '银收202611290001', receiptFen: 6400, balanceFen: 6400, slipId: w.id, account: 'wechat' });
    const b = await signedDispatch(o, 'KH003', 'bank', [['WY-4001', 1]]);
    expect((await cashRows('bank'))[0]).toMatchObject({ voucherNo: '银收202611290002', receiptFen: 3200, slipId: b.id });
    expect(await balances(o)).toEqual({ cash: 31200, wechat: 6400, alipay: 0, bank: 3200 });
    expect((await must(o, 'finance', 'cash.bySlip', { slipId: d.id })).netReceivedFen).toBe(31200);
    expectClean(o);
  });

  it('credit within the limit becomes the customer’s receivable', async () => {
    const d = await signedDispatch(o, 'KH005', 'credit', [['WY-1001', 10]]); // 12,990.00 of a 20,000.00 limit
    expect(await owed(o, 'KH005')).toBe(1_299_000);
    const led = await must(o, 'finance', 'receivables.ledger', { customerId: o.customerId('KH005') });
    expect(led.rows).toHaveLength(1);
    expect(led.rows[0]).toMatchObject({
      kind: 'sale',
      docNo: d.no,
      debitFen: 1_299_000,
      creditFen: null,
      balanceFen: 1_299_000,
      slipId: d.id,
      overrideBy: null,
    });
    expect(await cashRows()).toEqual([]);
    expectClean(o);
  });

  it('over the credit limit is refused (zh+en), unless the manager overrides with the PIN', async () => {
    await signedDispatch(o, 'KH005', 'credit', [['WY-1001', 10]]);
    const d = await draft(o, 'KH005', 'credit', [['WY-1001', 6]]); // 7,794.00 more: 20,784.00 > 20,000.00
    await signManager(o, d.id);
    const e = err(await signFinance(o, d.id));
    expect(e.code).toBe('credit_limit_exceeded');
    expect(e.message_zh).toBe('客户「喆堃家居馆」信用额度 20,000.00 元, 现欠 12,990.00 元, 本单 7,794.00 元将超出额度, 须办事处经理授权');
    expect(e.message_en).toBe(
      'Customer "喆堃家居馆" would exceed the credit limit of 20,000.00 (owes 12,990.00, this sale 7,794.00): needs the office manager\'s override',
    );
    expect((await must(o, 'sales', 'slips.get', { slipId: d.id })).missingSignatures).toEqual(['finance']);
    // the override must be the manager's, with the right PIN
    expect(err(await signFinance(o, d.id, { user: o.names.keeper, pin: o.pins.keeper })).code).toBe('role_not_held');
    expect(err(await signFinance(o, d.id, { user: o.names.manager, pin: '9999' })).code).toBe('bad_credentials');
    expect(await owed(o, 'KH005')).toBe(1_299_000);
    const s = ok(await signFinance(o, d.id, managerPin(o)));
    expect(s.missingSignatures).toEqual([]);
    expect(await owed(o, 'KH005')).toBe(1_299_000 + 779_400);
    const led = await must(o, 'finance', 'receivables.ledger', { customerId: o.customerId('KH005') });
    expect(led.rows[1]).toMatchObject({ overrideBy: { name: o.names.manager }, debitFen: 779_400 });
    expect(led.rows[1].summary).toContain('经理 张伟 授权');
    // the override is in the audit log, the PIN is not
    const audit = o.core.db.prepare("SELECT input_json FROM audit_log WHERE method = 'slips.sign' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(audit).toContain('"creditOverride":{"user":"张伟","pin":"***"}');
    expectClean(o);
  });

  it('a customer with no credit (limit 0: 现金现货) needs the override for any credit sale; cash needs none', async () => {
    const d = await draft(o, 'KH004', 'credit', [['WY-4001', 1]]);
    await signManager(o, d.id);
    const e = err(await signFinance(o, d.id));
    expect(e.code).toBe('credit_limit_exceeded');
    expect(e.message_zh).toBe('客户「市建筑设计院」没有赊销额度(现金现货), 本单 32.00 元赊销须办事处经理授权');
    expect(e.message_en).toBe('Customer "市建筑设计院" has no credit (cash on delivery): this credit sale of 32.00 needs the office manager\'s override');
    ok(await signFinance(o, d.id, managerPin(o)));
    expect(await owed(o, 'KH004')).toBe(3200);
    await signedDispatch(o, 'KH006', 'cash', [['WY-4001', 1]]);
    expectClean(o);
  });

  it('a prepayment is used by the next credit sale automatically, and counts toward the limit', async () => {
    const kh6 = o.customerId('KH006'); // limit 0
    const c = await must(o, 'finance', 'receivables.collect', { customerId: kh6, account: 'cash', amountFen: 10_000 });
    expect(c).toMatchObject({ allocations: [], unallocatedFen: 10_000, balanceFen: -10_000 });
    const d = await signedDispatch(o, 'KH006', 'credit', [['WY-4001', 2]]); // 6,400 ≤ the 10,000 prepaid: no override needed
    const open = await must(o, 'finance', 'receivables.open', { customerId: kh6 });
    expect(open).toMatchObject({ openSlips: [], openFen: 0, prepaymentFen: 3600, balanceFen: -3600 });
    expect(d.missingSignatures).toEqual([]);
    const d2 = await draft(o, 'KH006', 'credit', [['WY-4001', 2]]);
    await signManager(o, d2.id);
    expect(err(await signFinance(o, d2.id)).code).toBe('credit_limit_exceeded');
    ok(await signFinance(o, d2.id, managerPin(o)));
    const open2 = await must(o, 'finance', 'receivables.open', { customerId: kh6 });
    expect(open2).toMatchObject({ openFen: 2800, prepaymentFen: 0, balanceFen: 2800 });
    expect(open2.openSlips).toMatchObject([{ slipId: d2.id, amountFen: 6400, settledFen: 3600, openFen: 2800 }]);
    expectClean(o);
  });
});

describe('the signature goes, the money goes (红字)', () => {
  it('editing a signed draft drops finance’s signature and reverses the receipt; re-signing books it again; voiding reverses it', async () => {
    const d = await signedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    // an edit that changes nothing keeps signature and money
    await must(o, 'sales', 'slips.update', { slipId: d.id, memo: d.memo });
    expect(await balances(o)).toMatchObject({ cash: 31200 });
    const edited = await must(o, 'sales', 'slips.update', { slipId: d.id, lines: [{ itemId: o.itemId('CZ-8801'), qty: 5 }] });
    expect(edited.missingSignatures).toEqual(['manager', 'finance']);
    const rows = await cashRows();
    expect(rows.map((r) => [r.voucherNo, r.receiptFen, r.balanceFen, r.reversesId])).toEqual([
      ['现收202611290001', 31200, 31200, null],
      ['现收202611290002', -31200, 0, rows[0].id],
    ]);
    expect(rows[0].reversedById).toBe(rows[1].id);
    expect(rows[1].summary).toBe(`冲销 销售收款 ${d.no} 城东建材城 李记瓷砖(单据修改, 财务签字失效)`);
    await signManager(o, d.id);
    ok(await signFinance(o, d.id));
    expect(await balances(o)).toMatchObject({ cash: 39000 });
    await must(o, 'sales', 'slips.void', { slipId: d.id, reason: '客户取消' });
    expect(await balances(o)).toMatchObject({ cash: 0 });
    expect((await cashRows()).map((r) => r.receiptFen)).toEqual([31200, -31200, 39000, -39000]);
    expectClean(o);
  });

  it('a credit sale whose draft is voided leaves nothing owed; a collection applied to it becomes a prepayment', async () => {
    const d = await signedDispatch(o, 'KH002', 'credit', [['CZ-8801', 10]]);
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'bank', amountFen: 50_000 });
    expect(await owed(o, 'KH002')).toBe(28_000);
    await must(o, 'sales', 'slips.void', { slipId: d.id, reason: '改单' });
    const open = await must(o, 'finance', 'receivables.open', { customerId: o.customerId('KH002') });
    expect(open).toMatchObject({ openSlips: [], prepaymentFen: 50_000, balanceFen: -50_000 });
    const led = await must(o, 'finance', 'receivables.ledger', { customerId: o.customerId('KH002') });
    expect(led.rows.map((r) => [r.kind, r.debitFen, r.creditFen, r.balanceFen])).toEqual([
      ['sale', 78_000, null, 78_000],
      ['collection', null, 50_000, 28_000],
      ['sale', -78_000, null, -50_000],
    ]);
    expectClean(o);
  });

  it('reversing a posted slip (slips.reverse) reverses its money; a reversed return gives its refund back', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    const r = await returnOf(o, d, 'cash', [[0, 1]]);
    await payRefund(o, r.id);
    expect(await balances(o)).toMatchObject({ cash: 31200 - 7800 });
    await must(o, 'manager', 'slips.reverse', { slipId: r.id, reason: '退货录错', ...REVERSE_SIGNOFFS });
    expect(await balances(o)).toMatchObject({ cash: 31200 });
    const { reversal } = await must(o, 'manager', 'slips.reverse', { slipId: d.id, reason: '整单冲销', ...REVERSE_SIGNOFFS });
    expect(await balances(o)).toMatchObject({ cash: 0 });
    const last = (await cashRows()).at(-1)!;
    expect(last).toMatchObject({ receiptFen: -31200, slipId: d.id });
    expect(last.summary).toContain(`红字冲销 ${reversal.no}`);

    const c = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 4]]);
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen: 20_000 });
    await must(o, 'keeper', 'slips.reverse', { slipId: c.id, reason: '客户拒收', ...REVERSE_SIGNOFFS });
    expect(await must(o, 'finance', 'receivables.open', { customerId: o.customerId('KH002') })).toMatchObject({
      openSlips: [],
      prepaymentFen: 20_000,
      balanceFen: -20_000,
    });
    expectClean(o);
  });
});

describe('short picks and returns', () => {
  it('a confirmed short pick pays back the unshipped part of a cash sale (现付)', async () => {
    const d = await signedDispatch(o, 'KH001', 'cash', [
      ['CZ-8801', 4],
      ['CZ-8802', 2],
    ]); // 312 + 176 = 488.00
    await must(o, 'keeper', 'slips.post', {
      slipId: d.id,
      picked: [
        { lineId: d.lines[0].id, qty: 4 },
        { lineId: d.lines[1].id, qty: 1 },
      ],
      confirmShort: true,
    });
    // the keeper's posting owes the customer 88.00 back: it waits for finance, nothing leaves the box yet
    expect((await must(o, 'keeper', 'slips.get', { slipId: d.id })).refund).toMatchObject({ state: 'pending', amountFen: 8800, account: 'cash' });
    expect((await cashRows()).map((r) => r.voucherNo)).toEqual(['现收202611290001']);
    await payRefund(o, d.id);
    const rows = await cashRows();
    expect(rows.map((r) => [r.voucherNo, r.cause, r.receiptFen, r.paymentFen, r.balanceFen])).toEqual([
      ['现收202611290001', 'sale', 48_800, null, 48_800],
      ['现付202611290001', 'sale_refund', null, 8800, 40_000],
    ]);
    expect(rows[1].summary).toBe(`短拣退款 ${d.no} 城东建材城 李记瓷砖`);
    // reversing it later undoes both, refund first, without the cash box dipping below zero
    await must(o, 'finance', 'cash.remit', { amountFen: 35_000 });
    expect(err(await call(o, 'manager', 'slips.reverse', { slipId: d.id, reason: 'x', ...REVERSE_SIGNOFFS })).code).toBe('cash_insufficient');
    expectClean(o);
  });

  it('a confirmed short pick of a credit sale credits the unshipped part against the slip', async () => {
    const d = await signedDispatch(o, 'KH002', 'credit', [
      ['CZ-8801', 4],
      ['CZ-8802', 2],
    ]);
    await must(o, 'keeper', 'slips.post', {
      slipId: d.id,
      picked: [
        { lineId: d.lines[0].id, qty: 4 },
        { lineId: d.lines[1].id, qty: 1 },
      ],
      confirmShort: true,
    });
    const open = await must(o, 'finance', 'receivables.open', { customerId: o.customerId('KH002') });
    expect(open).toMatchObject({ openFen: 40_000, prepaymentFen: 0, balanceFen: 40_000 });
    expect(open.openSlips).toMatchObject([{ slipId: d.id, amountFen: 48_800, settledFen: 8800, openFen: 40_000 }]);
    const led = await must(o, 'finance', 'receivables.ledger', { customerId: o.customerId('KH002') });
    expect(led.rows[1]).toMatchObject({ kind: 'credit_note', creditFen: 8800, docNo: d.no, summary: `短拣冲减应收 ${d.no}` });
    expectClean(o);
  });

  it('a return refunds in cash or its channel, or becomes a credit note against the receivable', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    const r = await returnOf(o, d, 'cash', [[0, 1]]);
    expect(r.refund).toMatchObject({ state: 'pending', amountFen: 7800, voucherNo: null });
    const paid = await payRefund(o, r.id);
    expect(paid.refund).toMatchObject({ state: 'paid', voucherNo: '现付202611290001', confirmedBy: { name: o.names.finance } });
    expect((await cashRows()).at(-1)).toMatchObject({ voucherNo: '现付202611290001', cause: 'return_refund', paymentFen: 7800, slipId: r.id });
    expect((await cashRows()).at(-1)!.summary).toBe(`退货退款 ${r.no} 原单 ${d.no} 城东建材城 李记瓷砖`);

    const w = await postedDispatch(o, 'KH003', 'wechat', [['WY-4001', 3]]);
    await payRefund(o, (await returnOf(o, w, 'wechat', [[0, 1]])).id);
    expect((await cashRows('wechat')).map((x) => [x.voucherNo, x.receiptFen, x.paymentFen])).toEqual([
      ['银收202611290001', 9600, null],
      ['银付202611290001', null, 3200],
    ]);

    const c = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 4]]);
    const cr = await returnOf(o, c, 'credit', [[0, 2]]);
    const open = await must(o, 'finance', 'receivables.open', { customerId: o.customerId('KH002') });
    expect(open.openSlips).toMatchObject([{ slipId: c.id, amountFen: 31_200, settledFen: 15_600, openFen: 15_600 }]);
    const led = await must(o, 'finance', 'receivables.ledger', { customerId: o.customerId('KH002') });
    expect(led.rows[1]).toMatchObject({ kind: 'credit_note', creditFen: 15_600, docNo: cr.no, balanceFen: 15_600 });
    // a return of a cash sale taken as credit becomes a prepayment
    await returnOf(o, d, 'credit', [[0, 1]]);
    expect(await must(o, 'finance', 'receivables.open', { customerId: o.customerId('KH001') })).toMatchObject({ prepaymentFen: 7800, balanceFen: -7800 });
    expectClean(o);
  });

  it('a cash refund the cash box cannot pay is refused (zh+en) at finance’s confirmation and nothing moves', async () => {
    const d = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 4]]);
    const r = await must(o, 'sales', 'slips.create', {
      kind: 'return',
      sourceSlipId: d.id,
      paymentMode: 'cash',
      lines: [{ itemId: d.lines[0].itemId, qty: 1, sourceLineId: d.lines[0].id }],
    });
    await must(o, 'sales', 'slips.sign', { slipId: r.id, role: 'manager', user: o.names.manager, pin: o.pins.manager });
    // the keeper's posting takes the goods back; the refund waits for finance
    const posted = await must(o, 'keeper', 'slips.post', { slipId: r.id });
    expect(posted.refund).toMatchObject({ state: 'pending', amountFen: 7800 });
    const e = await refused(o, 'finance', 'refunds.confirm', { refundId: posted.refund!.id, pin: o.pins.finance });
    expect(e.code).toBe('cash_insufficient');
    expect(e.message_zh).toBe('库存现金余额不足: 余额 0.00 元, 需付 78.00 元(现金不能为负)');
    expect(e.message_en).toBe('Not enough in cash on hand: balance 0.00, needs 78.00 (cash can never go below zero)');
    expect((await must(o, 'keeper', 'slips.get', { slipId: r.id })).refund).toMatchObject({ state: 'pending', voucherNo: null });
    expect(await balances(o)).toMatchObject({ cash: 0 });
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    await payRefund(o, r.id);
    expect(await balances(o)).toMatchObject({ cash: 2200 });
    expectClean(o);
  });
});
