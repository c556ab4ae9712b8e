// One way to a receipt printer: the transport a printer is configured with, its address, and the
// bytes. TCP 9100 (network), a device file (USB printer class, /dev/usb/lp0), HID (report-sized
// writes), or the operating system's queue (raw). Each has a timeout and fails with a
// PrinterError whose reason the desk turns into a message and a retry.

import { sendFile } from './file';
import { sendHid } from './hid';
import { sendQueue } from './queue';
import { sendTcp } from './tcp';

export const TRANSPORTS = ['tcp', 'file', 'hid', 'queue'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface SendOptions {
  timeoutMs: number;
  statusWaitMs: number;
}

export const DEFAULT_SEND: SendOptions = { timeoutMs: 5000, statusWaitMs: 400 };

export async function sendToPrinter(p: { transport: Transport; address: string }, bytes: Buffer, o: SendOptions = DEFAULT_SEND): Promise<void> {
  switch (p.transport) {
    case 'tcp':
      await sendTcp(p.address, bytes, o);
      return;
    case 'file':
      return sendFile(p.address, bytes, o.timeoutMs);
    case 'hid':
      return sendHid(p.address, bytes, o.timeoutMs);
    case 'queue':
      return sendQueue(p.address, bytes, o.timeoutMs);
  }
}

export { PrinterError, PRINTER_FAILURES, type PrinterFailure } from './errors';
