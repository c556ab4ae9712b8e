// HID-POS input reports (USB HID Point of Sale Usage Tables 1.02, usage page 0x8C Bar Code Scanner):
// a scanner in HID-POS mode sends each code as one or more 64-byte input reports, never as key
// presses, so no input method or keyboard layout stands between the label and the desk. Pure
// functions: bytes in, codes out; no device, clock or I/O here.
//
// The layouts assumed (byte 0 is the report id as node-hid hands it over, 0x02 for scanned data):
//
//  'honeywell' — Honeywell (and Access-IS, whose product manuals print the table, and the HID POS
//   libraries written against Honeywell Voyager/Xenon scanners):
//     [0] 0x02   [1] length of the data   [2..4] AIM symbology id (']', letter, modifier)
//     [5..60] data (up to 56 bytes)   [61] the vendor's own code id   [62] reserved
//     [63] bit 0: the code continues in the next report
//  'newland' — Newland and Youjie (the FM/NLS engines' HID-POS protocol notes):
//     [0] 0x02   [1] length of the data   [2..57] data (up to 56 bytes), which starts with the
//     AIM id when the scanner is set to send it (we ask the user to set 'AIM ID prefix')
//     [58..61] reserved   [62] the vendor's own code id   [63] bit 0: continued
//  The two differ by where the data starts: Honeywell gives the AIM id its own three bytes before
//  the data, Newland puts it in the data; everything else (id, length, continued) is at one place.
//
// A code longer than one report is split over several, each but the last with the continued bit
// set; `ReportJoiner` puts them back together. A report that breaks the layout (wrong id, length
// past the data field) is refused with its reason, never guessed at.

export type ReportLayout = 'honeywell' | 'newland';

export const REPORT_BYTES = 64;
const SCAN_REPORT_ID = 0x02;
const DATA_MAX = 56;

/** One input report, read. `aim` is null when the report carries none (a continuation, or a Newland scanner without the prefix). */
export interface ScanReport {
  aim: string | null;
  data: Buffer;
  continued: boolean;
}

export type ReportResult = { ok: true; report: ScanReport } | { ok: false; reason: 'not_scan_report' | 'bad_length' | 'short_report' };

const AIM_RE = /^\][A-Za-z][0-9A-Za-z]$/;

function aimAt(buf: Buffer, at: number): string | null {
  const s = buf.toString('latin1', at, at + 3);
  return AIM_RE.test(s) ? s : null;
}

/** Read one input report in the given layout. */
export function parseReport(buf: Buffer, layout: ReportLayout): ReportResult {
  if (buf.length < 2 || buf[0] !== SCAN_REPORT_ID) return { ok: false, reason: 'not_scan_report' };
  if (buf.length < REPORT_BYTES) return { ok: false, reason: 'short_report' };
  const length = buf[1];
  if (length > DATA_MAX) return { ok: false, reason: 'bad_length' };
  const continued = (buf[63] & 0x01) === 1;
  if (layout === 'honeywell') {
    return { ok: true, report: { aim: aimAt(buf, 2), data: buf.subarray(5, 5 + length), continued } };
  }
  const data = buf.subarray(2, 2 + length);
  const aim = aimAt(data, 0);
  return { ok: true, report: { aim, data: aim ? data.subarray(3) : data, continued } };
}

/** A whole code: its AIM id (or null) and its bytes. */
export interface JoinedCode {
  aim: string | null;
  data: Buffer;
}

/** The longest code we put together (a full GS1 DataMatrix is well under this); more is dropped. */
export const MAX_CODE_BYTES = 4096;

/**
 * Joins continued reports into one code: the first report's AIM id, all reports' data in order.
 * `push` answers the code when a report without the continued bit ends it, else null.
 */
export class ReportJoiner {
  private aim: string | null = null;
  private parts: Buffer[] = [];
  private size = 0;

  push(r: ScanReport): JoinedCode | 'too_long' | null {
    if (this.parts.length === 0) this.aim = r.aim;
    this.parts.push(r.data);
    this.size += r.data.length;
    if (this.size > MAX_CODE_BYTES) {
      this.reset();
      return 'too_long';
    }
    if (r.continued) return null;
    const code = { aim: this.aim, data: Buffer.concat(this.parts) };
    this.reset();
    return code;
  }

  /** Forget a half-joined code (the scanner was unplugged mid-code). */
  reset(): void {
    this.aim = null;
    this.parts = [];
    this.size = 0;
  }
}

/** Build a report as a scanner of `layout` would send it (the fake device and the tests replay these). */
export function buildReports(layout: ReportLayout, aim: string, data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const body = layout === 'newland' ? Buffer.concat([Buffer.from(aim, 'latin1'), data]) : data;
  for (let at = 0; at < body.length || out.length === 0; at += DATA_MAX) {
    const chunk = body.subarray(at, at + DATA_MAX);
    const buf = Buffer.alloc(REPORT_BYTES);
    buf[0] = SCAN_REPORT_ID;
    buf[1] = chunk.length;
    if (layout === 'honeywell') {
      if (at === 0) buf.write(aim, 2, 'latin1');
      chunk.copy(buf, 5);
    } else chunk.copy(buf, 2);
    if (at + DATA_MAX < body.length) buf[63] = 1;
    out.push(buf);
  }
  return out;
}
