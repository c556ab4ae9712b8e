// The rare receipt printer that shows itself as a HID device (some Chinese 58 mm models): the
// bytes go out in output reports of the device's report size, each led by report id 0 (node-hid
// wants the id as the first byte), the last one padded with NUL, which ESC/POS ignores. Opened by
// its path (node-hid's devices() lists it), never by vendor/product id. node-hid is loaded only
// when a HID printer is used.

import { PrinterError, failureOf, within } from './errors';

export const HID_REPORT_SIZE = 64;

/** The bytes as HID output reports: [0, …size bytes], the last padded with zeros. */
export function hidReports(bytes: Buffer, size = HID_REPORT_SIZE): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const r = Buffer.alloc(size + 1);
    bytes.copy(r, 1, i, Math.min(bytes.length, i + size));
    out.push(r);
  }
  return out;
}

export interface HidWriter {
  write(report: Buffer): Promise<number>;
  close(): Promise<void>;
}

async function openHid(path: string): Promise<HidWriter> {
  const hid = await import('node-hid');
  return (await hid.HIDAsync.open(path)) as unknown as HidWriter;
}

export async function sendHid(path: string, bytes: Buffer, timeoutMs: number, opener: (path: string) => Promise<HidWriter> = openHid): Promise<void> {
  if (!path) throw new PrinterError('not_found', 'no HID path');
  const send = async () => {
    const dev = await opener(path);
    try {
      for (const r of hidReports(bytes)) await dev.write(r);
    } finally {
      await dev.close();
    }
  };
  try {
    await within(send(), timeoutMs, `HID ${path}`);
  } catch (e) {
    throw failureOf(e);
  }
}
