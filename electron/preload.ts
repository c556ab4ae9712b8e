// The preload bridge: the only thing the (sandboxed, context-isolated) renderer gets from the
// shell is window.desk = { call, printPdf, savePdf, mode }. `call` sends { method, input, meta }
// over the 'rpc' channel; printPdf / savePdf hand a PDF the core rendered to the OS print dialog or
// a save dialog. The main process checks the sender and the core checks everything else. Built as
// CommonJS (out/preload/preload.cjs), because sandboxed preloads cannot be ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import type { CallMeta, Result } from '../shared/contract';

export interface DeskBridge {
  call(method: string, input?: unknown, meta?: CallMeta): Promise<Result<unknown>>;
  /** the OS print dialog for a PDF (or, with preview, a window showing it) */
  printPdf(req: PdfPaper & { preview?: boolean }): Promise<Result<{ printed: boolean; shown: boolean; reason: string | null }>>;
  /** 另存为: a save dialog, then the PDF is written there (saved: null when cancelled) */
  savePdf(req: { base64: string; fileName: string }): Promise<Result<{ saved: string | null }>>;
  readonly mode: 'electron';
}

export interface PdfPaper {
  base64: string;
  fileName: string;
  pageSize: 'A4' | 'A5';
  landscape: boolean;
}

const desk: DeskBridge = {
  call: (method, input, meta) =>
    ipcRenderer.invoke('rpc', {
      method,
      input,
      meta: meta ? { token: meta.sessionToken, requestId: meta.requestId } : {},
    }) as Promise<Result<unknown>>,
  printPdf: (req) =>
    ipcRenderer.invoke('print-pdf', {
      base64: req.base64,
      fileName: req.fileName,
      pageSize: req.pageSize,
      landscape: req.landscape,
      preview: req.preview === true,
    }) as Promise<Result<{ printed: boolean; shown: boolean; reason: string | null }>>,
  savePdf: (req) => ipcRenderer.invoke('save-pdf', { base64: req.base64, fileName: req.fileName }) as Promise<Result<{ saved: string | null }>>,
  mode: 'electron',
};

contextBridge.exposeInMainWorld('desk', desk);
