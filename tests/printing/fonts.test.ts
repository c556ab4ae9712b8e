// Text runs by glyph coverage: Noto Sans SC draws nearly everything, Noto Sans JP the few
// characters SC lacks (𠮷); a string becomes pdfmake inline runs with the font that has each glyph.
import { describe, expect, it } from 'vitest';
import { familyFor, runs, splitRuns, textWidth } from '../../electron/printing/fonts';
import { fit } from '../../electron/printing/layout';
import { renderPdf } from '../../electron/printing/pdf';
import { pdfText } from '../helpers/printing-scenario';

describe('fonts by glyph coverage', () => {
  it('splits 𠮷 (SC lacks it) into a Noto Sans JP run and keeps 镕 (JP lacks it) in Noto Sans SC', () => {
    expect(familyFor(0x20bb7)).toBe('NotoJP');
    expect(familyFor('镕'.codePointAt(0)!)).toBe('NotoSC');
    expect(familyFor('喆'.codePointAt(0)!)).toBe('NotoSC');
    expect(familyFor('￥'.codePointAt(0)!)).toBe('NotoSC');
    expect(familyFor('…'.codePointAt(0)!)).toBe('NotoSC');
    expect(splitRuns('𠮷野日式民宿(工程)')).toEqual([
      { text: '𠮷', font: 'NotoJP' },
      { text: '野日式民宿(工程)', font: 'NotoSC' },
    ]);
    expect(splitRuns('镕达 𠮷 𠮷祥金')).toEqual([
      { text: '镕达 ', font: 'NotoSC' },
      { text: '𠮷 𠮷', font: 'NotoJP' },
      { text: '祥金', font: 'NotoSC' },
    ]);
    expect(runs('喆堃家居馆')).toBe('喆堃家居馆');
    expect(runs('𠮷野', { bold: true })).toEqual([
      { text: '𠮷', font: 'NotoJP', bold: true },
      { text: '野', bold: true },
    ]);
  });

  it('fits text to a width on one line: smaller type, then an ellipsis', () => {
    const long = '滨江路77号 某某建材市场三期 B 区 12 栋 2 单元 1801 室(请提前一天电话联系收货人)';
    const w = 120;
    const small = fit(long, w, { size: 8.5, minSize: 6 });
    expect(small.fontSize).toBe(6);
    const t = small.text as string | { text: string }[];
    const plain = typeof t === 'string' ? t : t.map((r) => r.text).join('');
    expect(plain.endsWith('…')).toBe(true);
    expect(plain.length).toBeGreaterThan(20);
    expect(textWidth(plain, 6)).toBeLessThanOrEqual(w);
    expect(fit('短', w).fontSize).toBe(8.5);
  });

  it('the PDF gives back the exact characters (glyph + ToUnicode); a font without the glyph would not', async () => {
    const content = [{ text: runs('𠮷野日式民宿(工程) · 镕达装饰 · 喆堃家居馆') }, { text: '𠮷', font: 'NotoSC' }];
    const pdf = await renderPdf({ pageSize: 'A6', content });
    const lines = pdfText(pdf.bytes)
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe('𠮷野日式民宿(工程) · 镕达装饰 · 喆堃家居馆');
    // forced into Noto Sans SC, 𠮷 is its .notdef box and does not come back as 𠮷
    expect(lines[1]).not.toBe('𠮷');
  });
});
