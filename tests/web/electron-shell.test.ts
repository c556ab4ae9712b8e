// The Electron shell's own logic (electron/main.ts and its parts in electron/shell/), run in plain
// Node against a stand-in for the `electron` module: the Electron binary is not needed (and must
// never be loaded by tests; the real module would try to download it). Checks what the shell
// promises: window preferences, the app:// protocol (CSP, traversal, foreign hosts), the IPC sender
// check, navigation/window/permission lock-down, that 'rpc' reaches the real core on a temp
// database, and the paper channels ('print-pdf', 'save-pdf', 'save-xlsx'): sender check, PDF / XLSX
// check, hidden print window, temp file gone; 'list-printers': the system's printers by name.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sheetXlsx } from '../../electron/domains/export/xlsx';

type Fn = (...args: any[]) => any;

const h = vi.hoisted(() => {
  const state = {
    appEvents: new Map<string, Fn>(),
    paths: new Map<string, string>(),
    name: '',
    sandboxed: false,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, Fn>(),
    ipc: new Map<string, Fn>(),
    permissionRequest: null as Fn | null,
    permissionCheck: null as Fn | null,
    devicePermission: null as Fn | null,
    windows: [] as { options: any; url: string | null }[],
    menu: null as unknown,
    errors: [] as string[],
    exitCode: null as number | null,
    windowReady: null as null | (() => void),
    prints: [] as { options: any; file: string; existed: boolean }[],
    printAnswer: { success: true, reason: '' },
    saveDialog: { canceled: false, filePath: '' as string | undefined },
    saveDialogs: [] as any[],
    printers: [
      { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', description: '', options: {} },
      { name: 'HP_LaserJet', displayName: '', description: '', options: {} },
    ],
  };
  return state;
});

vi.mock('electron', () => {
  const fs = require('node:fs') as typeof import('node:fs');

  const { fileURLToPath } = require('node:url') as typeof import('node:url');
  class BrowserWindow {
    url: string | null = null;
    destroyed = false;
    private events = new Map<string, Fn>();
    webContents = {
      print: (options: unknown, cb: (ok: boolean, reason: string) => void) => {
        const file = this.url ? fileURLToPath(this.url) : '';
        h.prints.push({ options, file, existed: !!file && fs.existsSync(file) });
        cb(h.printAnswer.success, h.printAnswer.reason);
      },
      getPrintersAsync: () => Promise.resolve(h.printers),
    };
    constructor(public options: unknown) {
      h.windows.push(this as never);
      h.windowReady?.();
    }
    once() {}
    on(ev: string, fn: Fn) {
      this.events.set(ev, fn);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.events.get('closed')?.();
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  return {
    app: {
      isPackaged: false,
      setName: (n: string) => (h.name = n),
      setPath: (k: string, v: string) => h.paths.set(k, v),
      enableSandbox: () => (h.sandboxed = true),
      requestSingleInstanceLock: () => true,
      on: (ev: string, fn: Fn) => h.appEvents.set(ev, fn),
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: (code: number) => (h.exitCode = code),
      getAppPath: () => process.cwd(),
      getPath: (k: string) => (k === 'temp' || k === 'documents' ? require('node:os').tmpdir() : ''),
      getVersion: () => '0.0.0-test',
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.schemes.push(...s),
      handle: (scheme: string, fn: Fn) => h.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => (h.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (h.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Fn) => (h.devicePermission = fn),
      },
    },
    ipcMain: { handle: (ch: string, fn: Fn) => h.ipc.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: (m: unknown) => (h.menu = m) },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, body: string) => h.errors.push(`${title}: ${body}`),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showSaveDialog: (...args: any[]) => {
        h.saveDialogs.push(args[args.length - 1]);
        return Promise.resolve(h.saveDialog);
      },
      showOpenDialog: (...args: any[]) => {
        h.saveDialogs.push(args[args.length - 1]);
        return Promise.resolve({ canceled: false, filePaths: ['/media/usb/备份'] });
      },
    },
    shell: { openPath: () => Promise.resolve('') },
    // the OS keychain: a reversible stand-in that leaves no readable text
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(`kc:${Buffer.from(plain).toString('hex')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice(3), 'hex').toString(),
    },
  };
});

let dir: string;
const argv = process.argv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-shell-'));
  process.argv = [argv[0], 'electron-main', '--db', join(dir, 'office.sqlite'), '--demo'];
  const windowOpen = new Promise<void>((resolve) => (h.windowReady = resolve));
  await import('../../electron/main');
  await Promise.race([windowOpen, new Promise((_, reject) => setTimeout(() => reject(new Error(`no window; errors: ${h.errors.join(' | ')}`)), 30_000))]);
});

afterAll(() => {
  process.argv = argv;
  h.appEvents.get('will-quit')?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ipcEvent = (url: string | null, parent: unknown = null) => ({ senderFrame: url === null ? null : { url, parent } });

describe('Electron shell (electron/main.ts, electron/shell/)', () => {
  it('sets the app name and the same data folder browser mode uses; sandbox for all', async () => {
    const { defaultDataDir } = await import('../../electron/paths');
    expect(h.name).toBe('Branch Desk');
    expect(h.paths.get('userData')).toBe(defaultDataDir());
    expect(h.sandboxed).toBe(true);
    expect(h.exitCode).toBeNull();
    expect(h.errors).toEqual([]);
  });

  it("wraps the office's secrets file with the OS keychain (safeStorage); the database holds no private key", async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, 'office-secrets.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'branch-desk-secrets/1', wrappedBy: 'safeStorage' });
    expect(text).not.toContain('PRIVATE KEY');
    const rpc = h.ipc.get('rpc')!;
    const status = await rpc(ipcEvent('app://desk/index.html'), { method: 'office.keyStatus', input: {} });
    expect(status.value).toMatchObject({ canSign: true, pinSecretHere: true, keptBy: 'safeStorage' });
  });

  it('registers app:// as a standard, secure scheme', () => {
    expect(h.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('opens one window, locked down, on app://desk/', () => {
    expect(h.windows).toHaveLength(1);
    const w = h.windows[0];
    expect(w.url).toBe('app://desk/index.html');
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(w.options.webPreferences.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(h.menu).toBeTruthy();
    const labels = (h.menu as { template: { label: string }[] }).template.map((m) => m.label).join(' ');
    for (const l of ['文件', '编辑', '视图', '帮助']) expect(labels).toContain(l);
  });

  it('keeps the developer tools shut unless started with --dev (packaged or not)', async () => {
    const roles = (menu: unknown) => JSON.stringify((menu as { template: unknown }).template);
    expect(h.windows[0].options.webPreferences.devTools).toBe(false);
    expect(roles(h.menu)).not.toContain('toggleDevTools');
    const { buildMenu } = await import('../../electron/shell/menu');
    expect(roles(buildMenu(join(dir, 'office.sqlite'), { devTools: true }))).toContain('toggleDevTools');
  });

  it('serves index.html over app:// with the CSP, and refuses traversal and foreign hosts', async () => {
    const handle = h.protocolHandlers.get('app')!;
    const index = (await handle(new Request('app://desk/index.html'))) as Response;
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    const screen = (await handle(new Request('app://desk/slips/12'))) as Response;
    expect(screen.status).toBe(200);
    expect(((await handle(new Request('app://desk/%2e%2e%2f%2e%2e%2fpackage.json'))) as Response).status).toBe(403);
    expect(((await handle(new Request('app://desk/..%5c..%5cpackage.json'))) as Response).status).toBe(403);
    expect(((await handle(new Request('app://desk/nope.js'))) as Response).status).toBe(404);
    expect(((await handle(new Request('app://other/index.html'))) as Response).status).toBe(404);
    expect(((await handle(new Request('app://desk/index.html', { method: 'POST', body: 'x' }))) as Response).status).toBe(405);
  });

  it('answers rpc only for the top frame of an app://desk/ page', async () => {
    const rpc = h.ipc.get('rpc')!;
    expect([...h.ipc.keys()]).toEqual([
      'rpc',
      'print-pdf',
      'save-pdf',
      'list-printers',
      'save-xlsx',
      'save-keyfile',
      'choose-folder',
      'scanners',
      'scanner-layout',
    ]);
    const req = { method: 'office.get', input: {} };
    for (const ev of [ipcEvent(null), ipcEvent('https://evil.example/'), ipcEvent('file:///tmp/x.html'), ipcEvent('app://desk/', { url: 'app://desk/' })]) {
      const r = await rpc(ev, req);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    const ok = await rpc(ipcEvent('app://desk/index.html'), req);
    expect(ok).toMatchObject({ ok: true, value: { initialised: true } });
  });

  it('answers the scanners’ state only to the desk’s page (node-hid runs here and finds none)', async () => {
    const scanners = h.ipc.get('scanners')!;
    expect(await scanners(ipcEvent('https://evil.example/'), null)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await scanners(ipcEvent('app://desk/index.html'), null)).toEqual({ ok: true, value: { available: true, problem: null, scanners: [] } });
  });

  it('takes a scanner’s report layout from the desk’s page only, and only a layout', async () => {
    const layout = h.ipc.get('scanner-layout')!;
    const desk = ipcEvent('app://desk/index.html');
    expect(await layout(ipcEvent('https://evil.example/'), { key: 'k', layout: 'newland' })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await layout(desk, { key: 'k', layout: 'zebra' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await layout(desk, null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await layout(desk, { key: 'k', layout: 'newland' })).toEqual({ ok: true, value: null });
  });

  it('forwards the rpc envelope to the core (log in, then a write)', async () => {
    const rpc = h.ipc.get('rpc')!;
    const ev = ipcEvent('app://desk/index.html');
    const login = await rpc(ev, { method: 'auth.login', input: { user: '张伟', pin: '1111' }, sessionToken: null, requestId: null });
    expect(login.ok).toBe(true);
    const sessionToken = login.value.sessionToken;
    const created = await rpc(ev, { method: 'customers.create', input: { code: 'IPC-1', name: '桌面端客户' }, sessionToken, requestId: 'ipc-1' });
    expect(created).toMatchObject({ ok: true, value: { code: 'IPC-1' } });
    expect(await rpc(ev, { method: 'customers.create', input: { code: 'IPC-1', name: '桌面端客户' }, sessionToken, requestId: 'ipc-1' })).toEqual(created);
    expect(await rpc(ev, { method: 'no.such', input: {}, sessionToken })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await rpc(ev, { method: 'customers.create', input: { code: 'X', name: 'X' } })).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    // malformed envelopes get the same refusals as from POST /rpc and `desk rpc` (tests/doors)
    expect(await rpc(ev, 'garbage')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await rpc(ev, { method: 'customers.create', input: {}, sessionToken: 42 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', details: { field: 'sessionToken' } },
    });
    // the shape before the one envelope: refused by name, not run without a session
    expect(await rpc(ev, { method: 'auth.whoami', input: {}, meta: { token: sessionToken } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', details: { field: 'meta' } },
    });
  });

  it('denies navigation away, new windows, webviews and permission requests', () => {
    const listeners = new Map<string, Fn>();
    let openHandler: Fn | null = null;
    const contents = { on: (ev: string, fn: Fn) => listeners.set(ev, fn), setWindowOpenHandler: (fn: Fn) => (openHandler = fn) };
    h.appEvents.get('web-contents-created')!({}, contents);
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      listeners.get(ev)!(away);
      expect(away.preventDefault, ev).toHaveBeenCalled();
      const home = { url: 'app://desk/slips', preventDefault: vi.fn() };
      listeners.get(ev)!(home);
      expect(home.preventDefault, ev).not.toHaveBeenCalled();
    }
    const wv = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(wv);
    expect(wv.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });

    for (const p of ['media', 'geolocation', 'notifications', 'hid', 'openExternal']) {
      const cb = vi.fn();
      h.permissionRequest!({}, p, cb, {});
      expect(cb, p).toHaveBeenCalledWith(false);
      expect(h.permissionCheck!(null, p, 'app://desk', {}), p).toBe(false);
    }
    expect(h.devicePermission!({})).toBe(false);
  });

  const PDF = Buffer.from('%PDF-1.4\n% test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

  it('print-pdf and save-pdf answer only the top frame of an app://desk/ page', async () => {
    for (const ch of ['print-pdf', 'save-pdf']) {
      const handler = h.ipc.get(ch)!;
      for (const ev of [ipcEvent(null), ipcEvent('https://evil.example/'), ipcEvent('file:///tmp/x.html'), ipcEvent('app://desk/', { url: 'app://desk/' })]) {
        const r = await handler(ev, { base64: PDF, fileName: 'x.pdf', pageSize: 'A4', landscape: false });
        expect(r, ch).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      }
    }
    expect(h.prints).toEqual([]);
    expect(h.saveDialogs).toEqual([]);
  });

  it('list-printers names the system printers (the display name, else the system name), for the desk page only', async () => {
    const list = h.ipc.get('list-printers')!;
    expect(await list(ipcEvent('https://evil.example/'))).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await list(ipcEvent('app://desk/setup/printer'))).toEqual({
      ok: true,
      value: {
        printers: [
          { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K' },
          { name: 'HP_LaserJet', displayName: 'HP_LaserJet' },
        ],
      },
    });
  });

  it('choose-folder opens the OS folder picker for the desk page only and answers the folder chosen', async () => {
    const choose = h.ipc.get('choose-folder')!;
    h.saveDialogs.length = 0;
    expect(await choose(ipcEvent('https://evil.example/'))).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(h.saveDialogs).toEqual([]);
    expect(await choose(ipcEvent('app://desk/backups'))).toEqual({ ok: true, value: { folder: '/media/usb/备份' } });
    expect(h.saveDialogs[0].properties).toContain('openDirectory');
    h.saveDialogs.length = 0;
  });

  it('print-pdf refuses what is not a PDF', async () => {
    const print = h.ipc.get('print-pdf')!;
    const ev = ipcEvent('app://desk/slips/3');
    for (const bad of [null, 'x', { base64: Buffer.from('<html>').toString('base64'), fileName: 'a.pdf' }, { base64: 'not base64!!', fileName: 'a.pdf' }]) {
      expect(await print(ev, bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(h.prints).toEqual([]);
  });

  it('print-pdf opens the OS print dialog from a hidden sandboxed window, then closes it and deletes the file', async () => {
    const print = h.ipc.get('print-pdf')!;
    const before = h.windows.length;
    const r = await print(ipcEvent('app://desk/slips/3'), { base64: PDF, fileName: '../../发货单 FH1.pdf', pageSize: 'A5', landscape: true });
    expect(r).toEqual({ ok: true, value: { printed: true, shown: false, reason: null } });
    expect(h.windows).toHaveLength(before + 1);
    const w = h.windows[before] as any;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(w.options.webPreferences.preload).toBeUndefined();
    expect(h.prints).toHaveLength(1);
    expect(h.prints[0].options).toMatchObject({ silent: false, pageSize: 'A5', landscape: true });
    expect(h.prints[0].options).not.toHaveProperty('deviceName');
    expect(h.prints[0].existed).toBe(true);
    expect(h.prints[0].file).toMatch(/发货单 FH1\.pdf$/);
    expect(h.prints[0].file).not.toContain('..');
    expect(w.destroyed).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(require('node:fs').existsSync(h.prints[0].file)).toBe(false);

    // the user cancels in the print dialog: not an error, just not printed
    h.printAnswer = { success: false, reason: 'cancelled' };
    expect(await print(ipcEvent('app://desk/slips/3'), { base64: PDF, fileName: 'b.pdf', pageSize: 'A4', landscape: false })).toEqual({
      ok: true,
      value: { printed: false, shown: false, reason: 'cancelled' },
    });
    h.printAnswer = { success: true, reason: '' };

    // the office's default printer (开账向导) is the printer the dialog starts on
    const n = h.prints.length;
    await print(ipcEvent('app://desk/slips/3'), { base64: PDF, fileName: 'c.pdf', pageSize: 'A4', landscape: false, deviceName: 'EPSON LQ-630K' });
    expect(h.prints[n].options).toMatchObject({ silent: false, deviceName: 'EPSON LQ-630K' });
  });

  it('a paper window may load only its own PDF and the built-in viewer', async () => {
    const listeners = new Map<string, Fn>();
    const contents = { on: (ev: string, fn: Fn) => listeners.set(ev, fn), setWindowOpenHandler: () => {} };
    h.appEvents.get('web-contents-created')!({}, contents);
    const away = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away);
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('a preview window may load its own PDF and the built-in viewer, nothing else; closing it deletes the file', async () => {
    const print = h.ipc.get('print-pdf')!;
    const before = h.windows.length;
    const r = await print(ipcEvent('app://desk/slips/3'), { base64: PDF, fileName: 'p.pdf', pageSize: 'A4', landscape: false, preview: true });
    expect(r).toEqual({ ok: true, value: { printed: false, shown: true, reason: null } });
    const w = h.windows[before] as any;
    expect(w.options.show).toBe(true);
    const listeners = new Map<string, Fn>();
    Object.assign(w.webContents, { on: (ev: string, fn: Fn) => listeners.set(ev, fn), setWindowOpenHandler: () => {} });
    h.appEvents.get('web-contents-created')!({}, w.webContents);
    const mayGo = (url: string) => {
      const ev = { url, preventDefault: vi.fn() };
      listeners.get('will-navigate')!(ev);
      return ev.preventDefault.mock.calls.length === 0;
    };
    expect(mayGo(w.url)).toBe(true);
    expect(mayGo('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true);
    expect(mayGo('file:///etc/passwd')).toBe(false);
    const file = require('node:url').fileURLToPath(w.url);
    expect(require('node:fs').existsSync(file)).toBe(true);
    w.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(require('node:fs').existsSync(file)).toBe(false);
    expect(mayGo(w.url)).toBe(false);
  });

  it('save-pdf asks where, writes the PDF there, and does nothing when cancelled', async () => {
    const save = h.ipc.get('save-pdf')!;
    const target = join(dir, 'saved.pdf');
    h.saveDialog = { canceled: false, filePath: target };
    const r = await save(ipcEvent('app://desk/card/5'), { base64: PDF, fileName: '库存明细账.pdf' });
    expect(r).toEqual({ ok: true, value: { saved: target } });
    expect(require('node:fs').readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(h.saveDialogs[0].defaultPath).toMatch(/库存明细账\.pdf$/);
    h.saveDialog = { canceled: true, filePath: undefined };
    expect(await save(ipcEvent('app://desk/card/5'), { base64: PDF, fileName: 'x.pdf' })).toEqual({ ok: true, value: { saved: null } });
  });

  it('save-xlsx: only for the desk’s page, only an XLSX, written where the user picks', async () => {
    const save = h.ipc.get('save-xlsx')!;
    const xlsx = sheetXlsx({ title: '单据查询', columns: [{ header: '单号', format: 'text' }], rows: [['FH1']], filters: [] }, 'now');
    h.saveDialogs.length = 0;
    expect(await save(ipcEvent('https://evil.example/'), { base64: xlsx, fileName: 'x.xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(await save(ipcEvent('app://desk/slips'), { base64: PDF, fileName: 'x.xlsx' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(h.saveDialogs).toEqual([]);
    const target = join(dir, 'saved.xlsx');
    h.saveDialog = { canceled: false, filePath: target };
    expect(await save(ipcEvent('app://desk/slips'), { base64: xlsx, fileName: '单据查询_2026-11-29.xlsx' })).toEqual({ ok: true, value: { saved: target } });
    expect(require('node:fs').readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(h.saveDialogs[0].defaultPath).toMatch(/单据查询_2026-11-29\.xlsx$/);
  });

  it('save-keyfile: only for the desk’s page, only a key backup, written where the user picks', async () => {
    const save = h.ipc.get('save-keyfile')!;
    const blob = Buffer.from('{"format":"branch-desk-key-export/1"}').toString('base64');
    h.saveDialogs.length = 0;
    expect(await save(ipcEvent('https://evil.example/'), { text: blob, fileName: 'k.deskkey' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(await save(ipcEvent('app://desk/users'), { text: 'not base64!', fileName: 'k.deskkey' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(h.saveDialogs).toEqual([]);
    const target = join(dir, 'office.deskkey');
    h.saveDialog = { canceled: false, filePath: target };
    expect(await save(ipcEvent('app://desk/users'), { text: blob, fileName: '../华东-密钥备份-20261129' })).toEqual({ ok: true, value: { saved: target } });
    expect(require('node:fs').readFileSync(target, 'utf8')).toBe(blob);
    expect(h.saveDialogs[0].defaultPath).toMatch(/[\\/]华东-密钥备份-20261129\.deskkey$/);
  });
});
