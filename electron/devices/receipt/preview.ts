// The receipt as it will print, for the screen: an SVG of the same laid-out lines the ESC/POS
// encoder sends (doc.ts), each character placed on the printer's column grid (a Chinese character
// two columns), the QR drawn module by module from the same payload; a barcode is shown as a
// labelled box with its data.

import { qrMatrix } from '../../printing/qr-image';
import { charCols } from './columns';
import { layout, type Align, type PrintLine, type ReceiptDoc } from './doc';

const COL = 12;
const LINE = 26;
const MARGIN = 16;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function startX(cols: number, width: number, align: Align, colPx: number): number {
  const room = width * COL - cols * colPx;
  return MARGIN + (align === 'center' ? room / 2 : align === 'right' ? room : 0);
}

function textSvg(l: Extract<PrintLine, { t: 'text' }>, y: number, width: number): { svg: string; h: number } {
  const colPx = l.big ? COL * 2 : COL;
  const h = l.big ? LINE * 2 : LINE;
  const chars = [...l.text];
  const cols = chars.reduce((n, c) => n + charCols(c), 0);
  let x = startX(cols, width, l.align, colPx);
  const xs: number[] = [];
  for (const c of chars) {
    xs.push(x);
    x += charCols(c) * colPx;
  }
  if (!chars.length) return { svg: '', h };
  const size = l.big ? 40 : 20;
  const weight = l.bold ? ' font-weight="bold"' : '';
  return { svg: `<text xml:space="preserve" x="${xs.join(' ')}" y="${y + h - 7}" font-size="${size}"${weight}>${esc(l.text)}</text>`, h };
}

function qrSvg(data: string, y: number, width: number, align: Align): { svg: string; h: number } {
  const m = qrMatrix(data, 'M');
  const cell = width === 48 ? 4 : 3;
  const size = m.length * cell;
  const x0 = startX(size / COL, width, align, COL);
  const rects: string[] = [];
  m.forEach((row, r) => row.forEach((dark, c) => dark && rects.push(`M${x0 + c * cell} ${y + 8 + r * cell}h${cell}v${cell}h-${cell}z`)));
  return { svg: `<path d="${rects.join('')}" fill="#000"/>`, h: size + 16 };
}

function barcodeSvg(data: string, y: number, width: number, align: Align): { svg: string; h: number } {
  const w = Math.min(width * COL, Math.max(10 * COL, data.length * COL * 1.5));
  const x0 = startX(w / COL, width, align, COL);
  const box = `<rect x="${x0}" y="${y + 6}" width="${w}" height="52" fill="none" stroke="#000" stroke-dasharray="4 3"/>`;
  const label = `<text x="${x0 + w / 2}" y="${y + 38}" font-size="18" text-anchor="middle">||| ${esc(data)} |||</text>`;
  return { svg: box + label, h: 64 };
}

function lineSvg(l: PrintLine, y: number, width: number): { svg: string; h: number } {
  switch (l.t) {
    case 'text':
      return textSvg(l, y, width);
    case 'qr':
      return qrSvg(l.data, y, width, l.align);
    case 'barcode':
      return barcodeSvg(l.data, y, width, l.align);
    case 'feed':
      return { svg: '', h: LINE * l.lines };
    case 'cut':
      return { svg: `<line x1="0" x2="${width * COL + 2 * MARGIN}" y1="${y + 12}" y2="${y + 12}" stroke="#999" stroke-dasharray="6 4"/>`, h: 24 };
  }
}

/** The receipt as an SVG image, the paper's width to scale (12 px a column). */
export function previewSvg(doc: ReceiptDoc): string {
  let y = MARGIN;
  const parts: string[] = [];
  for (const l of layout(doc)) {
    const { svg, h } = lineSvg(l, y, doc.width);
    if (svg) parts.push(svg);
    y += h;
  }
  const w = doc.width * COL + 2 * MARGIN;
  const h = y + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="'Noto Sans Mono CJK SC','Noto Sans SC','Microsoft YaHei',monospace">`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
