// A long document (a stock card of hundreds of pages) rendered a few pages at a time, so the desk
// can say how far it got (正在生成 … 第 N 页) and stop when asked. pdfmake lays out and draws a
// whole document in one synchronous call (6.6 s for 200 pages, the event loop blocked throughout);
// our forms are planned page by page (every page is its own block, a page break before each but
// the first), so here each chunk of pages is laid out and drawn into the one PDF in turn, with a
// turn of the event loop between chunks: a progress poll or a cancel gets in. The steps are
// pdfmake's own Printer.createPdfKitDocument (pdfmake 0.3), taken apart; the fonts and access
// policies are the ones pdf.ts set up.

import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { setupPdfmake } from './pdf';

type Node = Record<string, unknown>;

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const PDFDocument = fromPdfmake('./PDFDocument').default as any;
const LayoutBuilder = fromPdfmake('./LayoutBuilder').default as any;
const Renderer = fromPdfmake('./Renderer').default as any;
const SVGMeasure = fromPdfmake('./SVGMeasure').default as any;
const { normalizePageSize, normalizePageMargin } = fromPdfmake('./PageSize') as any;
const { tableLayouts } = fromPdfmake('./tableLayouts') as any;

/** A document planned page by page: its definition without content, and each page's block. */
export interface PagedDoc {
  /** pageSize, pageOrientation, pageMargins, info, defaultStyle (docDefinition() without content) */
  base: Node;
  pages: number;
  page(p: number): Node;
}

export interface PagedHooks {
  /** after each chunk: pages done of all */
  onPage?(done: number, pages: number): void;
  /** asked between chunks: true stops the work (the promise rejects with PagedCancelled) */
  cancelled?(): boolean;
}

export class PagedCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Pages laid out and drawn between two turns of the event loop (about 0.1 s of work). */
const CHUNK = 5;

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function metadata(info: Record<string, string> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  for (const [k, v] of Object.entries(info ?? {})) if (v) out[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  return out;
}

function pdfKitDoc(base: Node) {
  const size = normalizePageSize(base.pageSize, base.pageOrientation);
  const opts = {
    size: [size.width, size.height],
    pdfVersion: '1.3',
    compress: true,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info: metadata(base.info as Record<string, string> | undefined),
    font: null,
  };
  const p = pdfmake as unknown as { fonts: unknown; virtualfs: unknown; localAccessPolicy: unknown };
  return { size, doc: new PDFDocument(p.fonts, {}, {}, {}, opts, p.virtualfs, p.localAccessPolicy) };
}

function collect(doc: { on(e: string, f: (c?: Buffer) => void): void; read(): Buffer | null; end(): void }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('readable', () => {
      let c: Buffer | null;
      while ((c = doc.read()) !== null) chunks.push(c);
    });
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (e) => reject(e as unknown as Error));
  });
}

/** Render a paged document chunk by chunk; the same PDF pdfmake makes of the whole at once. */
export async function renderPaged(d: PagedDoc, hooks: PagedHooks = {}): Promise<{ bytes: Buffer; pages: number }> {
  setupPdfmake();
  const { size, doc } = pdfKitDoc(d.base);
  const bytes = collect(doc);
  const margins = normalizePageMargin(d.base.pageMargins);
  const style = (d.base.defaultStyle as Node | undefined) ?? { fontSize: 12, font: 'NotoSC' };
  const renderer = new Renderer(doc, undefined);
  let drawn = 0;
  // the caller gets its answer before the first page is laid out
  await yieldTurn();
  for (let from = 0; from < d.pages; from += CHUNK) {
    if (hooks.cancelled?.()) {
      doc.end();
      throw new PagedCancelled();
    }
    const content = Array.from({ length: Math.min(CHUNK, d.pages - from) }, (_, i) => d.page(from + i));
    // each chunk starts a page of its own: its first block's page break is the chunk's start
    content[0] = { ...content[0], pageBreak: undefined };
    const builder = new LayoutBuilder(size, margins, new SVGMeasure());
    builder.registerTableLayouts(tableLayouts);
    const pages = builder.layoutDocument(content, doc, {}, style) as unknown[];
    renderer.renderPages(pages);
    drawn += pages.length;
    hooks.onPage?.(Math.min(from + content.length, d.pages), d.pages);
    await yieldTurn();
  }
  doc.end();
  return { bytes: await bytes, pages: drawn };
}
