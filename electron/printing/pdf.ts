// Turning a pdfmake document definition into PDF bytes, with the Noto fonts registered once.
// pdfmake may neither fetch URLs nor read local files here: fonts come from its virtual file
// system, filled from memory.

import type Pdfmake from 'pdfmake';
import { FAMILIES, loadFonts, loadPdfmake } from './fonts';
import { qrPngDataUrl } from './qr-image';

const pdfmake = loadPdfmake() as typeof Pdfmake;

let ready = false;

function setup(): void {
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
  setup();
  const out = pdfmake.createPdf({
    ...doc,
    defaultStyle: { font: 'NotoSC', fontSize: 9, ...(doc.defaultStyle as object | undefined) },
  });
  const kit = await out.getStream();
  const bytes = await out.getBuffer();
  return { bytes, pages: kit._root.data.Pages.data.Kids.length };
}

/**
 * Render a small document once, off the user's path: the font files read (about 31 MB) and parsed,
 * pdfmake's and pdfkit's code compiled, a PNG decoded. Without it the desk's first print after a
 * start waits for all that (about 2 s more than the next one on a busy 2-core PC). The doors that
 * keep running (the Electron shell, browser mode) call it once the office is open (electron/open.ts).
 */
export async function warmPrinting(): Promise<void> {
  const qr = qrPngDataUrl('BD|warm-up', 'M').dataUrl;
  const row = (text: string) => [text, { text, bold: true }, { text: '𠮷', font: 'NotoJP' }, { text: '𠮷', font: 'NotoJP', bold: true }];
  await renderPdf({
    pageSize: 'A5',
    pageOrientation: 'landscape',
    content: [
      { table: { widths: ['*', 'auto', 'auto', 'auto'], body: [row('出库单 瓷砖胶 FL-0001'), row('¥1,234.50 壹仟贰佰叁拾肆元伍角')] } },
      { image: qr, width: 60 },
    ],
  });
}
