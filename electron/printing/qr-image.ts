// A slip's QR code as one small 1-bit PNG, embedded once per PDF and placed on every page.
// (pdfmake's own { qr } node draws each dark module as a separate rectangle on every page:
// ~1,400 rectangles a page, which made a 4-copy slip three times as large.)
// The matrix comes from pdfmake's QR encoder; the PNG includes the 4-module quiet zone the
// standard asks for, so nothing printed next to it can disturb a scan.

import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const qrEnc = (
  require('pdfmake/js/qrEnc.js') as {
    default: { measure(node: Record<string, unknown>): { _width: number; _canvas: { x: number; y: number; w: number; color: string }[] } };
  }
).default;

export type EccLevel = 'L' | 'M' | 'Q' | 'H';

/** The QR modules of `text` (true = dark), row by row. */
export function qrMatrix(text: string, eccLevel: EccLevel = 'M'): boolean[][] {
  const node = qrEnc.measure({ qr: text, eccLevel }); // modules of 5 units, no margin
  const n = node._width / 5;
  const m = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of node._canvas) if (r.color !== '#fff' && r.w === 5) m[r.y / 5][r.x / 5] = true;
  return m;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC-32. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 1-bit greyscale PNG of a module matrix, `px` pixels a module, with a `quiet`-module white border. */
export function matrixPng(m: boolean[][], px = 6, quiet = 4): Buffer {
  const modules = m.length + 2 * quiet;
  const size = modules * px;
  const rowBytes = Math.ceil(size / 8);
  const raw = Buffer.alloc((rowBytes + 1) * size, 0);
  for (let y = 0; y < size; y++) {
    const off = y * (rowBytes + 1);
    raw[off] = 0; // filter: none
    const my = Math.floor(y / px) - quiet;
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / px) - quiet;
      const dark = my >= 0 && my < m.length && mx >= 0 && mx < m.length && m[my][mx];
      if (!dark) raw[off + 1 + (x >> 3)] |= 0x80 >> (x & 7); // 1 = white
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const made = new Map<string, { dataUrl: string; modules: number }>();

/**
 * The QR of `text` as a PNG data URL, and its size in modules including the quiet zone. Kept for
 * the last 64 texts: a slip previewed, printed and reprinted has the same QR each time.
 */
export function qrPngDataUrl(text: string, eccLevel: EccLevel = 'M'): { dataUrl: string; modules: number } {
  const key = `${eccLevel}\u0000${text}`;
  let qr = made.get(key);
  if (!qr) {
    const m = qrMatrix(text, eccLevel);
    qr = { dataUrl: `data:image/png;base64,${matrixPng(m).toString('base64')}`, modules: m.length + 8 };
    if (made.size >= 64) made.delete(made.keys().next().value!);
    made.set(key, qr);
  }
  return qr;
}
