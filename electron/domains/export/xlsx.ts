// Writing a grid as XLSX with exceljs (the community ag-grid has no Excel export): the first sheet
// holds the Chinese headers and the rows (yuan amounts as numbers with two decimals, so Excel
// sums them), a second sheet 说明 the title, the filters that were applied and when.

import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ParsedInput } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';

type Sheet = Pick<ParsedInput<'export.xlsx'>, 'title' | 'columns' | 'rows' | 'filters'>;

/** A cell as written: fen become yuan; a number in a text column stays text (codes, barcodes). */
function cellValue(format: Sheet['columns'][number]['format'], v: SheetCell): string | number | null {
  if (v === null || v === '') return null;
  if (format === 'yuan' && typeof v === 'number') return v / 100;
  if (format === 'text') return String(v);
  return v;
}

const STYLES: Record<Sheet['columns'][number]['format'], Partial<ExcelJS.Style>> = { yuan: { numFmt: '#,##0.00' }, int: { numFmt: '0' }, text: {} };

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

function dataSheet(book: Book, s: Sheet): void {
  const ws = book.addWorksheet(s.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({
    header: c.header,
    width: Math.max(10, c.header.length * 2 + 4),
  }));
  const styles = s.columns.map((c) => STYLES[c.format]);
  ws.getRow(1).font = { bold: true };
  if (s.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  for (const row of s.rows) {
    const r = ws.addRow(s.columns.map((c, i) => cellValue(c.format, row[i] ?? null)));
    r.eachCell((cell, n) => (cell.style = styles[n - 1]));
    r.commit();
  }
  ws.commit();
}

function aboutSheet(book: Book, s: Sheet, exportedAt: string): void {
  const ws = book.addWorksheet('说明');
  ws.columns = [{ width: 16 }, { width: 60 }];
  ws.addRow(['表名', s.title]);
  ws.addRow(['导出时间', exportedAt]);
  ws.addRow(['行数', s.rows.length]);
  if (s.filters.length === 0) ws.addRow(['筛选条件', '无(全部)']);
  for (const f of s.filters) ws.addRow([`筛选: ${f.label}`, f.value]);
  ws.commit();
}

/** The workbook as base64 (what the rpc answer carries), written row by row (exceljs' streaming writer: a 100,000-row card in a few seconds). */
export async function sheetXlsx(s: Sheet, exportedAt?: string): Promise<string> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  book.creator = 'Branch Desk';
  dataSheet(book, s);
  if (exportedAt !== undefined) aboutSheet(book, s, exportedAt);
  await book.commit();
  return Buffer.concat(chunks).toString('base64');
}
