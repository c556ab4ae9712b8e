// A ZIP archive written in memory, all its entries known at once: what an XLSX is. Node's own zlib
// deflates and checksums (zlib.crc32: Node ≥ 20.15, Electron's Node 22), so there is nothing here
// but the container's headers (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16; UTF-8 names, no ZIP64: an
// export stays far below 4 GB).

import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** DOS time and date of a moment (local fields as UTC: the archive does not carry a zone). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

interface Packed {
  name: Buffer;
  crc: number;
  size: number;
  packed: Buffer;
  offset: number;
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

function localHeader(p: Packed, t: { time: number; date: number }): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(DEFLATE, 8);
  h.writeUInt16LE(t.time, 10);
  h.writeUInt16LE(t.date, 12);
  h.writeUInt32LE(p.crc, 14);
  h.writeUInt32LE(p.packed.length, 18);
  h.writeUInt32LE(p.size, 22);
  h.writeUInt16LE(p.name.length, 26);
  return h;
}

function centralHeader(p: Packed, t: { time: number; date: number }): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(DEFLATE, 10);
  h.writeUInt16LE(t.time, 12);
  h.writeUInt16LE(t.date, 14);
  h.writeUInt32LE(p.crc, 16);
  h.writeUInt32LE(p.packed.length, 20);
  h.writeUInt32LE(p.size, 24);
  h.writeUInt16LE(p.name.length, 28);
  h.writeUInt32LE(p.offset, 42);
  return h;
}

function endRecord(count: number, dirSize: number, dirOffset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(dirSize, 12);
  h.writeUInt32LE(dirOffset, 16);
  return h;
}

/** The archive of `entries`, each deflated (level 3 by default: for a sheet's XML a quarter less CPU than zlib's 6, a tenth larger). */
export function zip(entries: readonly ZipEntry[], at: Date, level = 3): Buffer {
  const t = dosTime(at);
  const parts: Buffer[] = [];
  const packed: Packed[] = [];
  let offset = 0;
  for (const e of entries) {
    const p: Packed = { name: Buffer.from(e.name, 'utf8'), crc: crc32(e.data), size: e.data.length, packed: deflateRawSync(e.data, { level }), offset };
    parts.push(localHeader(p, t), p.name, p.packed);
    offset += 30 + p.name.length + p.packed.length;
    packed.push(p);
  }
  const dir = packed.flatMap((p) => [centralHeader(p, t), p.name]);
  const dirSize = dir.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...parts, ...dir, endRecord(packed.length, dirSize, offset)]);
}
