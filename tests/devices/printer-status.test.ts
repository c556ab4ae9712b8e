// A receipt printer's live status and the search for network printers, without a printer: a real
// TCP server on loopback answers each DLE EOT 1 / 2 / 4 with the byte a printer would (online, cover
// open, paper near end, paper out, offline), or stays silent; nothing listening is unreachable. The
// network search tries a given host list (the loopback printer, a closed port, an address that
// never answers) with a short timeout and bounded concurrency; the desk's /24 from its interfaces.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeHosts, subnetHosts } from '../../electron/devices/printers/probe';
import { liveStatus, liveStatusOf } from '../../electron/devices/printers/status';
import { financeOffice, must, type DemoOffice } from '../helpers/finance';
import { statusPrinter, type LiveAnswer } from '../helpers/fake-printer';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function printer(answer: LiveAnswer): Promise<string> {
  const p = await statusPrinter(answer);
  closers.push(p.close);
  return p.address;
}

// a ready printer: every byte 0x12 (bits 1 and 4, which are always set)
const READY = { 1: 0x12, 2: 0x12, 4: 0x12 };

describe('live status (DLE EOT 1, 2, 4)', () => {
  it('reads the three answer bytes', () => {
    expect(liveStatusOf(Buffer.from([0x12, 0x12, 0x12]))).toBe('online');
    expect(liveStatusOf(Buffer.from([0x1a, 0x16, 0x12]))).toBe('cover_open');
    expect(liveStatusOf(Buffer.from([0x12, 0x12, 0x1e]))).toBe('paper_near_end');
    expect(liveStatusOf(Buffer.from([0x1a, 0x32, 0x72]))).toBe('paper_out');
    expect(liveStatusOf(Buffer.from([0x1a, 0x52, 0x12]))).toBe('offline');
    expect(liveStatusOf(Buffer.from([0x12, 0x12]))).toBe('unknown');
    expect(liveStatusOf(Buffer.from([0x41, 0x42, 0x43]))).toBe('unknown'); // no status bytes
  });

  it('asks a printer on loopback: online, cover open, paper near end, paper out, offline, silent, nobody there', async () => {
    const of = async (a: LiveAnswer) => liveStatus({ transport: 'tcp', address: await printer(a) }, 500);
    expect(await of(READY)).toBe('online');
    expect(await of({ 1: 0x1a, 2: 0x16, 4: 0x12 })).toBe('cover_open');
    expect(await of({ ...READY, 4: 0x1e })).toBe('paper_near_end');
    expect(await of({ 1: 0x1a, 2: 0x32, 4: 0x72 })).toBe('paper_out');
    expect(await of({ 1: 0x1a, 2: 0x52, 4: 0x12 })).toBe('offline');
    expect(await of({})).toBe('unknown');
    const gone = await printer(READY);
    await closers.pop()!();
    expect(await liveStatus({ transport: 'tcp', address: gone }, 500)).toBe('unreachable');
  });

  it('a device file: there and writable, or not found', async () => {
    expect(await liveStatus({ transport: 'file', address: '/dev/null' })).toBe('online');
    expect(await liveStatus({ transport: 'file', address: '/dev/usb/lp9' })).toBe('not_found');
    expect(await liveStatus({ transport: 'hid', address: '/dev/hidraw2' })).toBe('unknown');
  });
});

describe('network printers on request', () => {
  it('lists the hosts that answer on the port, within the timeout, a bounded number at a time', async () => {
    const p = await printer(READY);
    const port = Number(p.split(':')[1]);
    // a server that counts how many connections are open at once
    let open = 0;
    let most = 0;
    const counting = createServer((s) => {
      most = Math.max(most, ++open);
      s.on('close', () => open--);
      setTimeout(() => s.destroy(), 50);
    });
    await new Promise<void>((r) => counting.listen(0, '127.0.0.2', () => r()));
    closers.push(() => new Promise((r) => counting.close(() => r())));
    const started = Date.now();
    const found = await probeHosts(['127.0.0.1', '127.0.0.3', '10.255.255.1'], { port, timeoutMs: 300, concurrency: 2 });
    expect(found).toEqual([`127.0.0.1:${port}`]);
    expect(Date.now() - started).toBeLessThan(2000);
    const cport = (counting.address() as AddressInfo).port;
    expect(await probeHosts(Array(9).fill('127.0.0.2'), { port: cport, timeoutMs: 300, concurrency: 3 })).toHaveLength(9);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('the /24 of each IPv4 interface that is up and not loopback, the PC itself left out', () => {
    const iface = (address: string, internal = false) => ({ address, internal, family: 'IPv4' as const, netmask: '255.255.255.0', mac: '', cidr: null });
    const r = subnetHosts({ lo: [iface('127.0.0.1', true)], eth0: [iface('192.168.1.23')], wlan0: [iface('192.168.1.40')] });
    expect(r.subnets).toEqual(['192.168.1.0/24']);
    expect(r.hosts).toHaveLength(253);
    expect(r.hosts).not.toContain('192.168.1.23');
    expect([r.hosts[0], r.hosts.at(-1)]).toEqual(['192.168.1.1', '192.168.1.254']);
  });
});

describe('receipts.printerStatus', () => {
  let o: DemoOffice;
  beforeEach(async () => {
    o = await financeOffice();
  });
  afterEach(() => o.close());

  it('the chosen printer’s status, for whoever prints receipts', async () => {
    const address = await printer({ ...READY, 4: 0x1e });
    const pr = await must(o, 'manager', 'receipts.savePrinter', { name: '收银台', transport: 'tcp', address, width: 48 });
    expect(await must(o, 'finance', 'receipts.printerStatus', { printerId: pr.id })).toEqual({ printerId: pr.id, status: 'paper_near_end' });
  });
});
