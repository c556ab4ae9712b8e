// The Electron shell's own logic (electron/main.ts), run in plain Node against a stand-in for the
// `electron` module: the Electron binary is not needed (and must never be loaded by tests; the
// real module would try to download it). Checks what the shell promises: window preferences,
// the app:// protocol (CSP, traversal, foreign hosts), the IPC sender check, navigation/window/
// permission lock-down, and that 'rpc' reaches the real core on a temp database.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

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
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    url: string | null = null;
    constructor(public options: unknown) {
      h.windows.push(this as never);
      h.windowReady?.();
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
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
    dialog: { showErrorBox: (title: string, body: string) => h.errors.push(`${title}: ${body}`), showMessageBox: () => Promise.resolve({ response: 0 }) },
    shell: { openPath: () => Promise.resolve('') },
  };
});

let dir: string;
const argv = process.argv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-shell-'));
  process.argv = [argv[0], 'electron-main', '--db', join(dir, 'office.sqlite'), '--demo'];
  const windowOpen = new Promise<void>((resolve) => (h.windowReady = resolve));
  await import('../../electron/main');
  await Promise.race([
    windowOpen,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no window; errors: ${h.errors.join(' | ')}`)), 30_000)),
  ]);
});

afterAll(() => {
  process.argv = argv;
  h.appEvents.get('will-quit')?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ipcEvent = (url: string | null, parent: unknown = null) => ({ senderFrame: url === null ? null : { url, parent } });

describe('Electron shell (electron/main.ts)', () => {
  it('sets the app name and the same data folder browser mode uses; sandbox for all', async () => {
    const { defaultDataDir } = await import('../../electron/paths');
    expect(h.name).toBe('Branch Desk');
    expect(h.paths.get('userData')).toBe(defaultDataDir());
    expect(h.sandboxed).toBe(true);
    expect(h.exitCode).toBeNull();
    expect(h.errors).toEqual([]);
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
    expect([...h.ipc.keys()]).toEqual(['rpc']);
    const req = { method: 'office.get', input: {}, meta: {} };
    for (const ev of [ipcEvent(null), ipcEvent('https://evil.example/'), ipcEvent('file:///tmp/x.html'), ipcEvent('app://desk/', { url: 'app://desk/' })]) {
      const r = await rpc(ev, req);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    const ok = await rpc(ipcEvent('app://desk/index.html'), req);
    expect(ok).toMatchObject({ ok: true, value: { initialised: true } });
  });

  it('forwards method, input and meta to the core (log in, then a write)', async () => {
    const rpc = h.ipc.get('rpc')!;
    const ev = ipcEvent('app://desk/index.html');
    const login = await rpc(ev, { method: 'auth.login', input: { user: '张伟', pin: '1111' }, meta: {} });
    expect(login.ok).toBe(true);
    const token = login.value.token;
    const created = await rpc(ev, { method: 'customers.create', input: { code: 'IPC-1', name: '桌面端客户' }, meta: { token, requestId: 'ipc-1' } });
    expect(created).toMatchObject({ ok: true, value: { code: 'IPC-1' } });
    expect(await rpc(ev, { method: 'customers.create', input: { code: 'IPC-1', name: '桌面端客户' }, meta: { token, requestId: 'ipc-1' } })).toEqual(created);
    expect(await rpc(ev, { method: 'no.such', input: {}, meta: { token } })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await rpc(ev, 'garbage')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await rpc(ev, { method: 'customers.create', input: { code: 'X', name: 'X' }, meta: { token: 42 } })).toMatchObject({
      ok: false,
      error: { code: 'not_logged_in' },
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
});
