// The receipt printers this PC can see, to fill in an address: USB printer-class devices the
// kernel made files for (/dev/usb/lp0 …, Linux's usblp) and the OS print queues CUPS knows
// (`lpstat -e`, on Linux and macOS). Network printers are not searched for (their IP is on their
// self-test slip), nor HID printers, which no HID usage marks as printers.

import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { QUEUE_SUPPORTED, isQueueName } from './queue';

export interface FoundPrinter {
  transport: 'file' | 'queue';
  address: string;
}

async function deviceFiles(dir: string): Promise<FoundPrinter[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((n) => /^lp\d{1,3}$/.test(n))
      .sort()
      .map((n) => ({ transport: 'file', address: join(dir, n) }));
  } catch {
    return [];
  }
}

function queues(lpstat: string, timeoutMs: number): Promise<FoundPrinter[]> {
  if (!QUEUE_SUPPORTED) return Promise.resolve([]);
  return new Promise((resolve) => {
    execFile(lpstat, ['-e'], { timeout: timeoutMs }, (err, stdout) => {
      if (err) return resolve([]);
      const names = stdout
        .split('\n')
        .map((s) => s.trim())
        .filter(isQueueName);
      resolve(names.slice(0, 50).map((address) => ({ transport: 'queue', address })));
    });
  });
}

/** What is there now; nothing found (or no CUPS) is an empty list, never an error. */
export async function findPrinters(o: { usbDir?: string; lpstat?: string; timeoutMs?: number } = {}): Promise<FoundPrinter[]> {
  const [files, qs] = await Promise.all([deviceFiles(o.usbDir ?? '/dev/usb'), queues(o.lpstat ?? 'lpstat', o.timeoutMs ?? 2000)]);
  return [...files, ...qs];
}
