// Blocks every printed document repeats, whatever its kind: the definition around the pages, text
// over several grid columns, filler and blank cells, the spaced double-underlined title, the small
// grey footer bar and the amount in words (大写) across a row.

import { COLOR, MARGIN, NO_LINES, PAD, fit, innerWidths, type FitOptions, type Node, type PageSpec } from './layout';

/** The definition around a document's pages: paper, margins, the PDF's info, the default style. */
export function docDefinition(page: PageSpec, info: { title: string; author: string; subject: string }, size: number, content: Node[]): Node {
  return {
    pageSize: page.pageSize,
    pageOrientation: page.pageOrientation,
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { ...info, creator: 'Branch Desk 办事处仓财台' },
    defaultStyle: { font: 'NotoSC', fontSize: size, lineHeight: 1, color: COLOR.ink },
    content,
  };
}

/** Text over the grid columns from…to (box widths): fitted to their width inside the padding, with its colSpan. */
export function spanFit(text: string, boxes: number[], from: number, to: number, o: FitOptions = {}): Node {
  return {
    ...fit(text, boxes.slice(from, to + 1).reduce((a, b) => a + b, 0) - 2 * PAD.x, o),
    colSpan: to - from + 1,
  };
}

/** The empty cells a span covers (pdfmake wants one per column). */
export function fillers(n: number): Node[] {
  return Array.from({ length: n }, () => ({}));
}

/** A row of `n` empty cells: the blank rows that fill a page of a form. */
export function blankRow(n: number): Node[] {
  return Array.from({ length: n }, () => ({ text: '' }));
}

/** Row heights of a grid: the column titles' row, then the body's rows. */
export function headedHeights(body: unknown[], head: number, row: number): number[] {
  return body.map((_, i) => (i === 0 ? head : row));
}

/** A document's title, letter-spaced, bold, centred, double-underlined: 发 货 单. */
export function spacedTitle(title: string, fontSize: number, extra: Node = {}): Node {
  return { text: title.split('').join(' '), fontSize, bold: true, alignment: 'center', decoration: 'underline', decorationStyle: 'double', ...extra };
}

/** The amount in words over columns 0…to of a grid, bold and a size up (red on a red-ink document). */
export function wordsCells(text: string, boxes: number[], to: number, color?: string): Node[] {
  return [spanFit(text, boxes, 0, to, { size: 9, bold: true, color }), ...fillers(to)];
}

export interface FooterBar {
  left: string;
  /** the middle column and its width; without it the bar has two halves */
  middle?: { text: string; width: number };
  right: string;
  height: number;
  /** the gap above the bar */
  top: number;
}

/** The line under a page in small grey type: who printed it, the document, page X/Y. */
export function footerBar(W: number, o: FooterBar): Node {
  const grey = { size: 6.5, color: COLOR.grey };
  const m = o.middle;
  const side = m ? (W - m.width) / 2 : W / 2;
  const cells = m
    ? [fit(o.left, side, grey), fit(m.text, m.width, { ...grey, align: 'center' }), fit(o.right, side, { ...grey, align: 'right' })]
    : [fit(o.left, side, grey), fit(o.right, side, { ...grey, align: 'right' })];
  return {
    table: { widths: innerWidths(W, m ? ['*', m.width, '*'] : ['*', '*'], 0, 0, 0), heights: o.height, body: [cells] },
    layout: NO_LINES,
    margin: [0, o.top, 0, 0],
  };
}
