// Reading an import file into rows of text cells keyed by column: XLSX (exceljs) or CSV in UTF-8
// or GBK (what Excel in China saves), told apart by the BOM, then by whether the bytes are valid
// UTF-8, else read as GB18030 (a superset of GBK) with iconv-lite.

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { fail } from '../../../shared/errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/contract';
import { SHEET_COLUMNS, type ImportKind } from '../../../shared/sheets';

export interface ParsedSheet {
  encoding: string;
  rows: { rowNo: number; cells: Record<string, string> }[];
}

const badFile = (zh: string, en: string): never => fail('import_bad_file', { reason_zh: zh, reason_en: en });

/** The text of a CSV file and the encoding it was in. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GBK' };
  }
}

/** CSV as Excel writes it: commas, quoted fields with "" for a quote, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      (row.push(cell), rows.push(row), (row = []), (cell = ''));
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) (row.push(cell), rows.push(row));
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return badFile('不是有效的 XLSX 文件', 'not a valid XLSX file');
  }
  const sheet = book.worksheets[0] ?? badFile('文件里没有工作表', 'the file has no worksheet');
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // a date cell as the day it shows (exceljs keeps Excel's dates as UTC midnights)
      cells[col - 1] = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text;
    });
    out[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(out, (r) => r ?? []);
}

/** Rows keyed by column, by the header row's Chinese (or English) headers; empty rows are skipped. */
function keyed(kind: ImportKind, table: string[][]): ParsedSheet['rows'] {
  const columns = SHEET_COLUMNS[kind];
  const header = (table[0] ?? []).map((h) => h.trim());
  const index = new Map<string, number>();
  for (const c of columns) {
    const at = header.findIndex((h) => h === c.zh || h.toLowerCase() === c.en.toLowerCase() || h === c.key || (c.aliases ?? []).includes(h));
    if (at >= 0) index.set(c.key, at);
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  if (missing.length > 0) badFile(`缺少列: ${missing.map((c) => c.zh).join('、')}`, `missing columns: ${missing.map((c) => c.en).join(', ')}`);
  const rows: ParsedSheet['rows'] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const out: Record<string, string> = {};
    for (const [key, at] of index) out[key] = (cells[at] ?? '').trim();
    rows.push({ rowNo: i + 2, cells: out });
  });
  if (rows.length === 0) badFile('表头下没有数据行', 'there are no rows under the headers');
  if (rows.length > MAX_IMPORT_ROWS) badFile(`超过 ${MAX_IMPORT_ROWS} 行`, `more than ${MAX_IMPORT_ROWS} rows`);
  return rows;
}

export async function readSheet(kind: ImportKind, fileName: string, base64: string): Promise<ParsedSheet> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) badFile(`文件超过 ${MAX_IMPORT_BYTES / 1024} KB`, `the file is over ${MAX_IMPORT_BYTES / 1024} KB`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return { encoding: 'XLSX', rows: keyed(kind, await readXlsx(bytes)) };
  if (/\.xlsx?$/i.test(fileName)) badFile('不是有效的 XLSX 文件', 'not a valid XLSX file');
  const { text, encoding } = decodeText(bytes);
  return { encoding, rows: keyed(kind, parseCsv(text)) };
}
