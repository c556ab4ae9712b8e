// GET /events in browser mode: the server owns the scanners (electron/devices/hid/scanners.ts) and
// pushes what they read to the page as Server-Sent Events, on the same loopback origin and behind
// the same guards as /rpc: Host and Origin (server.ts), not cross-site, and this start's desk token
// — in the query (?token=…), since an EventSource cannot send headers.
//   event: scanners   the scanners found and their problems (on connect, then on every change)
//   event: scan       one scan: { code, symbology, source: 'hid', device, gs1? }
// A comment line every 25 s keeps proxies and idle timeouts from closing the stream.
// POST /scanner-layout {key, layout}: the report layout this desk chose for one scanner (扫描枪 tab),
// behind the guards of /rpc (X-Desk-Token, JSON, not cross-site).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { SCANNER_LAYOUT_CHOICES, type HidScan, type ScannerLayoutChoice, type ScannersState } from '../../shared/bridge';
import { checkFetchSite, checkRpcRequest, sameToken } from './guards';
import { fail, sendJson } from './transport';

/** What pushes scans: the scanner hub (or nothing, where no hub runs). */
export interface ScanSource {
  state(): ScannersState;
  onScan(fn: (s: HidScan) => void): () => void;
  onState(fn: (s: ScannersState) => void): () => void;
  setLayout?(key: string, layout: ScannerLayoutChoice): void;
}

export interface EventsDoor {
  deskToken: string;
  scans: ScanSource | null;
}

const NO_SCANNERS: ScannersState = { available: false, problem: null, scanners: [] };
const HEARTBEAT_MS = 25_000;

export function handleEvents(req: IncomingMessage, res: ServerResponse, door: EventsDoor): void {
  if (req.method !== 'GET') return fail(res, 'method_not_allowed', {}, { Allow: 'GET' });
  const crossSite = checkFetchSite(req);
  if (crossSite) return fail(res, ...crossSite);
  const token = new URL(req.url ?? '/', 'http://desk').searchParams.get('token') ?? '';
  if (!token) return fail(res, 'no_desk_token');
  if (!sameToken(token, door.deskToken)) return fail(res, 'bad_desk_token');
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'keep-alive',
  });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const source = door.scans;
  send('scanners', source?.state() ?? NO_SCANNERS);
  const offs = source ? [source.onScan((s) => send('scan', s)), source.onState((s) => send('scanners', s))] : [];
  const beat = setInterval(() => res.write(': \n\n'), HEARTBEAT_MS);
  beat.unref();
  req.on('close', () => {
    clearInterval(beat);
    for (const off of offs) off();
  });
}

const LAYOUT_BODY_MAX = 1024;

/** {key, layout} from the body, or null when it is not that (too long, not JSON, unknown layout). */
function layoutOf(req: IncomingMessage): Promise<{ key: string; layout: ScannerLayoutChoice } | null> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
      if (body.length > LAYOUT_BODY_MAX) req.destroy();
    });
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null));
    req.on('end', () => {
      try {
        const v = JSON.parse(body) as { key?: unknown; layout?: unknown };
        const ok = typeof v.key === 'string' && v.key.length > 0 && v.key.length <= 300 && SCANNER_LAYOUT_CHOICES.includes(v.layout as ScannerLayoutChoice);
        resolve(ok ? { key: v.key as string, layout: v.layout as ScannerLayoutChoice } : null);
      } catch {
        resolve(null);
      }
    });
  });
}

export async function handleScannerLayout(req: IncomingMessage, res: ServerResponse, door: EventsDoor): Promise<void> {
  const refused = checkFetchSite(req) ?? checkRpcRequest(req, door.deskToken);
  if (refused) return fail(res, ...refused);
  const choice = await layoutOf(req);
  if (!choice) return fail(res, 'bad_path', { expected: '{ key, layout: auto | honeywell | newland }' });
  door.scans?.setLayout?.(choice.key, choice.layout);
  sendJson(res, 200, { ok: true, value: null });
}
