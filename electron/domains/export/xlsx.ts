// Writing a grid as XLSX (the community ag-grid has no Excel export): the first sheet holds the
// Chinese headers and the rows (yuan amounts as numbers with two decimals, so Excel sums them),
// a second sheet 说明 the title, the filters that were applied and when.
//
// The SpreadsheetML is written here as text and zipped by zip.ts, not by exceljs: its writer builds
// a cell object and works out a style for every cell, which made a 100,000-row stock card cost
// about 5 s of CPU (2.5 s with one style object per column). A sheet of plain values in four fixed
// styles needs none of that; exceljs still reads the files we import.

import type { ParsedInput } from '../../../shared/contract';
import type { SheetCell, SheetFormat } from '../../../shared/sheets';
import { zip } from './zip';

export type Sheet = Pick<ParsedInput<'export.xlsx'>, 'title' | 'columns' | 'rows' | 'filters'>;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The cell styles of styles.xml by index: plain, yuan (#,##0.00), whole number (0), bold header. */
const STYLE = { plain: 0, yuan: 1, int: 2, header: 3 } as const;
const FORMAT_STYLE: Record<SheetFormat, number> = { text: STYLE.plain, yuan: STYLE.yuan, int: STYLE.int };

const XML_CHAR = /[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text as XML: the five specials escaped, the characters XML cannot hold dropped. */
const esc = (s: string): string => s.replace(XML_CHAR, (c) => XML_ESC[c] ?? '');

/** A, B, … Z, AA, …: the column letters of a cell reference. */
function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function textCell(ref: string, s: string, style = 0): string {
  const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${esc(s)}</t></is></c>`;
}

const numberCell = (ref: string, n: number, style: number): string => `<c r="${ref}" s="${style}"><v>${n}</v></c>`;

/** A cell as written: fen become yuan; a number in a text column stays text (codes, barcodes); nothing for an empty one. */
function cellXml(ref: string, format: SheetFormat, v: SheetCell): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number' && format !== 'text') return numberCell(ref, format === 'yuan' ? v / 100 : v, FORMAT_STYLE[format]);
  return textCell(ref, String(v));
}

/** A worksheet's XML around its rows (given as text, or as the bytes of blocks of rows). */
function worksheet(o: { cols: number[]; rows: string | Buffer[]; frozen?: boolean; filter?: string }): Buffer {
  const pane = o.frozen ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
  const cols = o.cols.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const filter = o.filter ? `<autoFilter ref="${o.filter}"/>` : '';
  const head = `${XML_HEAD}<worksheet ${NS}><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  const rows = typeof o.rows === 'string' ? [Buffer.from(o.rows)] : o.rows;
  return Buffer.concat([Buffer.from(head), ...rows, Buffer.from(`</sheetData>${filter}</worksheet>`)]);
}

/** Rows are turned into bytes a block at a time, so no string of the whole sheet is ever built. */
const BLOCK_ROWS = 2000;

/** The data sheet: the header row in bold, then every row. */
function dataSheet(s: Sheet): { xml: Buffer; filter: string | null } {
  const letters = s.columns.map((_, i) => columnName(i));
  const formats = s.columns.map((c) => c.format);
  const blocks = [Buffer.from(`<row r="1">${s.columns.map((c, i) => textCell(`${letters[i]}1`, c.header, STYLE.header)).join('')}</row>`)];
  for (let from = 0; from < s.rows.length; from += BLOCK_ROWS) {
    const parts: string[] = [];
    for (let r = from; r < Math.min(from + BLOCK_ROWS, s.rows.length); r++) {
      const n = r + 2;
      const row = s.rows[r];
      parts.push(`<row r="${n}">`);
      for (let i = 0; i < letters.length; i++) parts.push(cellXml(`${letters[i]}${n}`, formats[i], row[i] ?? null));
      parts.push('</row>');
    }
    blocks.push(Buffer.from(parts.join('')));
  }
  const filter = s.rows.length > 0 ? `A1:${letters[letters.length - 1]}1` : null;
  const cols = s.columns.map((c) => Math.max(10, c.header.length * 2 + 4));
  return { xml: worksheet({ cols, rows: blocks, frozen: true, filter: filter ?? undefined }), filter };
}

function aboutSheet(s: Sheet, exportedAt: string): Buffer {
  const lines: [string, string | number][] = [
    ['表名', s.title],
    ['导出时间', exportedAt],
    ['行数', s.rows.length],
    ...(s.filters.length === 0 ? [['筛选条件', '无(全部)'] as [string, string]] : s.filters.map((f): [string, string] => [`筛选: ${f.label}`, f.value])),
  ];
  const rows = lines.map(
    ([k, v], i) =>
      `<row r="${i + 1}">${textCell(`A${i + 1}`, k)}${typeof v === 'number' ? numberCell(`B${i + 1}`, v, STYLE.int) : textCell(`B${i + 1}`, v)}</row>`,
  );
  return worksheet({ cols: [16, 60], rows: rows.join('') });
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(sheets: number): string {
  const ws = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}.worksheet+xml"/>`);
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${SHEET_TYPE}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${SHEET_TYPE}.styles+xml"/>${ws.join('')}</Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookRels(sheets: number): string {
  const ws = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ws.join('')}<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

/** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string): string => title.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';

function workbook(names: string[], filter: string | null): string {
  const sheets = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const [c1, c2] = filter ? filter.split(':').map((ref) => ref.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')) : [];
  const defined = filter
    ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${esc(names[0].replace(/'/g, "''"))}'!${c1}:${c2}</definedName></definedNames>`
    : '';
  return `${XML_HEAD}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${defined}</workbook>`;
}

/** The workbook as base64 (what the rpc answer carries): the data sheet, and 说明 when `exportedAt` is given (an export; a template has none). */
export function sheetXlsx(s: Sheet, exportedAt?: string): string {
  return sheetsXlsx([s], exportedAt);
}

/** Several data sheets in one workbook (the month pack: a sheet per part), 说明 of the first when `exportedAt` is given. */
export function sheetsXlsx(list: Sheet[], exportedAt?: string): string {
  const data = list.map(dataSheet);
  const sheets = [...data.map((d) => d.xml), ...(exportedAt !== undefined ? [aboutSheet(list[0], exportedAt)] : [])];
  const names = uniqueNames([...list.map((s) => sheetName(s.title)), ...(exportedAt !== undefined ? ['说明'] : [])]);
  return zip(
    [
      { name: '[Content_Types].xml', data: Buffer.from(contentTypes(sheets.length)) },
      { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
      { name: 'xl/workbook.xml', data: Buffer.from(workbook(names, data[0].filter)) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(workbookRels(sheets.length)) },
      { name: 'xl/styles.xml', data: Buffer.from(STYLES) },
      ...sheets.map((data, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data })),
    ],
    new Date(),
  ).toString('base64');
}

/** Sheet names are unique in a workbook: a repeated one gets (2), (3), … within 31 characters. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let i = 2; seen.has(name); i++) name = `${n.slice(0, 27)}(${i})`;
    seen.add(name);
    return name;
  });
}
