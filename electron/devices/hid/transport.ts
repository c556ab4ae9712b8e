// The HID transport the scanner hub talks to: enumerate devices, open one by path, read its input
// reports. `nodeHidTransport` is the real one (node-hid, loaded only when first used, so a desk
// whose libusb / hidraw is missing says so on the devices screen instead of failing to start);
// tests and the e2e desk use `FakeHidTransport` (./fake.ts), which replays recorded reports.

import { createRequire } from 'node:module';

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
  usagePage?: number;
  usage?: number;
}

/** An open device: its input reports (report id first, as node-hid gives them), errors (an unplug), close. */
export interface HidHandle {
  onReport(fn: (report: Buffer) => void): void;
  onError(fn: (e: Error) => void): void;
  sendFeatureReport(data: number[]): Promise<void>;
  close(): void;
}

export interface HidTransport {
  /** what is plugged in now */
  enumerate(): Promise<HidDeviceInfo[]>;
  /** open by path (never by vendor/product id, which may open the keyboard interface instead) */
  open(path: string): Promise<HidHandle>;
  /** the OS, for the words of an open failure */
  readonly platform: NodeJS.Platform;
}

interface NodeHidAsync {
  on(event: 'data', fn: (b: Buffer) => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  sendFeatureReport(data: number[]): Promise<number>;
  close(): Promise<void>;
}
interface NodeHid {
  devicesAsync(): Promise<(Omit<HidDeviceInfo, 'path'> & { path?: string })[]>;
  HIDAsync: { open(path: string): Promise<NodeHidAsync> };
}

let loaded: NodeHid | null = null;

/** node-hid, loaded on first use; throws (with the loader's words) when its native part cannot load. */
export function loadNodeHid(): NodeHid {
  if (!loaded) loaded = createRequire(import.meta.url)('node-hid') as NodeHid;
  return loaded;
}

export function nodeHidTransport(): HidTransport {
  return {
    platform: process.platform,
    async enumerate() {
      const list = await loadNodeHid().devicesAsync();
      return list.filter((d): d is HidDeviceInfo => typeof d.path === 'string' && d.path.length > 0);
    },
    async open(path) {
      const dev = await loadNodeHid().HIDAsync.open(path);
      return {
        onReport: (fn) => dev.on('data', (b) => fn(Buffer.from(b))),
        onError: (fn) => dev.on('error', fn),
        sendFeatureReport: async (data) => void (await dev.sendFeatureReport(data)),
        close: () => void dev.close().catch(() => undefined),
      };
    },
  };
}
