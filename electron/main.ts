// The Electron shell's entry, kept thin: the arguments, the lifecycle, the single-instance lock and
// the one window, wiring the parts in shell/: lockdown.ts (navigation, new windows, permissions),
// protocol.ts (app:// serving out/renderer), ipc.ts (the sender check; 'rpc', the one channel into
// the core), paper.ts ('print-pdf', 'save-pdf': a PDF the core rendered goes to the OS print dialog
// or a file) and menu.ts (zh-CN). Everything the desk does lives in the core (electron/core), which
// the browser-mode server, the CLI and the tests call the same way. Started by scripts/start.mjs:
// `electron . [--db FILE] [--demo]`.
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
// 17. Validate the sender of all IPC ...... 'rpc', the paper channels, 'scanners' and 'choose-folder' answer only the top
//                                           frame of an app://desk/ page (ipc.ts); the envelope is
//                                           checked (rpc/envelope.ts, the same as every door;
//                                           pdf-request.ts for the PDF), the input by the core
//     Printing ............................ the PDF is written to a temp folder and opened in its
//                                           own sandboxed window (no preload, no Node); that
//                                           window may load only that file and the built-in PDF
//                                           viewer; the file is deleted when the window closes
// 18. Avoid file:// ....................... custom privileged app:// scheme; traversal refused
// 19. Electron fuses ...................... not covered: there is no packaging step yet
// 20. Do not expose Electron APIs ......... preload exposes { call, printPdf, savePdf, saveXlsx,
//                                           saveKeyFile, listPrinters, chooseFolder, onScan,
//                                           onScanners, setScannerLayout, mode } only; 'hid-scan' goes only to the
//                                           focused desk window, its shape checked in the preload
//     Secrets at rest ..................... the office's private key and PIN secret are not in the
//                                           database: a file beside it, wrapped by safeStorage where
//                                           the OS has a keychain (shell/secrets.ts, store/vault.ts)

import { app, BrowserWindow, dialog, Menu } from 'electron';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from './core';
import { findElectronNativeBinding } from './native';
import { openDesk } from './open';
import { APP_NAME, appDataDir, defaultDataDir, defaultDbPath } from './paths';
import { APP_ORIGIN } from './security';
import { registerRpc } from './shell/ipc';
import { denyPermissions, lockDown } from './shell/lockdown';
import { buildMenu } from './shell/menu';
import { paperFileOf, registerPaper } from './shell/paper';
import { registerFolderPicker } from './shell/folder';
import { registerScanners } from './shell/scanners';
import { ScannerHub } from './devices/hid/scanners';
import { nodeHidTransport } from './devices/hid/transport';
import { registerAppProtocol, registerAppScheme } from './shell/protocol';
import { keychainWrapper } from './shell/secrets';

const HERE = dirname(fileURLToPath(import.meta.url)); // out/main
const RENDERER_DIR = resolve(HERE, '..', 'renderer');
const PRELOAD = resolve(HERE, '..', 'preload', 'preload.cjs');
const TITLE = '办事处仓财台 Branch Desk';

interface ShellArgs {
  db: string;
  demo: boolean;
  /** `--dev`: the developer tools (window and 视图 menu). Never on otherwise, packaged or not. */
  dev: boolean;
}

function parseArgs(argv: string[]): ShellArgs {
  const a: ShellArgs = { db: defaultDbPath(), demo: false, dev: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--db' && argv[i + 1]) a.db = resolve(argv[++i]);
    else if (k.startsWith('--db=')) a.db = resolve(k.slice(5));
    else if (k === '--demo') a.demo = true;
    else if (k === '--dev') a.dev = true;
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
registerAppScheme();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
/** HID-POS scanners (node-hid), polled every 2 s while the desk is open */
let scanners: ScannerHub | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another desk is already open on this machine: it gets focus (second-instance below).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => lockDown(contents, paperFileOf));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    scanners?.close();
    scanners = null;
    core?.close();
    core = null;
  });
  app.whenReady().then(ready, (e) => fatal(e));
}

// ---------------------------------------------------------------- ready

async function ready(): Promise<void> {
  const args = parseArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  denyPermissions();
  registerAppProtocol(RENDERER_DIR);
  registerRpc(() => core);
  registerPaper(() => mainWindow);
  registerFolderPicker(() => mainWindow);
  scanners = new ScannerHub(nodeHidTransport()).start();
  registerScanners(scanners, () => mainWindow);
  Menu.setApplicationMenu(buildMenu(args.db, { devTools: args.dev }));

  try {
    const desk = await openDesk({
      dbPath: args.db,
      demo: args.demo,
      nativeBinding: findElectronNativeBinding(app.getAppPath()),
      secretWrapper: keychainWrapper(),
    });
    core = desk.core;
    console.log(`[desk] database: ${args.db}${desk.seeded ? ' (demo office loaded)' : ''}`);
  } catch (e) {
    return fatal(e, args.db);
  }
  createWindow(args.dev);
}

function fatal(e: unknown, dbPath?: string): void {
  const message = e instanceof Error ? e.message : String(e);
  console.error('[desk] cannot start:', e);
  dialog.showErrorBox('办事处仓财台无法启动 / Branch Desk cannot start', `${dbPath ? `数据库 / database: ${dbPath}\n\n` : ''}${message}`);
  app.exit(3);
}

function createWindow(devTools: boolean): void {
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
      devTools,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}
