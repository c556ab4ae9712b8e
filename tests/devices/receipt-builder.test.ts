// The receipt builder (electron/devices/receipt/): columns, GBK and ￥, the ESC/POS commands, each
// receipt's bytes read back as a reviewed snapshot (tests/devices/__snapshots__/receipts/), and the
// SVG preview drawn from the same lines.
import { describe, expect, it } from 'vitest';
import { charCols, pair, textCols, wrap } from '../../electron/devices/receipt/columns';
import { layout } from '../../electron/devices/receipt/doc';
import { escpos, gbk } from '../../electron/devices/receipt/escpos';
import { previewSvg } from '../../electron/devices/receipt/preview';
import { escposText, readEscpos } from '../helpers/escpos';
import { HEAD, QR, sampleReceipts } from '../helpers/receipt-samples';

describe('columns', () => {
  it('counts ASCII as one column and every GBK double-byte character (汉字, ￥, ，, ·) as two, as the printer draws them', () => {
    expect([charCols('中'), charCols('￥'), charCols('，'), charCols('·'), charCols('A')]).toEqual([2, 2, 2, 2, 1]);
    expect(textCols('龙井 250g')).toBe(9);
  });

  it('sends a character GBK has no code for as one ?, and ¥ as ￥', () => {
    expect(wrap('茶🍵¥', 32)).toEqual(['茶?￥']);
  });

  it('wraps Chinese text at the paper width and never splits a character', () => {
    const lines = wrap('一二三四五六七八九十'.repeat(4), 32);
    expect(lines.map(textCols)).toEqual([32, 32, 16]);
    expect(wrap('ab一', 3)).toEqual(['ab', '一']);
  });

  it('puts left and right text on one line, padded to the width; a long left part wraps above', () => {
    expect(pair('金额', '￥1.00', 20)).toEqual(['金额' + ' '.repeat(10) + '￥1.00']);
    expect(pair('金额', '￥1.00', 20).map(textCols)).toEqual([20]);
    const long = pair('杭州西湖百货有限公司采购部', 'X', 12);
    expect(long.every((l) => textCols(l) <= 12)).toBe(true);
    expect(long.at(-1)!.endsWith(' X')).toBe(true);
  });
});

describe('ESC/POS bytes', () => {
  it('sends ￥ (A3A4 in GBK), never ¥, which GBK has no code for', () => {
    const b = escpos(sampleReceipts(48).cash);
    expect(b.includes(gbk('￥'))).toBe(true);
    expect(readEscpos(b)).not.toContain('?');
    expect(readEscpos(b)).toContain('十一月货款 ￥12,345.50');
  });

  it('starts with reset and Chinese mode, ends with a cut, and carries the QR and barcode data as given', () => {
    const b = escpos(sampleReceipts(32).ticket);
    expect([...b.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    const read = readEscpos(b);
    expect(read).toContain(`[QR:${QR}]`);
    expect(read).toContain('[CODE128:FH202612070001]');
    expect(read.trimEnd().endsWith('[CUT]')).toBe(true);
  });

  it('keeps every printed line within its columns (half for double size) on 58 mm and 80 mm', () => {
    for (const width of [32, 48] as const)
      for (const doc of Object.values(sampleReceipts(width)))
        for (const l of layout(doc)) if (l.t === 'text') expect(textCols(l.text)).toBeLessThanOrEqual(l.big ? width / 2 : width);
  });

  it('says 补打 and the print number on a reprint', () => {
    const text = escposText(escpos(sampleReceipts(32, { ...HEAD, printNo: 3 }).cash));
    expect(text).toContain('补打(第3次打印)');
    expect(escposText(escpos(sampleReceipts(32).cash)).join('')).not.toContain('补打');
  });

  it('refuses a barcode that is not printable ASCII', () => {
    expect(() => escpos({ width: 32, blocks: [{ t: 'barcode', data: '现收1' }] })).toThrow(/ASCII/);
  });

  for (const width of [32, 48] as const)
    for (const name of ['cash', 'ticket', 'dayClose', 'countVariance', 'test'])
      it(`${name} receipt, ${width} columns: the bytes read back match the reviewed snapshot`, async () => {
        await expect(readEscpos(escpos(sampleReceipts(width)[name]))).toMatchFileSnapshot(`./__snapshots__/receipts/${name}-${width}.txt`);
      });
});

describe('preview', () => {
  it('draws the same lines as the paper, characters on the column grid, and the QR as modules', () => {
    const doc = sampleReceipts(48).ticket;
    const svg = previewSvg(doc);
    expect(svg).toMatch(/^<svg [^>]*width="608"/);
    for (const l of escposText(escpos(doc)).filter((s) => s.trim())) expect(svg).toContain(l.replace(/&/g, '&amp;'));
    expect(svg).toMatch(/<path d="M/);
  });
});
