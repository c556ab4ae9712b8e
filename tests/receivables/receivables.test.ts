// Collections (回款) applied oldest first or by hand, partial payments, prepayments (预收) applied
// later, the customer ledger, aging (账龄) and the customer statement (对账单).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aging } from '../../electron/domains/receivables/views';
import { dayAt, expectClean, financeOffice, must, postedDispatch, refused, returnOf, signedDispatch, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
let kh2: number;
beforeEach(async () => {
  o = await financeOffice('2026-05-04');
  kh2 = o.customerId('KH002');
});
afterEach(() => o.close());

/** Three credit sales to KH002 on three days: 780.00, 1,560.00, 320.00. */
async function threeSales() {
  await dayAt(o, '2026-11-01');
  const a = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 10]]);
  await dayAt(o, '2026-11-10');
  const b = await postedDispatch(o, 'KH002', 'credit', [['CZ-8801', 20]]);
  await dayAt(o, '2026-11-20');
  const c = await postedDispatch(o, 'KH002', 'credit', [['WY-4001', 10]]);
  return [a, b, c];
}

describe('receivables.collect', () => {
  it('applies a collection to the oldest open slips first, partly paying the last one reached', async () => {
    const [a, b, c] = await threeSales();
    const r = await must(o, 'finance', 'receivables.collect', { customerId: kh2, account: 'bank', amountFen: 100_000, memo: '转账' });
    expect(r.voucher).toMatchObject({
      voucherNo: '银收202611200001',
      account: 'bank',
      cause: 'collection',
      receiptFen: 100_000,
      contra: { kind: 'customer', id: kh2 },
    });
    expect(r.voucher.summary).toBe('收回货款 华美装饰工程有限公司');
    expect(r.entry).toMatchObject({ kind: 'collection', creditFen: 100_000, balanceFen: 266_000 - 100_000, docNo: r.voucher.voucherNo });
    expect(r.allocations).toEqual([
      { slipId: a.id, slipNo: a.no, amountFen: 78_000 },
      { slipId: b.id, slipNo: b.no, amountFen: 22_000 },
    ]);
    expect(r.unallocatedFen).toBe(0);
    const open = await must(o, 'finance', 'receivables.open', { customerId: kh2 });
    expect(open.openSlips.map((s) => [s.slipNo, s.openFen])).toEqual([
      [b.no, 134_000],
      [c.no, 32_000],
    ]);
    expectClean(o);
  });

  it('applies to slips chosen by hand; an overpayment is held as a prepayment', async () => {
    const [a, , c] = await threeSales();
    const r = await must(o, 'finance', 'receivables.collect', {
      customerId: kh2,
      account: 'cash',
      amountFen: 50_000,
      allocations: [
        { slipId: c.id, amountFen: 32_000 },
        { slipId: a.id, amountFen: 10_000 },
      ],
    });
    expect(r.allocations.map((x) => [x.slipNo, x.amountFen])).toEqual([
      [c.no, 32_000],
      [a.no, 10_000],
    ]);
    expect(r.unallocatedFen).toBe(8000);
    expect(r.voucher.voucherNo).toBe('现收202611200001');
    const open = await must(o, 'finance', 'receivables.open', { customerId: kh2 });
    expect(open).toMatchObject({ openFen: 68_000 + 156_000, prepaymentFen: 8000, balanceFen: 68_000 + 156_000 - 8000 });
    // the prepayment applied by hand to the second slip, then the rest automatically
    const ap = await must(o, 'finance', 'receivables.apply', { customerId: kh2, allocations: [{ slipId: open.openSlips[1].slipId!, amountFen: 5000 }] });
    expect(ap).toMatchObject({ prepaymentFen: 3000, allocations: [{ slipNo: open.openSlips[1].slipNo, amountFen: 5000 }] });
    const auto = await must(o, 'finance', 'receivables.apply', { customerId: kh2 });
    expect(auto).toMatchObject({ prepaymentFen: 0, allocations: [{ slipId: a.id, amountFen: 3000 }] });
    expect((await refused(o, 'finance', 'receivables.apply', { customerId: kh2 })).code).toBe('nothing_to_apply');
    expectClean(o);
  });

  it('refuses allocations beyond a slip’s open amount, beyond the money, or to another customer’s slip (zh+en), writing nothing', async () => {
    const [a] = await threeSales();
    const other = await postedDispatch(o, 'KH001', 'credit', [['WY-4001', 1]]);
    const cash = await postedDispatch(o, 'KH002', 'cash', [['WY-4001', 1]]);
    const before = o.core.db.prepare('SELECT COUNT(*) FROM money_journal').pluck().get();
    const e1 = await refused(o, 'finance', 'receivables.collect', {
      customerId: kh2,
      account: 'cash',
      amountFen: 100_000,
      allocations: [{ slipId: a.id, amountFen: 80_000 }],
    });
    expect(e1.code).toBe('allocation_exceeds_open');
    expect(e1.message_zh).toBe(`单据 ${a.no} 未收金额 780.00 元, 不能核销 800.00 元`);
    expect(e1.message_en).toBe(`Slip ${a.no} has 780.00 open; 800.00 cannot be applied to it`);
    const e2 = await refused(o, 'finance', 'receivables.collect', {
      customerId: kh2,
      account: 'cash',
      amountFen: 1000,
      allocations: [{ slipId: a.id, amountFen: 2000 }],
    });
    expect([e2.code, e2.message_zh, e2.message_en]).toEqual([
      'allocation_exceeds_amount',
      '核销合计 20.00 元超过可用金额 10.00 元',
      'Allocations of 20.00 exceed the 10.00 available',
    ]);
    for (const slip of [other, cash]) {
      const e3 = await refused(o, 'finance', 'receivables.collect', {
        customerId: kh2,
        account: 'cash',
        amountFen: 1000,
        allocations: [{ slipId: slip.id, amountFen: 100 }],
      });
      expect(e3.code).toBe('not_open_receivable');
      expect(e3.message_zh).toBe(`单据 ${slip.no} 不是客户「华美装饰工程有限公司」的未收赊销单`);
    }
    expect(o.core.db.prepare('SELECT COUNT(*) FROM money_journal').pluck().get()).toBe(before);
    for (const who of ['sales', 'keeper', 'statistician', 'manager'] as const)
      expect((await refused(o, who, 'receivables.collect', { customerId: kh2, account: 'cash', amountFen: 1000 })).code).toBe('forbidden');
  });

  it('a collection reversed in red (cash.reverse) reopens the slips it paid', async () => {
    const [a] = await threeSales();
    const r = await must(o, 'finance', 'receivables.collect', { customerId: kh2, account: 'cash', amountFen: 78_000 });
    expect((await must(o, 'finance', 'receivables.open', { customerId: kh2 })).openSlips).toHaveLength(2);
    const rev = await must(o, 'finance', 'cash.reverse', { entryId: r.voucher.id, reason: '支票退票' });
    expect(rev.reversal).toMatchObject({ receiptFen: -78_000, reversesId: r.voucher.id, balanceFen: 0 });
    expect(rev.original.reversedById).toBe(rev.reversal.id);
    const open = await must(o, 'finance', 'receivables.open', { customerId: kh2 });
    expect(open.openSlips.map((s) => s.slipId)).toContain(a.id);
    expect(open.balanceFen).toBe(266_000);
    expect((await refused(o, 'finance', 'cash.reverse', { entryId: r.voucher.id, reason: 'again' })).code).toBe('entry_already_reversed');
    expectClean(o);
  });
});

describe('ledger, aging and statement', () => {
  it('the ledger runs the balance after each row; the statement gives opening, totals, closing and what is still open', async () => {
    const [a, b] = await threeSales();
    await dayAt(o, '2026-11-25');
    await must(o, 'finance', 'receivables.collect', { customerId: kh2, account: 'wechat', amountFen: 100_000 });
    await returnOf(o, b, 'credit', [[0, 2]]); // 176.00 credit note against b
    const led = await must(o, 'statistician', 'receivables.ledger', { customerId: kh2 });
    expect(led.rows.map((r) => [r.date, r.kind, r.debitFen, r.creditFen, r.balanceFen])).toEqual([
      ['2026-11-01', 'sale', 78_000, null, 78_000],
      ['2026-11-10', 'sale', 156_000, null, 234_000],
      ['2026-11-20', 'sale', 32_000, null, 266_000],
      ['2026-11-25', 'collection', null, 100_000, 166_000],
      ['2026-11-25', 'credit_note', null, 15_600, 150_400],
    ]);
    const page = await must(o, 'finance', 'receivables.ledger', { customerId: kh2, from: '2026-11-10', to: '2026-11-20', limit: 1, offset: 1 });
    expect(page).toMatchObject({ openingFen: 78_000, total: 2, closingFen: 266_000 });
    expect(page.rows.map((r) => r.date)).toEqual(['2026-11-20']);

    const st = await must(o, 'finance', 'receivables.statement', { customerId: kh2, from: '2026-11-05', to: '2026-11-30' });
    expect(st).toMatchObject({ openingFen: 78_000, salesFen: 188_000, collectionsFen: 100_000, creditNotesFen: 15_600, closingFen: 150_400, prepaymentFen: 0 });
    expect(st.rows).toHaveLength(4);
    expect(st.openSlips.map((s) => [s.slipNo, s.openFen])).toEqual([
      [b.no, 156_000 - 22_000 - 15_600],
      [(await must(o, 'finance', 'receivables.open', { customerId: kh2 })).openSlips[1].slipNo, 32_000],
    ]);
    // as it stood on 2026-11-15: a and b open in full
    const early = await must(o, 'finance', 'receivables.statement', { customerId: kh2, from: '2026-11-01', to: '2026-11-15' });
    expect(early.openSlips.map((s) => [s.slipNo, s.openFen, s.ageDays])).toEqual([
      [a.no, 78_000, 14],
      [b.no, 156_000, 5],
    ]);
    expect(early.closingFen).toBe(234_000);
    expectClean(o);
  });

  it('ages open amounts in the default buckets or those given, as of today or a past day', async () => {
    await dayAt(o, '2026-06-01');
    const old = await postedDispatch(o, 'KH001', 'credit', [['WY-4001', 1]]); // 3,200 → 181 days on 11-29
    await dayAt(o, '2026-09-15');
    await postedDispatch(o, 'KH001', 'credit', [['WY-4001', 2]]); // 6,400 → 75 days
    await threeSales(); // KH002: 28, 19 and 9 days… as of 11-29
    await dayAt(o, '2026-11-29');
    await signedDispatch(o, 'KH003', 'credit', [['WY-4001', 3]]); // 9,600, age 0 (signed, not yet posted)
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH005'), account: 'cash', amountFen: 5000 }); // prepaid only
    const r = await must(o, 'statistician', 'receivables.aging', {});
    expect(r.asOf).toBe('2026-11-29');
    expect(r.buckets.map((b) => b.label)).toEqual(['0–30天', '31–60天', '61–90天', '91–180天', '180天以上']);
    const row = (code: string) => r.rows.find((x) => x.code === code)!;
    expect(row('KH001')).toMatchObject({ openFen: 9600, buckets: [0, 0, 6400, 0, 3200], oldestDate: '2026-06-01', balanceFen: 9600 });
    expect(row('KH002')).toMatchObject({ openFen: 266_000, buckets: [266_000, 0, 0, 0, 0] });
    expect(row('KH003')).toMatchObject({ openFen: 9600, buckets: [9600, 0, 0, 0, 0] });
    expect(row('KH005')).toMatchObject({ openFen: 0, prepaymentFen: 5000, balanceFen: -5000 });
    expect(r.rows.map((x) => x.code)).toEqual(['KH001', 'KH002', 'KH003', 'KH005']);
    expect(r.totals).toMatchObject({ openFen: 9600 + 266_000 + 9600, prepaymentFen: 5000, buckets: [275_600, 0, 6400, 0, 3200] });
    // custom buckets, and a past day
    const c = await must(o, 'finance', 'receivables.aging', { buckets: [10, 20], customerIds: [kh2] });
    expect(c.buckets.map((b) => [b.fromDays, b.toDays])).toEqual([
      [0, 10],
      [11, 20],
      [21, null],
    ]);
    expect(c.rows[0].buckets).toEqual([32_000, 156_000, 78_000]);
    const past = await must(o, 'finance', 'receivables.aging', { asOf: '2026-11-12', customerIds: [kh2] });
    expect(past.rows[0]).toMatchObject({ openFen: 234_000, buckets: [234_000, 0, 0, 0, 0] });
    // the two ways of counting agree (today from the open-items table, a past day from the ledger rows)
    const fast = aging(o.core.db, { buckets: [30, 60, 90, 180], includeSettled: true }, '2026-11-29');
    const slow = aging(o.core.db, { buckets: [30, 60, 90, 180], includeSettled: true }, '2026-11-29', { forceHistorical: true });
    expect(slow).toEqual(fast);
    expect(fast.rows).toHaveLength(8);
    expect(old.id).toBeGreaterThan(0);
  });
});
