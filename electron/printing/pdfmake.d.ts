// The part of pdfmake 0.3's Node API (its CommonJS main entry, a ready instance) that the
// documents use. pdfmake ships no types; document definitions are built as plain objects.
declare module 'pdfmake' {
  interface PdfKitDoc {
    _root: { data: { Pages: { data: { Kids: unknown[] } } } };
  }
  interface OutputDocument {
    getStream(): Promise<PdfKitDoc>;
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, { normal: string; bold: string; italics?: string; bolditalics?: string }>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
