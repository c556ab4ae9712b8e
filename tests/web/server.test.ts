// Browser mode's server over a real core on a temp SQLite file: static files with the token
// injected, traversal refused, and /rpc's guards (token, Origin, Host, body) in front of the core.
// Uses a static folder made here, so the renderer build is not needed.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { seedOffice } from '../../electron/demo/seed';
import { fixture, makeCore, type TestCore } from '../helpers/index';
import { postRpc, send, type Reply } from '../helpers/web';

let t: TestCore;
let web: WebServer;
let root: string;
let staticDir: string;

const rpc = (body: unknown, headers: Record<string, string> = {}): Promise<Reply> => postRpc(web, body, headers);

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="desk-token" content="">
    <title>办事处仓财台</title>
    <script type="module" crossorigin src="/assets/index-abc123.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

beforeAll(async () => {
  t = await makeCore();
  await seedOffice(t.core, fixture);
  root = mkdtempSync(join(tmpdir(), 'desk-web-'));
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("desk")');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(join(staticDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(staticDir, '.env'), 'SECRET=dotfile');
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE-ROOT');
  web = await startWebServer({ core: t.core, staticDir, port: 0 });
});

afterAll(async () => {
  await web?.close();
  t?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('binds to loopback on the port it was given (0 = a free one)', () => {
    expect(web.host).toBe('127.0.0.1');
    expect(web.port).toBeGreaterThan(0);
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/`);
    expect(web.deskToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('serves index.html with this start’s token injected and security headers', async () => {
    const r = await send(web, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.text).toContain(`<meta name="desk-token" content="${web.deskToken}">`);
    expect(r.text).not.toContain('content=""');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('answers a screen path (no file extension) with index.html, so reloads work', async () => {
    for (const p of ['/index.html', '/slips/12', '/stock/card?item=3']) {
      const r = await send(web, { path: p });
      expect(r.status, p).toBe(200);
      expect(r.text, p).toContain(web.deskToken);
    }
  });

  it('serves assets with the right MIME type', async () => {
    const cases: [string, string][] = [
      ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
      ['/assets/font.woff2', 'font/woff2'],
      ['/favicon.svg', 'image/svg+xml'],
    ];
    for (const [p, type] of cases) {
      const r = await send(web, { path: p });
      expect(r.status, p).toBe(200);
      expect(r.headers['content-type'], p).toBe(type);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const js = await send(web, { path: '/assets/index-abc123.js' });
    expect(js.text).toBe('console.log("desk")');
    expect(js.headers['cache-control']).toContain('immutable');
    const head = await send(web, { method: 'HEAD', path: '/assets/index-abc123.js' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('404s a missing file that looks like a file, and never serves dotfiles', async () => {
    expect((await send(web, { path: '/assets/nope.js' })).status).toBe(404);
    expect((await send(web, { path: '/favicon.ico' })).status).toBe(204);
    const dot = await send(web, { path: '/.env' });
    expect(dot.status).toBe(404);
    expect(dot.text).not.toContain('dotfile');
  });

  it('refuses path traversal in every spelling', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '/%00/index.html',
      '/%E0%A4%A',
    ];
    for (const p of attempts) {
      const r = await send(web, { path: p });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.status, p).toBeLessThan(500);
      expect(r.text, p).not.toContain('TOP-SECRET');
    }
  });

  it('refuses other methods on static paths', async () => {
    const r = await send(web, { method: 'POST', path: '/index.html', body: 'x' });
    expect(r.status).toBe(405);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await send(web, { path: '/', headers: { Host: `evil.example:${web.port}` } });
    expect(r.status).toBe(403);
    expect(r.text).not.toContain(web.deskToken);
    const ok = await send(web, { path: '/', headers: { Host: `localhost:${web.port}` } });
    expect(ok.status).toBe(200);
  });
});

describe('/rpc transport guards', () => {
  it('401 without a token, 403 with a wrong one', async () => {
    const body = JSON.stringify({ method: 'office.get', input: {} });
    const none = await send(web, { method: 'POST', path: '/rpc', headers: { 'Content-Type': 'application/json' }, body });
    expect(none.status).toBe(401);
    expect(none.json().error.code).toBe('no_desk_token');
    const wrong = await rpc(body, { 'X-Desk-Token': 'x'.repeat(web.deskToken.length) });
    expect(wrong.status).toBe(403);
    expect(wrong.json().error.code).toBe('bad_desk_token');
    const short = await rpc(body, { 'X-Desk-Token': 'abc' });
    expect(short.status).toBe(403);
  });

  it('403 for a foreign Origin, even with the right token; its own origin is fine', async () => {
    const body = { method: 'office.get', input: {} };
    for (const origin of ['https://evil.example', `http://127.0.0.1:${web.port + 1}`, 'null', `https://127.0.0.1:${web.port}`]) {
      const r = await rpc(body, { Origin: origin });
      expect(r.status, origin).toBe(403);
      expect(r.json().error.code, origin).toBe('bad_origin');
    }
    for (const site of ['cross-site', 'same-site']) {
      const r = await rpc(body, { 'Sec-Fetch-Site': site });
      expect(r.status, site).toBe(403);
    }
    expect((await rpc(body, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    // a link to the desk from another site's page still opens it
    const nav = await send(web, { path: '/', headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } });
    expect(nav.status).toBe(200);
    const own = await rpc(body, { Origin: web.origin });
    expect(own.status).toBe(200);
    expect(own.json().ok).toBe(true);
    const local = await rpc(body, { Origin: `http://localhost:${web.port}`, Host: `localhost:${web.port}` });
    expect(local.status).toBe(200);
  });

  it('400 for bad JSON, with a message in Chinese and English', async () => {
    const r = await rpc('{"method": "office.get", ');
    expect(r.status).toBe(400);
    const e = r.json();
    expect(e.ok).toBe(false);
    expect(e.error.code).toBe('bad_json');
    expect(e.error.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.error.message_en).toMatch(/JSON/);
  });

  it('400 for a body that is not a request envelope', async () => {
    for (const body of ['[]', '"office.get"', '{"input":{}}', '{"method":"office.get","sessionToken":42}', '{"method":"x","requestId":{}}']) {
      const r = await rpc(body);
      expect(r.status, body).toBe(400);
      expect(r.json().error.code, body).toBe('bad_request');
    }
  });

  it('413 for a body over 1 MB', async () => {
    const r = await rpc({ method: 'office.get', input: { pad: 'x'.repeat(1024 * 1024 + 10) } });
    expect(r.status).toBe(413);
    expect(r.json().error.code).toBe('too_large');
  });

  it('415 unless sent as JSON, 405 for GET', async () => {
    const r = await rpc(JSON.stringify({ method: 'office.get' }), { 'Content-Type': 'text/plain' });
    expect(r.status).toBe(415);
    const g = await send(web, { path: '/rpc', headers: { 'X-Desk-Token': web.deskToken } });
    expect(g.status).toBe(405);
  });

  it('never caches /rpc answers', async () => {
    const r = await rpc({ method: 'office.get', input: {} });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('/rpc calls the core', () => {
  it('office.get, then log in and write, with the session token carried in the body', async () => {
    const office = await rpc({ method: 'office.get', input: {} });
    expect(office.status).toBe(200);
    expect(office.json()).toMatchObject({ ok: true, value: { initialised: true, office: { name: fixture.office.name } } });

    const manager = fixture.users.find((u) => u.roles.includes('manager'))!;
    const login = (await rpc({ method: 'auth.login', input: { user: manager.name, pin: manager.pin } })).json();
    expect(login.ok).toBe(true);
    const sessionToken = login.value.sessionToken as string;

    const input = { code: 'WEB-001', name: '浏览器模式测试客户', kind: '经销商' };
    const created = await rpc({ method: 'customers.create', input, sessionToken, requestId: 'web-test-1' });
    expect(created.status).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({ ok: true, value: { code: 'WEB-001', name: '浏览器模式测试客户' } });

    // The same request id again (a retry): the same answer, no second customer.
    const again = (await rpc({ method: 'customers.create', input, sessionToken, requestId: 'web-test-1' })).json();
    expect(again).toEqual(c);
    const list = (await rpc({ method: 'customers.list', input: { query: 'WEB-001' }, sessionToken })).json();
    expect(list.ok).toBe(true);
    expect(list.value.rows.filter((r: { code: string }) => r.code === 'WEB-001')).toHaveLength(1);
  });

  it('the core’s own errors come back as HTTP 200 with the error shape', async () => {
    const unknown = await rpc({ method: 'nope.nothing', input: {} });
    expect(unknown.status).toBe(200);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(unknown.json().error.message_zh).toContain('nope.nothing');

    const anon = await rpc({ method: 'customers.create', input: { code: 'X', name: 'X' } });
    expect(anon.status).toBe(200);
    expect(anon.json().error.code).toBe('not_logged_in');

    const stale = await rpc({ method: 'auth.whoami', input: {}, sessionToken: 'not-a-session' });
    expect(stale.json().error.code).toBe('not_logged_in');

    const invalid = await rpc({ method: 'auth.login', input: { user: '', pin: '1' } });
    expect(invalid.status).toBe(200);
    expect(invalid.json().error.code).toBe('invalid_input');
  });

  it('accepts sessionToken: null and a missing input, as the renderer may send them', async () => {
    const r = await rpc({ method: 'office.get', sessionToken: null, requestId: null });
    expect(r.status).toBe(200);
    expect(r.json().ok).toBe(true);
  });
});
