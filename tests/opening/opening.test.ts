// Opening balances (opening.*, 期初建账): the opening stock as one slip signed by the manager, one
// FIFO layer per line holding exactly its amount; customers' opening debts dated on the original
// sale (aged from there); each money account's opening once; all refused after the first close;
// verify checks the opening figures against the books.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import { balances, call, countsFor, demoOffice, expectClean, managerPin, must, postedDispatch, refused, type DemoOffice } from './helpers';

let o: DemoOffice;
beforeEach(async () => {
  o = await demoOffice();
});
afterEach(() => o.close());

const stock = () => [
  { itemId: o.itemId('CZ-8801'), qty: 100, amountFen: 520_000 },
  { itemId: o.itemId('CZ-8802'), qty: 3, amountFen: 1000 }, // 3.33… a unit: the layer keeps 10.00 exactly
  { itemId: o.itemId('WY-4001'), qty: 50, amountFen: 92_500 },
];

const layers = (code: string) =>
  o.core.db.prepare('SELECT in_qty, in_amount_fen, remaining_qty, remaining_amount_fen FROM stock_layers WHERE item_id = ? ORDER BY id').all(o.itemId(code));

describe('opening.postStock', () => {
  it('posts one opening slip signed by the manager: one layer per line at exactly its amount', async () => {
    const s = await must(o, 'finance', 'opening.postStock', { lines: stock(), signoff: managerPin(o) });
    expect(s.stock).toMatchObject({ no: expect.stringMatching(/^QC20261129\d{4}$/), businessDate: '2026-11-29', signedBy: o.names.manager });
    expect(s.stock!.lines.map((l) => [l.itemCode, l.qty, l.amountFen])).toEqual([
      ['CZ-8801', 100, 520_000],
      ['CZ-8802', 3, 1000],
      ['WY-4001', 50, 92_500],
    ]);
    expect(layers('CZ-8802')).toEqual([{ in_qty: 3, in_amount_fen: 1000, remaining_qty: 3, remaining_amount_fen: 1000 }]);
    const slip = await must(o, 'manager', 'slips.get', { slipId: s.stock!.slipId });
    expect([slip.kind, slip.state, slip.missingSignatures, slip.lines.map((l) => l.unitCostFen)]).toEqual(['opening', 'posted', [], [5200, null, 1850]]);

    // the amount splits exactly: 333 + 333 + 334
    for (let i = 0; i < 3; i++) await postedDispatch(o, 'KH001', 'cash', [['CZ-8802', 1]]);
    const out = o.core.db.prepare("SELECT amount_fen FROM stock_moves WHERE item_id = ? AND direction = 'out' ORDER BY id").pluck().all(o.itemId('CZ-8802'));
    expect(out).toEqual([333, 333, 334]);
    expectClean(o);
  });

  it('needs the manager’s PIN, once, with each item once', async () => {
    expect((await refused(o, 'finance', 'opening.postStock', { lines: stock(), signoff: { user: o.names.finance, pin: o.pins.finance } })).code).toBe(
      'role_not_held',
    );
    expect((await refused(o, 'finance', 'opening.postStock', { lines: stock(), signoff: { user: o.names.manager, pin: '999999' } })).code).toBe(
      'bad_credentials',
    );
    const twice = await refused(o, 'manager', 'opening.postStock', { lines: [...stock(), stock()[0]], signoff: managerPin(o) });
    expect(twice.message_zh).toContain('第4行 商品重复');
    expect((await refused(o, 'keeper', 'opening.postStock', { lines: stock(), signoff: managerPin(o) })).code).toBe('forbidden');
    await must(o, 'manager', 'opening.postStock', { lines: stock(), signoff: managerPin(o) });
    const again = await refused(o, 'manager', 'opening.postStock', { lines: stock(), signoff: managerPin(o) });
    expect([again.code, again.message_zh, again.message_en]).toEqual([
      'opening_done',
      '期初库存已经建账, 不能重复录入',
      'The opening stock is already entered and cannot be entered twice',
    ]);
    expect(o.core.db.prepare("SELECT COUNT(*) FROM slips WHERE kind = 'opening'").pluck().get()).toBe(1);
  });
});

describe('opening.addReceivables', () => {
  it('dates each debt on its original sale, so a debt of 40 days ago is in the 31–60 bucket', async () => {
    const kh = o.customerId('KH002');
    const s = await must(o, 'finance', 'opening.addReceivables', {
      lines: [
        { customerId: kh, saleDate: '2026-10-20', docRef: '旧FH-0088', amountFen: 120_000 },
        { customerId: kh, saleDate: '2026-11-20', amountFen: 30_000 },
      ],
    });
    expect(s.receivables.map((r) => [r.saleDate, r.docRef, r.amountFen])).toEqual([
      ['2026-10-20', '旧FH-0088', 120_000],
      ['2026-11-20', '', 30_000],
    ]);
    const aging = await must(o, 'finance', 'receivables.aging', { customerIds: [kh] });
    expect(aging.rows[0]).toMatchObject({ balanceFen: 150_000, oldestDate: '2026-10-20', buckets: [30_000, 120_000, 0, 0, 0] });
    expectClean(o);
  });

  it('refuses a sale dated after the go-live day', async () => {
    const e = await refused(o, 'finance', 'opening.addReceivables', { lines: [{ customerId: o.customerId('KH001'), saleDate: '2026-11-30', amountFen: 100 }] });
    expect([e.code, e.message_zh]).toEqual(['opening_sale_date', '第1行 原销售日期 2026-11-30 不能晚于建账日 2026-11-29']);
  });
});

describe('opening.setCash', () => {
  it('books each account’s opening once', async () => {
    const s = await must(o, 'finance', 'opening.setCash', {
      lines: [
        { account: 'cash', amountFen: 80_000 },
        { account: 'bank', amountFen: 1_500_000 },
      ],
    });
    expect(s.cash.map((c) => [c.account, c.amountFen, c.voucherNo.slice(0, 2)])).toEqual([
      ['cash', 80_000, '现收'],
      ['bank', 1_500_000, '银收'],
    ]);
    expect(await balances(o)).toMatchObject({ cash: 80_000, bank: 1_500_000, wechat: 0 });
    expect((await refused(o, 'finance', 'opening.setCash', { lines: [{ account: 'bank', amountFen: 1 }] })).message_zh).toBe(
      '银行存款期初余额已经建账, 不能重复录入',
    );
    expect(
      (
        await refused(o, 'finance', 'opening.setCash', {
          lines: [
            { account: 'wechat', amountFen: 1 },
            { account: 'wechat', amountFen: 2 },
          ],
        })
      ).code,
    ).toBe('opening_done');
    expectClean(o);
  });
});

describe('after the first close', () => {
  it('refuses every opening with a clear message; the status says closed', async () => {
    await must(o, 'finance', 'opening.setCash', { lines: [{ account: 'cash', amountFen: 50_000 }] });
    const signers = { finance: { user: o.names.finance, pin: o.pins.finance }, statistician: { user: o.names.statistician, pin: o.pins.statistician } };
    await must(o, 'finance', 'dayClose.close', { date: '2026-11-29', counts: countsFor(50_000), channels: { wechat: 0, alipay: 0, bank: 0 }, ...signers });
    const tries = [
      await call(o, 'manager', 'opening.postStock', { lines: stock(), signoff: managerPin(o) }),
      await call(o, 'finance', 'opening.addReceivables', { lines: [{ customerId: o.customerId('KH001'), saleDate: '2026-11-01', amountFen: 100 }] }),
      await call(o, 'finance', 'opening.setCash', { lines: [{ account: 'bank', amountFen: 100 }] }),
    ];
    for (const r of tries) {
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect([r.error.code, r.error.message_zh, r.error.message_en]).toEqual([
          'opening_closed',
          '2026-11-29 已日结, 期初建账已结束: 期初库存、应收和资金不能再录入或更改',
          'The first day (2026-11-29) is closed: opening balances can no longer be entered',
        ]);
    }
    expect((await must(o, 'finance', 'opening.status', {})).closed).toBe(true);
  });
});

describe('verify opening.*', () => {
  it('finds an opening receivable that does not match its entry', async () => {
    await must(o, 'finance', 'opening.addReceivables', { lines: [{ customerId: o.customerId('KH001'), saleDate: '2026-11-01', amountFen: 5000 }] });
    const entry = o.core.db.prepare('SELECT entry_id FROM opening_receivables').pluck().get();
    // a second opening row naming the same customer's entry with another amount, written behind the app's back
    o.core.db.exec('DROP TRIGGER opening_receivables_no_delete');
    o.core.db.prepare('DELETE FROM opening_receivables').run();
    o.core.db
      .prepare("INSERT INTO opening_receivables (entry_id, customer_id, sale_date, doc_ref, amount_fen) VALUES (?, ?, '2026-11-01', '', 9000)")
      .run(entry, o.customerId('KH001'));
    expect(verifyBooks(o.core.db).problems.map((p) => p.check)).toEqual(['opening.receivables']);
  });
});
