// Fonts for printed documents: Noto Sans SC for Chinese, with Noto Sans JP as the fallback for
// the few characters SC lacks (𠮷 U+20BB7 and friends); SC in turn covers what JP lacks (镕).
// Both are OFL and are embedded as subsets by pdfkit, so a slip carries only the glyphs it uses.
//
// `runs()` splits any string into inline runs by glyph coverage, so pdfmake draws every character
// with a font that has it and the PDF's ToUnicode maps give the exact characters back (search,
// copy, pdftotext). `textWidth()` measures a string the same way, for fitting text to a cell.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The subset of fontkit's Font we use. */
interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string): { advanceWidth: number };
}

// Loaded at run time from node_modules, so the Electron main bundle keeps them external like
// every other runtime dependency. fontkit is the very copy pdfkit uses (pdfmake → pdfkit →
// fontkit), resolved from pdfkit's own folder, so coverage and widths match what gets drawn.
const require = createRequire(import.meta.url);
const fromPdfmake = createRequire(require.resolve('pdfmake'));
const pdfkitPath = fromPdfmake.resolve('pdfkit');
const fromPdfkit = createRequire(pdfkitPath);

interface Fontkit {
  create(buf: Uint8Array, postscriptName?: string): FkFont;
}
const SHARED = Symbol.for('branch-desk.sharedFontParse');

/**
 * fontkit as pdfkit sees it, with each font file parsed once per process. pdfkit parses every
 * font afresh for each document (fontkit.create on the bytes pdfmake hands it), so every PDF
 * decoded the font tables and each glyph's metrics again: about 40% of a slip's render time. A
 * parsed fontkit font only fills caches as it is used, so one parse per font file can serve every
 * document and the measuring below: create() is memoised by the bytes' identity (pdfmake's
 * virtual file system hands back the very Buffer pdf.ts registered). fontkit's own exports cannot
 * be redefined, so pdfkit is given an object with the same functions in their place; it must be
 * in place before pdfkit loads (loadPdfmake). If pdfkit was loaded before (something else in the
 * process required it first), nothing is shared and every document parses its fonts as before.
 */
function sharedFontkit(): Fontkit {
  const real = fromPdfkit('fontkit') as Fontkit & { [SHARED]?: true };
  const cached = require.cache[fromPdfkit.resolve('fontkit')];
  if (real[SHARED] || require.cache[pdfkitPath] || !cached) return real;
  const parsed = new WeakMap<Uint8Array, FkFont>();
  const shared = Object.assign(Object.create(null) as object, real, {
    [SHARED]: true as const,
    create(buf: Uint8Array, postscriptName?: string): FkFont {
      if (postscriptName) return real.create(buf, postscriptName); // one face of a collection: not cached
      let font = parsed.get(buf);
      if (!font) parsed.set(buf, (font = real.create(buf)));
      return font;
    },
  });
  cached.exports = shared;
  return shared;
}
const fontkit = sharedFontkit();

/** pdfmake, loaded after fontkit is shared (see sharedFontkit). */
export function loadPdfmake(): unknown {
  return fromPdfmake('pdfmake');
}

export type FontFamily = 'NotoSC' | 'NotoJP';
export const FAMILIES: readonly FontFamily[] = ['NotoSC', 'NotoJP'];

const FILES: Record<FontFamily, { normal: string; bold: string }> = {
  NotoSC: {
    normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  NotoJP: {
    normal: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
};

export interface LoadedFonts {
  /** font file bytes by pdfmake family and style, for pdfmake's virtual file system */
  files: Record<FontFamily, { normal: Buffer; bold: Buffer }>;
  /** fontkit fonts for coverage and measuring */
  metrics: Record<FontFamily, { normal: FkFont; bold: FkFont }>;
}

let loaded: LoadedFonts | null = null;

/** The font files, read once per process (about 31 MB held in memory once loaded). */
export function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const read = (spec: string) => readFileSync(require.resolve(spec));
  const files = {} as LoadedFonts['files'];
  const metrics = {} as LoadedFonts['metrics'];
  for (const fam of FAMILIES) {
    files[fam] = { normal: read(FILES[fam].normal), bold: read(FILES[fam].bold) };
    metrics[fam] = { normal: fontkit.create(files[fam].normal), bold: fontkit.create(files[fam].bold) };
  }
  loaded = { files, metrics };
  return loaded;
}

const coverage = new Map<number, FontFamily>();

/** The family that draws a code point: SC when it has the glyph, else JP when it has it, else SC. */
export function familyFor(cp: number): FontFamily {
  let fam = coverage.get(cp);
  if (fam === undefined) {
    const { metrics } = loadFonts();
    fam = metrics.NotoSC.normal.hasGlyphForCodePoint(cp) || !metrics.NotoJP.normal.hasGlyphForCodePoint(cp) ? 'NotoSC' : 'NotoJP';
    coverage.set(cp, fam);
  }
  return fam;
}

/** Characters that never decide a run's font: they join the run they stand in. */
function isNeutral(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x300 && cp <= 0x36f) || // combining diacritics
    cp === 0x200d || // zero-width joiner
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) // ideographic variation selectors
  );
}

export interface Run {
  text: string;
  font: FontFamily;
}

/** Split text into runs of one font each, by glyph coverage. */
export function splitRuns(text: string): Run[] {
  const out: Run[] = [];
  let cur: Run | null = null;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const fam: FontFamily = cur && isNeutral(cp) ? cur.font : familyFor(cp);
    if (cur && cur.font === fam) cur.text += ch;
    else out.push((cur = { text: ch, font: fam }));
  }
  return out;
}

/**
 * pdfmake text for a string: the plain string when Noto Sans SC draws all of it (the default font),
 * else inline runs, each with its font. Extra style (bold, color…) goes on every run.
 */
export function runs(text: string, style: Record<string, unknown> = {}): string | Record<string, unknown>[] {
  const parts = splitRuns(text);
  if (parts.every((p) => p.font === 'NotoSC') && Object.keys(style).length === 0) return text;
  return parts.map((p) => (p.font === 'NotoSC' ? { text: p.text, ...style } : { text: p.text, font: p.font, ...style }));
}

const widths = new Map<string, number>();

/** Width of text at 1 pt (multiply by the font size), laid out run by run as pdfkit will. */
export function unitWidth(text: string, bold = false): number {
  const key = bold ? `b\u0000${text}` : text;
  let w = widths.get(key);
  if (w === undefined) {
    const { metrics } = loadFonts();
    w = 0;
    for (const r of splitRuns(text)) {
      const f = metrics[r.font][bold ? 'bold' : 'normal'];
      w += f.layout(r.text).advanceWidth / f.unitsPerEm;
    }
    if (widths.size > 20000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

export function textWidth(text: string, size: number, bold = false): number {
  return unitWidth(text, bold) * size;
}

/** The line height pdfmake gives one line of the default font at a size (before lineHeight). */
export function lineHeightOf(size: number): number {
  const f = loadFonts().metrics.NotoSC.normal;
  return ((f.ascent - f.descent + f.lineGap) / f.unitsPerEm) * size;
}
