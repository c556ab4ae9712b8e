// GS1 element strings (GS1-128 `]C1`, GS1 DataMatrix `]d2`, GS1 QR `]Q3`, GS1 DataBar `]e0`): the
// elements a desk uses, read by gs1-barcode-parser-mod (the maintained fork of Peter Brockfeld's
// BarcodeParser: 226 application identifiers, FNC1 / GS separators, fixed and variable lengths;
// no dependencies). What it decides alone is not trusted: the GTIN's check digit and the expiry
// date are checked here, the date in the office's calendar (a YYMMDD with day 00 means the last
// day of the month, GS1 General Specifications 7.12; the century by GS1's sliding window from the
// office's year, not the PC's clock).
// A logistic label's AI 02 (the GTIN of the trade items a unit holds) stands for the item as AI 01
// does, and its AI 37 (how many it holds) for the count as AI 30 does: a scan adds that count.

import { createRequire } from 'node:module';
import { gs1CheckDigit } from '../../shared/barcode';
import type { Gs1Fields } from '../../shared/bridge';

const require = createRequire(import.meta.url);
interface ParsedItem {
  ai: string;
  raw: string;
}
const { parseBarcode } = require('gs1-barcode-parser-mod') as { parseBarcode: (code: string) => { parsedCodeItems: ParsedItem[] } };

export type Gs1Result = { ok: true; fields: Gs1Fields } | { ok: false; problem: Gs1Problem };
export type Gs1Problem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'check_digit'; gtin: string }
  | { kind: 'bad_date'; ai: string; raw: string }
  | { kind: 'bad_count'; raw: string };

/** The symbology identifiers whose data is a GS1 element string. */
export const GS1_AIMS = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);

/** YYMMDD → YYYY-MM-DD, or null when it is no date (month 01–12, day 00 = the month's last day). */
export function gs1Date(raw: string, officeYear: number): string | null {
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(raw);
  if (!m) return null;
  const [yy, mm, dd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mm < 1 || mm > 12) return null;
  // GS1 7.12: a year more than 49 ahead of this one is last century's; more than 50 behind, next century's
  const century = Math.floor(officeYear / 100) * 100;
  const diff = yy - (officeYear % 100);
  const year = century + yy + (diff >= 51 ? -100 : diff <= -50 ? 100 : 0);
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const day = dd === 0 ? last : dd;
  if (day > last) return null;
  return `${year}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function problemOf(e: unknown): Gs1Problem {
  return { kind: 'unreadable', detail: typeof e === 'string' ? e : e instanceof Error ? e.message : String(e) };
}

/** One element into the fields, or the problem with it. */
function take(fields: Gs1Fields, it: ParsedItem, officeYear: number): Gs1Problem | null {
  if (it.ai === '01' || it.ai === '02') {
    if (!/^\d{14}$/.test(it.raw) || gs1CheckDigit(it.raw.slice(0, 13)) !== Number(it.raw[13])) return { kind: 'check_digit', gtin: it.raw };
    fields.gtin = it.raw;
  } else if (it.ai === '10') fields.batch = it.raw;
  else if (it.ai === '21') fields.serial = it.raw;
  else if (it.ai === '17') {
    const d = gs1Date(it.raw, officeYear);
    if (!d) return { kind: 'bad_date', ai: '17', raw: it.raw };
    fields.expiry = d;
  } else if (it.ai === '30' || it.ai === '37') {
    if (!/^\d{1,8}$/.test(it.raw) || Number(it.raw) < 1) return { kind: 'bad_count', raw: it.raw };
    fields.count = Number(it.raw);
  }
  return null;
}

/**
 * A GS1 element string as a scanner sends it: the symbology identifier (`]C1`, `]d2`, `]Q3`…) then
 * the elements, variable-length ones ended by GS (0x1D, the FNC1). Elements the desk does not use
 * are read past (and so checked for their form) and left out.
 */
export function parseGs1(aim: string, data: string, officeYear: number): Gs1Result {
  let items: ParsedItem[];
  try {
    items = parseBarcode(aim + data).parsedCodeItems;
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
  const fields: Gs1Fields = {};
  for (const it of items) {
    const p = take(fields, it, officeYear);
    if (p) return { ok: false, problem: p };
  }
  return { ok: true, fields };
}
