// The app:// protocol (checklist items 1, 7, 18 in main.ts): app://desk/ serves the built renderer
// from disk with the security headers (CSP) of security.ts on every answer; GET and HEAD only,
// traversal refused, a screen path (/slips/12) falls back to index.html.

import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_HOST, APP_SCHEME, SECURITY_HEADERS, lookupStatic, mimeType } from '../security';

/** Before ready: app:// is a standard, secure scheme (fetch, code cache). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** When ready: serve `rendererDir` (out/renderer) as app://desk/. */
export function registerAppProtocol(rendererDir: string): void {
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
    const found = lookupStatic(rendererDir, url.pathname);
    if (found.kind === 'refused') return deny(403, 'Forbidden');
    if (found.kind === 'not_found') return deny(404, 'Not found');
    const file = found.kind === 'file' ? found.file : join(rendererDir, 'index.html');
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
