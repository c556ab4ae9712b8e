// Parts shared by the finance papers (现金盘点表, 客户对账单): the title band, label/value info
// rows (the slips' party block too), section captions and the footer, in the slips' visual
// language (grid.ts tables, fonts.ts runs, one fitted line per cell so every page keeps its height).

import { localTime } from './format';
import { COLOR, NO_LINES, RULE, fit, innerWidths, type Node } from './layout';
import { footerBar, spacedTitle } from './blocks';

export const SIZE = 8.5;
export const ROW = 15;
export const THEAD = 16;
export const FOOT = 10;
export const TITLE_BAND = 58;

export interface OfficeInfo {
  name: string;
  shortName: string;
  timezone: string;
  /** the office's phone (office.update), on the customer statement's confirmation when given */
  phone?: string;
}

/** The title band: state marks left, office and spaced title centred, page number right. */
export function titleBand(
  W: number,
  o: {
    office: string;
    title: string;
    sub: string;
    left: { text: string; color?: string; bold?: boolean }[];
    pageNo: number;
    pageCount: number;
    /** an English paper: the title not letter-spaced, the page as 'page 1/2' */
    en?: boolean;
  },
): Node {
  const side = 130;
  const centerW = W - 2 * side;
  return {
    table: {
      widths: [side, centerW, side],
      heights: TITLE_BAND,
      body: [
        [
          { stack: [{ text: '', margin: [0, 14, 0, 0] }, ...o.left.map((l) => fit(l.text, side - 4, { size: 8, bold: l.bold ?? true, color: l.color }))] },
          {
            stack: [
              fit(o.office, centerW, { size: 11.5, bold: true, align: 'center' }),
              { ...spacedTitle(o.title, 18, { lineHeight: 1.1 }), ...(o.en ? { text: o.title } : {}) },
              fit(o.sub, centerW, { size: 8.5, align: 'center', color: COLOR.grey }),
            ],
          },
          {
            stack: [
              { text: '', margin: [0, 38, 0, 0] },
              fit(o.en ? `page ${o.pageNo}/${o.pageCount}` : `第 ${o.pageNo}/${o.pageCount} 页`, side, { size: 6.5, color: COLOR.grey, align: 'right' }),
            ],
          },
        ],
      ],
    },
    layout: NO_LINES,
  };
}

export type Pair = [label: string, value: string, bold?: boolean];

/** Rows of label/value pairs over light rules, like a slip's party block. */
export function infoRows(W: number, spec: (number | '*')[], rows: Pair[][]): Node {
  const widths = innerWidths(W, spec, 2, 0, 0);
  return {
    table: {
      widths,
      heights: ROW - 1.5,
      body: rows.map((row) =>
        row.flatMap(([label, value, bold], i) => [
          fit(label, widths[2 * i], { size: 7.5, color: COLOR.grey }),
          fit(value, widths[2 * i + 1], { size: bold ? 9.5 : SIZE, bold: !!bold, minSize: 6 }),
        ]),
      ),
    },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : RULE),
      vLineWidth: () => 0,
      hLineColor: () => COLOR.light,
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1.5,
      paddingBottom: () => 0,
    },
    margin: [0, 3, 0, 4],
  };
}

/** A section caption above a table. */
export function caption(text: string, W: number, right = ''): Node {
  return {
    columns: [fit(text, W / 2, { size: 9, bold: true }), fit(right, W / 2, { size: 7.5, color: COLOR.grey, align: 'right' })],
    margin: [0, 5, 0, 2],
  };
}

/** The footer: who printed (or preview), the document, page X/Y. */
export function footer(W: number, office: OfficeInfo, what: string, pageNo: number, pageCount: number, at: string | null): Node {
  const who = at ? `打印时间: ${localTime(at, office.timezone)}` : '预览, 未登记打印';
  return footerBar(W, { left: who, middle: { text: what, width: 200 }, right: `第 ${pageNo}/${pageCount} 页`, height: FOOT, top: 4 });
}

/** A cell fitted to a column of a grid (box width minus padding). */
export function cellFit(text: string, box: number, o: { bold?: boolean; color?: string; align?: 'left' | 'center' | 'right'; size?: number } = {}): Node {
  return fit(text, box - 5, { size: o.size ?? SIZE, bold: o.bold, color: o.color, align: o.align });
}

export function headCells(titles: string[], boxes: number[]): Node[] {
  return titles.map((t, i) => ({ ...cellFit(t, boxes[i], { bold: true, size: 7.5, align: 'center' }), fillColor: COLOR.fill }));
}
