// Column arithmetic of a receipt printer: the paper is a grid of half-width columns (32 on 58 mm
// paper, 48 on 80 mm). In Chinese mode (FS &) the printer draws ASCII one column wide and every
// GBK double-byte character (汉字, ￥, ，, and also ·, ×, Greek) two columns wide: so a
// character's columns are its GBK bytes. Wrapping and padding are done here, once, so the
// ESC/POS bytes and the preview on screen break every line at the same place.

import iconv from 'iconv-lite';

/** How many columns one character takes: 1 for ASCII, 2 for anything else (a GBK double-byte code). */
export function charCols(ch: string): 1 | 2 {
  return (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function textCols(text: string): number {
  let n = 0;
  for (const ch of text) n += charCols(ch);
  return n;
}

/** GBK has a code for it (else the printer would get '?'). */
function inGbk(ch: string): boolean {
  return ch.codePointAt(0)! < 0x80 || iconv.encode(ch, 'gbk').length === 2;
}

/**
 * The receipt's own forms: ¥ (U+00A5, not in GBK) as ￥ (U+FFE5); tabs, line breaks and other
 * control characters as spaces; a character GBK cannot encode (an emoji, a rare 𠮷) as '?', one
 * column, as the printer would show it.
 */
export function normalise(text: string): string {
  const t = text.replace(/\u00a5/g, '\uffe5').replace(/[\x00-\x1f\x7f]+/g, ' ');
  return /[^\x00-\x7f]/.test(t) ? [...t].map((ch) => (inGbk(ch) ? ch : '?')).join('') : t;
}

/** Break text into lines of at most `cols` columns, at characters (a Chinese line has no spaces to break at). */
export function wrap(text: string, cols: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of normalise(text)) {
    const w = charCols(ch);
    if (used + w > cols) {
      lines.push(line.trimEnd());
      line = ch === ' ' ? '' : ch;
      used = ch === ' ' ? 0 : w;
    } else {
      line += ch;
      used += w;
    }
  }
  lines.push(line.trimEnd());
  return lines;
}

/** Cut text to at most `cols` columns (a cell of a table). */
export function clip(text: string, cols: number): string {
  return wrap(text, cols)[0] ?? '';
}

export function padEnd(text: string, cols: number): string {
  return text + ' '.repeat(Math.max(0, cols - textCols(text)));
}

export function padStart(text: string, cols: number): string {
  return ' '.repeat(Math.max(0, cols - textCols(text))) + text;
}

/** Left text and right text on one line of `cols` columns; a left part too long goes on lines of its own above. */
export function pair(left: string, right: string, cols: number): string[] {
  const r = clip(normalise(right), cols);
  const room = cols - textCols(r) - 1;
  const lefts = room > 0 ? wrap(left, room) : [left];
  const last = lefts.pop() ?? '';
  if (room <= 0) return [...wrap(left, cols), padStart(r, cols)];
  return [...lefts, padEnd(last, room) + ' ' + r];
}
