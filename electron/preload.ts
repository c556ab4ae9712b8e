// The preload bridge: the only thing the (sandboxed, context-isolated) renderer gets from the
// shell is window.desk = { call, printPdf, savePdf, saveXlsx, saveKeyFile, listPrinters, chooseFolder, mode } (its type:
// shared/bridge.ts). `call` sends the rpc envelope { method, input, sessionToken, requestId }
// (electron/rpc/envelope.ts) over the 'rpc' channel; printPdf / savePdf hand a PDF the core rendered
// to the OS print dialog or a save dialog, saveXlsx an exported sheet to a save dialog; listPrinters
// names the system's printers (the setup's default printer); chooseFolder the OS folder picker (the backup folder). The main process checks the sender and
// the core checks everything else. Built as CommonJS (out/preload/preload.cjs), because sandboxed
// preloads cannot be ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge, PrintOutcome, SystemPrinter } from '../shared/bridge';
import type { Result } from '../shared/contract';

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
  mode: 'electron',
};

contextBridge.exposeInMainWorld('desk', desk);
