// A joined HID-POS code into the desk's one scan event, `scan { code, symbology, source: 'hid',
// device }`, the same the keyboard wedge publishes in the renderer. The symbology comes from the
// AIM id (ISO/IEC 15424); a GS1 symbol's `code` is its GTIN (what items.findByBarcode looks up; a
// case code finds the case barcode and its pack quantity) and its other elements ride along in
// `gs1`, read and checked by ../gs1.ts.

import type { HidScan } from '../../../shared/bridge';
import { GS1_AIMS, parseGs1, type Gs1Problem } from '../gs1';
import type { JoinedCode } from './report';

/** AIM ids (']' + symbology letter + modifier) the desk names; others keep their AIM id as name. */
const SYMBOLOGIES: Record<string, string> = {
  ']E0': 'ean13',
  ']E4': 'ean8',
  ']E3': 'ean13+addon',
  ']C0': 'code128',
  ']C1': 'gs1-128',
  ']A0': 'code39',
  ']I0': 'itf',
  ']I1': 'itf',
  ']e0': 'gs1-databar',
  ']d1': 'datamatrix',
  ']d2': 'gs1-datamatrix',
  ']Q1': 'qr',
  ']Q3': 'gs1-qr',
  ']L0': 'pdf417',
  ']L2': 'pdf417',
  ']X0': 'unknown',
};

export function symbologyOf(aim: string | null): string | undefined {
  if (!aim) return undefined;
  return SYMBOLOGIES[aim] ?? aim;
}

export type DecodeResult = { ok: true; scan: HidScan } | { ok: false; problem: Gs1Problem | { kind: 'empty' } };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The code as text (UTF-8, as QR codes carry Chinese; else byte for byte); a trailing CR / LF a scanner may add is not part of it. */
function text(data: Buffer): string {
  let s: string;
  try {
    s = utf8.decode(data);
  } catch {
    s = data.toString('latin1');
  }
  return s.replace(/[\r\n]+$/, '');
}

/** The scan event for a joined code from `device` (the scanner's path); `officeYear` dates a GS1 expiry. */
export function decodeScan(code: JoinedCode, device: string, officeYear: number): DecodeResult {
  const data = text(code.data);
  if (!data) return { ok: false, problem: { kind: 'empty' } };
  const symbology = symbologyOf(code.aim);
  if (code.aim && GS1_AIMS.has(code.aim) && /^\d\d/.test(data)) {
    const g = parseGs1(code.aim, data, officeYear);
    if (!g.ok) return { ok: false, problem: g.problem };
    const raw = data.replace(/\x1d/g, '|');
    return { ok: true, scan: { code: g.fields.gtin ?? raw, symbology, source: 'hid', device, gs1: g.fields, raw: code.aim + data } };
  }
  return { ok: true, scan: { code: data, symbology, source: 'hid', device } };
}
