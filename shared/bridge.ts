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

/** The elements the desk reads from a GS1 symbol (electron/devices/gs1.ts). */
export interface Gs1Fields {
  /** AI 01: the GTIN-14 (or AI 02: the GTIN of the items a logistic unit holds) */
  gtin?: string;
  /** AI 10: batch / lot */
  batch?: string;
  /** AI 17: expiry, YYYY-MM-DD (checked) */
  expiry?: string;
  /** AI 21: serial number */
  serial?: string;
  /** AI 30: count of items (or AI 37: count of the items AI 02 names); a scan adds this many */
  count?: number;
}

/** A code read by a scanner attached to the main process (HID-POS). */
export interface BridgeScan {
  code: string;
  symbology?: string;
  source: 'hid';
}

/** What the main process sends for a HID-POS scan: the scanner's path, and a GS1 symbol's elements. */
export interface HidScan extends BridgeScan {
  device: string;
  gs1?: Gs1Fields;
  /** a GS1 symbol as scanned (AIM id, then the elements, FNC1 as GS), for the core to read (scans.read) */
  raw?: string;
}

/** A problem with the scanners, in the words the devices screen shows. */
export interface DeviceProblem {
  code: 'hid_unavailable' | 'open_failed' | 'keyboard_mode' | 'bad_report' | 'bad_gs1';
  message_zh: string;
  message_en: string;
}

export type ScannerLayout = 'honeywell' | 'newland';
export const SCANNER_LAYOUT_CHOICES = ['auto', 'honeywell', 'newland'] as const;
export type ScannerLayoutChoice = (typeof SCANNER_LAYOUT_CHOICES)[number];

/** A scanner the main process found: HID-POS ('ready' once open, 'error' when it cannot be), or a scanner in keyboard mode. */
export interface ScannerInfo {
  /** the same scanner across unplug / replug: vendor:product:serial (the path when it has no serial) */
  key: string;
  path: string;
  name: string;
  vendorId: number;
  productId: number;
  /** the report layout its reports are read in: the choice below, or (auto) by its maker */
  layout: ScannerLayout;
  /** the layout chosen on the 扫描枪 tab (saved per desk), 'auto': by the scanner's maker */
  layoutChoice: ScannerLayoutChoice;
  state: 'ready' | 'error' | 'keyboard';
  problem: DeviceProblem | null;
}

/** What the main process knows of the scanners now: whether HID works here at all, and each scanner. */
export interface ScannersState {
  available: boolean;
  problem: DeviceProblem | null;
  scanners: ScannerInfo[];
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
  /** scans from a HID-POS scanner in the main process (the 'hid-scan' channel) */
  onScan?(fn: (e: HidScan) => void): () => void;
  /** the scanners the main process finds, now and on every change (hot-plug) */
  onScanners?(fn: (s: ScannersState) => void): () => void;
  /** read this scanner's (its key's) reports in this layout; 'auto': by its maker (optional: older shells lack it) */
  setScannerLayout?(key: string, layout: ScannerLayoutChoice): Promise<Result<null>>;
  readonly mode: 'electron';
}
