// Building blocks shared by the printed documents: page geometry, text fitted to a cell on one
// line (smaller type, then an ellipsis: a row never grows, so every page of a form has the same
// height and nothing ever spills onto an extra page), table layouts and page planning.

import { lineHeightOf, runs, textWidth } from './fonts';

export type Node = Record<string, unknown>;

export const PAGE = {
  A5L: { pageSize: 'A5', pageOrientation: 'landscape', width: 595.28, height: 419.53 },
  A4P: { pageSize: 'A4', pageOrientation: 'portrait', width: 595.28, height: 841.89 },
  A4L: { pageSize: 'A4', pageOrientation: 'landscape', width: 841.89, height: 595.28 },
} as const;
export type PageSpec = (typeof PAGE)[keyof typeof PAGE];

export const MARGIN = { left: 28, right: 28, top: 20, bottom: 16 } as const;

// Colours whose channels are multiples of 0x33 print as short numbers in the PDF (0.2, 0.4 …),
// which keeps the page streams small; they also print cleanly on a mono laser.
export const COLOR = {
  ink: '#000000',
  grey: '#666666',
  line: '#333333',
  light: '#999999',
  fill: '#e6e6e6',
  red: '#cc0000',
} as const;

/** Cell padding (pt) of the ruled tables. */
export const PAD = { x: 2.5, top: 1, bottom: 0 } as const;
export const RULE = 0.5;

export interface FitOptions {
  size?: number;
  minSize?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

/**
 * Text that fits `width` on one line: at `size` if it can, else smaller down to `minSize`, else
 * cut with an ellipsis. Fonts per run by glyph coverage (see fonts.ts).
 */
export function fit(text: string, width: number, o: FitOptions = {}): Node {
  const size = o.size ?? 8.5;
  const minSize = o.minSize ?? Math.min(size, 6);
  const bold = o.bold ?? false;
  let s = size;
  let t = text.replace(/\s+/g, ' ').trim();
  const w = textWidth(t, size, bold);
  if (w > width) {
    s = Math.max(minSize, Math.floor(((size * width) / w) * 10) / 10);
    if (textWidth(t, s, bold) > width) {
      const chars = [...t];
      while (chars.length > 1 && textWidth(chars.join('') + '…', s, bold) > width) chars.pop();
      t = chars.join('') + '…';
    }
  }
  const node: Node = { text: runs(t), fontSize: s, noWrap: true };
  if (bold) node.bold = true;
  if (o.color) node.color = o.color;
  if (o.align) node.alignment = o.align;
  // Smaller type keeps the line's height: a row stays as tall as the others.
  if (s < size) node.lineHeight = lineHeightOf(size) / lineHeightOf(s);
  return node;
}

/** A table layout of thin rules with tight padding; `outer` draws the frame heavier. */
export function ruled(opts: { outer?: number; hLines?: (i: number, rows: number) => number; vLines?: (i: number, cols: number) => number } = {}): Node {
  const outer = opts.outer ?? 0.9;
  return {
    hLineWidth: (i: number, node: any) => (opts.hLines ? opts.hLines(i, node.table.body.length) : i === 0 || i === node.table.body.length ? outer : RULE),
    vLineWidth: (i: number, node: any) => (opts.vLines ? opts.vLines(i, node.table.widths.length) : i === 0 || i === node.table.widths.length ? outer : RULE),
    hLineColor: () => COLOR.line,
    vLineColor: () => COLOR.line,
    paddingLeft: () => PAD.x,
    paddingRight: () => PAD.x,
    paddingTop: () => PAD.top,
    paddingBottom: () => PAD.bottom,
  };
}

export const NO_LINES: Node = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/**
 * Inner widths of table columns that fill `total` (pt, frame included): fixed widths as given,
 * '*' columns share what is left. pdfmake adds padding and rules around each inner width.
 */
export function innerWidths(total: number, spec: (number | '*')[], pad: number = PAD.x, rule: number = RULE, outer = 0.9): number[] {
  const chrome = spec.length * 2 * pad + (spec.length - 1) * rule + 2 * outer;
  const fixed = spec.reduce<number>((a, w) => a + (w === '*' ? 0 : w), 0);
  const stars = spec.filter((w) => w === '*').length;
  const star = stars ? (total - chrome - fixed) / stars : 0;
  return spec.map((w) => (w === '*' ? Math.floor(star * 100) / 100 : w));
}

/**
 * Splits `count` rows into pages. Each page holds `slots(page)` rows; a page that is not the last
 * gives one slot to its 过次页 row, the last page gives `lastExtra` slots to its totals. No
 * page is left without a row of its own when there are rows at all.
 */
export function planPages(count: number, slots: (pageIndex: number) => number, lastExtra: number): number[] {
  const pages: number[] = [];
  let left = count;
  for (let p = 0; ; p++) {
    const room = slots(p);
    if (room - lastExtra <= 0 || room - 1 <= 0) throw new Error('page too small for its rows');
    if (left <= room - lastExtra) {
      pages.push(left);
      return pages;
    }
    // Not the last page: fill it, but leave at least one row for the last page.
    const take = Math.min(room - 1, left - 1);
    pages.push(take);
    left -= take;
  }
}

/** A horizontal space of exactly `h` pt. */
export function gap(h: number): Node {
  return { text: '', fontSize: 1, lineHeight: h / lineHeightOf(1), margin: [0, 0, 0, 0] };
}

/**
 * Box widths (cell width including padding) of columns that fill `total`: fixed widths as given,
 * '*' columns share what is left.
 */
export function boxWidths(total: number, spec: (number | '*')[]): number[] {
  const fixed = spec.reduce<number>((a, w) => a + (w === '*' ? 0 : w), 0);
  const stars = spec.filter((w) => w === '*').length;
  const star = stars ? (total - fixed) / stars : 0;
  return spec.map((w) => (w === '*' ? star : w));
}
