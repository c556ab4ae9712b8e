// Browser mode: the desk in any browser, on machines where Electron cannot run, and the door the
// end-to-end tests drive with real Chromium. Node's own http, no framework.
//
//   GET  /…     the built renderer (out/renderer); index.html for screen paths, with this start's
//               token written into <meta name="desk-token" content="">
//   POST /rpc   {"method","input","session"?,"requestId"?} → the core's Result as JSON
//
// Guards, in order: the Host header must be ours (defeats DNS rebinding, which would otherwise let
// a web page read index.html and its token); an Origin header, when present, must be ours; /rpc
// must carry X-Desk-Token equal to the per-start random token (a custom header also forces a CORS
// preflight, which this server never answers, so no other site can even send one). Bound to
// 127.0.0.1 unless told otherwise.
//
// Status codes: 200 for every answer the core gives, errors included (they are the app's errors,
// shown to the user); 4xx only for transport problems, with the same {ok:false,error} shape and a
// message in Chinese and English.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Core } from '../core';
import { SECURITY_HEADERS, injectToken, lookupStatic, mimeType } from '../security';

export const DEFAULT_PORT = 5199;
export const DEFAULT_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop reading and drop the connection instead of draining it. */
const HARD_BODY_LIMIT = 16 * MAX_BODY_BYTES;

export interface WebServerOptions {
  core: Pick<Core, 'callUnknown'>;
  /** the built renderer: out/renderer */
  staticDir: string;
  host?: string;
  /** 0 picks a free port (tests) */
  port?: number;
  /** defaults to 32 random bytes, new on every start */
  token?: string;
  maxBodyBytes?: number;
  /** extra host names this server answers to, besides its own address (and localhost on loopback) */
  allowedHosts?: string[];
}

export interface WebServer {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** e.g. http://127.0.0.1:5199 */
  readonly origin: string;
  /** origin + '/' */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export interface TransportError {
  ok: false;
  error: { code: string; message_zh: string; message_en: string; details: Record<string, unknown> };
}

const TRANSPORT: Record<string, [status: number, zh: string, en: string]> = {
  bad_host: [403, '请求的主机名不是本机的办事处仓财台', 'This request is not addressed to this desk (Host)'],
  bad_origin: [403, '拒绝来自其他网站的请求', 'Requests from other sites are refused (Origin)'],
  no_token: [401, '请求缺少访问令牌, 请刷新页面', 'The request carries no desk token: reload the page'],
  bad_token: [403, '访问令牌无效(服务可能已重启), 请刷新页面', 'Wrong desk token (the server may have restarted): reload the page'],
  bad_json: [400, '请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  bad_request: [400, '请求格式有误: 需要 {"method","input","session","requestId"}', 'Malformed request: expected {"method","input","session","requestId"}'],
  bad_path: [400, '请求的路径无效', 'Malformed path'],
  too_large: [413, '请求内容过大(上限 1 MB)', 'The request body is too large (limit 1 MB)'],
  bad_content_type: [415, '请求内容类型须为 application/json', 'The request must be sent as application/json'],
  method_not_allowed: [405, '不支持此请求方法', 'Method not allowed'],
  forbidden_path: [403, '拒绝访问此路径', 'This path is refused'],
  not_found: [404, '找不到请求的文件', 'Not found'],
  no_renderer: [503, '界面文件尚未构建, 请先运行 npx electron-vite build', 'The renderer has not been built: run npx electron-vite build'],
  internal: [500, '服务器内部错误', 'Internal server error'],
};

export function transportError(code: keyof typeof TRANSPORT, details: Record<string, unknown> = {}): { status: number; body: TransportError } {
  const [status, zh, en] = TRANSPORT[code];
  return { status, body: { ok: false, error: { code, message_zh: zh, message_en: en, details } } };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostAliases(host: string, port: number, extra: string[]): Set<string> {
  const names = new Set<string>([host, ...extra]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') {
    names.add('127.0.0.1');
    names.add('localhost');
    names.add('::1');
  }
  const out = new Set<string>();
  for (const n of names) out.add((n.includes(':') ? `[${n}]` : n).toLowerCase() + `:${port}`);
  return out;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const staticDir = opts.staticDir;
  let hosts = new Set<string>();

  function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
    const data = Buffer.from(JSON.stringify(body), 'utf8');
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(data.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...extra,
    });
    res.end(data);
  }

  function fail(res: ServerResponse, code: keyof typeof TRANSPORT, details: Record<string, unknown> = {}, extra: Record<string, string> = {}): void {
    const { status, body } = transportError(code, details);
    sendJson(res, status, body, extra);
  }

  function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
    return new Promise((resolvePromise, reject) => {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > HARD_BODY_LIMIT) {
        req.destroy();
        resolvePromise('too_large');
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > HARD_BODY_LIMIT) {
          req.destroy();
          resolvePromise('too_large');
          return;
        }
        if (size > maxBody) over = true;
        if (!over) chunks.push(chunk);
      });
      req.on('end', () => resolvePromise(over ? 'too_large' : Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return fail(res, 'method_not_allowed', {}, { Allow: 'POST' });
    const given = req.headers['x-desk-token'];
    if (given === undefined || given === '') return fail(res, 'no_token');
    if (typeof given !== 'string' || !sameToken(given, token)) return fail(res, 'bad_token');
    const ctype = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!/^application\/json\s*(;|$)/.test(ctype)) return fail(res, 'bad_content_type');

    const raw = await readBody(req);
    if (raw === 'too_large') return fail(res, 'too_large', { limitBytes: maxBody }, { Connection: 'close' });
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (e) {
      return fail(res, 'bad_json', { reason: e instanceof Error ? e.message : String(e) });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(res, 'bad_request');
    const { method, input, session, requestId } = body as Record<string, unknown>;
    if (typeof method !== 'string') return fail(res, 'bad_request', { field: 'method' });
    if (session != null && typeof session !== 'string') return fail(res, 'bad_request', { field: 'session' });
    if (requestId != null && typeof requestId !== 'string') return fail(res, 'bad_request', { field: 'requestId' });

    const result = await opts.core.callUnknown(method, input, {
      sessionToken: session ?? undefined,
      requestId: requestId ?? undefined,
    });
    sendJson(res, 200, result);
  }

  function sendIndex(req: IncomingMessage, res: ServerResponse): void {
    let html: string;
    try {
      html = readFileSync(join(staticDir, 'index.html'), 'utf8');
    } catch {
      return fail(res, 'no_renderer');
    }
    const data = Buffer.from(injectToken(html, token), 'utf8');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(data.length),
      // carries this start's token: never cache it
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'method_not_allowed', {}, { Allow: 'GET, HEAD' });
    const found = lookupStatic(staticDir, pathname);
    if (found.kind === 'refused') return fail(res, 'forbidden_path');
    if (found.kind === 'not_found') {
      // Browsers ask for /favicon.ico on their own; no icon is not an error worth a console line.
      if (pathname === '/favicon.ico') return void res.writeHead(204, { 'Cache-Control': 'no-cache' }).end();
      return fail(res, 'not_found');
    }
    if (found.kind === 'index' || found.file === resolve(staticDir, 'index.html')) return sendIndex(req, res);
    const size = statSync(found.file).size;
    const hashed = pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeType(found.file),
      'Content-Length': String(size),
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = String(req.headers.host ?? '').toLowerCase();
    if (!hosts.has(hostHeader)) return fail(res, 'bad_host', { host: hostHeader });
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost: string | null = null;
      try {
        const u = new URL(origin);
        if (u.protocol === 'http:') originHost = u.host.toLowerCase();
      } catch {
        originHost = null;
      }
      if (!originHost || !hosts.has(originHost)) return fail(res, 'bad_origin', { origin });
    }

    const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
    if (!rawPath.startsWith('/')) return fail(res, 'bad_path');
    if (rawPath === '/rpc') {
      // Belt and braces beside Origin: the browser's own word that another site sent this.
      // (Pages may still be opened from a link on another site: that is a plain navigation.)
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') return fail(res, 'bad_origin', { secFetchSite: site });
      return handleRpc(req, res);
    }
    return handleStatic(req, res, rawPath);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!process.env.VITEST) console.error('[web] request failed:', e);
      if (!res.headersSent) fail(res, 'internal');
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = hostAliases(host, port, opts.allowedHosts ?? []);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    server,
    host,
    port,
    origin,
    url: `${origin}/`,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
