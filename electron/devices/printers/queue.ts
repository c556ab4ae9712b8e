// The operating system's print queue, raw: on Linux and macOS CUPS's `lp -d <queue> -o raw` (the
// queue set up with the printer's "raw" or "Generic Text-Only" driver passes the ESC/POS bytes as
// they are). Windows is not supported here: its spooler needs a RAW datatype job through the Win32
// API (WritePort/StartDocPrinter), which Node cannot reach without a native module; a Windows desk
// uses the printer over TCP 9100, or its USB port shared as a network printer.

import { spawn } from 'node:child_process';
import { PrinterError, failureOf, within } from './errors';

export const QUEUE_SUPPORTED = process.platform !== 'win32';

export function isQueueName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,127}$/.test(name);
}

export async function sendQueue(queue: string, bytes: Buffer, timeoutMs: number, lp = 'lp'): Promise<void> {
  if (!QUEUE_SUPPORTED) throw new PrinterError('unsupported', 'raw print queue on Windows');
  if (!isQueueName(queue)) throw new PrinterError('not_found', `not a queue name: ${queue}`);
  const child = spawn(lp, ['-d', queue, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
  const done = new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('error', (e) =>
      reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new PrinterError('unsupported', `${lp} not found (CUPS)`) : failureOf(e)),
    );
    child.once('close', (code) => (code === 0 ? resolve() : reject(new PrinterError('refused', err.trim().slice(0, 300) || `${lp} exit ${code}`))));
    child.stdin.on('error', () => {}); // a refused queue closes stdin early; the exit code says why
    child.stdin.end(bytes);
  });
  await within(done, timeoutMs, `${lp} -d ${queue}`, () => child.kill());
}
