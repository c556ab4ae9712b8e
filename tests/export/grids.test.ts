// export.grid: each grid exported by query writes the rows and figures its own read method gives
// (stock.card, slips.list, cash.journal, receivables.ledger), under the screen's Chinese headers,
// yuan as numbers with two decimals, the filters on 说明; refused to whoever may not read the grid.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_COLUMNS } from '../../shared/grids';
import { zh } from '../../renderer/src/i18n/zh';
import { call, financeOffice, must, postedDispatch, refused, type DemoOffice } from '../helpers/finance';
import { column, readXlsx, yuan } from './sheet';

const YUAN_FORMAT = '#,##0.00';

describe('export.grid', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await financeOffice();
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 10]]);
    await postedDispatch(
      o,
      'KH002',
      'credit',
      [
        ['CZ-8801', 3, 7350],
        ['WY-4001', 4],
      ],
      true,
    );
    await postedDispatch(o, 'KH001', 'wechat', [['CZ-8801', 7]]);
    await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen: 12_345 });
    await must(o, 'finance', 'cash.remit', { account: 'cash', amountFen: 5_000, memo: '交回' });
  }, 60_000);
  afterAll(() => o.close());

  it('the stock card: every row of stock.card with its figures, 期初 / 本月合计 / 期末 around them, yuan with two decimals', async () => {
    const itemId = o.itemId('CZ-8801');
    const card = await must(o, 'keeper', 'stock.card', { itemId, limit: 1000 });
    const x = await must(o, 'keeper', 'export.grid', { grid: 'stockCard', filters: { itemId } });
    expect(x.fileName).toBe('库存明细账_2026-11-29.xlsx');
    const s = await readXlsx(x.base64);
    expect(s.sheetNames).toEqual(['库存明细账', '说明']);
    expect(s.headers).toEqual(GRID_COLUMNS.stockCard.map((c) => c.zh));
    expect(column(s, '摘要')[0]).toMatch(/^期初结存/);
    expect(column(s, '摘要').at(-1)).toBe('期末结存');
    expect(column(s, '摘要')).toContain('2026年11月 本月合计');
    const moves = s.rows.filter((r) => r[1] !== null && r[1] !== '');
    expect(moves.map((r) => r[1])).toEqual(card.rows.map((r) => r.slipNo));
    expect(column({ ...s, rows: moves }, '发出数量')).toEqual(card.rows.map((r) => r.outQty));
    expect(column({ ...s, rows: moves }, '发出金额')).toEqual(card.rows.map((r) => yuan(r.outAmountFen)));
    expect(column({ ...s, rows: moves }, '收入金额')).toEqual(card.rows.map((r) => yuan(r.inAmountFen)));
    expect(column({ ...s, rows: moves }, '结存金额')).toEqual(card.rows.map((r) => yuan(r.balanceAmountFen)));
    expect(column(s, '结存数量').at(-1)).toBe(card.closing.qty);
    expect(s.formats[1][s.headers.indexOf('收入金额')]).toBe(YUAN_FORMAT);
    expect(s.about.get('筛选: 商品')).toMatch(/^CZ-8801 /);
    expect(Number(s.about.get('行数'))).toBe(x.rowCount);
  });

  it('a stock card period: the filters go to the read and onto 说明', async () => {
    const itemId = o.itemId('CZ-8801');
    const x = await must(o, 'manager', 'export.grid', { grid: 'stockCard', filters: { itemId, from: '2026-12-01', to: '2026-12-31' } });
    const s = await readXlsx(x.base64);
    expect(column(s, '摘要')).toEqual(['期初结存', '期末结存']);
    expect(column(s, '结存数量')).toEqual([180, 180]);
    expect(s.about.get('筛选: 起始日期')).toBe('2026-12-01');
    expect(s.about.get('筛选: 截止日期')).toBe('2026-12-31');
  });

  it('slips: the filtered list as slips.list gives it, all pages, amounts in yuan', async () => {
    const list = await must(o, 'sales', 'slips.list', { kind: 'dispatch', limit: 1000 });
    const x = await must(o, 'sales', 'export.grid', { grid: 'slips', filters: { kind: 'dispatch', query: '' } });
    const s = await readXlsx(x.base64);
    expect(s.headers).toEqual(GRID_COLUMNS.slips.map((c) => c.zh));
    expect(column(s, '单号')).toEqual(list.rows.map((r) => r.no));
    expect(column(s, '金额')).toEqual(list.rows.map((r) => yuan(r.totalAmountFen)));
    expect(column(s, '单据类型')).toEqual(list.rows.map(() => '发货单'));
    expect(column(s, '结算方式')).toContain('赊销(挂账)');
    expect(s.formats[0][s.headers.indexOf('金额')]).toBe(YUAN_FORMAT);
    expect(s.about.get('筛选: 类型')).toBe('发货单');
  });

  it('the cash journal: cash.journal rows between 期初余额 and 本期合计 / 期末余额', async () => {
    const j = await must(o, 'finance', 'cash.journal', { account: 'cash', limit: 1000 });
    const x = await must(o, 'finance', 'export.grid', { grid: 'cashJournal', filters: { account: 'cash', query: '' } });
    const s = await readXlsx(x.base64);
    expect(s.headers).toEqual(GRID_COLUMNS.cashJournal.map((c) => c.zh));
    expect(column(s, '摘要')[0]).toBe('期初余额');
    expect(column(s, '凭证号').slice(1, -2)).toEqual(j.rows.map((r) => r.voucherNo));
    expect(column(s, '收入').slice(1, -2)).toEqual(j.rows.map((r) => yuan(r.receiptFen)));
    expect(column(s, '支出').slice(1, -2)).toEqual(j.rows.map((r) => yuan(r.paymentFen)));
    expect(column(s, '余额').slice(1, -2)).toEqual(j.rows.map((r) => yuan(r.balanceFen)));
    expect(s.rows.at(-2)?.slice(2, 6)).toEqual(['本期合计', null, yuan(j.receiptsFen), yuan(j.paymentsFen)]);
    expect(column(s, '余额').at(-1)).toBe(yuan(j.closingFen));
    expect(s.about.get('筛选: 账户')).toBe('库存现金');
  });

  it('a channel’s journal is titled by its account', async () => {
    const x = await must(o, 'manager', 'export.grid', { grid: 'cashJournal', filters: { account: 'wechat', query: '' } });
    const s = await readXlsx(x.base64);
    expect(s.sheetNames[0]).toBe('微信收款日记账');
    const j = await must(o, 'manager', 'cash.journal', { account: 'wechat' });
    expect(j.rows.length).toBeGreaterThan(0);
    expect(column(s, '收入').slice(1, -2)).toEqual(j.rows.map((r) => yuan(r.receiptFen)));
    expect(s.about.get('筛选: 账户')).toBe('微信收款');
  });

  it('the customer ledger: receivables.ledger rows with debit, credit and the balance after each', async () => {
    const customerId = o.customerId('KH002');
    const l = await must(o, 'statistician', 'receivables.ledger', { customerId, limit: 1000 });
    const x = await must(o, 'statistician', 'export.grid', { grid: 'receivables', filters: { customerId } });
    const s = await readXlsx(x.base64);
    expect(s.headers).toEqual(GRID_COLUMNS.receivables.map((c) => c.zh));
    expect(column(s, '单号/凭证').slice(1, -1)).toEqual(l.rows.map((r) => r.docNo));
    expect(column(s, '借方(应收)').slice(1, -1)).toEqual(l.rows.map((r) => yuan(r.debitFen)));
    expect(column(s, '贷方(已收)').slice(1, -1)).toEqual(l.rows.map((r) => yuan(r.creditFen)));
    expect(column(s, '欠款余额').at(-1)).toBe(yuan(l.closingFen));
    expect(column(s, '贷方(已收)')).toContain(123.45);
    expect(s.about.get('筛选: 客户')).toMatch(/^KH002 /);
  });

  it('the sales ledger: every line of the period (not one page), in posting order, 合计 last; 成本 only for who sees costs', async () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const all = await must(o, 'statistician', 'reports.salesLedger', { ...period, limit: 1000 });
    const page = await must(o, 'statistician', 'reports.salesLedger', { ...period, limit: 1, offset: 0 });
    expect([page.rows.length, all.total]).toEqual([1, 4]);
    const x = await must(o, 'statistician', 'export.grid', { grid: 'salesLedger', filters: period });
    expect(x.fileName).toBe('销售收入明细账_2026-11-29.xlsx');
    const s = await readXlsx(x.base64);
    expect(s.headers).toEqual(GRID_COLUMNS.salesLedger.map((c) => c.zh));
    expect(column(s, '单据号')).toEqual([...all.rows.map((r) => r.slipNo), '合计']);
    expect(column(s, '数量')).toEqual([...all.rows.map((r) => r.qty), all.totals.qty]);
    expect(column(s, '金额')).toEqual([...all.rows.map((r) => yuan(r.amountFen)), yuan(all.totals.amountFen)]);
    expect(column(s, '成本').at(-1)).toBe(yuan(all.totals.costFen));
    expect(column(s, '类别').slice(0, -1)).toEqual(all.rows.map(() => '销售'));
    expect(s.about.get('筛选: 起始日期')).toBe('2026-11-01');
    const one = await readXlsx(
      (await must(o, 'sales', 'export.grid', { grid: 'salesLedger', filters: { ...period, customerId: o.customerId('KH002') } })).base64,
    );
    expect(one.headers).not.toContain('成本');
    expect(column(one, '单据号').slice(0, -1)).toEqual(all.rows.filter((r) => r.customer === one.about.get('筛选: 客户')).map((r) => r.slipNo));
    const bad = await refused(o, 'statistician', 'export.grid', { grid: 'salesLedger', filters: { from: '2026-11-30', to: '2026-11-01' } });
    expect(bad.code).toBe('invalid_input');
  });

  it('is refused to whoever may not read the grid, as its read method is', async () => {
    const itemId = o.itemId('CZ-8801');
    for (const who of ['shipperDriver', 'sales'] as const) {
      expect((await refused(o, who, 'stock.card', { itemId })).code).toBe('forbidden');
      expect((await refused(o, who, 'export.grid', { grid: 'stockCard', filters: { itemId } })).code).toBe('forbidden');
    }
    for (const who of ['keeper', 'statistician', 'sales', 'shipperDriver'] as const)
      expect((await refused(o, who, 'export.grid', { grid: 'cashJournal', filters: { account: 'cash', query: '' } })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'export.grid', { grid: 'receivables', filters: { customerId: o.customerId('KH002') } })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'export.grid', { grid: 'salesLedger', filters: { from: '2026-11-01', to: '2026-11-30' } })).code).toBe('forbidden');
    expect((await call(o, 'shipperDriver', 'export.grid', { grid: 'slips', filters: { query: '' } })).ok).toBe(true);
    const nobody = await o.core.call('export.grid', { grid: 'slips', filters: { query: '' } });
    expect(!nobody.ok && nobody.error.code).toBe('not_logged_in');
  });

  it('bad filters are refused in words, as the read method refuses them', async () => {
    const e = await refused(o, 'keeper', 'export.grid', { grid: 'stockCard', filters: { itemId: o.itemId('CZ-8801'), from: '2026-12-31', to: '2026-12-01' } });
    expect(e.code).toBe('invalid_input');
    expect(e.message_zh).toMatch(/晚于/);
  });
});

describe('the headers are the screens’ own words', () => {
  const t = (k: keyof typeof zh) => zh[k];
  it('each grid’s columns say what the screen heads them with', () => {
    const card = [t('card.date'), t('slip.no'), t('card.summary')];
    for (const side of ['card.in', 'card.out', 'card.balance'] as const)
      card.push(...[t('card.qty'), t('card.unit'), t('card.amount')].map((f) => t(side) + f));
    expect(GRID_COLUMNS.stockCard.map((c) => c.zh)).toEqual(card);
    const slips = [
      'slip.no',
      'slip.date',
      'slip.kind',
      'slip.state',
      'slip.party',
      'inbound.deliveryNoteShort',
      'slip.sourceNo',
      'carrier.label',
      'dispatch.payment',
      'sign.status',
    ];
    const slipsTail = ['slip.lines', 'slip.totalQty', 'slip.totalAmount', 'slip.postedAt', 'slip.reversedBy'];
    expect(GRID_COLUMNS.slips.map((c) => c.zh)).toEqual([...slips, ...slipsTail].map((k) => t(k as keyof typeof zh)));
    const journal = ['fin.date', 'jr.voucher', 'jr.summary', 'jr.contra', 'jr.receipt', 'jr.payment', 'jr.balance', 'fin.user'];
    expect(GRID_COLUMNS.cashJournal.map((c) => c.zh)).toEqual(journal.map((k) => t(k as keyof typeof zh)));
    const ledger = ['fin.date', 'cu.doc', 'jr.summary', 'cu.debit', 'cu.credit', 'ag.balance', 'cu.override', 'fin.user'];
    expect(GRID_COLUMNS.receivables.map((c) => c.zh)).toEqual(ledger.map((k) => t(k as keyof typeof zh)));
    const sales = ['rp.date', 'rp.slipNo', 'rp.slipKind', 'rp.customer', 'rp.code', 'rp.name', 'rp.unit', 'rp.qty', 'rp.price', 'rp.amount', 'rp.cost'];
    expect(GRID_COLUMNS.salesLedger.map((c) => c.zh)).toEqual(sales.map((k) => t(k as keyof typeof zh)));
    expect(['dispatch', 'return', 'reversal'].map((k) => t(`rp.sk.${k}` as keyof typeof zh))).toEqual(['销售', '退货', '红字冲销']);
  });
});
