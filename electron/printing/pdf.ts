// Turning a pdfmake document definition into PDF bytes, with the Noto fonts registered once.
// pdfmake may neither fetch URLs nor read local files here: fonts come from its virtual file
// system, filled from memory.

import type Pdfmake from 'pdfmake';
import { FAMILIES, loadFonts, loadPdfmake } from './fonts';
import { qrPngDataUrl } from './qr-image';

const pdfmake = loadPdfmake() as typeof Pdfmake;

let ready = false;

/** Fonts and access policies, once (also for paged.ts). */
export function setupPdfmake(): void {
  if (ready) return;
  const { files } = loadFonts();
  const fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const fam of FAMILIES) {
    const normal = `${fam}-Regular.ttf`;
    const bold = `${fam}-Bold.ttf`;
    pdfmake.virtualfs.writeFileSync(normal, files[fam].normal);
    pdfmake.virtualfs.writeFileSync(bold, files[fam].bold);
    fonts[fam] = { normal, bold, italics: normal, bolditalics: bold };
  }
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** Render a document definition (fonts 'NotoSC' by default, 'NotoJP' for runs that need it). */
export async function renderPdf(doc: Record<string, unknown>): Promise<RenderedPdf> {
  setupPdfmake();
  const out = pdfmake.createPdf({
    ...doc,
    defaultStyle: { font: 'NotoSC', fontSize: 9, ...(doc.defaultStyle as object | undefined) },
  });
  const kit = await out.getStream();
  const bytes = await out.getBuffer();
  return { bytes, pages: kit._root.data.Pages.data.Kids.length };
}

/**
 * Render a document shaped like a slip (four A5 pages of a 20-line table, Chinese text, bold,
 * the JP fallback font, a QR image) a few times, off the user's path: the font files read (about
 * 31 MB) and parsed, pdfmake's and pdfkit's code compiled and optimised. Without it the desk's first
 * prints after a start wait for all that: the first real slip cost four times the CPU of the sixth.
 * The doors that keep running (the Electron shell, browser mode) call it once the office is open
 * (electron/open.ts), while the clerk logs in.
 */
export async function warmPrinting(rounds = 2): Promise<void> {
  const qr = qrPngDataUrl('BD|warm-up', 'M').dataUrl;
  const cell = (text: string, i: number) => ({ text, bold: i % 7 === 0, alignment: i % 3 ? 'left' : 'right', noWrap: true });
  const line = (i: number) => [String(i), `CZ-${8800 + i}`, `抛光砖 雅典米白 ${i}号`, '800×800mm', '片', String(i * 3), '52.00', `${i * 156}.00`].map(cell);
  const page = (copy: number) => [
    { text: `出库单 第${copy}联`, bold: true, fontSize: 14, alignment: 'center' },
    { columns: [{ text: '客户: 镕达建材 𠮷野日式民宿' }, { text: [{ text: '𠮷', font: 'NotoJP' }, ' 2026-12-06 09:30'] }] },
    { table: { headerRows: 1, widths: [20, 54, '*', 80, 28, 40, 50, 68], body: [line(0), ...Array.from({ length: 20 }, (_, i) => line(i + 1))] } },
    { text: '合计 壹仟贰佰叁拾肆元伍角 ¥1,234.50', bold: true },
    { image: qr, width: 60, pageBreak: copy < 4 ? 'after' : undefined },
  ];
  for (let r = 0; r < rounds; r++) {
    await renderPdf({ pageSize: 'A5', pageOrientation: 'landscape', content: [1, 2, 3, 4].map(page) });
  }
}
