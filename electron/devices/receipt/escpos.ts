// ESC/POS bytes of a laid-out receipt, for the Chinese printers offices buy (Xprinter, Gprinter,
// Epson TM-T82/T88 China models): Chinese character mode on (FS &), text in GBK (iconv-lite; the
// desk's ￥ is A3A4 there, while ¥ U+00A5 has no GBK code and is never sent), alignment (ESC a),
// bold (ESC E), double size for both ASCII (GS !) and Chinese (FS !), QR (GS ( k, model 2, ECC M),
// CODE128 (GS k 73, code set B) and a partial cut after a feed (GS V 66).
// Written by hand instead of receiptline: its markdown-like input would need escaping of every
// customer name, and the one place the two ESC/POS dialects differ (Chinese double size) is a few
// bytes; the preview draws the same laid-out lines (preview.ts).

import iconv from 'iconv-lite';
import { layout, type Align, type PrintLine, type ReceiptDoc } from './doc';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** ESC @ (reset), FS & (Chinese mode): the first bytes of every receipt. */
export const INIT = [ESC, 0x40, FS, 0x26];

export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** QR model 2, module size, ECC level M, store the data, print it. */
function qrBytes(data: string, moduleDots: number): number[] {
  const d = [...Buffer.from(data, 'utf8')];
  const len = d.length + 3;
  if (len > 7092) throw new Error('QR data too long for a receipt');
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleDots],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31],
    ...[GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...d],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
  ];
}

/** CODE128 code set B (printable ASCII), 80 dots high, the digits printed below. */
function barcodeBytes(data: string): number[] {
  if (!/^[\x20-\x7e]{1,40}$/.test(data)) throw new Error(`a receipt barcode takes 1–40 printable ASCII characters: ${data}`);
  const d = [0x7b, 0x42, ...Buffer.from(data, 'ascii')];
  return [GS, 0x68, 80, GS, 0x77, 2, GS, 0x48, 2, GS, 0x6b, 73, d.length, ...d];
}

interface State {
  align: Align;
  bold: boolean;
  big: boolean;
}

function styleBytes(s: State, want: State): number[] {
  const out: number[] = [];
  if (s.align !== want.align) out.push(ESC, 0x61, ALIGN[want.align]);
  if (s.bold !== want.bold) out.push(ESC, 0x45, want.bold ? 1 : 0);
  if (s.big !== want.big) out.push(GS, 0x21, want.big ? 0x11 : 0, FS, 0x21, want.big ? 0x0c : 0);
  Object.assign(s, want);
  return out;
}

function lineBytes(l: PrintLine, s: State, moduleDots: number): number[] {
  switch (l.t) {
    case 'text':
      return [...styleBytes(s, { align: l.align, bold: l.bold, big: l.big }), ...gbk(l.text), LF];
    case 'qr':
      return [...styleBytes(s, { align: l.align, bold: false, big: false }), ...qrBytes(l.data, moduleDots), LF];
    case 'barcode':
      return [...styleBytes(s, { align: l.align, bold: false, big: false }), ...barcodeBytes(l.data), LF];
    case 'feed':
      return [ESC, 0x64, Math.min(255, Math.max(0, l.lines))];
    case 'cut':
      return [GS, 0x56, 0x42, 3];
  }
}

/** The receipt as the bytes a printer takes. */
export function escpos(doc: ReceiptDoc): Buffer {
  const s: State = { align: 'left', bold: false, big: false };
  const moduleDots = doc.width === 48 ? 6 : 4;
  const out: number[] = [...INIT];
  for (const l of layout(doc)) for (const b of lineBytes(l, s, moduleDots)) out.push(b);
  out.push(...styleBytes(s, { align: 'left', bold: false, big: false }));
  return Buffer.from(out);
}
