// Barcodes: the GS1 check digit of EAN-13, EAN-8, UPC-A and ITF-14 codes, computed in one place.

/** The GS1 check digit for the digits before it: weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The GS1 lengths: EAN-8, UPC-A, EAN-13, ITF-14. */
const GS1_LENGTHS = new Set([8, 12, 13, 14]);

export type BarcodeProblem = { kind: 'format' } | { kind: 'check_digit'; expected: number };

/** Why a barcode cannot be used, or null: 4–32 letters or digits; a GS1-length all-digit code must carry its right check digit. */
export function barcodeProblem(code: string): BarcodeProblem | null {
  if (!/^[0-9A-Za-z\-.]{4,32}$/.test(code)) return { kind: 'format' };
  if (!/^\d+$/.test(code) || !GS1_LENGTHS.has(code.length)) return null;
  const expected = gs1CheckDigit(code.slice(0, -1));
  return Number(code[code.length - 1]) === expected ? null : { kind: 'check_digit', expected };
}

/**
 * The codes one scanned GTIN may be stored under, itself first. GS1 writes every GTIN as 14 digits
 * in an element string (AI 01) by padding zeros on the left, while an item's unit barcode is kept
 * as printed (EAN-13, UPC-A 12, EAN-8): 06901234567892 is the EAN-13 6901234567892, and a scanned
 * UPC-A may have been stored as its EAN-13 (0 + 12 digits). A case code (GTIN-14 with indicator
 * 1–8, an ITF-14 or an AI 01 on a case label) differs in its check digit from the unit's code, so
 * it only matches a barcode stored as that case code, with the case's pack quantity.
 */
export function gtinCandidates(code: string): string[] {
  if (!/^\d{8,14}$/.test(code) || !GS1_LENGTHS.has(code.length)) return [code];
  const bare = code.replace(/^0+/, '');
  const out = [code];
  for (const len of [8, 12, 13, 14]) if (len >= bare.length && len !== code.length) out.push(bare.padStart(len, '0'));
  return out;
}

/**
 * Whether a scanned text is a GS1 element string the core should read (scans.read): it carries a
 * GS1 symbology id (]C1 GS1-128, ]d2 DataMatrix, ]Q3 QR, ]e0 DataBar, ]J1 DotCode), starts with an
 * AI and holds an FNC1 (GS, written `|` on the way to the core; a slip's QR BD1|… starts with no AI),
 * or, with neither (a wedge scanner that sends no AIM id),
 * starts with AI 01 / 02 and a 14-digit GTIN followed by more elements.
 */
export function looksGs1(code: string): boolean {
  return /^\](C1|d2|Q3|e0|J1)/.test(code) || /^\d\d[^\x1d|]*[\x1d|]/.test(code) || /^0[12]\d{14}\d{2}/.test(code);
}
