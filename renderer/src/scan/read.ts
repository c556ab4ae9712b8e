// A scan that carries a GS1 element string (a wedge scan with its AIM id or FNC1, or a HID scan
// the main process found GS1 in) is read by the core (scans.read) before it is published: the
// screens get the GTIN as `code`, the batch, expiry and count in `gs1`, and whether the expiry has
// passed in the office's calendar. Scans are published in the order they came: a plain scan behind
// one being read waits for it; with none being read it is published at once.

import { looksGs1 } from '../../../shared/barcode';
import { call } from '../api';
import { publishScan, type ScanEvent } from './bus';

let chain: Promise<void> = Promise.resolve();
let reading = 0;

/** The text the core reads: GS (FNC1) written as |, which the contract's text rule lets through. */
const wire = (raw: string) => raw.replace(/\x1d/g, '|');

async function readThenPublish(e: ScanEvent, raw: string): Promise<void> {
  const r = await call('scans.read', { code: wire(raw) });
  if (!r.ok) return void publishScan({ ...e, code: wire(raw), gs1: undefined, refused: r.error });
  publishScan({ ...e, code: r.value.code, gs1: r.value.gs1 ?? undefined, expired: r.value.expired });
}

/** Publish a scan, read first when it is GS1. `raw`: the element string as scanned (AIM id, GS), when it differs from `code`. */
export function publishRead(e: ScanEvent, raw: string = e.code): void {
  if (!looksGs1(wire(raw)) && reading === 0) return void publishScan(e);
  reading++;
  chain = chain
    .then(async () => {
      if (looksGs1(wire(raw))) await readThenPublish(e, raw);
      else publishScan(e);
    })
    .catch((x: unknown) => console.error('scan read failed', x))
    .finally(() => void reading--);
}
