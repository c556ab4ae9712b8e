// Talking to browser mode's server in tests: a raw HTTP request, and POST /rpc with this start's
// desk token.

import { request as httpRequest } from 'node:http';
import type { WebServer } from '../../electron/web/server';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

/** A raw HTTP request: the path goes on the wire exactly as given (no URL normalisation). */
export function send(web: WebServer, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: web.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** POST /rpc as the renderer sends it: JSON, with the desk token; a string body goes as it is. */
export function postRpc(web: WebServer, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(web, {
    method: 'POST',
    path: '/rpc',
    headers: { 'Content-Type': 'application/json', 'X-Desk-Token': web.deskToken, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
