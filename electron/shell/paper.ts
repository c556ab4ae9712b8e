// Paper (checklist item 17, "Printing", in main.ts): 'print-pdf' and 'save-pdf' take a PDF the core
// rendered (checked by pdf-request.ts) to the OS print dialog, a preview window or a file the user
// picks; 'save-xlsx' an exported sheet (xlsx-request.ts) to a file the user picks; 'list-printers'
// names the system's printers. The PDF is written to a temp folder and opened in its own hidden,
// sandboxed window (no preload, no Node) that may show only that file and the built-in PDF viewer
// (lockdown.ts asks paperFileOf); the file is deleted when the window closes.

import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePdfRequest, type PdfRequest } from '../pdf-request';
import { parseKeyFileRequest, parseXlsxRequest } from '../xlsx-request';
import { handleFromDesk, refusal } from './ipc';

/** The window paper windows and dialogs belong to (the desk's main window, once open). */
type ParentWindow = () => BrowserWindow | null;

/** The print / preview windows, each with the one file:// PDF it may show. */
const paperWindows = new Map<WebContents, string>();

/** The PDF `contents` may show, if it is a paper window's. */
export const paperFileOf = (contents: WebContents): string | undefined => paperWindows.get(contents);

const NOT_A_PDF = ['bad_request', '打印内容不是有效的 PDF', 'What was sent to print is not a PDF'] as const;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function registerPaper(parent: ParentWindow): void {
  handleFromDesk('print-pdf', (req) => printPdf(req, parent));
  handleFromDesk('save-pdf', (req) => savePdf(req, parent));
  handleFromDesk('list-printers', () => listPrinters(parent));
  handleFromDesk('save-xlsx', (req) => saveXlsx(req, parent));
  handleFromDesk('save-keyfile', (req) => saveKeyFile(req, parent));
}

/** The system's printers as the desk's window sees them (names only: the setup's default printer). */
async function listPrinters(parent: ParentWindow) {
  const owner = parent();
  if (!owner) return refusal('not_ready', '窗口尚未打开', 'The window is not open yet');
  try {
    const printers = await owner.webContents.getPrintersAsync();
    return { ok: true as const, value: { printers: printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name })) } };
  } catch (e) {
    return refusal('print_failed', `无法列出打印机: ${errorText(e)}`, `Could not list the printers: ${errorText(e)}`);
  }
}

/**
 * The OS print dialog (printer, copies, pages) for a PDF the core rendered; or, with preview, a
 * window showing it. Hidden, sandboxed, no preload; the temp file goes when the window does.
 */
async function printPdf(req: unknown, parent: ParentWindow) {
  const p = parsePdfRequest(req);
  if ('error' in p) return refusal(...NOT_A_PDF);
  const dir = await mkdtemp(join(app.getPath('temp'), 'branch-desk-print-'));
  const file = join(dir, p.fileName);
  await writeFile(file, p.bytes);
  const url = pathToFileURL(file).href;
  const win = paperWindow(p, parent());
  const cleanup = keepPaperWindow(win, url, dir);
  try {
    await win.loadURL(url);
    if (p.preview) return { ok: true as const, value: { printed: false, shown: true, reason: null } };
    const done = await printShown(win.webContents, p);
    return { ok: true as const, value: { printed: done.success, shown: false, reason: done.reason } };
  } catch (e) {
    cleanup();
    return refusal('print_failed', `打印失败: ${errorText(e)}`, `Printing failed: ${errorText(e)}`);
  } finally {
    if (!p.preview) cleanup();
  }
}

/** The window a PDF is shown or printed from: sandboxed, no preload, the built-in PDF viewer only. */
function paperWindow(p: PdfRequest, parent: BrowserWindow | null): BrowserWindow {
  return new BrowserWindow({
    show: p.preview,
    width: p.landscape ? 1100 : 820,
    height: 900,
    title: p.fileName,
    parent: parent ?? undefined,
    backgroundColor: '#ffffff',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: true, // the built-in PDF viewer
      devTools: false,
    },
  });
}

/** Lets the window show only `url` (see lockdown.ts); returns the cleanup (once): window and temp folder gone. */
function keepPaperWindow(win: BrowserWindow, url: string, dir: string): () => void {
  const contents = win.webContents;
  paperWindows.set(contents, url);
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    paperWindows.delete(contents);
    if (!win.isDestroyed()) win.destroy();
    void rm(dir, { recursive: true, force: true });
  };
  win.on('closed', cleanup);
  return cleanup;
}

/** The print dialog for the PDF a paper window has loaded. */
async function printShown(contents: WebContents, p: PdfRequest): Promise<{ success: boolean; reason: string | null }> {
  // the viewer lays the pages out after the load event
  await new Promise((r) => setTimeout(r, 600));
  return new Promise((resolve) =>
    contents.print(
      { silent: false, printBackground: true, pageSize: p.pageSize, landscape: p.landscape, ...(p.deviceName ? { deviceName: p.deviceName } : {}) },
      (success, reason) => resolve({ success, reason: success ? null : reason || null }),
    ),
  );
}

/** 另存为: a save dialog (the user picks where), then the bytes written there; saved: null when cancelled. */
async function saveAs(parent: ParentWindow, bytes: Buffer, fileName: string, kind: { title: string; name: string; ext: string }) {
  const options = { title: kind.title, defaultPath: join(app.getPath('documents'), fileName), filters: [{ name: kind.name, extensions: [kind.ext] }] };
  const owner = parent();
  const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { ok: true as const, value: { saved: null } };
  try {
    await writeFile(r.filePath, bytes);
  } catch (e) {
    return refusal('save_failed', `保存失败: ${errorText(e)}`, `Could not save: ${errorText(e)}`);
  }
  return { ok: true as const, value: { saved: r.filePath } };
}

/** 另存为 PDF. */
async function savePdf(req: unknown, parent: ParentWindow) {
  const p = parsePdfRequest(req);
  if ('error' in p) return refusal(...NOT_A_PDF);
  return saveAs(parent, p.bytes, p.fileName, { title: '保存 PDF / Save PDF', name: 'PDF', ext: 'pdf' });
}

const NOT_AN_XLSX = ['bad_request', '要保存的内容不是有效的 Excel 文件', 'What was sent to save is not an Excel file'] as const;

/** 导出 Excel: an XLSX the core wrote, saved where the user picks. */
async function saveXlsx(req: unknown, parent: ParentWindow) {
  const x = parseXlsxRequest(req);
  if ('error' in x) return refusal(...NOT_AN_XLSX);
  return saveAs(parent, x.bytes, x.fileName, { title: '导出 Excel / Export Excel', name: 'Excel', ext: 'xlsx' });
}

const NOT_A_KEY_FILE = ['bad_request', '要保存的内容不是密钥备份', 'What was sent to save is not a key backup'] as const;

/** 导出密钥备份: the sealed key backup (office.exportKeys) to a file the user picks. */
async function saveKeyFile(req: unknown, parent: ParentWindow) {
  const k = parseKeyFileRequest(req);
  if ('error' in k) return refusal(...NOT_A_KEY_FILE);
  return saveAs(parent, k.bytes, k.fileName, { title: '保存密钥备份 / Save key backup', name: 'Branch Desk key backup', ext: 'deskkey' });
}
