// Importing the opening stock and opening receivables (期初建账 from XLSX / CSV): every refusal kind
// marked per row, the commit books through the opening domain's service (the opening slip signed by
// the manager; receivables dated on the original sale), and everything refused once a day is closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, countsFor, demoOffice, expectClean, managerPin, must, refused, type DemoOffice } from '../opening/helpers';
import { gbkCsvBase64, xlsxBase64 } from './sheets';

const STOCK = ['商品编码', '数量', '金额(元)', '单价(元)'];
const OWED = ['客户编码', '原销售日期', '金额', '单号/备注'];

let o: DemoOffice;
beforeEach(async () => {
  o = await demoOffice();
});
afterEach(() => o.close());

const problems = (rows: { rowNo: number; problems: { field: string; code: string }[] }[]) =>
  Object.fromEntries(rows.map((r) => [r.rowNo, r.problems.map((x) => `${x.field}:${x.code}`)]));
const preview = async (kind: 'openingStock' | 'openingReceivables', fileName: string, fileBase64: string) =>
  must(o, 'finance', 'import.preview', { kind, fileName, fileBase64 });
const importRows = (p: { rows: { rowNo: number; cells: Record<string, string> }[] }) => p.rows.map((r) => ({ rowNo: r.rowNo, cells: r.cells }));

describe('import openingStock', () => {
  it('marks unknown items, repeats, negatives, decimals, zero, a missing or mismatched amount', async () => {
    const p = await preview(
      'openingStock',
      'stock.xlsx',
      await xlsxBase64([
        STOCK,
        ['CZ-8801', 100, '5200', ''], // fine
        ['NO-SUCH', 5, '10', ''], // unknown item
        ['CZ-8801', 1, '1', ''], // repeats row 2
        ['CZ-8802', -3, '10', ''], // negative quantity
        ['WY-4001', 2, '10.005', ''], // three decimals
        ['WY-2001', 0, '10', ''], // zero
        ['WY-1002', 4, '', ''], // neither amount nor unit cost
        ['WY-3001', 4, '30', '7.00'], // 4 × 7 ≠ 30
        ['CZ-3301', 2.5, '', '1'], // fraction of a unit
      ]),
    );
    expect(problems(p.rows)).toEqual({
      2: [],
      3: ['itemCode:unknown_item'],
      4: ['itemCode:duplicate_in_file'],
      5: ['qty:negative'],
      6: ['amount:too_many_decimals'],
      7: ['qty:not_positive'],
      8: ['amount:missing'],
      9: ['amount:amount_mismatch'],
      10: ['qty:not_integer'],
    });
    expect(p.rows[1].problems[0].message_zh).toBe('商品编码: 没有编码为「NO-SUCH」的商品');
    expect(p.rows[2].problems[0].message_en).toBe('Item code: "CZ-8801" repeats row 2');
    const r = await refused(o, 'finance', 'import.commit', { kind: 'openingStock', fileName: 'stock.xlsx', rows: importRows(p), signoff: managerPin(o) });
    expect(r.code).toBe('import_has_problems');
    // the opening slip takes at most 2000 lines, from a file as from the screen
    const many = Array.from({ length: 2001 }, (_, i) => ({ rowNo: i + 2, cells: { itemCode: `X-${i}`, qty: '1', amount: '1' } }));
    const tooMany = await refused(o, 'finance', 'import.commit', { kind: 'openingStock', fileName: 'stock.xlsx', rows: many, signoff: managerPin(o) });
    expect([tooMany.code, tooMany.message_zh]).toEqual(['import_bad_file', '无法读取导入文件: 期初建账一次最多 2000 行']);
    expect((await must(o, 'finance', 'opening.status', {})).stock).toBeNull();
  });

  it('commits through the opening service: one opening slip signed by the manager, a layer per row at its amount', async () => {
    const p = await preview(
      'openingStock',
      'stock.xlsx',
      await xlsxBase64([STOCK, ['CZ-8801', 100, '5,200.00', ''], ['CZ-8802', 3, '', '3.33'], ['WY-4001', 50, '925', '18.50']]),
    );
    expect(p.problemRows).toBe(0);
    const rows = importRows(p);
    const unsigned = await refused(o, 'finance', 'import.commit', { kind: 'openingStock', fileName: 'stock.xlsx', rows });
    expect([unsigned.code, unsigned.details.field]).toEqual(['import_needs_signoff', 'signoff']);
    const keeper = await refused(o, 'keeper', 'import.commit', { kind: 'openingStock', fileName: 'stock.xlsx', rows, signoff: managerPin(o) });
    expect(keeper.code).toBe('forbidden');
    const notManager = { user: o.names.finance, pin: o.pins.finance };
    expect((await refused(o, 'finance', 'import.commit', { kind: 'openingStock', fileName: 'stock.xlsx', rows, signoff: notManager })).code).toBe(
      'role_not_held',
    );

    expect(await must(o, 'finance', 'import.commit', { kind: 'openingStock', fileName: 'stock.xlsx', rows, signoff: managerPin(o) })).toEqual({
      kind: 'openingStock',
      imported: 3,
    });
    const s = (await must(o, 'finance', 'opening.status', {})).stock!;
    expect([s.signedBy, s.lines.map((l) => [l.itemCode, l.qty, l.amountFen])]).toEqual([
      o.names.manager,
      [
        ['CZ-8801', 100, 520_000],
        ['CZ-8802', 3, 999],
        ['WY-4001', 50, 92_500],
      ],
    ]);
    const audit = o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'import.commit'").pluck().all();
    // the opening slip's number and its posted hash (store/postedSlip.ts), then the file
    const postedHash = o.core.db.prepare('SELECT posted_hash FROM slips WHERE no = ?').pluck().get(s.no) as string;
    expect(audit).toEqual([`${s.no} sha256:${postedHash} stock.xlsx`]);
    // the opening domain's own rule: the opening stock once
    const again = await refused(o, 'finance', 'import.preview', {
      kind: 'openingStock',
      fileName: 'stock.xlsx',
      fileBase64: await xlsxBase64([STOCK, ['CZ-3301', 1, '1', '']]),
    });
    expect(again.code).toBe('opening_done');
    expectClean(o);
  });
});

describe('import openingReceivables', () => {
  it('reads a GBK CSV and marks unknown customers, bad or late dates, zero amounts and repeats', async () => {
    const p = await preview(
      'openingReceivables',
      '期初应收.csv',
      gbkCsvBase64([
        OWED,
        ['KH001', '2026-10-05', '1200.50', 'XS-001'], // fine
        ['KH999', '2026-10-05', '10', ''], // unknown customer
        ['KH002', '2026-13-01', '10', ''], // no such month
        ['KH002', '十月五日', '10', ''], // not a date
        ['KH002', '2026-11-30', '10', ''], // after the go-live day (2026-11-29)
        ['KH003', '2026/11/1', '0', ''], // zero
        ['KH001', '2026-09-01', '99', 'XS-001'], // the same doc number of the same customer
        ['KH004', '2026年11月2日', '50', '欠款'], // fine
        ['KH004', '2026-11-02', '50', '欠款'], // repeats row 9 (customer and doc ref)
        ['KH005', '2026-11-03', '-5', ''], // negative
      ]),
    );
    expect(p.encoding).toBe('GBK');
    expect(problems(p.rows)).toEqual({
      2: [],
      3: ['customerCode:unknown_customer'],
      4: ['saleDate:bad_date'],
      5: ['saleDate:bad_date'],
      6: ['saleDate:after_go_live'],
      7: ['amount:not_positive'],
      8: ['docRef:duplicate_in_file'],
      9: [],
      10: ['docRef:duplicate_in_file'],
      11: ['amount:negative'],
    });
    expect(p.rows[4].problems[0].message_zh).toBe('原销售日期: 2026-11-30 晚于建账日 2026-11-29');
    expect(p.rows[2].problems[0].message_en).toBe('Original sale date: "2026-13-01" is not a date (e.g. 2026-11-05)');
  });

  it('commits as the screen would: sale entries dated on the original sale; a doc number already booked is a repeat', async () => {
    const file = gbkCsvBase64([OWED, ['KH001', '2026/10/5', '1,200.50', 'XS-001'], ['KH002', '2026-11-02', '80', '']]);
    const p = await preview('openingReceivables', 'owed.csv', file);
    expect(p.problemRows).toBe(0);
    expect(await must(o, 'finance', 'import.commit', { kind: 'openingReceivables', fileName: 'owed.csv', rows: importRows(p) })).toEqual({
      kind: 'openingReceivables',
      imported: 2,
    });
    const st = await must(o, 'finance', 'opening.status', {});
    expect(st.receivables.map((r) => [r.customerId, r.saleDate, r.docRef, r.amountFen])).toEqual([
      [o.customerId('KH001'), '2026-10-05', 'XS-001', 120_050],
      [o.customerId('KH002'), '2026-11-02', '', 8000],
    ]);
    const dates = o.core.db
      .prepare('SELECT e.business_date FROM receivable_entries e JOIN opening_receivables r ON r.entry_id = e.id ORDER BY e.id')
      .pluck()
      .all();
    expect(dates).toEqual(['2026-10-05', '2026-11-02']);
    const again = await preview('openingReceivables', 'owed.csv', file);
    expect(problems(again.rows)).toEqual({ 2: ['docRef:duplicate_in_books'], 3: [] });
    expectClean(o);
  });
});

describe('opening imports after the first close', () => {
  it('are refused with the opening domain’s message, preview and commit alike', async () => {
    const rows = [{ rowNo: 2, cells: { customerCode: 'KH001', saleDate: '2026-11-01', amount: '10', docRef: '' } }];
    await must(o, 'finance', 'opening.setCash', { lines: [{ account: 'cash', amountFen: 50_000 }] });
    const signers = { finance: { user: o.names.finance, pin: o.pins.finance }, statistician: { user: o.names.statistician, pin: o.pins.statistician } };
    await must(o, 'finance', 'dayClose.close', { date: '2026-11-29', counts: countsFor(50_000), channels: { wechat: 0, alipay: 0, bank: 0 }, ...signers });
    const tries = [
      await call(o, 'finance', 'import.preview', { kind: 'openingStock', fileName: 's.xlsx', fileBase64: await xlsxBase64([STOCK, ['CZ-8801', 1, '1', '']]) }),
      await call(o, 'finance', 'import.commit', { kind: 'openingReceivables', fileName: 'r.csv', rows }),
    ];
    for (const r of tries) {
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect([r.error.code, r.error.message_zh]).toEqual(['opening_closed', '2026-11-29 已日结, 期初建账已结束: 期初库存、应收和资金不能再录入或更改']);
    }
  });
});
