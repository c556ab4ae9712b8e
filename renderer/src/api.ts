// The renderer's one door to the core. In Electron the preload exposes `window.desk.call`; in a
// browser (browser mode, e2e) the same envelope { method, input, sessionToken, requestId } goes to
// `POST /rpc` with the per-start desk token the server writes into <meta name="desk-token">. Nothing else in the renderer talks to the core.

import type { DeskBridge } from '../../shared/bridge';
import { contract, type CallMeta, type Input, type MethodName, type Output } from '../../shared/contract';

/** An error as shown to the user: the core's {code, message_zh, message_en, details}, or a transport failure. */
export interface DeskErr {
  code: string;
  message_zh: string;
  message_en: string;
  details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: DeskErr };

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

const SESSION_KEY = 'branch-desk.session';
let sessionToken: string | null = null;
const lostListeners = new Set<() => void>();
const writtenListeners = new Set<(method: MethodName) => void>();
/** Logs the user in again over the current screen; true once a new session is set, false if they gave up. */
let recovery: (() => Promise<boolean>) | null = null;

export function setSessionToken(t: string | null): void {
  sessionToken = t;
}
export function getSessionToken(): string | null {
  return sessionToken;
}
/** Called when the core says the session is gone and nobody logs in again in place: back to log in. */
export function onSessionLost(fn: () => void): () => void {
  lostListeners.add(fn);
  return () => lostListeners.delete(fn);
}

/** Called after each write the core took (the setup banner reads again what is still missing). */
export function onWritten(fn: (method: MethodName) => void): () => void {
  writtenListeners.add(fn);
  return () => writtenListeners.delete(fn);
}

/**
 * When the session is gone (desk restarted, session expired), a call waits for `fn` — the log-in
 * dialog over the current screen — and is sent again with the new session and the same request
 * id; the screen and what is typed on it stay. Without it (or when the user gives up), the
 * onSessionLost listeners run.
 */
export function setSessionRecovery(fn: (() => Promise<boolean>) | null): void {
  recovery = fn;
}

/** A fresh id for one user action: a retry of the same action reuses it, so nothing posts twice. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function transportError(e: unknown): DeskErr {
  const msg = e instanceof Error ? e.message : String(e);
  return {
    code: 'network',
    message_zh: `无法连接到仓财台服务: ${msg}`,
    message_en: `Cannot reach the desk service: ${msg}`,
    details: {},
  };
}

function deskTokenMeta(): HTMLMetaElement | null {
  return document.querySelector('meta[name=desk-token]') as HTMLMetaElement | null;
}

export function deskToken(): string {
  return deskTokenMeta()?.content ?? '';
}

/** The desk token of a page as the server writes it: <meta name="desk-token" content="…">. */
export function deskTokenOf(html: string): string | null {
  const tag = /<meta\s+name=["']desk-token["']\s+content=["']([A-Za-z0-9_-]*)["']/i.exec(html);
  return tag && tag[1] ? tag[1] : null;
}

/**
 * The browser-mode server makes a new desk token on every start: after a restart, take this
 * start's from the page it serves now (same origin, so behind the same Host/Origin guards).
 */
export async function refreshDeskToken(): Promise<boolean> {
  try {
    const res = await fetch('/', { cache: 'no-store', credentials: 'same-origin' });
    const token = res.ok ? deskTokenOf(await res.text()) : null;
    const meta = deskTokenMeta();
    if (!token || !meta || token === meta.content) return false;
    meta.content = token;
    return true;
  } catch {
    return false;
  }
}

const STALE_DESK_TOKEN = new Set(['bad_desk_token', 'no_desk_token']);

/** How a call goes out: `keepalive` lets a save sent as the page goes away finish (browser mode, small bodies). */
export interface SendOptions extends CallMeta {
  keepalive?: boolean;
}

/** Browsers refuse keepalive bodies over 64 KiB (all of a page's in flight together). */
const KEEPALIVE_MAX_BYTES = 60_000;

async function send(method: string, input: unknown, meta: SendOptions): Promise<ApiResult<unknown>> {
  if (window.desk) return (await window.desk.call(method, input, { sessionToken: meta.sessionToken, requestId: meta.requestId })) as ApiResult<unknown>;
  const body = JSON.stringify({ method, input, sessionToken: meta.sessionToken ?? null, requestId: meta.requestId ?? null });
  const res = await fetch('/rpc', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Desk-Token': deskToken() },
    body,
    keepalive: !!meta.keepalive && body.length < KEEPALIVE_MAX_BYTES,
  });
  const text = await res.text();
  try {
    const parsed = JSON.parse(text) as ApiResult<unknown>;
    if (parsed && typeof parsed === 'object' && 'ok' in parsed) return parsed;
  } catch {
    /* fall through */
  }
  throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
}

/**
 * Call one method of the contract. Reads need no request id; for writes pass the id of the user
 * action (newRequestId() once per click/keypress, reused on retry).
 */
export async function call<M extends MethodName>(method: M, input: Input<M>, opts: SendOptions = {}): Promise<ApiResult<Output<M>>> {
  const once = async (): Promise<ApiResult<unknown>> => {
    try {
      return await send(method, input, { ...opts, sessionToken: opts.sessionToken ?? sessionToken ?? undefined });
    } catch (e) {
      return { ok: false, error: transportError(e) };
    }
  };
  let r = await once();
  // the server restarted: this start's desk token, then the same call again (refused before the core: nothing was written)
  if (!r.ok && STALE_DESK_TOKEN.has(r.error.code) && !window.desk && (await refreshDeskToken())) r = await once();
  // the session is gone: log in again over the screen, then the same call (same request id) again
  if (!r.ok && r.error.code === 'not_logged_in' && sessionToken && !opts.sessionToken) {
    if (recovery && (await recovery())) r = await once();
    else for (const fn of lostListeners) fn();
  }
  if (r.ok && contract[method].write) for (const fn of writtenListeners) fn(method);
  return r as ApiResult<Output<M>>;
}

/** Like call(), but throws the DeskErr (for loaders where a failure is shown in one place). */
export async function callOrThrow<M extends MethodName>(method: M, input: Input<M>, opts: { requestId?: string } = {}): Promise<Output<M>> {
  const r = await call(method, input, opts);
  if (!r.ok) throw r.error;
  return r.value;
}

export function isDeskErr(e: unknown): e is DeskErr {
  return !!e && typeof e === 'object' && 'code' in e && 'message_zh' in e;
}

export function toDeskErr(e: unknown): DeskErr {
  return isDeskErr(e) ? e : transportError(e);
}

// ------------------------------------------------------------ paper (a PDF from documents.render)

type RenderedPdf = Output<'documents.render'>;

/** How a rendered document is laid on paper: a slip on A5 is landscape, a stock card always A4 landscape. */
export function paperOf(doc: RenderedPdf, isStockCard: boolean): { pageSize: 'A4' | 'A5'; landscape: boolean } {
  if (isStockCard) return { pageSize: 'A4', landscape: true };
  return { pageSize: doc.paper, landscape: doc.paper === 'A5' };
}

function pdfBlob(base64: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

const PAPER_ERR = (zh: string, en: string): DeskErr => ({ code: 'print_failed', message_zh: zh, message_en: en, details: {} });

/**
 * Show a PDF: in Electron a window with the PDF (printed from there); in a browser a new tab
 * (the browser's own viewer and its print). Returns null, or why it could not.
 */
export async function showPdf(doc: RenderedPdf, isStockCard: boolean, tab?: Window | null): Promise<DeskErr | null> {
  if (window.desk?.printPdf) {
    const r = await window.desk.printPdf({ base64: doc.base64, fileName: doc.fileName, ...paperOf(doc, isStockCard), preview: true });
    return r.ok ? null : r.error;
  }
  const url = URL.createObjectURL(pdfBlob(doc.base64));
  const w = tab && !tab.closed ? tab : window.open('', '_blank');
  if (!w) {
    URL.revokeObjectURL(url);
    return PAPER_ERR(
      '浏览器拦截了新窗口，请允许本页面弹出窗口，或点「下载 PDF」',
      'The browser blocked the new tab: allow pop-ups for this page, or use “Download PDF”',
    );
  }
  w.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return null;
}

/**
 * Send a PDF to the printer: in Electron the OS print dialog (printer, copies); in a browser a new
 * tab with the PDF, printed with the browser's print (Ctrl+P). `printed` false: the user cancelled, or
 * (a browser) the page cannot know.
 */
export async function printPdf(doc: RenderedPdf, isStockCard: boolean, tab?: Window | null): Promise<{ error: DeskErr | null; printed: boolean }> {
  if (window.desk?.printPdf) {
    // the dialog starts on the office's default printer (开账向导 / office.update), where one is set
    const office = await call('office.get', {});
    const deviceName = office.ok ? (office.value.office?.defaultPrinter ?? undefined) : undefined;
    const r = await window.desk.printPdf({ base64: doc.base64, fileName: doc.fileName, ...paperOf(doc, isStockCard), ...(deviceName ? { deviceName } : {}) });
    return r.ok ? { error: null, printed: r.value.printed } : { error: r.error, printed: false };
  }
  // the tab's own print is the user's: whether it happened is theirs to say (printing/printFlow.ts)
  const error = await showPdf(doc, isStockCard, tab);
  return { error, printed: false };
}

/** 另存为 / 下载: Electron asks where; a browser downloads it under its fileName. */
export async function savePdf(doc: RenderedPdf): Promise<DeskErr | null> {
  if (window.desk?.savePdf) {
    const r = await window.desk.savePdf({ base64: doc.base64, fileName: doc.fileName });
    return r.ok ? null : r.error;
  }
  downloadBlob(pdfBlob(doc.base64), doc.fileName);
  return null;
}

/** Download a file the renderer made (a PDF, the office public key). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ------------------------------------------------------------ the session kept across a reload

/** The session kept in sessionStorage across a reload: what auth.login answered. */
export type StoredSession = Output<'auth.login'>;

export function loadStoredSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const s = raw ? (JSON.parse(raw) as Partial<StoredSession>) : null;
    // a session stored by an older build (field `token`) is not resumed: the user logs in again
    return s && typeof s.sessionToken === 'string' && s.user ? (s as StoredSession) : null;
  } catch {
    return null;
  }
}

export function storeSession(s: StoredSession | null): void {
  try {
    if (s) sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    /* private mode: memory only */
  }
}
