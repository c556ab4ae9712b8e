// A list on A4 portrait: the pick list (拣货单) and the quality problems (产品质量问题). Pure: data in,
// pdfmake definition out. Every page carries the office, the title, the lines under it and (when
// given) a QR of the document's number in its header, and 第 n 页 / 共 m 页 in its footer; the
// table's column titles repeat on each page (count-doc.ts's table).

import { localTime } from './format';
import { COLOR, MARGIN, PAGE, fit, type Node } from './layout';
import { matrixPng, qrMatrix } from './qr-image';
import { table, type Col } from './count-doc';

export interface ListPaperData {
  office: { name: string; timezone: string };
  title: string;
  /** under the title: number, date, party, … */
  lines: string[];
  /** the QR's text (a slip's number), none when null */
  qr: string | null;
  cols: Col[];
  rows: string[][];
  /** row height: taller where the keeper writes or ticks */
  rowHeight: number;
  /** below the table: totals, signatures */
  after: string[];
  /** the footer's reference (the number, the period) */
  ref: string;
  printedAt: string;
  /** 补打: the second and later print say so */
  printNo: number | null;
}

/** The width a list's columns share. */
export const LIST_WIDTH = PAGE.A4P.width - MARGIN.left - MARGIN.right;
const HEAD = 96;

function header(d: ListPaperData, qr: string | null): Node {
  const reprint = d.printNo && d.printNo > 1 ? `　补打(第${d.printNo}次打印)` : '';
  const w = LIST_WIDTH - (qr ? 80 : 0);
  const stack = [
    fit(d.office.name, w, { size: 10 }),
    { text: d.title.split('').join(' '), fontSize: 16, bold: true, alignment: 'center', margin: [0, 2, 0, 4] },
    ...d.lines.map((l, i) => fit(i === 0 ? `${l}${reprint}` : l, w, { size: 8.5, color: i === 0 ? COLOR.ink : COLOR.grey })),
  ];
  return {
    margin: [MARGIN.left, 14, MARGIN.right, 0],
    columns: qr
      ? [
          { width: '*', stack },
          { width: 58, image: qr, fit: [58, 58] },
        ]
      : [{ width: '*', stack }],
  };
}

/** The paper's definition and its page count as planned. */
export function buildListDoc(d: ListPaperData): { doc: Record<string, unknown>; pages: number } {
  const qr = d.qr ? `data:image/png;base64,${matrixPng(qrMatrix(d.qr)).toString('base64')}` : null;
  const content: Node[] = [
    table(d.cols, d.rows, d.rowHeight),
    ...d.after.map((text, i) => ({ text, fontSize: 9.5, bold: i === 0, margin: [0, i === 0 ? 8 : 6, 0, 0] })),
  ];
  const perPage = Math.floor((PAGE.A4P.height - HEAD - 30 - 17) / d.rowHeight);
  return {
    doc: {
      pageSize: 'A4',
      pageOrientation: 'portrait',
      pageMargins: [MARGIN.left, HEAD, MARGIN.right, 30],
      info: { title: `${d.title} ${d.ref}`, author: d.office.name, subject: d.ref, creator: 'Branch Desk 办事处仓财台' },
      defaultStyle: { font: 'NotoSC', fontSize: 8.5, lineHeight: 1, color: COLOR.ink },
      header: () => header(d, qr),
      footer: (page: number, pages: number) => ({
        margin: [MARGIN.left, 8, MARGIN.right, 0],
        columns: [
          { text: `${d.office.name} · ${d.ref} · 打印 ${localTime(d.printedAt, d.office.timezone)}`, fontSize: 7, color: COLOR.grey },
          { text: `第 ${page} 页 / 共 ${pages} 页`, fontSize: 7, color: COLOR.grey, alignment: 'right' },
        ],
      }),
      content,
    },
    pages: Math.max(1, Math.ceil((d.rows.length + 1 + d.after.length) / perPage)),
  };
}
