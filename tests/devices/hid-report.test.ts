// HID-POS input reports: both vendors' layouts, continued reports joined, GS1 symbols decoded into
// the one scan event; refusals for reports that break the layout.
import { describe, expect, it } from 'vitest';
import { decodeScan } from '../../electron/devices/hid/decode';
import { buildReports, parseReport, ReportJoiner, type ReportLayout } from '../../electron/devices/hid/report';
import { GS1_CASE_GTIN, HONEYWELL_EAN13, HONEYWELL_GS1_DATAMATRIX, HONEYWELL_QR_CONTINUED, NEWLAND_EAN13, NEWLAND_QR_CONTINUED, QR_TEXT } from './reports';

function replay(reports: Buffer[], layout: ReportLayout) {
  const joiner = new ReportJoiner();
  const codes = [];
  for (const buf of reports) {
    const r = parseReport(buf, layout);
    if (!r.ok) throw new Error(r.reason);
    const c = joiner.push(r.report);
    if (c && c !== 'too_long') codes.push(decodeScan(c, '/dev/hidraw3', 2026));
  }
  return codes;
}

describe('HID-POS reports', () => {
  it('reads an EAN-13 from a Honeywell and from a Newland scanner as the same scan', () => {
    const want = { ok: true, scan: { code: '6923456000100', symbology: 'ean13', source: 'hid', device: '/dev/hidraw3' } };
    expect(replay(HONEYWELL_EAN13, 'honeywell')).toEqual([want]);
    expect(replay(NEWLAND_EAN13, 'newland')).toEqual([want]);
  });

  it('joins a code continued over two reports, in both layouts', () => {
    for (const [reports, layout] of [
      [HONEYWELL_QR_CONTINUED, 'honeywell'],
      [NEWLAND_QR_CONTINUED, 'newland'],
    ] as const) {
      const first = parseReport(reports[0], layout);
      expect(first.ok && first.report.continued).toBe(true);
      expect(replay(reports, layout)).toEqual([{ ok: true, scan: { code: QR_TEXT, symbology: 'qr', source: 'hid', device: '/dev/hidraw3' } }]);
    }
  });

  it('the wrong layout does not read the same code (the layouts really differ)', () => {
    const [r] = replay(HONEYWELL_EAN13, 'newland');
    expect(r.ok && r.scan.code).not.toBe('6923456000100');
  });

  it('a GS1 DataMatrix becomes its GTIN with batch, expiry and serial', () => {
    expect(replay(HONEYWELL_GS1_DATAMATRIX, 'honeywell')).toEqual([
      {
        ok: true,
        scan: {
          code: GS1_CASE_GTIN,
          symbology: 'gs1-datamatrix',
          source: 'hid',
          device: '/dev/hidraw3',
          gs1: { gtin: GS1_CASE_GTIN, expiry: '2027-06-30', batch: 'LOT42', serial: 'SN7' },
          raw: `]d201${GS1_CASE_GTIN}1727063010LOT42\x1d21SN7`,
        },
      },
    ]);
  });

  it('refuses reports that break the layout', () => {
    const bad = Buffer.alloc(64);
    bad[0] = 0x01;
    expect(parseReport(bad, 'honeywell')).toEqual({ ok: false, reason: 'not_scan_report' });
    bad[0] = 0x02;
    bad[1] = 57;
    expect(parseReport(bad, 'honeywell')).toEqual({ ok: false, reason: 'bad_length' });
    expect(parseReport(Buffer.from([2, 3, 0x5d]), 'newland')).toEqual({ ok: false, reason: 'short_report' });
  });

  it('drops a code that never ends instead of growing without bound', () => {
    const joiner = new ReportJoiner();
    const chunk = { aim: ']Q1', data: Buffer.alloc(56, 0x41), continued: true };
    let last: unknown = null;
    for (let i = 0; i < 80 && last !== 'too_long'; i++) last = joiner.push(chunk);
    expect(last).toBe('too_long');
    expect(joiner.push({ aim: ']E0', data: Buffer.from('6923456000100'), continued: false })).toEqual({ aim: ']E0', data: Buffer.from('6923456000100') });
  });

  it('buildReports (the fake device) writes what the parser reads, for every length', () => {
    for (const layout of ['honeywell', 'newland'] as const)
      for (const n of [1, 52, 53, 56, 57, 112, 200]) {
        const data = Buffer.from('x'.repeat(n));
        const [c] = replay(buildReports(layout, ']C0', data), layout);
        expect(c).toEqual({ ok: true, scan: { code: data.toString(), symbology: 'code128', source: 'hid', device: '/dev/hidraw3' } });
      }
  });
});
