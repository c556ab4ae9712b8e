// Browser mode: the desk in any browser, on machines where Electron cannot run, and the door the
// end-to-end tests drive with real Chromium. Node's own http, no framework.
//
//   GET  /…     the built renderer (out/renderer); index.html for screen paths, with this start's
//               desk token written into <meta name="desk-token" content="">
//   POST /rpc   the rpc envelope (electron/rpc/envelope.ts):
//               {"method","input","sessionToken"?,"requestId"?} → the core's Result as JSON
//
// Two tokens, not to be confused: the desk token (deskToken, X-Desk-Token) is made on every start
// and says the request comes from a page this server served; the session token (sessionToken, in
// the body) says who is logged in.
//
// Guards, in order: the Host header must be ours (defeats DNS rebinding, which would otherwise let
// a web page read index.html and its desk token); an Origin header, when present, must be ours;
// /rpc must carry X-Desk-Token equal to the per-start random desk token (a custom header also
// forces a CORS preflight, which this server never answers, so no other site can even send one).
// Bound to 127.0.0.1 unless told otherwise.
//
// Status codes: 200 for every answer the core gives, errors included (they are the app's errors,
// shown to the user); 4xx only for transport problems and malformed envelopes (bad_json,
// bad_request 400, too_large 413), with the same {ok:false,error} shape and a message in Chinese
// and English.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { DeskErrorShape } from '../../shared/errors';
import { ENVELOPE_LIMITS, callEnvelope, parseEnvelopeText, tooLarge, type EnvelopeCore, type EnvelopeErrorCode } from '../rpc/envelope';
import { SECURITY_HEADERS, injectDeskToken, lookupStatic, mimeType } from '../security';

export const DEFAULT_PORT = 5199;
export const DEFAULT_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = ENVELOPE_LIMITS.maxBytes;
/** Past this we stop reading and drop the connection instead of draining it. */
const HARD_BODY_LIMIT = 16 * MAX_BODY_BYTES;

export interface WebServerOptions {
  core: EnvelopeCore;
  /** the built renderer: out/renderer */
  staticDir: string;
  host?: string;
  /** 0 picks a free port (tests) */
  port?: number;
  /** the desk token; defaults to 32 random bytes, new on every start */
  deskToken?: string;
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
  /** this start's desk token (X-Desk-Token, <meta name="desk-token">) */
  readonly deskToken: string;
  close(): Promise<void>;
}

export interface TransportError {
  ok: false;
  error: { code: string; message_zh: string; message_en: string; details: Record<string, unknown> };
}

const TRANSPORT: Record<string, [status: number, zh: string, en: string]> = {
  bad_host: [403, '请求的主机名不是本机的办事处仓财台', 'This request is not addressed to this desk (Host)'],
  bad_origin: [403, '拒绝来自其他网站的请求', 'Requests from other sites are refused (Origin)'],
  no_desk_token: [401, '请求缺少访问令牌, 请刷新页面', 'The request carries no desk token: reload the page'],
  bad_desk_token: [403, '访问令牌无效(服务可能已重启), 请刷新页面', 'Wrong desk token (the server may have restarted): reload the page'],
  bad_path: [400, '请求的路径无效', 'Malformed path'],
  bad_content_type: [415, '请求内容类型须为 application/json', 'The request must be sent as application/json'],
  method_not_allowed: [405, '不支持此请求方法', 'Method not allowed'],
  forbidden_path: [403, '拒绝访问此路径', 'This path is refused'],
  not_found: [404, '找不到请求的文件', 'Not found'],
  no_renderer: [503, '界面文件尚未构建, 请先运行 npx electron-vite build', 'The renderer has not been built: run npx electron-vite build'],
  internal: [500, '服务器内部错误', 'Internal server error'],
};

/** The HTTP status of the envelope's refusals (their codes and texts come from the error catalogue). */
const ENVELOPE_STATUS: Record<EnvelopeErrorCode, number> = { bad_json: 400, bad_request: 400, too_large: 413 };

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
  const deskToken = opts.deskToken ?? randomBytes(32).toString('base64url');
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

  function refuse(res: ServerResponse, error: DeskErrorShape, extra: Record<string, string> = {}): void {
    sendJson(res, ENVELOPE_STATUS[error.code as EnvelopeErrorCode] ?? 400, { ok: false, error }, extra);
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
    if (given === undefined || given === '') return fail(res, 'no_desk_token');
    if (typeof given !== 'string' || !sameToken(given, deskToken)) return fail(res, 'bad_desk_token');
    const ctype = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!/^application\/json\s*(;|$)/.test(ctype)) return fail(res, 'bad_content_type');

    const raw = await readBody(req);
    if (raw === 'too_large') return refuse(res, tooLarge(maxBody), { Connection: 'close' });
    const parsed = parseEnvelopeText(raw, { maxBytes: maxBody });
    if (!parsed.ok) return refuse(res, parsed.error);
    sendJson(res, 200, await callEnvelope(opts.core, parsed.envelope));
  }

  function sendIndex(req: IncomingMessage, res: ServerResponse): void {
    let html: string;
    try {
      html = readFileSync(join(staticDir, 'index.html'), 'utf8');
    } catch {
      return fail(res, 'no_renderer');
    }
    const data = Buffer.from(injectDeskToken(html, deskToken), 'utf8');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(data.length),
      // carries this start's desk token: never cache it
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
    deskToken,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
