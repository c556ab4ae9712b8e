// A receipt printer's live status, for the 小票打印机 tab while it is open. A network printer (TCP
// 9100) is asked the ESC/POS real-time status, DLE EOT n, and answers one byte for each:
//   n = 1 printer:  bit 3 offline
//   n = 2 offline cause:  bit 2 cover open, bit 5 stopped at paper end, bit 6 an error
//   n = 4 roll paper sensor:  bits 2–3 paper near its end, bits 5–6 paper out
// Every answer byte has bits 1 and 4 set and bits 0 and 7 clear (0b0xx1xx10): a byte that is not so
// is no status byte. A USB printer-class device file is checked for being there and writable; a
// HID printer and a print queue say nothing of their paper (unknown).

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Socket } from 'node:net';
import type { LiveStatus } from '../../../shared/schemas/receipts';
import { failureOf, PrinterError } from './errors';
import type { Transport } from './index';
import { connect, parseTcpAddress } from './tcp';

const QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
const isStatusByte = (b: number) => (b & 0x93) === 0x12;

/** The three answers (DLE EOT 1, 2, 4) in words; fewer than three, or a byte that is no status byte: unknown. */
export function liveStatusOf(answer: Buffer): LiveStatus {
  if (answer.length < 3 || ![answer[0], answer[1], answer[2]].every(isStatusByte)) return 'unknown';
  const [printer, cause, paper] = answer;
  if ((paper & 0x60) === 0x60 || cause & 0x20) return 'paper_out';
  if (cause & 0x04) return 'cover_open';
  if (printer & 0x08 || cause & 0x40) return 'offline';
  if ((paper & 0x0c) === 0x0c) return 'paper_near_end';
  return 'online';
}

function ask(s: Socket, waitMs: number): Promise<Buffer> {
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const done = () => {
      clearTimeout(timer);
      s.removeListener('data', onData);
      resolve(got);
    };
    const onData = (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 3) done();
    };
    const timer = setTimeout(done, waitMs);
    s.on('data', onData);
    s.write(QUERY);
  });
}

async function tcpStatus(address: string, timeoutMs: number): Promise<LiveStatus> {
  const t = parseTcpAddress(address);
  if (!t) return 'not_found';
  let s: Socket;
  try {
    s = await connect(t, timeoutMs);
  } catch {
    return 'unreachable';
  }
  try {
    s.on('error', () => {});
    return liveStatusOf(await ask(s, timeoutMs));
  } finally {
    s.destroy();
  }
}

async function fileStatus(path: string): Promise<LiveStatus> {
  try {
    await access(path, constants.W_OK);
    return 'online';
  } catch (e) {
    const r = failureOf(e);
    return r instanceof PrinterError && (r.reason === 'not_found' || r.reason === 'permission') ? r.reason : 'unreachable';
  }
}

/** The printer's status now; never throws. `timeoutMs` bounds connecting and the answer, each. */
export async function liveStatus(p: { transport: Transport; address: string }, timeoutMs = 1500): Promise<LiveStatus> {
  if (p.transport === 'tcp') return tcpStatus(p.address, timeoutMs);
  if (p.transport === 'file') return fileStatus(p.address);
  return 'unknown';
}
