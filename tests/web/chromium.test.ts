// Browser mode in real Chromium (Debian's /usr/bin/chromium through playwright-core), with a
// tiny page made here instead of the renderer build: the page reads the injected token and calls
// /rpc exactly as the renderer's api layer does; the CSP blocks inline script; a page on another
// origin cannot call /rpc at all. Skipped when no Chromium is installed.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice } from '../../electron/demo/seed';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { fixture, makeCore, type TestCore } from '../helpers/index';

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

// The same call the renderer's api layer makes when window.desk is absent.
const APP_JS = `
async function call(method, input, sessionToken, requestId) {
  const deskToken = document.querySelector('meta[name="desk-token"]').content;
  const res = await fetch('/rpc', {
    method: 'POST',
    headers: { 'X-Desk-Token': deskToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, input, sessionToken, requestId }),
  });
  return res.json();
}
window.deskCall = call;
(async () => {
  const office = await call('office.get', {});
  document.getElementById('out').textContent = office.ok ? office.value.office.name : 'ERR ' + office.error.code;
})();
`;

const INDEX = `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8"><meta name="desk-token" content="">
<title>t</title><script type="module" src="/assets/app.js"></script></head>
<body><div id="out">…</div><div id="inline">not run</div>
<script>document.getElementById('inline').textContent = 'INLINE RAN'</script></body></html>`;

let t: TestCore;
let web: WebServer;
let dir: string;
let browser: Browser;
let foreign: Server;
let foreignPort: number;

describe.skipIf(!CHROMIUM)('browser mode in Chromium', () => {
  beforeAll(async () => {
    t = await makeCore();
    await seedOffice(t.core, fixture);
    dir = mkdtempSync(join(tmpdir(), 'desk-chromium-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app.js'), APP_JS);
    web = await startWebServer({ core: t.core, staticDir: dir, port: 0 });
    // Another site on this machine that tries to reach the desk.
    foreign = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>evil</title>');
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    foreignPort = (foreign.address() as AddressInfo).port;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await new Promise((r) => (foreign ? foreign.close(r) : r(null)));
    t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the page reads the token and calls /rpc; inline script is blocked by the CSP', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(web.url);
    await page.waitForFunction(() => document.getElementById('out')?.textContent !== '…');
    expect(await page.textContent('#out')).toBe(fixture.office.name);
    expect(await page.textContent('#inline')).toBe('not run');
    expect(violations.length).toBeGreaterThan(0);

    const manager = fixture.users.find((u) => u.roles.includes('manager'))!;
    const result = await page.evaluate(
      async ([user, pin]) => {
        const call = (window as any).deskCall;
        const login = await call('auth.login', { user, pin });
        const created = await call('customers.create', { code: 'CR-1', name: '浏览器客户' }, login.value.sessionToken, 'cr-1');
        return { login: login.ok, created };
      },
      [manager.name, manager.pin],
    );
    expect(result.login).toBe(true);
    expect(result.created).toMatchObject({ ok: true, value: { code: 'CR-1' } });
    await page.close();
  });

  it('a page on another origin cannot call /rpc, even knowing the token', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${foreignPort}/`);
    const outcome = await page.evaluate(
      async ([url, token]) => {
        try {
          const r = await fetch(url, {
            method: 'POST',
            headers: { 'X-Desk-Token': token, 'Content-Type': 'application/json' },
            body: JSON.stringify({ method: 'office.get', input: {} }),
          });
          return `status ${r.status}`;
        } catch (e) {
          return `blocked: ${(e as Error).message}`;
        }
      },
      [`${web.origin}/rpc`, web.deskToken],
    );
    expect(outcome).toMatch(/^blocked/);
    // A simple (no-preflight) cross-site form-style post is refused by the Origin check.
    const simple = await page.evaluate(async (url) => {
      try {
        const r = await fetch(url, { method: 'POST', mode: 'no-cors', body: '{"method":"office.get"}' });
        return r.type;
      } catch (e) {
        return `blocked: ${(e as Error).message}`;
      }
    }, `${web.origin}/rpc`);
    expect(simple === 'opaque' || simple.startsWith('blocked')).toBe(true);
    await page.close();
  });
});
