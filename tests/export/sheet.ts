// Reading back an XLSX the core wrote (export.grid, export.xlsx) with exceljs, as Excel would open it.

import ExcelJS from 'exceljs';

export interface ReadSheet {
  headers: string[];
  /** the data rows under the header, cells as values (null for empty) */
  rows: (string | number | null)[][];
  /** the number format of each cell of the data rows */
  formats: (string | undefined)[][];
  /** 说明: label → value */
  about: Map<string, string>;
  sheetNames: string[];
}

const value = (v: ExcelJS.CellValue): string | number | null => (v == null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));

export async function readXlsx(base64: string): Promise<ReadSheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const [data, aboutWs] = book.worksheets;
  const width = data.columnCount;
  const headers = Array.from({ length: width }, (_, i) => String(data.getRow(1).getCell(i + 1).value));
  const rows: ReadSheet['rows'] = [];
  const formats: ReadSheet['formats'] = [];
  for (let n = 2; n <= data.rowCount; n++) {
    const row = data.getRow(n);
    rows.push(Array.from({ length: width }, (_, i) => value(row.getCell(i + 1).value)));
    formats.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).numFmt));
  }
  const about = new Map<string, string>();
  aboutWs?.eachRow((r) => about.set(String(r.getCell(1).value), String(r.getCell(2).value)));
  return { headers, rows, formats, about, sheetNames: book.worksheets.map((w) => w.name) };
}

/** A column of the data rows by its header. */
export function column(s: ReadSheet, header: string): (string | number | null)[] {
  const i = s.headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${s.headers.join(', ')}`);
  return s.rows.map((r) => r[i]);
}

/** fen as the sheet writes them: yuan, or an empty cell */
export const yuan = (fen: number | null | undefined): number | null => (fen == null ? null : fen / 100);
