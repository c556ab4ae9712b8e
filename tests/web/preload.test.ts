// The preload's HID channels: a scan from the main process reaches the page only in the shape the
// renderer expects (anything else on 'hid-scan' is dropped), the scanners' state is asked once and
// then pushed, and unsubscribing stops both.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskBridge, HidScan, ScannersState } from '../../shared/bridge';

type Listener = (e: unknown, v: unknown) => void;
const h = vi.hoisted(() => ({ listeners: new Map<string, Set<Listener>>(), exposed: null as unknown, state: null as unknown }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_name: string, api: unknown) => void (h.exposed = api) },
  ipcRenderer: {
    invoke: async (channel: string) => (channel === 'scanners' ? { ok: true, value: h.state } : { ok: false }),
    on: (channel: string, l: Listener) => void (h.listeners.get(channel) ?? h.listeners.set(channel, new Set()).get(channel)!).add(l),
    removeListener: (channel: string, l: Listener) => void h.listeners.get(channel)?.delete(l),
  },
}));

const send = (channel: string, v: unknown) => h.listeners.get(channel)?.forEach((l) => l({}, v));
let desk: DeskBridge;

beforeAll(async () => {
  await import('../../electron/preload');
  desk = h.exposed as DeskBridge;
});

describe('preload: HID scans and scanners', () => {
  it('passes a well-formed scan, drops anything else, stops on unsubscribe', () => {
    const got: HidScan[] = [];
    const off = desk.onScan!((s) => got.push(s));
    const scan: HidScan = { code: '6923456000100', symbology: 'ean13', source: 'hid', device: '/dev/hidraw4' };
    send('hid-scan', scan);
    for (const bad of [
      null,
      'x',
      { code: '', source: 'hid', device: 'd' },
      { code: 'A', source: 'wedge', device: 'd' },
      { code: 'x'.repeat(5000), source: 'hid', device: 'd' },
      { code: 'A', source: 'hid' },
    ])
      send('hid-scan', bad);
    off();
    send('hid-scan', scan);
    expect(got).toEqual([scan]);
  });

  it('asks for the scanners once, then hears each change', async () => {
    const first: ScannersState = { available: true, problem: null, scanners: [] };
    h.state = first;
    const got: ScannersState[] = [];
    const off = desk.onScanners!((s) => got.push(s));
    await new Promise((r) => setTimeout(r, 0));
    const next = { ...first, available: false };
    send('scanners', next);
    send('scanners', { nope: 1 });
    off();
    send('scanners', first);
    expect(got).toEqual([first, next]);
  });
});
