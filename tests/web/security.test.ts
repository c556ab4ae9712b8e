// The shared rules of electron/security.ts: static lookup (used by the app:// protocol and the
// browser-mode server), the trusted app:// origin for IPC, and token injection.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, injectDeskToken, isAppUrl, lookupStatic, mimeType } from '../../electron/security';

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'desk-sec-'));
  dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<html></html>');
  writeFileSync(join(dir, 'assets', 'a.js'), '');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  try {
    symlinkSync(join(root, 'secret.txt'), join(dir, 'assets', 'link.txt'));
  } catch {
    /* no symlinks here (Windows without rights): that case is skipped below */
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lookupStatic', () => {
  it('finds files, falls back to index for screens, 404s missing files', () => {
    expect(lookupStatic(dir, '/assets/a.js')).toEqual({ kind: 'file', file: join(dir, 'assets', 'a.js') });
    expect(lookupStatic(dir, '/')).toEqual({ kind: 'index' });
    expect(lookupStatic(dir, '/assets')).toEqual({ kind: 'index' });
    expect(lookupStatic(dir, '/slips/7')).toEqual({ kind: 'index' });
    expect(lookupStatic(dir, '/assets/b.js')).toEqual({ kind: 'not_found' });
  });

  it('refuses traversal, encoded or not, and NUL bytes', () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/..\\secret.txt',
      '/a/%2e%2e%5c..%5csecret.txt',
      '/x%00',
      '/C:/Windows',
      '/%ZZ',
    ])
      expect(lookupStatic(dir, p), p).toEqual({ kind: 'refused' });
  });

  it('refuses a symlink that leads outside the folder', () => {
    const r = lookupStatic(dir, '/assets/link.txt');
    expect(['refused', 'not_found']).toContain(r.kind);
  });
});

describe('isAppUrl', () => {
  it('trusts only app://desk/…', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/')).toBe(true);
    for (const u of [
      'app://evil/index.html',
      'http://desk/',
      'file:///index.html',
      'https://example.com',
      'app://user@desk/',
      '',
      null,
      undefined,
      'not a url',
    ])
      expect(isAppUrl(u), String(u)).toBe(false);
  });
});

describe('injectDeskToken', () => {
  it('fills the empty desk-token meta tag', () => {
    expect(injectDeskToken('<head><meta name="desk-token" content=""></head>', 'abc_1-2')).toBe('<head><meta name="desk-token" content="abc_1-2"></head>');
    expect(injectDeskToken('<head><meta name="desk-token" content="" /></head>', 't')).toContain('content="t"');
  });
  it('adds the tag when the page lacks it, and never lets the token break out of the attribute', () => {
    expect(injectDeskToken('<html><head></head></html>', 't')).toContain('<meta name="desk-token" content="t">');
    expect(injectDeskToken('<head><meta name="desk-token" content=""></head>', '"><script>')).toContain('content="script"');
  });
});

describe('policy and types', () => {
  it('the CSP allows no inline or eval script and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
  it('knows the MIME types a Vite build emits', () => {
    expect(mimeType('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
