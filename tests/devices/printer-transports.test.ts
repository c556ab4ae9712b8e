// The printer transports (electron/devices/printers/) without a printer: a real TCP 9100 server on
// loopback started here captures the bytes (read back in GBK), answers the status query like a
// printer out of paper, or is not there at all; the OS queue through stand-in `lp` scripts; HID
// through a fake device; the device file through /dev/null and a missing /dev path.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { escpos } from '../../electron/devices/receipt/escpos';
import { sendToPrinter, type PrinterError } from '../../electron/devices/printers';
import { sendFile } from '../../electron/devices/printers/file';
import { findPrinters } from '../../electron/devices/printers/find';
import { hidReports, sendHid } from '../../electron/devices/printers/hid';
import { WINDOWS_RAW_SCRIPT, queueCommand, sendQueue } from '../../electron/devices/printers/queue';
import { parseTcpAddress, statusOf } from '../../electron/devices/printers/tcp';
import { escposText } from '../helpers/escpos';
import { sampleReceipts } from '../helpers/receipt-samples';
import { fakePrinter, STATUS_QUERY as QUERY } from '../helpers/fake-printer';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});
const fast = { timeoutMs: 2000, statusWaitMs: 150 };

async function failure(p: Promise<unknown>): Promise<PrinterError> {
  try {
    await p;
  } catch (e) {
    return e as PrinterError;
  }
  throw new Error('expected the send to fail');
}

describe('TCP 9100', () => {
  it('reads host and port (9100 unless given) and refuses anything else', () => {
    expect(parseTcpAddress('192.168.1.87')).toEqual({ host: '192.168.1.87', port: 9100 });
    expect(parseTcpAddress(' printer.local:9101 ')).toEqual({ host: 'printer.local', port: 9101 });
    expect(parseTcpAddress('[fe80::1]:9100')).toEqual({ host: 'fe80::1', port: 9100 });
    expect(parseTcpAddress('1.2.3.4:99999')).toBeNull();
    expect(parseTcpAddress('http://1.2.3.4')).toBeNull();
  });

  it('reads the printer status: offline, paper end, ok, or no answer', () => {
    expect(statusOf(Buffer.from([0x12, 0x12]))).toBe('ok');
    expect(statusOf(Buffer.from([0x1a, 0x12]))).toBe('offline');
    expect(statusOf(Buffer.from([0x12, 0x72]))).toBe('paper_out');
    expect(statusOf(Buffer.alloc(0))).toBe('unknown');
  });

  it('sends the receipt to a printer on loopback, which reads it back in GBK as it was built', async () => {
    const p = await fakePrinter([0x12, 0x12]);
    servers.push(p.server);
    const doc = sampleReceipts(48).ticket;
    await sendToPrinter({ transport: 'tcp', address: `127.0.0.1:${p.port}` }, escpos(doc), fast);
    const got = p.received();
    expect(got.subarray(0, QUERY.length)).toEqual(QUERY);
    expect(got.subarray(QUERY.length)).toEqual(escpos(doc));
    const text = escposText(got.subarray(QUERY.length));
    expect(text).toContain('发货小票');
    expect(text.find((l) => l.startsWith('合计'))).toMatch(/^合计 17 +￥4,213\.00$/);
    expect(text).toContain('特级龙井茶 250g 礼盒装(新包    12盒     3,588.00');
  });

  it('prints on a printer that does not answer the status query, after the short wait', async () => {
    const p = await fakePrinter();
    servers.push(p.server);
    await sendToPrinter({ transport: 'tcp', address: `127.0.0.1:${p.port}` }, escpos(sampleReceipts(32).cash), fast);
    expect(escposText(p.received().subarray(QUERY.length))).toContain('收款收据');
  });

  it('sends nothing to a printer out of paper, and says so', async () => {
    const p = await fakePrinter([0x12, 0x72]);
    servers.push(p.server);
    const e = await failure(sendToPrinter({ transport: 'tcp', address: `127.0.0.1:${p.port}` }, escpos(sampleReceipts(32).cash), fast));
    expect(e.reason).toBe('paper_out');
    await new Promise((r) => setTimeout(r, 50));
    expect(p.received()).toEqual(QUERY);
  });

  it('says unreachable when nothing listens on the port', async () => {
    const p = await fakePrinter();
    await new Promise((r) => p.server.close(r));
    const e = await failure(sendToPrinter({ transport: 'tcp', address: `127.0.0.1:${p.port}` }, Buffer.from('x'), fast));
    expect(e.reason).toBe('unreachable');
  });
});

describe('OS queue (lp -o raw)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = (name: string, body: string) => {
    const f = join(dir, name);
    writeFileSync(f, `#!/bin/sh\n${body}\n`);
    chmodSync(f, 0o755);
    return f;
  };

  it('pipes the bytes to lp -d <queue> -o raw', async () => {
    const out = join(dir, 'job.bin');
    const lp = script('lp-ok', `echo "$@" > ${out}.args; cat > ${out}`);
    const bytes = escpos(sampleReceipts(32).cash);
    await sendQueue('POS58', bytes, 3000, lp);
    expect(readFileSync(out)).toEqual(bytes);
    expect(readFileSync(`${out}.args`, 'utf8').trim()).toBe('-d POS58 -o raw');
  });

  it('says refused, with lp’s own words, when the queue does not take the job', async () => {
    const lp = script('lp-no', 'cat > /dev/null; echo "lp: The printer or class does not exist." >&2; exit 1');
    const e = await failure(sendQueue('nope', Buffer.from('x'), 3000, lp));
    expect([e.reason, e.detail]).toEqual(['refused', 'lp: The printer or class does not exist.']);
  });

  it('gives up after the timeout on an lp that hangs', async () => {
    const lp = script('lp-hang', 'sleep 5');
    const e = await failure(sendQueue('POS58', Buffer.from('x'), 200, lp));
    expect(e.reason).toBe('timeout');
  });

  it('refuses a queue name that is not one', async () => {
    expect((await failure(sendQueue('a b; rm', Buffer.from('x'), 200))).reason).toBe('not_found');
    expect((await failure(sendQueue(' POS58', Buffer.from('x'), 200))).reason).toBe('not_found');
    expect((await failure(sendQueue('POS"58', Buffer.from('x'), 200))).reason).toBe('not_found');
  });

  it('on Windows sends one RAW job through the spooler: the name by environment, the bytes as base64 on stdin', async () => {
    // a stand-in for powershell.exe: keeps its arguments, the printer's name and what came on stdin
    const out = join(dir, 'win.job');
    const ps = script('powershell-fake', `printf '%s' "$BD_PRINTER" > ${out}.name; printf '%s\\n' "$@" > ${out}.args; cat > ${out}`);
    const bytes = escpos(sampleReceipts(48).cash);
    await sendQueue('EPSON TM-T82 小票', bytes, 3000, ps, 'win32');
    expect(readFileSync(`${out}.name`, 'utf8')).toBe('EPSON TM-T82 小票');
    expect(Buffer.from(readFileSync(out, 'ascii'), 'base64')).toEqual(bytes);
    const args = readFileSync(`${out}.args`, 'utf8');
    expect(args.startsWith('-NoProfile\n-NonInteractive\n-ExecutionPolicy\nBypass\n-Command\n')).toBe(true);
    expect(args).toContain(WINDOWS_RAW_SCRIPT);
    for (const api of [
      'OpenPrinter',
      'StartDocPrinter',
      'pDatatype = "RAW"',
      'WritePrinter',
      'EndDocPrinter',
      'ClosePrinter',
      '$env:BD_PRINTER',
      'FromBase64String',
    ])
      expect(WINDOWS_RAW_SCRIPT).toContain(api);
    expect(queueCommand('POS58', bytes, 'linux')).toMatchObject({ program: 'lp', args: ['-d', 'POS58', '-o', 'raw'] });
  });

  it('on Windows says refused with PowerShell’s words when the spooler has no such printer', async () => {
    const ps = script('powershell-no', 'cat > /dev/null; echo "Exception calling Send: no printer named POS80 (1801)" >&2; exit 1');
    const e = await failure(sendQueue('POS80', Buffer.from('x'), 3000, ps, 'win32'));
    expect([e.reason, e.detail]).toEqual(['refused', 'Exception calling Send: no printer named POS80 (1801)']);
  });
});

describe('HID and device file', () => {
  it('cuts the bytes into 64-byte output reports led by report id 0, the last padded', () => {
    const r = hidReports(Buffer.alloc(130, 0x41));
    expect(r.map((x) => x.length)).toEqual([65, 65, 65]);
    expect(r.every((x) => x[0] === 0)).toBe(true);
    expect([...r[2].subarray(1, 4)]).toEqual([0x41, 0x41, 0]);
  });

  it('writes each report to the device opened by its path, and closes it', async () => {
    const written: Buffer[] = [];
    let closed = false;
    const bytes = escpos(sampleReceipts(32).test);
    await sendHid('/dev/hidraw3', bytes, 1000, async () => ({ write: async (r) => (written.push(r), r.length), close: async () => void (closed = true) }));
    expect(Buffer.concat(written.map((r) => r.subarray(1))).subarray(0, bytes.length)).toEqual(bytes);
    expect(closed).toBe(true);
  });

  it('writes to a device file, and says not found for a printer that is not plugged in', async () => {
    await sendFile('/dev/null', Buffer.from('x'), 1000);
    expect((await failure(sendFile('/dev/usb/lp97', Buffer.from('x'), 1000))).reason).toBe('not_found');
    expect((await failure(sendFile('/etc/passwd', Buffer.from('x'), 1000))).reason).toBe('not_found');
  });
});

describe('finding printers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'find-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists USB printer-class device files and the OS queues lpstat names; none is an empty list', async () => {
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    for (const f of ['lp1', 'lp0', 'hiddev0']) writeFileSync(join(usb, f), '');
    const lpstat = join(dir, 'lpstat');
    writeFileSync(lpstat, '#!/bin/sh\nprintf "POS58\\nXP-80C\\nbad;name\\n"\n');
    chmodSync(lpstat, 0o755);
    expect(await findPrinters({ usbDir: usb, lpstat, hid: async () => [] })).toEqual([
      { transport: 'file', address: join(usb, 'lp0') },
      { transport: 'file', address: join(usb, 'lp1') },
      { transport: 'queue', address: 'POS58' },
      { transport: 'queue', address: 'XP-80C' },
    ]);
    expect(await findPrinters({ usbDir: join(dir, 'none'), lpstat: join(dir, 'no-lpstat'), hid: () => Promise.reject(new Error('no libusb')) })).toEqual([]);
  });

  it('lists HID devices that name themselves printers, not scanners, keyboards or others', async () => {
    const dev = (path: string, product: string, usagePage: number, manufacturer = '') => ({
      path,
      product,
      manufacturer,
      usagePage,
      vendorId: 0x0416,
      productId: 0x5011,
    });
    const hid = async () => [
      dev('/dev/hidraw1', 'POS58 Thermal Printer', 0xff00),
      dev('/dev/hidraw1', 'POS58 Thermal Printer', 0xff00), // one device, two interfaces
      dev('/dev/hidraw2', 'USB Keyboard', 0x01),
      dev('/dev/hidraw3', 'Voyager 1450g POS', 0x8c, 'Honeywell'), // a HID-POS scanner
      dev('/dev/hidraw4', 'HID Device', 0xff00, '票据打印机'),
      dev('/dev/hidraw5', 'UPS', 0x84),
    ];
    expect(await findPrinters({ usbDir: join(dir, 'none'), lpstat: join(dir, 'no-lpstat'), hid })).toEqual([
      { transport: 'hid', address: '/dev/hidraw1' },
      { transport: 'hid', address: '/dev/hidraw4' },
    ]);
  });
});
