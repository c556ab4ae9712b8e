// The receipt printers this PC can see, to fill in an address: USB printer-class devices the
// kernel made files for (/dev/usb/lp0 …, Linux's usblp) and the OS print queues CUPS knows
// (`lpstat -e`, on Linux and macOS; the spooler's Get-Printer on Windows), and HID printers by enumeration: no HID usage marks a printer,
// so a HID device counts as one when it is no scanner (0x8C), keyboard, mouse or consumer control
// and its maker's or product's name says printer / POS / receipt / 打印. Network printers are
// searched for on request only (./probe.ts), as that takes seconds.

import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeHidTransport, type HidDeviceInfo } from '../hid/transport';
import { isQueueName } from './queue';

export interface FoundPrinter {
  transport: 'file' | 'queue' | 'hid';
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

/** The queues the OS knows: CUPS's `lpstat -e`; on Windows the spooler's printers (names in UTF-8). */
function queues(lister: string, timeoutMs: number, platform: NodeJS.Platform): Promise<FoundPrinter[]> {
  const [program, args] =
    platform === 'win32'
      ? [
          'powershell.exe',
          ['-NoProfile', '-NonInteractive', '-Command', '[Console]::OutputEncoding = [Text.Encoding]::UTF8; Get-Printer | ForEach-Object { $_.Name }'],
        ]
      : [lister, ['-e']];
  return new Promise((resolve) => {
    execFile(program, args, { timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
      if (err) return resolve([]);
      const names = stdout
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(isQueueName);
      resolve(names.slice(0, 50).map((address) => ({ transport: 'queue', address })));
    });
  });
}

const NOT_PRINTER_PAGES = new Set([0x01, 0x0c, 0x8c]);
const PRINTER_NAME = /print|receipt|thermal|\bpos\b|打印|票据/i;

/** HID devices that name themselves printers (none found, or node-hid missing: an empty list). */
export async function hidPrinters(enumerate: () => Promise<HidDeviceInfo[]> = () => nodeHidTransport().enumerate()): Promise<FoundPrinter[]> {
  let all: HidDeviceInfo[];
  try {
    all = await enumerate();
  } catch {
    return [];
  }
  const paths = all
    .filter((d) => !NOT_PRINTER_PAGES.has(d.usagePage ?? 0) && PRINTER_NAME.test(`${d.manufacturer ?? ''} ${d.product ?? ''}`))
    .map((d) => d.path);
  return [...new Set(paths)].slice(0, 20).map((address) => ({ transport: 'hid', address }));
}

/** What is there now; nothing found (or no CUPS, no HID) is an empty list, never an error. */
export async function findPrinters(
  o: { usbDir?: string; lpstat?: string; timeoutMs?: number; hid?: () => Promise<HidDeviceInfo[]> } = {},
): Promise<FoundPrinter[]> {
  const [files, qs, hid] = await Promise.all([
    deviceFiles(o.usbDir ?? '/dev/usb'),
    queues(o.lpstat ?? 'lpstat', o.timeoutMs ?? 2000, process.platform),
    hidPrinters(o.hid),
  ]);
  return [...files, ...qs, ...hid];
}
