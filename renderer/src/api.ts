// The renderer's one door to the core. In Electron the preload exposes `window.desk.call`; in a
// browser (browser mode, e2e) the same call goes to `POST /rpc` with the per-start token the
// server writes into <meta name="desk-token">. Nothing else in the renderer talks to the core.

import type { CallMeta, Input, MethodName, Output, Result } from '../../shared/contract';

/** An error as shown to the user: the core's {code, message_zh, message_en, details}, or a transport failure. */
export interface DeskErr {
  code: string;
  message_zh: string;
  message_en: string;
  details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: DeskErr };

interface DeskBridge {
  call(method: string, input: unknown, meta: CallMeta): Promise<Result<unknown>>;
  onScan?(fn: (e: { code: string; symbology?: string; source: 'hid' }) => void): () => void;
}

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

const SESSION_KEY = 'branch-desk.session';
let token: string | null = null;
const lostListeners = new Set<() => void>();

export function setSessionToken(t: string | null): void {
  token = t;
}
export function getSessionToken(): string | null {
  return token;
}
/** Called when the core says the session is gone (server restarted, user disabled): back to log in. */
export function onSessionLost(fn: () => void): () => void {
  lostListeners.add(fn);
  return () => lostListeners.delete(fn);
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

function deskToken(): string {
  const meta = document.querySelector('meta[name=desk-token]') as HTMLMetaElement | null;
  return meta?.content ?? '';
}

async function send(method: string, input: unknown, meta: CallMeta): Promise<ApiResult<unknown>> {
  if (window.desk) return (await window.desk.call(method, input, meta)) as ApiResult<unknown>;
  const res = await fetch('/rpc', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Desk-Token': deskToken() },
    body: JSON.stringify({ method, input, session: meta.token ?? null, requestId: meta.requestId ?? null }),
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
export async function call<M extends MethodName>(
  method: M,
  input: Input<M>,
  opts: { requestId?: string; token?: string } = {},
): Promise<ApiResult<Output<M>>> {
  let r: ApiResult<unknown>;
  try {
    r = await send(method, input, { token: opts.token ?? token ?? undefined, requestId: opts.requestId });
  } catch (e) {
    r = { ok: false, error: transportError(e) };
  }
  if (!r.ok && r.error.code === 'not_logged_in' && token && !opts.token) for (const fn of lostListeners) fn();
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

// ------------------------------------------------------------ the session kept across a reload

export interface StoredSession {
  token: string;
  user: Output<'auth.login'>['user'];
}

export function loadStoredSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
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
