// Browser mode: the desk in any browser, on machines where Electron cannot run, and the door the
// end-to-end tests drive with real Chromium. Node's own http, no framework.
//
//   GET  /…     the built renderer (out/renderer); index.html for screen paths, with this start's
//               desk token written into <meta name="desk-token" content="">
//   POST /rpc   the rpc envelope (electron/rpc/envelope.ts):
//               {"method","input","sessionToken"?,"requestId"?} → the core's Result as JSON
//   GET  /events?token=…  Server-Sent Events: the scanners this server owns and their scans (events.ts)
//   POST /scanner-layout  the report layout chosen for one of those scanners (events.ts)
//
// Two tokens, not to be confused: the desk token (deskToken, X-Desk-Token) is made on every start
// and says the request comes from a page this server served; the session token (sessionToken, in
// the body) says who is logged in.
//
// The parts: transport.ts (JSON answers and refusals), guards.ts (the checks below), rpc.ts (/rpc),
// static.ts (the renderer's files); this file starts and stops the server and routes a request.
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

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENVELOPE_LIMITS, type EnvelopeCore } from '../rpc/envelope';
import { handleEvents, handleScannerLayout, type EventsDoor, type ScanSource } from './events';
import { checkFetchSite, checkHostAndOrigin, hostAliases } from './guards';
import { handleRpc, type RpcDoor } from './rpc';
import { handleStatic, type StaticDoor } from './static';
import { fail } from './transport';

export { transportError, type TransportError } from './transport';

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
  /** the scanners this server owns (HID-POS), pushed to the page on GET /events */
  scans?: ScanSource | null;
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

/** What a request is served with; `hosts` is known once the server listens (the port may be picked then). */
interface Door extends RpcDoor, StaticDoor, EventsDoor {
  hosts: Set<string>;
}

/** Host and Origin first, then /rpc (not cross-site) or a file of the renderer. */
async function route(req: IncomingMessage, res: ServerResponse, door: Door): Promise<void> {
  const refused = checkHostAndOrigin(req, door.hosts);
  if (refused) return fail(res, ...refused);
  const rawPath = (req.url ?? '/').split('?')[0].split('#')[0];
  if (!rawPath.startsWith('/')) return fail(res, 'bad_path');
  if (rawPath === '/rpc') {
    const crossSite = checkFetchSite(req);
    if (crossSite) return fail(res, ...crossSite);
    return handleRpc(req, res, door);
  }
  if (rawPath === '/events') return handleEvents(req, res, door);
  if (rawPath === '/scanner-layout') return handleScannerLayout(req, res, door);
  return handleStatic(req, res, rawPath, door);
}

function createDeskServer(door: Door): Server {
  const server = createServer((req, res) => {
    route(req, res, door).catch((e) => {
      if (!process.env.VITEST) console.error('[web] request failed:', e);
      if (!res.headersSent) fail(res, 'internal');
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const door: Door = {
    core: opts.core,
    staticDir: opts.staticDir,
    deskToken: opts.deskToken ?? randomBytes(32).toString('base64url'),
    maxBody: opts.maxBodyBytes ?? MAX_BODY_BYTES,
    hardLimit: HARD_BODY_LIMIT,
    hosts: new Set<string>(),
    scans: opts.scans ?? null,
  };
  const server = createDeskServer(door);
  await listen(server, opts.port ?? DEFAULT_PORT, host);
  const port = (server.address() as AddressInfo).port;
  door.hosts = hostAliases(host, port, opts.allowedHosts ?? []);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    server,
    host,
    port,
    origin,
    url: `${origin}/`,
    deskToken: door.deskToken,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
