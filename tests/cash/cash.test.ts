// The money journal (现金日记账 and each channel's): remittance (交回公司货款), petty-cash top-ups,
// vouchers numbered without gaps, the journal's running balance under paging and filters, red
// reversals, and who may see and move money.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { balances, dayAt, expectClean, financeOffice, must, postedDispatch, refused, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice('2026-05-04');
});
afterEach(() => o.close());

describe('remittance and top-ups', () => {
  it('books 现收/现付 for cash and 银收/银付 for channels; a payment cash cannot cover is refused and takes no number', async () => {
    const t = await must(o, 'finance', 'cash.topUp', { amountFen: 100_000, memo: '11月备用金' });
    expect(t).toMatchObject({
      voucherNo: '现收202611290001',
      cause: 'topup',
      receiptFen: 100_000,
      balanceFen: 100_000,
      contra: { kind: 'topup', id: null, label: '营销中心(公司)' },
      summary: '公司拨入备用金(库存现金)',
      memo: '11月备用金',
    });
    const e = await refused(o, 'finance', 'cash.remit', { amountFen: 100_001 });
    expect([e.code, e.message_zh]).toEqual(['cash_insufficient', '库存现金余额不足: 余额 1,000.00 元, 需付 1,000.01 元(现金不能为负)']);
    const r = await must(o, 'finance', 'cash.remit', { amountFen: 60_000 });
    expect(r).toMatchObject({ voucherNo: '现付202611290001', cause: 'remittance', paymentFen: 60_000, balanceFen: 40_000, summary: '交回公司货款(库存现金)' });
    await postedDispatch(o, 'KH003', 'alipay', [['WY-4001', 10]]);
    expect(await must(o, 'finance', 'cash.remit', { account: 'alipay', amountFen: 32_000 })).toMatchObject({
      voucherNo: '银付202611290001',
      account: 'alipay',
      balanceFen: 0,
    });
    expect(await balances(o)).toEqual({ cash: 40_000, wechat: 0, alipay: 0, bank: 0 });
    expect((await refused(o, 'manager', 'cash.remit', { amountFen: 1 })).code).toBe('forbidden');
    expect((await refused(o, 'finance', 'cash.topUp', { amountFen: 0 })).code).toBe('invalid_input');
    expectClean(o);
  });

  it('cash.reverse takes back a remittance or a top-up in red; slip and expense money only through their documents', async () => {
    const t = await must(o, 'finance', 'cash.topUp', { amountFen: 5000 });
    const r = await must(o, 'finance', 'cash.remit', { amountFen: 5000 });
    // reversing the top-up would leave the cash box at −50.00
    expect((await refused(o, 'finance', 'cash.reverse', { entryId: t.id, reason: '录错' })).code).toBe('cash_insufficient');
    const back = await must(o, 'finance', 'cash.reverse', { entryId: r.id, reason: '未交出' });
    expect(back.reversal).toMatchObject({
      voucherNo: '现付202611290002',
      paymentFen: -5000,
      balanceFen: 5000,
      reversesId: r.id,
      summary: '冲销 交回公司货款(库存现金): 未交出',
    });
    const red = await refused(o, 'finance', 'cash.reverse', { entryId: back.reversal.id, reason: 'x' });
    expect(red.code).toBe('entry_not_reversible');
    const d = await postedDispatch(o, 'KH001', 'cash', [['WY-4001', 1]]);
    const sale = (await must(o, 'finance', 'cash.bySlip', { slipId: d.id })).journal[0];
    const e = await refused(o, 'finance', 'cash.reverse', { entryId: sale.id, reason: 'x' });
    expect(e.message_zh).toBe(`凭证 ${sale.voucherNo} 不能在此冲销: 单据的收付款随单据作废或红字冲销`);
    expect(e.message_en).toBe(`Voucher ${sale.voucherNo} cannot be reversed here: money of a slip is reversed by voiding or reversing the slip`);
    expect((await refused(o, 'finance', 'cash.reverse', { entryId: 99_999, reason: 'x' })).code).toBe('not_found');
    expectClean(o);
  });
});

describe('cash.journal', () => {
  it('pages in date order with the running balance of the whole account, under any filter', async () => {
    await dayAt(o, '2026-11-27');
    await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 }); // 100
    const d1 = await postedDispatch(o, 'KH001', 'cash', [['WY-4001', 2]]); // +64 → 164
    await dayAt(o, '2026-11-28');
    await must(o, 'finance', 'cash.remit', { amountFen: 6400 }); // → 100
    await postedDispatch(o, 'KH003', 'cash', [['WY-4001', 1]]); // +32 → 132
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH001'), account: 'cash', amountFen: 1000 }); // +10 → 142
    await dayAt(o, '2026-11-29');
    await must(o, 'finance', 'cash.remit', { amountFen: 4200 }); // → 100
    const all = await must(o, 'manager', 'cash.journal', {});
    expect(all.rows.map((r) => [r.date, r.receiptFen, r.paymentFen, r.balanceFen])).toEqual([
      ['2026-11-27', 10_000, null, 10_000],
      ['2026-11-27', 6400, null, 16_400],
      ['2026-11-28', null, 6400, 10_000],
      ['2026-11-28', 3200, null, 13_200],
      ['2026-11-28', 1000, null, 14_200],
      ['2026-11-29', null, 4200, 10_000],
    ]);
    expect(all).toMatchObject({ openingFen: 0, total: 6, receiptsFen: 20_600, paymentsFen: 10_600, closingFen: 10_000 });
    const day = await must(o, 'finance', 'cash.journal', { from: '2026-11-28', to: '2026-11-28', limit: 2, offset: 1 });
    expect(day).toMatchObject({ openingFen: 16_400, total: 3, receiptsFen: 4200, paymentsFen: 6400, closingFen: 14_200 });
    expect(day.rows.map((r) => r.balanceFen)).toEqual([13_200, 14_200]);
    const found = await must(o, 'finance', 'cash.journal', { query: d1.no });
    expect(found.rows.map((r) => [r.slipNo, r.balanceFen])).toEqual([[d1.no, 16_400]]);
    const byName = await must(o, 'finance', 'cash.journal', { query: '李记' });
    expect(byName.rows.map((r) => r.cause)).toEqual(['sale', 'collection']);
    const remits = await must(o, 'finance', 'cash.journal', { contraKind: 'remittance' });
    expect(remits).toMatchObject({ total: 2, paymentsFen: 10_600, receiptsFen: 0 });
    expect(remits.rows.map((r) => r.balanceFen)).toEqual([10_000, 10_000]);
    const vouchers = all.rows.map((r) => r.voucherNo);
    expect(vouchers).toEqual(['现收202611270001', '现收202611270002', '现付202611280001', '现收202611280001', '现收202611280002', '现付202611290001']);
    for (const who of ['sales', 'statistician', 'keeper'] as const) expect((await refused(o, who, 'cash.journal', {})).code).toBe('forbidden');
    expect((await refused(o, 'finance', 'cash.journal', { from: '2026/11/01' })).code).toBe('invalid_input');
    expectClean(o);
  });
});
