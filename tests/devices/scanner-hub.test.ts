// The scanner hub over a fake HID transport: found by usage page, opened by path, recorded reports
// replayed into scan events; unplug and replug without a restart; open failures and keyboard-mode
// scanners reported in plain words; and the real node-hid loads and enumerates here without error.
import { afterEach, describe, expect, it } from 'vitest';
import type { HidScan, ScannersState } from '../../shared/bridge';
import { FakeHidTransport } from '../../electron/devices/hid/fake';
import { ScannerHub } from '../../electron/devices/hid/scanners';
import { nodeHidTransport, type HidTransport } from '../../electron/devices/hid/transport';
import { GS1_CASE_GTIN, HONEYWELL_EAN13, HONEYWELL_GS1_DATAMATRIX, NEWLAND_EAN13, NEWLAND_QR_CONTINUED, QR_TEXT } from './reports';

const HW = '/dev/hidraw4';
const NL = '/dev/hidraw7';
let hub: ScannerHub | null = null;
afterEach(() => hub?.close());

function watch(h: ScannerHub) {
  const scans: HidScan[] = [];
  const states: ScannersState[] = [];
  h.onScan((s) => scans.push(s));
  h.onState((s) => states.push(s));
  return { scans, states };
}

describe('scanner hub', () => {
  it('opens HID-POS scanners by path, not other HID devices, and turns their reports into scans', async () => {
    const t = new FakeHidTransport();
    t.plug({ path: HW, serialNumber: 'H1' });
    t.plug({ path: NL, vendorId: 0x1eab, productId: 0x1d06, product: 'NLS-HR32' });
    t.plug({ path: '/dev/hidraw0', vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06 }); // a keyboard
    hub = new ScannerHub(t, { officeYear: () => 2026 });
    const { scans } = watch(hub);
    await hub.poll();
    expect(hub.state().scanners.map((s) => [s.path, s.state, s.layout])).toEqual([
      [HW, 'ready', 'honeywell'],
      [NL, 'ready', 'newland'],
    ]);
    expect(t.isOpen('/dev/hidraw0')).toBe(false);
    expect(t.featureReportsOf(HW)).toEqual([[0xfe, 0x01]]); // Honeywell switched to HID-POS reports
    t.replay(HW, HONEYWELL_EAN13);
    t.replay(NL, NEWLAND_QR_CONTINUED);
    t.replay(HW, HONEYWELL_GS1_DATAMATRIX);
    expect(scans).toEqual([
      { code: '6923456000100', symbology: 'ean13', source: 'hid', device: HW },
      { code: QR_TEXT, symbology: 'qr', source: 'hid', device: NL },
      {
        code: GS1_CASE_GTIN,
        symbology: 'gs1-datamatrix',
        source: 'hid',
        device: HW,
        gs1: { gtin: GS1_CASE_GTIN, expiry: '2027-06-30', batch: 'LOT42', serial: 'SN7' },
        raw: `]d201${GS1_CASE_GTIN}1727063010LOT42\x1d21SN7`,
      },
    ]);
  });

  it('unplug and replug (on another path) without a restart', async () => {
    const t = new FakeHidTransport();
    t.plug({ path: HW, serialNumber: 'H1' });
    hub = new ScannerHub(t);
    const { scans, states } = watch(hub);
    await hub.poll();
    t.unplug(HW);
    expect(hub.state().scanners).toEqual([]); // the read error alone says it is gone
    t.plug({ path: '/dev/hidraw9', serialNumber: 'H1' });
    await hub.poll();
    expect(hub.state().scanners.map((s) => [s.path, s.key, s.state])).toEqual([['/dev/hidraw9', `${0x0c2e}:${0x0b8f}:H1`, 'ready']]);
    t.replay('/dev/hidraw9', HONEYWELL_EAN13);
    expect(scans.map((s) => [s.code, s.device])).toEqual([['6923456000100', '/dev/hidraw9']]);
    expect(states.map((s) => s.scanners.length)).toEqual([1, 0, 1]);
  });

  it('a scanner that cannot be opened is reported with the udev rule on Linux, HID-POS mode elsewhere; polling retries', async () => {
    const t = new FakeHidTransport('linux');
    t.plug({ path: HW, vendorId: 0x0c2e, productId: 0x0b8f }, 'cannot open device with path /dev/hidraw4');
    hub = new ScannerHub(t);
    await hub.poll();
    const [s] = hub.state().scanners;
    expect(s.state).toBe('error');
    expect(s.problem?.message_zh).toContain('ATTRS{idVendor}=="0c2e", ATTRS{idProduct}=="0b8f"');
    expect(s.problem?.message_en).toContain('/etc/udev/rules.d/');
    t.devices.get(HW)!.openError = null; // the rule was added
    await hub.poll();
    expect(hub.state().scanners[0].state).toBe('ready');

    const w = new FakeHidTransport('win32');
    w.plug({ path: '\\\\?\\hid#vid_0c2e', vendorId: 0x0c2e }, 'cannot open device');
    const hub2 = new ScannerHub(w);
    await hub2.poll();
    expect(hub2.state().scanners[0].problem?.message_zh).toContain('HID-POS 模式');
    hub2.close();
  });

  it('a scanner maker’s keyboard-mode device is listed with how to switch it', async () => {
    const t = new FakeHidTransport();
    t.plug({ path: '/dev/hidraw2', vendorId: 0x1eab, usagePage: 0x01, usage: 0x06 });
    hub = new ScannerHub(t);
    await hub.poll();
    expect(hub.state().scanners.map((s) => [s.state, s.problem?.code])).toEqual([['keyboard', 'keyboard_mode']]);
    expect(t.isOpen('/dev/hidraw2')).toBe(false);
  });

  it('a broken report or GS1 symbol is a problem on the screen, not a scan and not a crash', async () => {
    const t = new FakeHidTransport();
    t.plug({ path: HW });
    hub = new ScannerHub(t);
    const { scans } = watch(hub);
    await hub.poll();
    const bad = Buffer.from(HONEYWELL_GS1_DATAMATRIX[0]);
    bad[8] = 0x39; // a digit of the GTIN changed: the check digit no longer fits
    t.replay(HW, [bad]);
    expect(scans).toEqual([]);
    expect(hub.state().scanners[0].problem?.code).toBe('bad_gs1');
    t.replay(HW, HONEYWELL_EAN13);
    expect(scans).toHaveLength(1);
    expect(hub.state().scanners[0].problem).toBeNull();
  });

  it('a Youjie scanner (its own vendor id) is read as Newland once chosen so, across a replug, and back on auto', async () => {
    const t = new FakeHidTransport();
    const youjie = { vendorId: 0x1d82, productId: 0x5ca0, product: 'Youjie YJ4600', serialNumber: 'YJ1' };
    t.plug({ path: '/dev/hidraw3', ...youjie });
    hub = new ScannerHub(t);
    const { scans, states } = watch(hub);
    await hub.poll();
    const key = hub.state().scanners[0].key;
    expect(hub.state().scanners[0]).toMatchObject({ layout: 'honeywell', layoutChoice: 'auto' });
    t.replay('/dev/hidraw3', NEWLAND_EAN13); // read as Honeywell: the AIM id's bytes are taken for the AIM, the data is cut short
    expect(scans.at(-1)?.code).not.toBe('6923456000100');
    hub.setLayout(key, 'newland');
    expect(states.at(-1)?.scanners[0]).toMatchObject({ layout: 'newland', layoutChoice: 'newland' });
    t.replay('/dev/hidraw3', NEWLAND_EAN13);
    expect(scans.at(-1)).toEqual({ code: '6923456000100', symbology: 'ean13', source: 'hid', device: '/dev/hidraw3' });
    t.unplug('/dev/hidraw3');
    await hub.poll();
    t.plug({ path: '/dev/hidraw8', ...youjie });
    await hub.poll();
    expect(hub.state().scanners[0]).toMatchObject({ path: '/dev/hidraw8', layout: 'newland', layoutChoice: 'newland' });
    hub.setLayout(key, 'auto');
    expect(hub.state().scanners[0]).toMatchObject({ layout: 'honeywell', layoutChoice: 'auto' });
  });

  it('HID that does not work on this PC is said once, in plain words', async () => {
    const broken: HidTransport = {
      platform: 'linux',
      enumerate: () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file')),
      open: () => Promise.reject(new Error('no')),
    };
    hub = new ScannerHub(broken);
    await hub.poll();
    expect(hub.state()).toMatchObject({ available: false, scanners: [], problem: { code: 'hid_unavailable' } });
    expect(hub.state().problem?.message_zh).toContain('libusb-1.0-0');
  });

  it('node-hid loads here and enumeration runs (finding no scanner) without error', async () => {
    hub = new ScannerHub(nodeHidTransport());
    await hub.poll();
    expect(hub.state()).toEqual({ available: true, problem: null, scanners: [] });
  });
});
