// The XLSX writer (export/xlsx.ts + zip.ts): what it writes opens in exceljs with the same texts
// and numbers, the formats of yuan and whole numbers, and every entry's checksum right.

import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sheetXlsx } from '../../electron/domains/export/xlsx';
import { readXlsx } from './sheet';

/** Every entry of a ZIP by its central directory: name and whether its data inflates to its CRC. */
function zipEntries(buf: Buffer): { name: string; crcOk: boolean }[] {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out: { name: string; crcOk: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const crc = buf.readUInt32LE(at + 16);
    const packed = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, crcOk: crc32(inflateRawSync(buf.subarray(dataAt, dataAt + packed))) === crc });
    at += 46 + nameLen;
  }
  return out;
}

describe('the XLSX writer', () => {
  const sheet = {
    title: '库存明细账',
    columns: [
      { header: '单号', format: 'text' as const },
      { header: '数量', format: 'int' as const },
      { header: '金额', format: 'yuan' as const },
      { header: '条码', format: 'text' as const },
    ],
    rows: [
      ['A&B <x> "q"', 12, 12345, 6923456000100],
      ['  前后空格 ', -3, -5, null],
      ['控制\u0001字符', null, 0, ''],
    ],
    filters: [{ label: '商品', value: 'CZ-8801 瓷砖' }],
  };

  it('writes texts, whole numbers and yuan as they were, with their formats; codes stay text', async () => {
    const s = await readXlsx(sheetXlsx(sheet, '2026-11-29 09:00'));
    expect(s.sheetNames).toEqual(['库存明细账', '说明']);
    expect(s.headers).toEqual(['单号', '数量', '金额', '条码']);
    expect(s.rows).toEqual([
      ['A&B <x> "q"', 12, 123.45, '6923456000100'],
      ['  前后空格 ', -3, -0.05, null],
      ['控制字符', null, 0, null],
    ]);
    expect(s.formats[0].slice(1, 3)).toEqual(['0', '#,##0.00']);
    expect([...s.about.entries()]).toEqual([
      ['表名', '库存明细账'],
      ['导出时间', '2026-11-29 09:00'],
      ['行数', '3'],
      ['筛选: 商品', 'CZ-8801 瓷砖'],
    ]);
  });

  it('a template has the headers only and no 说明', async () => {
    const s = await readXlsx(sheetXlsx({ ...sheet, rows: [], filters: [] }));
    expect(s.sheetNames).toEqual(['库存明细账']);
    expect(s.rows).toEqual([]);
  });

  it('is a ZIP whose every entry inflates to its checksum', () => {
    const entries = zipEntries(Buffer.from(sheetXlsx(sheet, 'now'), 'base64'));
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(entries.every((e) => e.crcOk)).toBe(true);
  });
});
