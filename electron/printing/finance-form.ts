// Parts shared by the finance papers (现金盘点表, 客户对账单): the title band, label/value info
// rows, section captions, signature boxes and the footer, in the slips' visual language (layout.ts
// grid tables, fonts.ts runs, one fitted line per cell so every page keeps its height).

import { localTime } from './format';
import { COLOR, NO_LINES, RULE, boxWidths, fit, innerWidths, type Node } from './layout';
import { gridTable } from './grid';

export const SIZE = 8.5;
export const ROW = 15;
export const THEAD = 16;
export const FOOT = 10;
export const SIGN = 40;
export const TITLE_BAND = 58;

export interface OfficeInfo {
  name: string;
  shortName: string;
  timezone: string;
}

/** The title band: state marks left, office and spaced title centred, page number right. */
export function titleBand(W: number, o: { office: string; title: string; sub: string; left: { text: string; color?: string; bold?: boolean }[]; pageNo: number; pageCount: number }): Node {
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
              { text: o.title.split('').join(' '), fontSize: 18, bold: true, alignment: 'center', decoration: 'underline', decorationStyle: 'double', lineHeight: 1.1 },
              fit(o.sub, centerW, { size: 8.5, align: 'center', color: COLOR.grey }),
            ],
          },
          { stack: [{ text: '', margin: [0, 38, 0, 0] }, fit(`第 ${o.pageNo}/${o.pageCount} 页`, side, { size: 6.5, color: COLOR.grey, align: 'right' })] },
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

export interface SignBox {
  label: string;
  name?: string;
  detail?: string;
  /** the signer's signature image (PNG data URL), drawn at the right of the box */
  image?: string;
}

/** One signature box: label, the signer's name in bold, role and time; the signer's image at the
 * right of the label and name (above the role and time line), scaled to fit keeping its aspect.
 * w is the box width, h its height. */
export function signCell(b: SignBox, w: number, h: number): Node {
  const detail: Node = b.detail ? fit(b.detail, w - 6, { size: 6.5, color: COLOR.grey }) : { text: '' };
  const name: Node = b.name ? fit(b.name, w - 6, { size: 9.5, bold: true }) : { text: ' ', fontSize: 9.5 };
  if (!b.image) return { stack: [fit(b.label, w - 6, { size: 7, color: COLOR.grey }), name, detail] };
  const ih = Math.max(12, h - 14);
  const iw = Math.min(Math.round((w - 6) * 0.55), ih * 3);
  const tw = w - 6 - iw - 2;
  return {
    stack: [
      {
        columns: [
          { width: '*', stack: [fit(b.label, tw, { size: 7, color: COLOR.grey }), b.name ? fit(b.name, tw, { size: 9.5, bold: true }) : { text: ' ', fontSize: 9.5 }] },
          { width: iw, image: b.image, fit: [iw, ih], alignment: 'right' },
        ],
        columnGap: 2,
      },
      detail,
    ],
  };
}

/** Signature boxes side by side: label, the signer's name in bold, role and time. */
export function signRow(W: number, signs: SignBox[], height = SIGN): Node {
  const w = boxWidths(W, signs.map(() => '*' as const));
  return {
    ...gridTable({
      boxes: w,
      heights: [height],
      pad: { x: 3, top: 1.5, bottom: 0 },
      body: [
        signs.map((b, i) => signCell(b, w[i], height)),
      ],
    }),
    margin: [0, 4, 0, 0],
  };
}

/** The footer: who printed (or preview), the document, page X/Y. */
export function footer(W: number, office: OfficeInfo, what: string, pageNo: number, pageCount: number, at: string | null): Node {
  const who = at ? `打印时间: ${localTime(at, office.timezone)}` : '预览, 未登记打印';
  return {
    table: {
      widths: innerWidths(W, ['*', 200, '*'], 0, 0, 0),
      heights: FOOT,
      body: [
        [
          fit(who, (W - 200) / 2, { size: 6.5, color: COLOR.grey }),
          fit(what, 200, { size: 6.5, color: COLOR.grey, align: 'center' }),
          fit(`第 ${pageNo}/${pageCount} 页`, (W - 200) / 2, { size: 6.5, color: COLOR.grey, align: 'right' }),
        ],
      ],
    },
    layout: NO_LINES,
    margin: [0, 4, 0, 0],
  };
}

/** A cell fitted to a column of a grid (box width minus padding). */
export function cellFit(text: string, box: number, o: { bold?: boolean; color?: string; align?: 'left' | 'center' | 'right'; size?: number } = {}): Node {
  return fit(text, box - 5, { size: o.size ?? SIZE, bold: o.bold, color: o.color, align: o.align });
}

export function headCells(titles: string[], boxes: number[]): Node[] {
  return titles.map((t, i) => ({ ...cellFit(t, boxes[i], { bold: true, size: 7.5, align: 'center' }), fillColor: COLOR.fill }));
}
