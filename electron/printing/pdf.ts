// Turning a pdfmake document definition into PDF bytes, with the Noto fonts registered once.
// pdfmake may neither fetch URLs nor read local files here: fonts come from its virtual file
// system, filled from memory.

import type Pdfmake from 'pdfmake';
import { FAMILIES, loadFonts, loadPdfmake } from './fonts';

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
