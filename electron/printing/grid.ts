// The ruled grid every printed table is drawn with: pdfmake lays the cells out in a table without
// rules, and the rules are drawn as a few long lines over the whole grid instead of pdfmake's one
// short segment per cell side (which made most of a page's content stream).

import { COLOR, PAD, RULE, type Node } from './layout';

export interface GridOptions {
  /** cell box widths (padding included); they sum to the table's width */
  boxes: number[];
  /** row box heights (padding included); rows never grow, text is fitted to them */
  heights: number[];
  body: Node[][];
  pad?: { x: number; top: number; bottom: number };
  outer?: number;
  inner?: number;
  color?: string;
}

/** 0 and the running sums of `sizes`: the positions of a grid's rules. */
function edges(sizes: number[]): number[] {
  const at = [0];
  for (const s of sizes) at.push(at[at.length - 1] + s);
  return at;
}

interface Cover {
  /** owner[r][c]: the id of the cell that covers (r, c) */
  owner: number[][];
  /** the cells' fills, as rectangles drawn under the rules */
  fills: Node[];
  /** the body's cells copied, their fills taken out (the drawing carries them) */
  body: Node[][];
}

/** Which cell covers each grid position (spans included), and the cells' fills. */
function coverCells(src: Node[][], xs: number[], ys: number[]): Cover {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const fills: Node[] = [];
  let id = 0;
  const body = src.map((row) => row.map((cell) => ({ ...cell })));
  body.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (owner[r][c] !== -1) return;
      const cs = Number(cell.colSpan ?? 1);
      const rs = Number(cell.rowSpan ?? 1);
      for (let i = r; i < r + rs && i < rows; i++) for (let k = c; k < c + cs && k < cols; k++) owner[i][k] = id;
      id++;
      if (cell.fillColor) {
        const x2 = xs[Math.min(c + cs, cols)];
        const y2 = ys[Math.min(r + rs, rows)];
        fills.push({ type: 'rect', x: xs[c], y: ys[r], w: x2 - xs[c], h: y2 - ys[r], color: cell.fillColor });
        delete cell.fillColor;
      }
    }),
  );
  return { owner, fills, body };
}

/** Calls `run(start, end)` for each stretch of 0…n-1 where `cut(i)` holds. */
function cutRuns(n: number, cut: (i: number) => boolean, run: (start: number, end: number) => void): void {
  let start: number | null = null;
  for (let i = 0; i <= n; i++) {
    const c = i < n && cut(i);
    if (c && start === null) start = i;
    if (!c && start !== null) {
      run(start, i);
      start = null;
    }
  }
}

/** The inner rules, in runs where the cells on either side are different, then the frame. */
function ruleLines(owner: number[][], xs: number[], ys: number[], o: { inner: number; outer: number; color: string }): Node[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const lines: Node[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number, w: number) =>
    lines.push({ type: 'line', x1, y1, x2, y2, lineWidth: w, lineColor: o.color, lineCap: 'square' });
  for (let r = 1; r < rows; r++)
    cutRuns(
      cols,
      (c) => owner[r - 1][c] !== owner[r][c],
      (start, c) => line(xs[start], ys[r], xs[c], ys[r], o.inner),
    );
  for (let c = 1; c < cols; c++)
    cutRuns(
      rows,
      (r) => owner[r][c - 1] !== owner[r][c],
      (start, r) => line(xs[c], ys[start], xs[c], ys[r], o.inner),
    );
  const W = xs[cols];
  const H = ys[rows];
  line(0, 0, W, 0, o.outer);
  line(0, H, W, H, o.outer);
  line(0, 0, 0, H, o.outer);
  line(W, 0, W, H, o.outer);
  return lines;
}

/**
 * A ruled table whose rules are drawn as a few long lines over the whole grid.
 * Spans (colSpan / rowSpan) interrupt the rules they cover; cell fills are drawn under the rules.
 */
export function gridTable(o: GridOptions): Node {
  const pad = o.pad ?? PAD;
  const xs = edges(o.boxes);
  const ys = edges(o.heights);
  const { owner, fills, body } = coverCells(o.body, xs, ys);
  const lines = ruleLines(owner, xs, ys, { inner: o.inner ?? RULE, outer: o.outer ?? 0.9, color: o.color ?? COLOR.line });
  // The drawing goes first, detached (it takes no room); pdfmake only checks it against the room
  // left below its position, which at the table's top is the table's own room.
  return {
    stack: [
      { canvas: [...fills, ...lines], relativePosition: { x: 0, y: 0 } },
      {
        table: {
          widths: o.boxes.map((b) => b - 2 * pad.x),
          heights: o.heights.map((h) => h - pad.top - pad.bottom),
          body,
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          paddingLeft: () => pad.x,
          paddingRight: () => pad.x,
          paddingTop: () => pad.top,
          paddingBottom: () => pad.bottom,
        },
      },
    ],
  };
}
