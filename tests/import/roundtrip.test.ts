// Export → import: the demo office's items and customers, exported as the grids export them
// (export.xlsx with the import columns), import into an empty office and come back the same.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice } from '../../electron/demo/seed';
import { customerSheetRow, itemSheetRow, SHEET_COLUMNS, type ImportKind, type SheetCell } from '../../shared/sheets';
import { demoOffice, fixture, makeCore, ok, type DemoOffice, type TestCore } from '../helpers/index';

const columnsOf = (kind: ImportKind) => SHEET_COLUMNS[kind].map((c) => ({ header: c.zh, format: c.format }));
const strip = <T extends { id: number }>({ id: _id, ...rest }: T) => rest;

describe('export → import round trip', () => {
  let demo: DemoOffice;
  let empty: TestCore;
  let managerToken: string;
  beforeAll(async () => {
    demo = await demoOffice();
    empty = await makeCore();
    ({ managerToken } = await seedOffice(empty.core, { ...fixture, items: [], customers: [] }));
  });
  afterAll(() => (demo.close(), empty.close()));

  async function exported(title: string, kind: ImportKind, rows: SheetCell[][]): Promise<string> {
    const x = ok(await demo.core.call('export.xlsx', { title, columns: columnsOf(kind), rows, filters: [] }, { sessionToken: demo.tokens.manager }));
    expect(x.fileName).toBe(`${title}_2026-11-29.xlsx`);
    return x.base64;
  }

  async function reimport(kind: ImportKind, fileBase64: string): Promise<void> {
    const me = { sessionToken: managerToken };
    const p = ok(await empty.core.call('import.preview', { kind, fileName: `${kind}.xlsx`, fileBase64 }, me));
    expect(p.rows.flatMap((r) => r.problems)).toEqual([]);
    ok(await empty.core.call('import.commit', { kind, fileName: `${kind}.xlsx`, rows: p.rows }, me));
  }

  it('items: the same codes, names, specs, units, barcodes, pack quantities, safety stocks, storage locations and prices', async () => {
    const items = ok(await demo.core.call('items.list', { limit: 1000 }, { sessionToken: demo.tokens.keeper })).rows;
    await reimport('items', await exported('商品', 'items', items.map(itemSheetRow)));
    const back = ok(await empty.core.call('items.list', { limit: 1000 }, { sessionToken: managerToken })).rows;
    expect(back.map(strip)).toEqual(items.map(strip));
    expect(back.length).toBe(fixture.items.length);
    expect(back.find((i) => i.code === 'CZ-8801')?.location).toBe('A-01-1');
  });

  it('customers: the same codes, names, contacts and credit limits', async () => {
    // the sheet carries no salesperson: the manager imports, so the customers come back unassigned
    const customers = ok(await demo.core.call('customers.list', { limit: 1000 }, { sessionToken: demo.tokens.manager })).rows.map((c) => ({
      ...c,
      salesperson: null,
    }));
    await reimport('customers', await exported('客户', 'customers', customers.map(customerSheetRow)));
    const back = ok(await empty.core.call('customers.list', { limit: 1000 }, { sessionToken: managerToken })).rows;
    expect(back.map(strip)).toEqual(customers.map(strip));
  });

  it('the exported sheet: Chinese headers, yuan as numbers with two decimals, codes as text, the filters on 说明', async () => {
    const x = ok(
      await demo.core.call(
        'export.xlsx',
        {
          title: '商品',
          columns: columnsOf('items'),
          rows: [['CZ-1', '砖', '', '片', '6923456000100', '', null, 5, 'A-01-1', 7800]],
          filters: [{ label: '搜索', value: '砖' }],
        },
        { sessionToken: demo.tokens.shipper },
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    const [data, about] = book.worksheets;
    expect(data.getRow(1).values).toEqual([undefined, ...SHEET_COLUMNS.items.map((c) => c.zh)]);
    expect(data.getCell('I2').value).toBe('A-01-1');
    expect(data.getCell('J2').value).toBe(78);
    expect(data.getCell('J2').numFmt).toBe('#,##0.00');
    expect(data.getCell('E2').value).toBe('6923456000100');
    expect(about.name).toBe('说明');
    expect(about.getCell('A4').value).toBe('筛选: 搜索');
    expect(about.getCell('B4').value).toBe('砖');
    expect(about.getCell('B2').value).toBe('2026-11-29 09:00');
  });
});
