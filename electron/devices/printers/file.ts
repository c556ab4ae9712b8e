// A USB printer-class receipt printer as the operating system shows it: a device file
// (/dev/usb/lp0 on Linux through the usblp driver; a serial port such as /dev/ttyUSB0 for the older
// RS-232 models). Writing needs the user in the `lp` group (Debian/Ubuntu) or a udev rule; the
// desk says which when the device refuses.

import { open } from 'node:fs/promises';
import { PrinterError, failureOf, within } from './errors';

/** Device paths the desk accepts: /dev/… on Linux and macOS, or COMn / \\.\COMn on Windows. */
export function isDevicePath(path: string): boolean {
  return /^\/dev\/[A-Za-z0-9/_.-]{1,100}$/.test(path) || /^(\\\\\.\\)?COM\d{1,3}$/i.test(path);
}

export async function sendFile(path: string, bytes: Buffer, timeoutMs: number): Promise<void> {
  if (!isDevicePath(path)) throw new PrinterError('not_found', `not a device path: ${path}`);
  const write = async () => {
    const fh = await open(path, 'w');
    try {
      await fh.write(bytes);
    } finally {
      await fh.close();
    }
  };
  try {
    await within(write(), timeoutMs, `write ${path}`);
  } catch (e) {
    throw failureOf(e);
  }
}
