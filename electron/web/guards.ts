// The security checks of browser mode, before any request is served: the Host header must be
// ours (defeats DNS rebinding), an Origin header, when present, must be ours, and /rpc must carry
// the per-start desk token and must not be what the browser calls a cross-site request.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TransportCode } from './transport';

/** A refusal: the transport code, its details, extra response headers. */
export type Refusal = [code: TransportCode, details?: Record<string, unknown>, headers?: Record<string, string>];

export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The host:port names this server answers to (localhost and both loopbacks on a loopback address). */
export function hostAliases(host: string, port: number, extra: string[]): Set<string> {
  const names = new Set<string>([host, ...extra]);
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') {
    names.add('127.0.0.1');
    names.add('localhost');
    names.add('::1');
  }
  const out = new Set<string>();
  for (const n of names) out.add((n.includes(':') ? `[${n}]` : n).toLowerCase() + `:${port}`);
  return out;
}

/** Host must be one of ours; Origin, when sent, an http origin on one of ours. */
export function checkHostAndOrigin(req: IncomingMessage, hosts: Set<string>): Refusal | null {
  const hostHeader = String(req.headers.host ?? '').toLowerCase();
  if (!hosts.has(hostHeader)) return ['bad_host', { host: hostHeader }];
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let originHost: string | null = null;
  try {
    const u = new URL(origin);
    if (u.protocol === 'http:') originHost = u.host.toLowerCase();
  } catch {
    originHost = null;
  }
  return !originHost || !hosts.has(originHost) ? ['bad_origin', { origin }] : null;
}

/**
 * Belt and braces beside Origin, for /rpc: the browser's own word that another site sent this.
 * (Pages may still be opened from a link on another site: that is a plain navigation.)
 */
export function checkFetchSite(req: IncomingMessage): Refusal | null {
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site' ? ['bad_origin', { secFetchSite: site }] : null;
}

/** /rpc: POST, X-Desk-Token equal to this start's desk token, a JSON body. */
export function checkRpcRequest(req: IncomingMessage, deskToken: string): Refusal | null {
  if (req.method !== 'POST') return ['method_not_allowed', {}, { Allow: 'POST' }];
  const given = req.headers['x-desk-token'];
  if (given === undefined || given === '') return ['no_desk_token'];
  if (typeof given !== 'string' || !sameToken(given, deskToken)) return ['bad_desk_token'];
  const ctype = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/json\s*(;|$)/.test(ctype)) return ['bad_content_type'];
  return null;
}
