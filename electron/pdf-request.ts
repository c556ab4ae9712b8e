// What the renderer may ask of the shell's two printing channels ('print-pdf', 'save-pdf'),
// checked before anything touches the disk or a printer. Electron-free, so tests use it as is.
// The PDF itself comes from the core (documents.render); the shell only hands it to the OS.

export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export interface PdfRequest {
  /** the PDF bytes (starts with %PDF-) */
  bytes: Buffer;
  /** a plain file name ending .pdf, no folders */
  fileName: string;
  pageSize: 'A4' | 'A5';
  landscape: boolean;
  /** show the PDF in a window (the user prints from there) instead of going to the print dialog */
  preview: boolean;
  /** the printer the print dialog starts on (the office's default printer), if any */
  deviceName?: string;
}

/** A file name safe on Windows, macOS and Linux: no folders, no reserved characters, ends .<ext>. */
export function safeFileName(name: unknown, ext: string): string {
  const raw = typeof name === 'string' ? name : '';
  const base = raw.split(/[/\\]/).pop() ?? '';
  let clean = base
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  if (!clean) clean = 'document';
  return clean.toLowerCase().endsWith(`.${ext}`) ? clean : `${clean}.${ext}`;
}

export const safePdfName = (name: unknown): string => safeFileName(name, 'pdf');

export function parsePdfRequest(req: unknown): PdfRequest | { error: string } {
  if (!req || typeof req !== 'object' || Array.isArray(req)) return { error: 'bad_request' };
  const r = req as Record<string, unknown>;
  if (typeof r.base64 !== 'string' || r.base64.length === 0 || r.base64.length > (MAX_PDF_BYTES * 4) / 3 + 4) return { error: 'bad_request' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(r.base64)) return { error: 'bad_request' };
  const bytes = Buffer.from(r.base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { error: 'not_pdf' };
  return {
    bytes,
    fileName: safePdfName(r.fileName),
    pageSize: r.pageSize === 'A5' ? 'A5' : 'A4',
    landscape: r.landscape === true,
    preview: r.preview === true,
    ...(printerName(r.deviceName) ? { deviceName: r.deviceName as string } : {}),
  };
}

/** A printer's name as the OS gives it: some text, no control characters. */
function printerName(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && v.length <= 200 && !/[\u0000-\u001f\u007f]/.test(v);
}
