// What the Electron shell's preload puts on window.desk, declared once: electron/preload.ts builds
// it and the renderer (renderer/src/api.ts) calls it. Types only. In a browser (browser mode, e2e)
// there is no window.desk and the renderer goes to POST /rpc instead.

import type { CallMeta, Result } from './contract';

/** A PDF the core rendered (documents.render), as the renderer hands it to the shell. */
export interface PdfPaper {
  base64: string;
  fileName: string;
  pageSize: 'A4' | 'A5';
  landscape: boolean;
}

export interface PrintOutcome {
  printed: boolean;
  /** shown in a window (preview) rather than sent to the print dialog */
  shown: boolean;
  reason: string | null;
}

/** A printer the system knows (Electron's getPrintersAsync): its system name and the name shown. */
export interface SystemPrinter {
  name: string;
  displayName: string;
}

/** A code read by a scanner attached to the main process (HID-POS). */
export interface BridgeScan {
  code: string;
  symbology?: string;
  source: 'hid';
}

export interface DeskBridge {
  /** one call into the core over the 'rpc' channel: the same envelope as POST /rpc */
  call(method: string, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
  /** the OS print dialog for a PDF (or, with preview, a window showing it) */
  /** deviceName: the printer the dialog starts on (the office's default printer, office.update) */
  printPdf(req: PdfPaper & { preview?: boolean; deviceName?: string }): Promise<Result<PrintOutcome>>;
  /** 另存为: a save dialog, then the PDF is written there (saved: null when cancelled) */
  savePdf(req: { base64: string; fileName: string }): Promise<Result<{ saved: string | null }>>;
  /** 导出 Excel: a save dialog, then the XLSX the core wrote is written there (saved: null when cancelled) */
  saveXlsx(req: { base64: string; fileName: string }): Promise<Result<{ saved: string | null }>>;
  /** 导出密钥备份: a save dialog, then the sealed key backup is written there (optional: older shells lack it) */
  saveKeyFile?(req: { text: string; fileName: string }): Promise<Result<{ saved: string | null }>>;
  /** the system's printers, for choosing the office's default printer (optional: older shells lack it) */
  listPrinters?(): Promise<Result<{ printers: SystemPrinter[] }>>;
  /** the OS folder picker (the backup folder): the full path, or null when cancelled (optional: older shells lack it) */
  chooseFolder?(): Promise<Result<{ folder: string | null }>>;
  /** scans from a HID-POS scanner in the main process; the preload does not offer it yet */
  onScan?(fn: (e: BridgeScan) => void): () => void;
  readonly mode: 'electron';
}
