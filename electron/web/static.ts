// GET / HEAD of the built renderer in browser mode: index.html (for screen paths too) with this
// start's desk token written in and never cached; hashed assets cached for good; anything outside
// the folder refused (security.ts lookupStatic).

import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { SECURITY_HEADERS, injectDeskToken, lookupStatic, mimeType } from '../security';
import { fail } from './transport';

export interface StaticDoor {
  /** the built renderer: out/renderer */
  staticDir: string;
  deskToken: string;
}

function sendIndex(req: IncomingMessage, res: ServerResponse, door: StaticDoor): void {
  let html: string;
  try {
    html = readFileSync(join(door.staticDir, 'index.html'), 'utf8');
  } catch {
    return fail(res, 'no_renderer');
  }
  const data = Buffer.from(injectDeskToken(html, door.deskToken), 'utf8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(data.length),
    // carries this start's desk token: never cache it
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, pathname: string): void {
  const size = statSync(file).size;
  const hashed = pathname.startsWith('/assets/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeType(file),
    'Content-Length': String(size),
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string, door: StaticDoor): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'method_not_allowed', {}, { Allow: 'GET, HEAD' });
  const found = lookupStatic(door.staticDir, pathname);
  if (found.kind === 'refused') return fail(res, 'forbidden_path');
  if (found.kind === 'not_found') {
    // Browsers ask for /favicon.ico on their own; no icon is not an error worth a console line.
    if (pathname === '/favicon.ico') return void res.writeHead(204, { 'Cache-Control': 'no-cache' }).end();
    return fail(res, 'not_found');
  }
  if (found.kind === 'index' || found.file === resolve(door.staticDir, 'index.html')) return sendIndex(req, res, door);
  sendFile(req, res, found.file, pathname);
}
