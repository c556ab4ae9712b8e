// The Electron shell, kept thin: lifecycle, one window, the zh-CN menu, the single-instance lock,
// the app:// protocol serving out/renderer, one IPC channel ('rpc') into the core, and two for paper
// ('print-pdf', 'save-pdf': a PDF the core rendered goes to the OS print dialog or a file). Everything
// the desk does lives in the core (electron/core), which the browser-mode server, the CLI and the
// tests call the same way. Started by scripts/start.mjs: `electron . [--db FILE] [--demo]`.
//
// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security):
//  1. Only load secure content ............ the window loads only app://desk/ (our files, from disk)
//  2. No Node.js integration for remote ... nodeIntegration false, also in workers and subframes
//  3. Context isolation ................... contextIsolation true; preload exposes window.desk only
//  4. Process sandboxing .................. sandbox true, and app.enableSandbox() for every renderer
//  5. Permission requests ................. session request + check handlers deny everything except
//                                           writing to the clipboard; device permissions denied
//  6. Do not disable webSecurity .......... webSecurity true
//  7. Content Security Policy ............. strict CSP header on every app:// response (security.ts)
//  8. allowRunningInsecureContent ......... false
//  9. Experimental features ............... off
// 10. enableBlinkFeatures ................. not used
// 11. <webview> allowpopups ............... webviewTag false
// 12. Verify webview options .............. will-attach-webview is always prevented
// 13. Disable or limit navigation ......... will-navigate / will-frame-navigate / will-redirect
//                                           refuse anything that is not app://desk/
// 14. Disable or limit new windows ........ setWindowOpenHandler denies every window.open / target
// 15. openExternal with untrusted content . never called with anything from the renderer (the menu
//                                           opens only our own data folder, via shell.openPath)
// 16. A current Electron .................. 45.5.0
// 17. Validate the sender of all IPC ...... 'rpc', 'print-pdf' and 'save-pdf' answer only the top
//                                           frame of an app://desk/ page; the envelope is checked
//                                           here (rpc/envelope.ts, the same as every door;
//                                           pdf-request.ts for the PDF), the input by the core
//     Printing ............................ the PDF is written to a temp folder and opened in its
//                                           own sandboxed window (no preload, no Node); that
//                                           window may load only that file and the built-in PDF
//                                           viewer; the file is deleted when the window closes
// 18. Avoid file:// ....................... custom privileged app:// scheme; traversal refused
// 19. Electron fuses ...................... not covered: there is no packaging step yet
// 20. Do not expose Electron APIs ......... preload exposes { call, printPdf, savePdf, mode } only

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Core } from './core';
import { findElectronNativeBinding } from './native';
import { openDesk } from './open';
import { parsePdfRequest, type PdfRequest } from './pdf-request';
import { callEnvelope, parseEnvelope } from './rpc/envelope';
import { APP_NAME, appDataDir, defaultDataDir, defaultDbPath } from './paths';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, SECURITY_HEADERS, isAppUrl, lookupStatic, mimeType } from './security';

const HERE = dirname(fileURLToPath(import.meta.url)); // out/main
const RENDERER_DIR = resolve(HERE, '..', 'renderer');
const PRELOAD = resolve(HERE, '..', 'preload', 'preload.cjs');
const TITLE = '办事处仓财台 Branch Desk';

interface ShellArgs {
  db: string;
  demo: boolean;
}

function parseArgs(argv: string[]): ShellArgs {
  const a: ShellArgs = { db: defaultDbPath(), demo: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--db' && argv[i + 1]) a.db = resolve(argv[++i]);
    else if (k.startsWith('--db=')) a.db = resolve(k.slice(5));
    else if (k === '--demo') a.demo = true;
  }
  return a;
}

// ---------------------------------------------------------------- before ready

// One name and one data folder for every door: the browser-mode server and the CLI compute the
// same folder from paths.ts. The single-instance lock lives in userData, so set it first.
app.setName(APP_NAME);
app.setPath('appData', appDataDir());
app.setPath('userData', defaultDataDir());
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another desk is already open on this machine: it gets focus (second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
  app.whenReady().then(ready, (e) => fatal(e));
}

// ---------------------------------------------------------------- ready

async function ready(): Promise<void> {
  const args = parseArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  denyPermissions();
  registerAppProtocol();
  registerRpc();
  registerPaper();
  Menu.setApplicationMenu(buildMenu(args.db));

  try {
    const desk = await openDesk({ dbPath: args.db, demo: args.demo, nativeBinding: findElectronNativeBinding(app.getAppPath()) });
    core = desk.core;
    console.log(`[desk] database: ${args.db}${desk.seeded ? ' (demo office loaded)' : ''}`);
  } catch (e) {
    return fatal(e, args.db);
  }
  createWindow();
}

function fatal(e: unknown, dbPath?: string): void {
  const message = e instanceof Error ? e.message : String(e);
  console.error('[desk] cannot start:', e);
  dialog.showErrorBox(
    '办事处仓财台无法启动 / Branch Desk cannot start',
    `${dbPath ? `数据库 / database: ${dbPath}\n\n` : ''}${message}`,
  );
  app.exit(3);
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: TITLE,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

// ---------------------------------------------------------------- lock-down

/** The print / preview windows, each with the one file:// PDF it may show. */
const paperWindows = new Map<WebContents, string>();
/** Chromium's built-in PDF viewer (an internal extension), which shows the PDF in a paper window. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

function mayGo(contents: WebContents, url: string): boolean {
  if (isAppUrl(url)) return true;
  const host = (contents as WebContents & { hostWebContents?: WebContents | null }).hostWebContents ?? null;
  const file = paperWindows.get(contents) ?? (host ? paperWindows.get(host) : undefined);
  return !!file && (url === file || url.startsWith(PDF_VIEWER));
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!mayGo(contents, event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayGo(contents, event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayGo(contents, event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function denyPermissions(): void {
  const ses = session.defaultSession;
  // Copying a slip number or a report to the clipboard is the one thing the page may do.
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  ses.setPermissionCheckHandler((_wc, permission) => permission === 'clipboard-sanitized-write');
  ses.setDevicePermissionHandler(() => false);
}

// ---------------------------------------------------------------- app:// protocol

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const deny = (status: number, text: string) =>
      new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return deny(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return deny(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return deny(405, 'Method not allowed');
    const found = lookupStatic(RENDERER_DIR, url.pathname);
    if (found.kind === 'refused') return deny(403, 'Forbidden');
    if (found.kind === 'not_found') return deny(404, 'Not found');
    const file = found.kind === 'file' ? found.file : join(RENDERER_DIR, 'index.html');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return deny(404, 'Not found');
    }
  });
}

// ---------------------------------------------------------------- the one IPC channel

function refusal(code: string, zh: string, en: string) {
  return { ok: false as const, error: { code, message_zh: zh, message_en: en, details: {} } };
}

/** Only the top frame of the desk's own page may use the IPC channels. */
function fromDeskPage(event: { senderFrame?: { url: string; parent: unknown } | null }): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

function registerRpc(): void {
  ipcMain.handle('rpc', async (event, req: unknown) => {
    if (!fromDeskPage(event))
      return refusal('forbidden_sender', '拒绝来自未知页面的请求', 'Request refused: it does not come from the desk’s own page');
    if (!core) return refusal('not_ready', '数据库尚未打开', 'The database is not open yet');
    const parsed = parseEnvelope(req);
    if (!parsed.ok) return { ok: false as const, error: parsed.error };
    return callEnvelope(core, parsed.envelope);
  });
}

// ---------------------------------------------------------------- paper: print and save a PDF

const SENDER_REFUSED = ['forbidden_sender', '拒绝来自未知页面的请求', 'Request refused: it does not come from the desk’s own page'] as const;
const NOT_A_PDF = ['bad_request', '打印内容不是有效的 PDF', 'What was sent to print is not a PDF'] as const;

function registerPaper(): void {
  ipcMain.handle('print-pdf', async (event, req: unknown) => {
    if (!fromDeskPage(event)) return refusal(...SENDER_REFUSED);
    return printPdf(req);
  });
  ipcMain.handle('save-pdf', async (event, req: unknown) => {
    if (!fromDeskPage(event)) return refusal(...SENDER_REFUSED);
    return savePdf(req);
  });
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The OS print dialog (printer, copies, pages) for a PDF the core rendered; or, with preview, a
 * window showing it. Hidden, sandboxed, no preload; the temp file goes when the window does.
 */
async function printPdf(req: unknown) {
  const p = parsePdfRequest(req);
  if ('error' in p) return refusal(...NOT_A_PDF);
  const dir = await mkdtemp(join(app.getPath('temp'), 'branch-desk-print-'));
  const file = join(dir, p.fileName);
  await writeFile(file, p.bytes);
  const url = pathToFileURL(file).href;
  const win = paperWindow(p);
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
function paperWindow(p: PdfRequest): BrowserWindow {
  return new BrowserWindow({
    show: p.preview,
    width: p.landscape ? 1100 : 820,
    height: 900,
    title: p.fileName,
    parent: mainWindow ?? undefined,
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

/** Lets the window show only `url` (see mayGo); returns the cleanup (once): window and temp folder gone. */
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
    contents.print({ silent: false, printBackground: true, pageSize: p.pageSize, landscape: p.landscape }, (success, reason) =>
      resolve({ success, reason: success ? null : reason || null }),
    ),
  );
}

/** 另存为 PDF: the user picks where. */
async function savePdf(req: unknown) {
  const p = parsePdfRequest(req);
  if ('error' in p) return refusal(...NOT_A_PDF);
  const options = {
    title: '保存 PDF / Save PDF',
    defaultPath: join(app.getPath('documents'), p.fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { ok: true as const, value: { saved: null } };
  try {
    await writeFile(r.filePath, p.bytes);
  } catch (e) {
    return refusal('save_failed', `保存失败: ${errorText(e)}`, `Could not save: ${errorText(e)}`);
  }
  return { ok: true as const, value: { saved: r.filePath } };
}

// ---------------------------------------------------------------- menu (zh-CN)

function buildMenu(dbPath: string): Menu {
  const isMac = process.platform === 'darwin';
  const about = (): void => aboutDialog(dbPath);
  return Menu.buildFromTemplate([
    ...(isMac ? [macAppMenu(about)] : []),
    {
      label: '文件(&F)',
      submenu: [
        { label: '打开数据文件夹 (Open data folder)', click: () => void shell.openPath(dirname(dbPath)) },
        { type: 'separator' },
        isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出 (Quit)' },
      ],
    },
    EDIT_MENU,
    viewMenu(),
    {
      label: '帮助(&H)',
      role: 'help',
      submenu: [{ label: '关于 办事处仓财台 (About)', click: about }],
    },
  ]);
}

function aboutDialog(dbPath: string): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于 办事处仓财台',
    message: `办事处仓财台 Branch Desk ${app.getVersion()}`,
    detail: `办事处仓库与财务台账 / Warehouse and finance desk for a branch sales office\n\n数据库 / Database:\n${dbPath}`,
    buttons: ['确定'],
  });
}

/** macOS: the application menu (about, hide, quit). */
function macAppMenu(about: () => void): MenuItemConstructorOptions {
  return {
    label: '办事处仓财台',
    submenu: [
      { label: '关于 办事处仓财台', click: about },
      { type: 'separator' },
      { role: 'hide', label: '隐藏 办事处仓财台' },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      { type: 'separator' },
      { role: 'quit', label: '退出 办事处仓财台' },
    ],
  };
}

const EDIT_MENU: MenuItemConstructorOptions = {
  label: '编辑(&E)',
  submenu: [
    { role: 'undo', label: '撤销' },
    { role: 'redo', label: '重做' },
    { type: 'separator' },
    { role: 'cut', label: '剪切' },
    { role: 'copy', label: '复制' },
    { role: 'paste', label: '粘贴' },
    { role: 'selectAll', label: '全选' },
  ],
};

/** Reload, zoom, full screen; the developer tools only when not packaged. */
function viewMenu(): MenuItemConstructorOptions {
  return {
    label: '视图(&V)',
    submenu: [
      { role: 'reload', label: '重新加载' },
      { type: 'separator' },
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
      ...(app.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools', label: '开发者工具' } as const]),
    ],
  };
}
