// The preload bridge: the only thing the (sandboxed, context-isolated) renderer gets from the
// shell is window.desk = { call, printPdf, savePdf, saveXlsx, saveKeyFile, listPrinters, chooseFolder, onScan, onScanners, setScannerLayout, mode } (its type:
// shared/bridge.ts). `call` sends the rpc envelope { method, input, sessionToken, requestId }
// (electron/rpc/envelope.ts) over the 'rpc' channel; printPdf / savePdf hand a PDF the core rendered
// to the OS print dialog or a save dialog, saveXlsx an exported sheet to a save dialog; listPrinters
// names the system's printers (the setup's default printer); chooseFolder the OS folder picker (the backup folder). The main process checks the sender and
// the core checks everything else. Built as CommonJS (out/preload/preload.cjs), because sandboxed
// preloads cannot be ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge, HidScan, PrintOutcome, ScannersState, SystemPrinter } from '../shared/bridge';
import type { Result } from '../shared/contract';

/** Only messages of the shape the renderer expects reach it (only the main process sends on these channels); anything else is dropped. */
const isScan = (s: unknown): s is HidScan => {
  const x = s as HidScan | null;
  return !!x && typeof x.code === 'string' && x.code.length > 0 && x.code.length <= 4096 && x.source === 'hid' && typeof x.device === 'string';
};
const isScanners = (s: unknown): s is ScannersState => !!s && typeof s === 'object' && Array.isArray((s as ScannersState).scanners);

/** Subscribe to a push channel from the main process; returns the unsubscribe. */
function listen<T>(channel: string, ok: (v: unknown) => v is T, fn: (v: T) => void): () => void {
  const l = (_e: unknown, v: unknown) => {
    if (ok(v)) fn(v);
  };
  ipcRenderer.on(channel, l);
  return () => void ipcRenderer.removeListener(channel, l);
}

const desk: DeskBridge = {
  call: (method, input, meta) =>
    ipcRenderer.invoke('rpc', {
      method,
      input,
      sessionToken: meta?.sessionToken ?? null,
      requestId: meta?.requestId ?? null,
    }) as Promise<Result<unknown>>,
  printPdf: (req) =>
    ipcRenderer.invoke('print-pdf', {
      base64: req.base64,
      fileName: req.fileName,
      pageSize: req.pageSize,
      landscape: req.landscape,
      preview: req.preview === true,
    }) as Promise<Result<PrintOutcome>>,
  savePdf: (req) => ipcRenderer.invoke('save-pdf', { base64: req.base64, fileName: req.fileName }) as Promise<Result<{ saved: string | null }>>,
  saveXlsx: (req) => ipcRenderer.invoke('save-xlsx', { base64: req.base64, fileName: req.fileName }) as Promise<Result<{ saved: string | null }>>,
  saveKeyFile: (req) => ipcRenderer.invoke('save-keyfile', { text: req.text, fileName: req.fileName }) as Promise<Result<{ saved: string | null }>>,
  listPrinters: () => ipcRenderer.invoke('list-printers') as Promise<Result<{ printers: SystemPrinter[] }>>,
  chooseFolder: () => ipcRenderer.invoke('choose-folder') as Promise<Result<{ folder: string | null }>>,
  onScan: (fn) => listen('hid-scan', isScan, fn),
  setScannerLayout: (key, layout) => ipcRenderer.invoke('scanner-layout', { key, layout }) as Promise<Result<null>>,
  onScanners: (fn) => {
    void (ipcRenderer.invoke('scanners') as Promise<Result<ScannersState>>).then((r) => r.ok && isScanners(r.value) && fn(r.value));
    return listen('scanners', isScanners, fn);
  },
  mode: 'electron',
};

contextBridge.exposeInMainWorld('desk', desk);
