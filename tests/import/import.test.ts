// Importing items, customers and suppliers from XLSX and CSV (GBK or UTF-8): every refusal kind is
// marked per row at once, nothing is imported until every row is valid, and a valid import is one
// transaction with one audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { gs1CheckDigit } from '../../shared/barcode';
import { gbkCsvBase64, utf8CsvBase64, xlsxBase64 } from './sheets';

const ITEM_HEADERS = ['商品编码', '品名', '规格', '单位', '单品条码', '箱条码', '每箱数量', '安全库存', '单价(元)'];
const auditCount = (o: DemoOffice) => o.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE method = 'import.commit'").pluck().get() as number;
const itemCount = (o: DemoOffice) => o.core.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number;

describe('import', () => {
  let o: DemoOffice;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => o.close());
  const as = (role: 'keeper' | 'manager' | 'sales' | 'shipper' | 'statistician') => ({ sessionToken: o.tokens[role] });

  it('the GS1 check digit of EAN-13, EAN-8, UPC-A and ITF-14', () => {
    expect(gs1CheckDigit('690123456789')).toBe(2); // 6901234567892
    expect(gs1CheckDigit('9638507')).toBe(4); // EAN-8 96385074
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gs1CheckDigit('1001234567890')).toBe(2); // ITF-14 10012345678902
  });

  it('marks every problem of every row at once, and imports nothing while one remains', async () => {
    const fileBase64 = await xlsxBase64([
      ITEM_HEADERS,
      ['N-1', '', '', '片', '6901234567892', '', null, null, '1.5'], // name missing
      ['N-2', '砖二', '', '片', '6901234567893', '', null, null, ''], // check digit should be 2
      ['N-3', '砖三', '', '片', '69*01', '', null, null, ''], // not a barcode
      ['N-1', '砖四', '', '片', '6901234567892', '', null, null, ''], // code and barcode repeat row 2
      ['CZ-8801', '砖五', '', '片', '6923456000100', '', null, null, ''], // code and barcode in the books
      ['N-6', '砖六', '', '斤两', '', '', null, null, ''], // unknown unit
      ['N-7', '砖七', '', '片', '', '', null, null, '-3'], // negative
      ['N-8', '砖八', '', '片', '', '', null, null, '1.234'], // three decimals
      ['N-9', '砖九', '', '片', '', '96385074', null, null, 'abc'], // case barcode without pack qty; not a number
      ['N-10', '砖十', '', '片', '', '', '2.5', null, ''], // pack qty: not whole, without case barcode
      ['N-11', '砖十一', '', '片', '', '', null, 10, ''], // the keeper may not set the safety stock
      ['N-12', '砖十二', '', '片', '10012345678902', '', null, null, '12.50'], // fine
    ]);
    const p = ok(await o.core.call('import.preview', { kind: 'items', fileName: 'items.xlsx', fileBase64 }, as('keeper')));
    expect(p.encoding).toBe('XLSX');
    const codes = Object.fromEntries(p.rows.map((r) => [r.rowNo, r.problems.map((x) => `${x.field}:${x.code}`)]));
    expect(codes).toEqual({
      2: ['name:missing'],
      3: ['unitBarcode:bad_check_digit'],
      4: ['unitBarcode:bad_barcode'],
      5: ['code:duplicate_in_file', 'unitBarcode:duplicate_in_file'],
      6: ['code:duplicate_in_books', 'unitBarcode:duplicate_in_books'],
      7: ['unit:unknown_unit'],
      8: ['price:negative'],
      9: ['price:too_many_decimals'],
      10: ['price:not_number', 'packQty:pack_qty'],
      11: ['packQty:not_integer', 'caseBarcode:missing'],
      12: ['safetyStock:manager_only'],
      13: [],
    });
    expect(p.problemRows).toBe(11);
    expect(p.rows[1].problems[0].message_zh).toBe('单品条码: 「6901234567893」校验位应为 2');
    expect(p.rows[4].problems[1].message_en).toBe('Unit barcode: "6923456000100" is already in the books (CZ-8801)');

    const before = [itemCount(o), auditCount(o)];
    const refused = err(await o.core.call('import.commit', { kind: 'items', fileName: 'items.xlsx', rows: p.rows }, as('keeper')));
    expect(refused.code).toBe('import_has_problems');
    expect(refused.message_zh).toContain('有 11 行有问题');
    expect([itemCount(o), auditCount(o)]).toEqual(before);
  });

  it('refuses a file it cannot read, naming why', async () => {
    const call = async (fileName: string, fileBase64: string) =>
      err(await o.core.call('import.preview', { kind: 'items', fileName, fileBase64 }, as('keeper')));
    expect(
      (
        await call(
          'a.csv',
          utf8CsvBase64([
            ['品名', '单位'],
            ['砖', '片'],
          ]),
        )
      ).message_zh,
    ).toBe('无法读取导入文件: 缺少列: 商品编码');
    expect((await call('a.csv', utf8CsvBase64([ITEM_HEADERS]))).details.reason_en).toBe('there are no rows under the headers');
    expect((await call('a.xlsx', Buffer.from('not a zip').toString('base64'))).details.reason_zh).toBe('不是有效的 XLSX 文件');
    expect((await call('a.xlsx', Buffer.from('PK\x03\x04broken').toString('base64'))).details.reason_zh).toBe('不是有效的 XLSX 文件');
    const big = err(await o.core.call('import.preview', { kind: 'items', fileName: 'a.csv', fileBase64: 'A'.repeat(2_000_000) }, as('keeper')));
    expect(big.code).toBe('invalid_input');
  });

  it('a customer import is not the keeper’s, an item import not sales’; the shipper imports nothing', async () => {
    const fileBase64 = utf8CsvBase64([
      ['客户编码', '客户名称'],
      ['KX1', '新客户'],
    ]);
    expect(err(await o.core.call('import.preview', { kind: 'customers', fileName: 'c.csv', fileBase64 }, as('keeper'))).code).toBe('forbidden');
    expect(err(await o.core.call('import.commit', { kind: 'items', fileName: 'i.csv', rows: [{ rowNo: 2, cells: { code: 'X' } }] }, as('sales'))).code).toBe(
      'forbidden',
    );
    expect(err(await o.core.call('import.template', { kind: 'items' }, as('shipper'))).code).toBe('forbidden');
  });

  it('reads a GBK CSV saved by Excel and imports its customers in one transaction with one audit row', async () => {
    const fileBase64 = gbkCsvBase64([
      ['客户编码', '客户名称', '类别', '联系人', '电话', '地址', '信用额度(元)'],
      ['KG01', '城南五金 王记', '零售', '王五', '13900000001', '城南路"8"号, 二楼', '12,000.50'],
      ['KG02', '河西装饰', '', '', '', '', ''],
    ]);
    const p = ok(await o.core.call('import.preview', { kind: 'customers', fileName: '客户.csv', fileBase64 }, as('sales')));
    expect(p.encoding).toBe('GBK');
    expect(p.problemRows).toBe(0);
    expect(p.rows[0].cells).toMatchObject({ name: '城南五金 王记', address: '城南路"8"号, 二楼' });
    const audits = auditCount(o);
    expect(ok(await o.core.call('import.commit', { kind: 'customers', fileName: '客户.csv', rows: p.rows }, as('sales')))).toEqual({
      kind: 'customers',
      imported: 2,
    });
    expect(auditCount(o)).toBe(audits + 1);
    const list = ok(await o.core.call('customers.list', { query: 'KG0' }, as('sales'))).rows;
    expect(list.map((c) => [c.code, c.name, c.creditLimitFen, c.pinyin])).toEqual([
      ['KG01', '城南五金 王记', 1200050, 'cnwjwj'],
      ['KG02', '河西装饰', 0, 'hxzs'],
    ]);
  });

  it('reads UTF-8 with and without a BOM; the manager imports items with a safety stock and case barcodes', async () => {
    const rows = [ITEM_HEADERS, ['U-1', '测试砖', '600×600mm', '片', '6901234567892', '16901234567899', 4, 50, '9.9']];
    const noBom = ok(await o.core.call('import.preview', { kind: 'items', fileName: 'i.csv', fileBase64: utf8CsvBase64(rows) }, as('manager')));
    const bom = ok(await o.core.call('import.preview', { kind: 'items', fileName: 'i.csv', fileBase64: utf8CsvBase64(rows, true) }, as('manager')));
    expect([noBom.encoding, bom.encoding, noBom.problemRows]).toEqual(['UTF-8', 'UTF-8', 0]);
    expect(bom.rows).toEqual(noBom.rows);
    ok(await o.core.call('import.commit', { kind: 'items', fileName: 'i.csv', rows: bom.rows }, as('manager')));
    const found = ok(await o.core.call('items.findByBarcode', { code: '16901234567899' }, as('keeper')));
    expect([found.item.code, found.item.name, found.item.safetyStock, found.item.priceFen, found.packQty]).toEqual(['U-1', '测试砖', 50, 990, 4]);
  });

  it('an optional 类别 column (or 商品类别) gives the items their category; too long a one is marked on its row', async () => {
    const rows = [
      [...ITEM_HEADERS, '商品类别'],
      ['K-1', '类别砖', '', '片', '', '', null, null, '1', '瓷砖'],
      ['K-2', '无类别', '', '片', '', '', null, null, '1', ''],
      ['K-3', '太长', '', '片', '', '', null, null, '1', '类'.repeat(21)],
    ];
    const p = ok(await o.core.call('import.preview', { kind: 'items', fileName: 'k.xlsx', fileBase64: await xlsxBase64(rows) }, as('keeper')));
    expect(p.rows.map((r) => r.problems.map((x) => x.field))).toEqual([[], [], ['category']]);
    const fine = p.rows.slice(0, 2);
    ok(await o.core.call('import.commit', { kind: 'items', fileName: 'k.xlsx', rows: fine }, as('keeper')));
    const listed = ok(await o.core.call('items.list', { query: 'K-' }, as('keeper'))).rows;
    expect(listed.map((i) => [i.code, i.category])).toEqual([
      ['K-1', '瓷砖'],
      ['K-2', ''],
    ]);
  });

  it('suppliers import, and the template carries the Chinese headers and imports back empty', async () => {
    const t = ok(await o.core.call('import.template', { kind: 'suppliers' }, as('keeper')));
    expect(t.fileName).toBe('供应商导入模板.xlsx');
    const empty = err(await o.core.call('import.preview', { kind: 'suppliers', fileName: t.fileName, fileBase64: t.base64 }, as('keeper')));
    expect(empty.details.reason_zh).toBe('表头下没有数据行');
    const fileBase64 = await xlsxBase64([
      ['供应商编码', '供应商名称', '电话'],
      ['GY9', '佛山陶瓷厂', 75700000000],
    ]);
    const p = ok(await o.core.call('import.preview', { kind: 'suppliers', fileName: 's.xlsx', fileBase64 }, as('keeper')));
    expect(p.rows[0].cells).toEqual({ code: 'GY9', name: '佛山陶瓷厂', phone: '75700000000' });
    ok(await o.core.call('import.commit', { kind: 'suppliers', fileName: 's.xlsx', rows: p.rows }, as('keeper')));
    expect(ok(await o.core.call('suppliers.list', {}, as('keeper'))).map((s) => s.code)).toContain('GY9');
  });
});
