// GET /events: browser mode pushes the server's scanners and their scans to the page as
// Server-Sent Events, behind the Host/Origin guards and this start's desk token (in the query).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvelopeCore } from '../../electron/rpc/envelope';
import { FakeHidTransport } from '../../electron/devices/hid/fake';
import { ScannerHub } from '../../electron/devices/hid/scanners';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { send } from '../helpers/web';
import { HONEYWELL_EAN13 } from '../devices/reports';

let web: WebServer;
let hub: ScannerHub;
const fake = new FakeHidTransport();

beforeAll(async () => {
  fake.plug({ path: '/dev/hidraw4', serialNumber: 'H1' });
  hub = new ScannerHub(fake);
  await hub.poll();
  // the core is never reached by /events
  web = await startWebServer({ core: {} as EnvelopeCore, staticDir: mkdtempSync(join(tmpdir(), 'desk-events-')), port: 0, scans: hub });
});
afterAll(async () => {
  hub.close();
  await web.close();
});

/** Open the stream and collect its events until `count` have come. */
function events(path: string, count: number, act: () => void): Promise<{ res: IncomingMessage; got: { event: string; data: any }[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: web.port, path, headers: { Host: `127.0.0.1:${web.port}` } }, (res) => {
      let buf = '';
      const got: { event: string; data: any }[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let at: number;
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          const ev = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (ev && data) got.push({ event: ev, data: JSON.parse(data) });
          if (got.length === 1) act();
          if (got.length >= count) {
            req.destroy();
            resolve({ res, got });
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /events', () => {
  it('refuses a missing or wrong desk token, another site, and other methods', async () => {
    expect((await send(web, { path: '/events' })).status).toBe(401);
    expect((await send(web, { path: '/events?token=nope' })).json().error.code).toBe('bad_desk_token');
    expect((await send(web, { path: `/events?token=${web.deskToken}`, headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(web, { path: `/events?token=${web.deskToken}`, headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    expect((await send(web, { method: 'POST', path: `/events?token=${web.deskToken}` })).status).toBe(405);
  });

  it('sends the scanners on connect, then each scan and each change', async () => {
    const { res, got } = await events(`/events?token=${web.deskToken}`, 3, () => {
      fake.replay('/dev/hidraw4', HONEYWELL_EAN13);
      fake.unplug('/dev/hidraw4');
    });
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(got[0]).toMatchObject({ event: 'scanners', data: { available: true, scanners: [{ path: '/dev/hidraw4', state: 'ready' }] } });
    expect(got[1]).toEqual({ event: 'scan', data: { code: '6923456000100', symbology: 'ean13', source: 'hid', device: '/dev/hidraw4' } });
    expect(got[2]).toEqual({ event: 'scanners', data: { available: true, problem: null, scanners: [] } });
  });
});

describe('POST /scanner-layout', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    send(web, { method: 'POST', path: '/scanner-layout', body, headers: { 'Content-Type': 'application/json', 'X-Desk-Token': web.deskToken, ...headers } });

  it('sets the layout of a scanner by its key, behind the desk token; refuses what is not a layout', async () => {
    fake.plug({ path: '/dev/hidraw6', serialNumber: 'Y1', vendorId: 0x1d82, productId: 0x5ca0 });
    await hub.poll();
    const key = hub.state().scanners.find((x) => x.path === '/dev/hidraw6')!.key;
    expect((await post(JSON.stringify({ key, layout: 'newland' }), { 'X-Desk-Token': 'nope' })).status).toBe(403);
    expect((await post(JSON.stringify({ key, layout: 'newland' }), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post(JSON.stringify({ key, layout: 'zebra' }))).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect(hub.state().scanners.find((x) => x.key === key)?.layoutChoice).toBe('auto');
    const r = await post(JSON.stringify({ key, layout: 'newland' }));
    expect([r.status, r.json()]).toEqual([200, { ok: true, value: null }]);
    expect(hub.state().scanners.find((x) => x.key === key)).toMatchObject({ layout: 'newland', layoutChoice: 'newland' });
  });
});
