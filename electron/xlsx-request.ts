// What the renderer may ask the shell's 'save-xlsx' channel: an XLSX the core wrote (export.grid,
// export.xlsx, import.template), and its 'save-keyfile' channel: a key backup (office.exportKeys),
// checked before anything touches the disk. Electron-free, so
// tests use it as is.

import { safeFileName } from './pdf-request';

/** A 200,000-row export is about 15 MB; this leaves room and still refuses anything absurd. */
export const MAX_XLSX_BYTES = 64 * 1024 * 1024;

export interface XlsxRequest {
  bytes: Buffer;
  fileName: string;
}

export function parseXlsxRequest(req: unknown): XlsxRequest | { error: 'bad_request' | 'not_xlsx' } {
  if (!req || typeof req !== 'object' || Array.isArray(req)) return { error: 'bad_request' };
  const r = req as Record<string, unknown>;
  if (typeof r.base64 !== 'string' || r.base64.length === 0 || r.base64.length > (MAX_XLSX_BYTES * 4) / 3 + 4) return { error: 'bad_request' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(r.base64)) return { error: 'bad_request' };
  const bytes = Buffer.from(r.base64, 'base64');
  // an XLSX is a ZIP archive: it starts with a local file header
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') return { error: 'not_xlsx' };
  return { bytes, fileName: safeFileName(r.fileName, 'xlsx') };
}

/** A key backup is base64 text of at most 20,000 characters (the contract's office.importKeys takes no more). */
export function parseKeyFileRequest(req: unknown): XlsxRequest | { error: 'bad_request' } {
  if (!req || typeof req !== 'object' || Array.isArray(req)) return { error: 'bad_request' };
  const r = req as Record<string, unknown>;
  if (typeof r.text !== 'string' || r.text.length === 0 || r.text.length > 20_000 || !/^[A-Za-z0-9+/]+={0,2}$/.test(r.text)) return { error: 'bad_request' };
  return { bytes: Buffer.from(r.text, 'utf8'), fileName: safeFileName(r.fileName, 'deskkey') };
}
