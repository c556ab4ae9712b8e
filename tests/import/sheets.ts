// Files made in the tests: an XLSX written by exceljs, a CSV in GBK written with iconv-lite.

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export async function xlsxBase64(rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvText(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const gbkCsvBase64 = (rows: (string | number | null)[][]): string => iconv.encode(csvText(rows), 'gbk').toString('base64');
export const utf8CsvBase64 = (rows: (string | number | null)[][], bom = false): string =>
  Buffer.from((bom ? '\ufeff' : '') + csvText(rows), 'utf8').toString('base64');
