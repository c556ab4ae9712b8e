// A network receipt printer on raw TCP port 9100 (the common case in offices: the printer's own
// Ethernet or Wi-Fi port, "JetDirect"/RAW). Before the receipt, the printer is asked for its real-time
// status (DLE EOT 1: printer, DLE EOT 4: paper roll); a printer that answers "offline" or "paper
// end" gets nothing and the desk says so. Printers that do not answer status over TCP are sent the
// receipt anyway after a short wait. Every step has a timeout.

import { Socket } from 'node:net';
import { PrinterError, failureOf, within } from './errors';

export const TCP_DEFAULT_PORT = 9100;
const CLOSE_GRACE_MS = 1500;
const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x04]);

export interface TcpTarget {
  host: string;
  port: number;
}

/** "192.168.1.87", "192.168.1.87:9100", "printer.local:9101" → host and port (9100 unless given). */
export function parseTcpAddress(address: string): TcpTarget | null {
  const m = /^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:]{2,45}\])(?::(\d{1,5}))?$/.exec(address.trim());
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : TCP_DEFAULT_PORT;
  if (port < 1 || port > 65535) return null;
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

/** What DLE EOT 1 and 4 answered: bit 3 of the first byte is "offline", bits 5–6 of the second "paper end". */
export function statusOf(answer: Buffer): 'ok' | 'offline' | 'paper_out' | 'unknown' {
  if (answer.length < 2) return 'unknown';
  if ((answer[1] & 0x60) === 0x60) return 'paper_out';
  if (answer[0] & 0x08) return 'offline';
  return 'ok';
}

export function connect(t: TcpTarget, timeoutMs: number): Promise<Socket> {
  const s = new Socket();
  const opened = new Promise<Socket>((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('error', (e) => reject(failureOf(e)));
    s.connect(t.port, t.host);
  });
  return within(opened, timeoutMs, `connect ${t.host}:${t.port}`, () => s.destroy()).finally(() => s.removeAllListeners('error'));
}

function readStatus(s: Socket, waitMs: number): Promise<Buffer> {
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const done = () => {
      clearTimeout(timer);
      s.removeListener('data', onData);
      resolve(got);
    };
    const onData = (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 2) done();
    };
    const timer = setTimeout(done, waitMs);
    s.on('data', onData);
    s.write(STATUS_QUERY);
  });
}

/** Sent once the printer closed its side, or a moment after the last byte left (printers that keep the connection open). */
function writeAll(s: Socket, bytes: Buffer, timeoutMs: number, what: string): Promise<void> {
  const sent = new Promise<void>((resolve, reject) => {
    s.once('error', (e) => reject(failureOf(e)));
    s.once('close', () => resolve());
    s.once('finish', () => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    s.end(bytes);
  });
  return within(sent, timeoutMs, what, () => s.destroy());
}

export interface TcpOptions {
  /** connecting and sending, each */
  timeoutMs: number;
  /** how long to wait for a status answer before printing anyway */
  statusWaitMs: number;
}

/** Send the bytes to a TCP 9100 printer; resolves once the printer took them all and the connection closed. */
export async function sendTcp(address: string, bytes: Buffer, o: TcpOptions): Promise<{ status: ReturnType<typeof statusOf> }> {
  const t = parseTcpAddress(address);
  if (!t) throw new PrinterError('not_found', `not a host[:port]: ${address}`);
  const s = await connect(t, o.timeoutMs);
  try {
    s.on('error', () => {}); // a reset after the status is reported by writeAll
    const status = statusOf(await readStatus(s, o.statusWaitMs));
    if (status === 'offline' || status === 'paper_out') throw new PrinterError(status, `${t.host}:${t.port}`);
    await writeAll(s, bytes, o.timeoutMs, `send to ${t.host}:${t.port}`);
    return { status };
  } finally {
    s.destroy();
  }
}
