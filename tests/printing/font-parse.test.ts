// Each font file is parsed once per process and shared by every document pdfkit makes and by the
// measuring in fonts.ts (electron/printing/fonts.ts, sharedFontkit); each document still embeds
// its own subset, so documents rendered one after another each carry exactly their own text.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../electron/printing/fonts';
import { renderPdf, warmPrinting } from '../../electron/printing/pdf';
import { pdfText } from '../helpers/printing-scenario';

const fromPdfkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake')).resolve('pdfkit'));
const pdfkitFontkit = fromPdfkit('fontkit') as { create(buf: Uint8Array): unknown };

const doc = (text: string) => ({ content: [{ text }, { text, bold: true }, { text: '𠮷', font: 'NotoJP' }] });

describe('one parse of each font file', () => {
  it('gives pdfkit the very fonts the measuring uses, parsed once (by the warm-up the doors run at start)', async () => {
    await warmPrinting();
    const { files, metrics } = loadFonts();
    expect(pdfkitFontkit.create(files.NotoSC.normal)).toBe(metrics.NotoSC.normal);
    expect(pdfkitFontkit.create(files.NotoSC.bold)).toBe(metrics.NotoSC.bold);
    expect(pdfkitFontkit.create(files.NotoJP.normal)).toBe(metrics.NotoJP.normal);
    expect(pdfkitFontkit.create(files.NotoSC.normal)).toBe(pdfkitFontkit.create(files.NotoSC.normal));
  });

  it('still embeds each document its own glyphs: documents one after another read back exactly', async () => {
    const texts = ['出库单 瓷砖胶 FL-0001 ¥1,234.50', '进仓单 抛光砖 雅典米白 800×800', '镕达建材 喆堃家居馆 红字冲销'];
    const pdfs = await Promise.all(texts.map((t) => renderPdf(doc(t))));
    for (let i = 0; i < texts.length; i++) {
      const got = pdfText(pdfs[i].bytes, { layout: false });
      expect(got).toContain(texts[i]);
      expect(got).toContain('𠮷');
      for (const other of texts.filter((_, j) => j !== i)) expect(got).not.toContain(other);
    }
  });
});
