// A fake HID transport for tests, the e2e desk and the bench: devices are plugged and unplugged by
// the test, opening one can be made to fail as the OS would refuse it, and recorded 64-byte input
// reports are replayed into the open handle, through the same parser and event path as a real
// scanner's.

import type { HidDeviceInfo, HidHandle, HidTransport } from './transport';

interface FakeDevice {
  info: HidDeviceInfo;
  openError: string | null;
  handles: Set<{ report: (b: Buffer) => void; error: (e: Error) => void }>;
  featureReports: number[][];
}

export class FakeHidTransport implements HidTransport {
  readonly devices = new Map<string, FakeDevice>();
  constructor(readonly platform: NodeJS.Platform = 'linux') {}

  async enumerate(): Promise<HidDeviceInfo[]> {
    return [...this.devices.values()].map((d) => d.info);
  }

  async open(path: string): Promise<HidHandle> {
    const d = this.devices.get(path);
    if (!d) throw new Error(`cannot open device with path ${path}`);
    if (d.openError) throw new Error(d.openError);
    const h = { report: (_b: Buffer) => undefined as void, error: (_e: Error) => undefined as void };
    d.handles.add(h);
    return {
      onReport: (fn) => void (h.report = fn),
      onError: (fn) => void (h.error = fn),
      sendFeatureReport: async (data) => void d.featureReports.push(data),
      close: () => void d.handles.delete(h),
    };
  }

  /** Plug a scanner in (a HID-POS one unless the info says otherwise). */
  plug(info: Partial<HidDeviceInfo> & { path: string }, openError: string | null = null): void {
    const full: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b8f, product: 'Fake HID-POS scanner', usagePage: 0x8c, usage: 0x02, ...info };
    this.devices.set(info.path, { info: full, openError, handles: new Set(), featureReports: [] });
  }

  /** Pull it out: open handles get the error node-hid gives on an unplug. */
  unplug(path: string): void {
    const d = this.devices.get(path);
    this.devices.delete(path);
    for (const h of d?.handles ?? []) h.error(new Error('could not read from HID device'));
  }

  /** Replay recorded input reports into every open handle of the device. */
  replay(path: string, reports: Buffer[]): void {
    const d = this.devices.get(path);
    if (!d) throw new Error(`no fake device ${path}`);
    for (const r of reports) for (const h of d.handles) h.report(Buffer.from(r));
  }

  featureReportsOf(path: string): number[][] {
    return this.devices.get(path)?.featureReports ?? [];
  }

  isOpen(path: string): boolean {
    return (this.devices.get(path)?.handles.size ?? 0) > 0;
  }
}
