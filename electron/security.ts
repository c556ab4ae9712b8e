// The security rules both long-running doors share: the Electron shell (app:// protocol) and the
// browser-mode server (http on loopback). Electron-free, so the server and the tests use it as is.
//
// - one Content-Security-Policy for the renderer, wherever it is served from;
// - one way to turn a request path into a file under the built renderer, refusing traversal;
// - MIME types for what a Vite build emits;
// - the app:// origin the Electron shell serves and trusts for IPC.

import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The Electron shell serves the renderer as app://desk/… (a privileged, standard, secure scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The renderer's CSP. Scripts only from our own origin (no inline script, no eval); styles from our
 * origin plus inline <style>, which ag-grid injects for its themes; images and fonts may be data:
 * or blob: (QR codes, fonts Vite inlines); fetch only to our own origin (/rpc in browser mode);
 * no plugins, no frames, no <base>, no form posts anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carrying the renderer (or its files) gets. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  /** a file to send */
  | { kind: 'file'; file: string }
  /** no such file and the path looks like a screen, not a file: send index.html */
  | { kind: 'index' }
  | { kind: 'not_found' }
  /** the path tries to leave the folder, or is not a well-formed path */
  | { kind: 'refused' };

/**
 * Maps a URL path (still percent-encoded, as it came off the wire) to a file under `root`.
 * Refuses `..` in any spelling (%2e%2e, %2f, backslashes), NUL bytes, and anything that resolves
 * (symlinks included) outside `root`. Directories and extension-less misses fall back to
 * index.html, so a reload on a client-side route still shows the app.
 */
export function lookupStatic(root: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0')) return { kind: 'refused' };
  const segments = decoded.split(/[/\\]+/).filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return { kind: 'refused' };
  // Dotfiles are never part of a build; do not serve them even if someone drops one in.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'not_found' };

  const base = resolve(root);
  const file = resolve(base, ...segments);
  const rel = relative(base, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return { kind: 'refused' };

  let st;
  try {
    st = statSync(file);
  } catch {
    st = null;
  }
  if (st?.isFile()) {
    try {
      const real = realpathSync(file);
      const realBase = realpathSync(base);
      if (real !== realBase && !real.startsWith(realBase + sep)) return { kind: 'refused' };
    } catch {
      return { kind: 'not_found' };
    }
    return { kind: 'file', file };
  }
  const last = segments[segments.length - 1] ?? '';
  if (st?.isDirectory() || !last.includes('.')) return { kind: 'index' };
  return { kind: 'not_found' };
}

/** True for a URL the Electron shell itself served (app://desk/…): the only frames IPC trusts. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The `<meta name="desk-token">` the browser-mode server fills in; the renderer reads it for /rpc. */
export function injectDeskToken(html: string, deskToken: string): string {
  const tag = `<meta name="desk-token" content="${deskToken.replace(/[^A-Za-z0-9_-]/g, '')}">`;
  const re = /<meta\s+name=["']desk-token["']\s+content=["'][^"']*["']\s*\/?>/i;
  if (re.test(html)) return html.replace(re, tag);
  // The renderer's index.html should carry the empty tag; if it does not, add one.
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => `${h}\n    ${tag}`) : `${tag}\n${html}`;
}
