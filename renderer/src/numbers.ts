// Numbers typed at the desk: the one place the renderer turns typed text into a quantity or an
// amount of money. Quantities are whole numbers in the item's base unit; money is yuan with at
// most two decimals, kept as integer fen. Both are read the way people type them here: full-width
// digits, point, comma and minus from a Chinese IME (４５．５, １，２３４, －３), thousands
// separators ("1,234.50", "1，234") and spaces around. Whatever is refused says why and what the
// field must be (num.* in the dictionaries), never a silent rounding: "3.5" is not 3.
// The bounds are the core's: MAX_QTY (shared/schemas/common.ts) and MAX_FEN (shared/money.ts).
// Pure functions, unit-tested in tests/renderer/numbers.test.ts.

import { MAX_FEN, formatFen } from '../../shared/money';
import { MAX_QTY } from '../../shared/schemas/common';
import type { MsgKey } from './i18n/zh';
import type { Vars } from './i18n/format';

export { MAX_FEN, MAX_QTY };

/** A typed number's field, named as the screen names it (num.field.* in the dictionaries). */
export type NumField =
  | 'qty'
  | 'returnQty'
  | 'picked'
  | 'unitCost'
  | 'price'
  | 'amount'
  | 'budget'
  | 'count'
  | 'packQty'
  | 'safetyStock'
  | 'attachments'
  | 'creditLimit'
  | 'terms'
  | 'leadDays';

export type Refused = 'empty' | 'notNumber' | 'decimal' | 'tooManyDecimals' | 'tooSmall' | 'tooLarge' | 'barcode';

export interface Refusal {
  reason: Refused;
  field: NumField;
  kind: 'qty' | 'money';
  /** what was typed (trimmed) */
  text: string;
  /** the bounds, in base units or fen */
  min: number;
  max: number;
}

export type Parsed = { ok: true; value: number } | { ok: false; refusal: Refusal };

const FULL_WIDTH: Record<string, string> = { '．': '.', '，': ',', '－': '-', '＋': '+', '−': '-', '﹣': '-', '\u3000': ' ' };

/** Full-width digits, point, comma, signs and spaces to their ASCII forms; spaces around trimmed. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．，－＋−﹣\u3000]/g, (c) => FULL_WIDTH[c])
    .trim();
}

interface Shape {
  negative: boolean;
  whole: string;
  decimals: string;
  grouped: boolean;
}

/** "+1,234.50" → its parts; null when it is not a number (letters, a comma out of place, two points…). */
function shapeOf(ascii: string): Shape | null {
  const m = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(ascii);
  if (!m || !/\d/.test(m[2] + (m[3] ?? ''))) return null;
  return { negative: m[1] === '-', whole: m[2].replace(/,/g, '') || '0', decimals: m[3] ?? '', grouped: m[2].includes(',') };
}

/** The check digit of an EAN-13 / EAN-8 (also UPC-A, GTIN-14) is right. */
export function hasValidEanCheck(digits: string): boolean {
  if (!/^\d+$/.test(digits) || ![8, 12, 13, 14].includes(digits.length)) return false;
  let sum = 0;
  for (let i = digits.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += Number(digits[i]) * w;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/**
 * Text typed as a quantity that is more likely a barcode: 8 or more plain digits (no separators,
 * no sign, no point), which covers EAN-8 and EAN-13. "12,345,678" typed with separators is a
 * quantity someone meant.
 */
export function looksLikeBarcode(text: string): boolean {
  const t = toHalfWidth(text);
  return /^\d{8,}$/.test(t) || hasValidEanCheck(t);
}

const refuse = (reason: Refused, field: NumField, kind: 'qty' | 'money', text: string, min: number, max: number): Parsed => ({
  ok: false,
  refusal: { reason, field, kind, text, min, max },
});

/**
 * A quantity: a whole number of base units in [min, max] (max at most the core's MAX_QTY).
 * "3.0" is 3; "3.5" is refused (decimal); a barcode-like text is refused (barcode).
 */
export function parseQty(text: string, opts: { field?: NumField; min?: number; max?: number } = {}): Parsed {
  const field = opts.field ?? 'qty';
  const min = opts.min ?? 1;
  const max = Math.min(opts.max ?? MAX_QTY, MAX_QTY);
  const t = toHalfWidth(text);
  if (t === '') return refuse('empty', field, 'qty', t, min, max);
  if (looksLikeBarcode(t)) return refuse('barcode', field, 'qty', t, min, max);
  const s = shapeOf(t);
  if (!s) return refuse('notNumber', field, 'qty', t, min, max);
  if (/[1-9]/.test(s.decimals)) return refuse('decimal', field, 'qty', t, min, max);
  const digits = s.whole.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return refuse(s.negative ? 'tooSmall' : 'tooLarge', field, 'qty', t, min, max);
  const n = s.negative && Number(digits) !== 0 ? -Number(digits) : Number(digits);
  if (n < min) return refuse('tooSmall', field, 'qty', t, min, max);
  if (n > max) return refuse('tooLarge', field, 'qty', t, min, max);
  return { ok: true, value: n };
}

/**
 * Money: yuan with at most two decimals → integer fen in [min, max] fen (default 0 … MAX_FEN; a
 * negative min allows red figures, never below −MAX_FEN). A leading ¥ / ￥ is allowed.
 */
export function parseMoney(text: string, opts: { field?: NumField; min?: number; max?: number } = {}): Parsed {
  const field = opts.field ?? 'amount';
  const min = Math.max(opts.min ?? 0, -MAX_FEN);
  const max = Math.min(opts.max ?? MAX_FEN, MAX_FEN);
  const t = toHalfWidth(text);
  if (t === '') return refuse('empty', field, 'money', t, min, max);
  const s = shapeOf(t.replace(/^([+-]?)[￥¥]\s*/, '$1'));
  if (!s) return refuse('notNumber', field, 'money', t, min, max);
  if (s.decimals.replace(/0+$/, '').length > 2) return refuse('tooManyDecimals', field, 'money', t, min, max);
  const digits = s.whole.replace(/^0+(?=\d)/, '');
  if (digits.length > 14) return refuse(s.negative ? 'tooSmall' : 'tooLarge', field, 'money', t, min, max);
  const abs = Number(digits) * 100 + Number(s.decimals.slice(0, 2).padEnd(2, '0'));
  const fen = s.negative && abs !== 0 ? -abs : abs;
  if (fen < min) return refuse('tooSmall', field, 'money', t, min, max);
  if (fen > max) return refuse('tooLarge', field, 'money', t, min, max);
  return { ok: true, value: fen };
}

/** qty × unit price in fen, or null when the product is outside ±MAX_FEN (never throws). */
export function amountFen(qty: number, unitFen: number): number | null {
  const fen = qty * unitFen;
  return Number.isSafeInteger(fen) && Math.abs(fen) <= MAX_FEN ? fen : null;
}

/** formatFen that never throws: a figure out of bounds shows as "—". */
export function formatFenSafe(fen: number, opts?: Parameters<typeof formatFen>[1]): string {
  return Number.isSafeInteger(fen) && Math.abs(fen) <= MAX_FEN ? formatFen(fen, opts) : '—';
}

/** The message key and its values for a refusal (both languages through translate / t). */
export function refusalMessage(r: Refusal): { key: MsgKey; vars: Vars; fieldKey: MsgKey } {
  const bound = (n: number) => (r.kind === 'money' ? formatFen(n) : n.toLocaleString('en-US'));
  const fieldKey = `num.field.${r.field}` as MsgKey;
  const key = `num.${r.kind}.${r.reason}` as MsgKey;
  return { key, fieldKey, vars: { text: r.text, min: bound(r.min), max: bound(r.max) } };
}

/** The refusal's text in the screen's language: `t` is the i18n t() (or translate bound to a language). */
export function refusalText(r: Refusal, t: (key: MsgKey, vars?: Vars) => string): string {
  const m = refusalMessage(r);
  return t(m.key, { ...m.vars, field: t(m.fieldKey) });
}
