// Reading a scanned text: a GS1 element string into its elements (../../devices/gs1.ts), its
// expiry against the office's calendar; any other code as it is.

import { GS1_AIMS, parseGs1, type Gs1Problem } from '../../devices/gs1';
import { looksGs1 } from '../../../shared/barcode';
import { fail } from '../../../shared/errors';
import type { ScanRead } from '../../../shared/schemas/scans';

const AIM = /^\][A-Za-z][0-9A-Za-z]/;

const detailOf = (p: Gs1Problem): string => (p.kind === 'unreadable' ? p.detail : p.kind === 'check_digit' ? p.gtin : p.raw).slice(0, 120);

/** The scanned text read in the office's calendar (`today`, YYYY-MM-DD). */
export function readScan(code: string, today: string): ScanRead {
  const plain = { code, gs1: null, expired: false };
  const aim = AIM.exec(code)?.[0] ?? null;
  if (!looksGs1(code) || (aim && !GS1_AIMS.has(aim))) return plain;
  const data = (aim ? code.slice(3) : code).replace(/\|/g, '\x1d');
  const g = parseGs1(aim ?? ']C1', data, Number(today.slice(0, 4)));
  if (!g.ok) {
    // a code that only looked like GS1 (no AIM id, no FNC1) is an ordinary code
    if (!aim && !data.includes('\x1d')) return plain;
    fail('scan_gs1_bad', { code: code.slice(0, 60), problem: g.problem.kind, detail: detailOf(g.problem) });
  }
  const f = g.fields;
  return { code: f.gtin ?? code, gs1: f, expired: !!f.expiry && f.expiry < today };
}
