// A small real PNG for signature-image tests: a blue scribble on white, w×h pixels (RGB, 8 bit).
import { deflateSync } from 'node:zlib';
import { pngChunk as chunk } from '../../electron/printing/qr-image';

/** A valid PNG; noise: fill with random bytes (to make a large file). */
export function signaturePng(w = 240, h = 80, noise = false): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      if (noise) {
        raw[o] = (Math.random() * 256) | 0;
        raw[o + 1] = (Math.random() * 256) | 0;
        raw[o + 2] = (Math.random() * 256) | 0;
      } else if (Math.abs(y - (h / 2 + (h / 3) * Math.sin((x / w) * 4 * Math.PI))) < 3) {
        raw[o] = 20;
        raw[o + 1] = 40;
        raw[o + 2] = 160;
      }
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
