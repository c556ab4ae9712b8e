// A receipt as data: blocks (text, left/right pairs, table rows, rules, QR, barcode, feed, cut)
// for a paper width, laid out once into printer lines. The ESC/POS encoder (escpos.ts) and the
// preview (preview.ts) both draw the laid-out lines, so the screen shows what the paper will.

import { pair, padEnd, padStart, textCols, wrap } from './columns';

/** 58 mm paper: 32 columns; 80 mm: 48 (Font A, 12 dots a column). */
export const RECEIPT_WIDTHS = [32, 48] as const;
export type ReceiptWidth = (typeof RECEIPT_WIDTHS)[number];

export type Align = 'left' | 'center' | 'right';
interface Style {
  bold?: boolean;
  /** double width and height: half the columns */
  big?: boolean;
}

export type ReceiptBlock =
  | ({ t: 'text'; text: string; align?: Align } & Style)
  | ({ t: 'pair'; left: string; right: string } & Style)
  /** a table row: cells in columns of the given widths (the last takes what is left), numbers right-aligned by `right` */
  | { t: 'row'; cells: string[]; widths: number[]; right?: boolean[]; bold?: boolean }
  | { t: 'rule'; char?: '-' | '=' }
  | { t: 'qr'; data: string; align?: Align }
  | { t: 'barcode'; data: string; align?: Align }
  | { t: 'feed'; lines: number }
  | { t: 'cut' };

export interface ReceiptDoc {
  width: ReceiptWidth;
  blocks: ReceiptBlock[];
}

/** One line as the printer takes it: text already wrapped to the columns it has. */
export type PrintLine =
  | { t: 'text'; text: string; align: Align; bold: boolean; big: boolean }
  | { t: 'qr'; data: string; align: Align }
  | { t: 'barcode'; data: string; align: Align }
  | { t: 'feed'; lines: number }
  | { t: 'cut' };

const text = (s: string, st: Style, align: Align = 'left'): PrintLine => ({ t: 'text', text: s, align, bold: !!st.bold, big: !!st.big });

/** A table row: each cell wrapped in its column (a long item name goes on to more lines), numbers right-aligned. */
function rowLines(b: Extract<ReceiptBlock, { t: 'row' }>, width: number): string[] {
  const last = b.cells.length - 1;
  const rooms = b.cells.map((_, i) => (i === last ? width - b.widths.slice(0, last).reduce((a, w) => a + w, 0) : b.widths[i] - 1));
  const cells = b.cells.map((c, i) => wrap(c, rooms[i]));
  const height = Math.max(...cells.map((c) => c.length));
  return Array.from({ length: height }, (_, k) =>
    cells
      .map((c, i) => {
        const s = c[k] ?? '';
        const cell = b.right?.[i] ? padStart(s, rooms[i]) : padEnd(s, rooms[i]);
        return i === last ? cell : cell + ' ';
      })
      .join('')
      .trimEnd(),
  );
}

function layoutBlock(b: ReceiptBlock, width: number): PrintLine[] {
  switch (b.t) {
    case 'text': {
      const cols = b.big ? width / 2 : width;
      return wrap(b.text, cols).map((s) => text(s, b, b.align));
    }
    case 'pair':
      return pair(b.left, b.right, b.big ? width / 2 : width).map((s) => text(s, b));
    case 'row':
      return rowLines(b, width).map((s) => text(s, b));
    case 'rule':
      return [text((b.char ?? '-').repeat(width), {})];
    case 'qr':
    case 'barcode':
      return [{ t: b.t, data: b.data, align: b.align ?? 'center' }];
    case 'feed':
      return [{ t: 'feed', lines: b.lines }];
    case 'cut':
      return [{ t: 'cut' }];
  }
}

/** The receipt as printer lines; every text line fits its columns (checked). */
export function layout(doc: ReceiptDoc): PrintLine[] {
  const lines = doc.blocks.flatMap((b) => layoutBlock(b, doc.width));
  for (const l of lines) {
    if (l.t === 'text' && textCols(l.text) > (l.big ? doc.width / 2 : doc.width)) throw new Error(`receipt line wider than the paper: ${l.text}`);
  }
  return lines;
}
