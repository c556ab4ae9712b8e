// 盘点表 and 盘点报告: a count on A4 portrait. Pure: data in, pdfmake definition out (counts/paper.ts
// gathers it). Every page carries the office, the title, the count's number, date, kind and scope
// and a QR of the number in its header, and 第 n 页 / 共 m 页 in its footer; the table's column
// titles repeat on each page; rows are sorted by location as the keeper walks the shelves.
// - The count sheet (盘点表) never shows a book quantity (盲盘): per line the location, item, spec
//   and unit, with empty boxes for the counted quantity and the counter's signature.
// - The count report (盘点报告) lists the lines off the book: book, counted, difference, its FIFO
//   value and the cause; the totals of 盘盈 and 盘亏; and who counted, recounted and approved.

import { dateZh, localTime, money } from './format';
import { COLOR, MARGIN, PAGE, fit, type Node } from './layout';
import { matrixPng, qrMatrix } from './qr-image';

export interface CountPaperData {
  office: { name: string; timezone: string };
  no: string;
  kindZh: string;
  scope: string;
  businessDate: string;
  blind: boolean;
  stateZh: string;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  counters: string[];
  recounters: string[];
  lines: { location: string; itemCode: string; itemName: string; spec: string; unit: string; counted: number | null }[];
  variance: {
    location: string;
    itemCode: string;
    itemName: string;
    book: number | null;
    counted: number | null;
    diff: number;
    diffFen: number | null;
    cause: string;
  }[];
  gain: { qty: number; fen: number };
  loss: { qty: number; fen: number };
  printedAt: string;
  /** the logged print it is: 2 and up say 补打; null for a preview */
  printNo?: number | null;
}

const W = PAGE.A4P.width - MARGIN.left - MARGIN.right;
const HEAD = 96;
/** a sheet's rows leave room to write the count and sign; the report's are read */
const ROW = { sheet: 24, report: 17 } as const;
const SIZE = 8.5;

export type Col = { title: string; width: number; right?: boolean };

/** A ruled table of fitted one-line cells, its column titles repeated on each page (list-doc.ts uses it too). */
export function table(cols: Col[], rows: string[][], row: number): Node {
  const inner = (c: Col) => c.width - 8;
  const head = cols.map((c) => ({ ...fit(c.title, inner(c), { size: SIZE, bold: true }), alignment: 'center', fillColor: '#eeeeee' }));
  const body = rows.map((r) => r.map((v, i) => ({ ...fit(v, inner(cols[i]), { size: SIZE }), alignment: cols[i].right ? 'right' : 'left' })));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: cols.map((c) => c.width - 8.5),
      heights: (i: number) => (i === 0 ? 11 : row - 6),
      body: [head, ...body],
    },
    layout: {
      hLineColor: () => COLOR.line,
      vLineColor: () => COLOR.line,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 3,
      paddingBottom: () => 2,
    },
  };
}

function header(d: CountPaperData, title: string, qr: string): Node {
  const reprint = d.printNo && d.printNo > 1 ? `　补打(第${d.printNo}次打印)` : '';
  const line2 = `盘点单号 ${d.no}　日期 ${dateZh(d.businessDate)}　${d.kindZh}${d.blind ? '(盲盘)' : '(明盘)'}　${d.stateZh}${reprint}`;
  return {
    margin: [MARGIN.left, 14, MARGIN.right, 0],
    columns: [
      {
        width: '*',
        stack: [
          fit(d.office.name, W - 80, { size: 10 }),
          { text: title.split('').join(' '), fontSize: 16, bold: true, alignment: 'center', margin: [0, 2, 0, 4] },
          fit(line2, W - 80, { size: 8.5 }),
          fit(`范围: ${d.scope}`, W - 80, { size: 8.5, color: COLOR.grey }),
        ],
      },
      { width: 58, image: qr, fit: [58, 58] },
    ],
  };
}

function sheetRows(d: CountPaperData): string[][] {
  return d.lines.map((l, i) => [String(i + 1), l.location, l.itemCode, l.itemName, l.spec, l.unit, '', '']);
}

const SHEET_COLS: Col[] = [
  { title: '序号', width: 32, right: true },
  { title: '库位', width: 56 },
  { title: '编码', width: 62 },
  { title: '品名', width: 150 },
  { title: '规格', width: 70 },
  { title: '单位', width: 32 },
  { title: '实盘数量', width: 70 },
  { title: '盘点人签字', width: W - 472 },
];

const REPORT_COLS: Col[] = [
  { title: '库位', width: 52 },
  { title: '编码', width: 60 },
  { title: '品名', width: 128 },
  { title: '账面数', width: 48, right: true },
  { title: '实盘数', width: 48, right: true },
  { title: '差异', width: 42, right: true },
  { title: '差异金额', width: 64, right: true },
  { title: '原因', width: W - 442 },
];

const num = (n: number | null) => (n === null ? '' : n.toLocaleString('en-US'));

function reportRows(d: CountPaperData): string[][] {
  return d.variance.map((v) => [
    v.location,
    v.itemCode,
    v.itemName,
    num(v.book),
    num(v.counted),
    num(v.diff),
    v.diffFen === null ? '' : money(v.diffFen),
    v.cause,
  ]);
}

function signatures(d: CountPaperData): Node {
  const box = (label: string, name: string) => ({ text: `${label}: ${name}`, fontSize: 9, margin: [0, 10, 0, 0] });
  return {
    columns: [
      box('盘点人', d.counters.join('、')),
      box('复核', d.recounters.join('、')),
      box('经理审批', d.approvedBy ? `${d.approvedBy} ${localTime(d.approvedAt!, d.office.timezone)}` : ''),
      box('开单', d.createdBy),
    ],
  };
}

/** The paper's definition and its page count as planned. */
export function buildCountDoc(d: CountPaperData, kind: 'sheet' | 'report'): { doc: Record<string, unknown>; pages: number } {
  const title = kind === 'sheet' ? '盘 点 表' : '盘 点 报 告';
  const qr = `data:image/png;base64,${matrixPng(qrMatrix(d.no)).toString('base64')}`;
  const rows = kind === 'sheet' ? sheetRows(d) : reportRows(d);
  const content: Node[] = [table(kind === 'sheet' ? SHEET_COLS : REPORT_COLS, rows, ROW[kind])];
  if (kind === 'report') {
    content.push({
      text: `盘盈 ${d.gain.qty} 件, 金额 ${money(d.gain.fen)}　盘亏 ${d.loss.qty} 件, 金额 ${money(d.loss.fen)}`,
      fontSize: 9.5,
      bold: true,
      margin: [0, 8, 0, 0],
    });
    content.push(signatures(d));
  } else content.push({ text: '盘点人签字: ____________　复核: ____________　日期: ____________', fontSize: 9, margin: [0, 12, 0, 0] });
  const perPage = Math.floor((PAGE.A4P.height - HEAD - 30 - 17) / ROW[kind]);
  return {
    doc: {
      pageSize: 'A4',
      pageOrientation: 'portrait',
      pageMargins: [MARGIN.left, HEAD, MARGIN.right, 30],
      info: { title: `${title.replace(/ /g, '')} ${d.no}`, author: d.office.name, subject: d.no, creator: 'Branch Desk 办事处仓财台' },
      defaultStyle: { font: 'NotoSC', fontSize: SIZE, lineHeight: 1, color: COLOR.ink },
      header: () => header(d, title, qr),
      footer: (page: number, pages: number) => ({
        margin: [MARGIN.left, 8, MARGIN.right, 0],
        columns: [
          { text: `${d.office.name} · ${d.no} · 打印 ${localTime(d.printedAt, d.office.timezone)}`, fontSize: 7, color: COLOR.grey },
          { text: `第 ${page} 页 / 共 ${pages} 页`, fontSize: 7, color: COLOR.grey, alignment: 'right' },
        ],
      }),
      content,
    },
    pages: Math.max(1, Math.ceil((rows.length + (kind === 'report' ? 4 : 2)) / perPage)),
  };
}
