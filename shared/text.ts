// The one text rule of the desk (issue 11): every string the contract takes goes through it, so
// what is stored, hashed into the audit chain and printed is exactly what was typed, and nothing
// hides in it. A text is refused when it holds
//   - a lone surrogate ("\ud800"): not a character, SQLite would store other bytes than the hash saw;
//   - a C0 control character (U+0000–U+001F) or DEL, except tab, and newline where the field is multi-line;
//   - a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069): "‮gnp.exe" shows as "exe.png".
// An accepted text is normalised to NFC, so a decomposed "é" is stored (and hashed) composed.

export type TextProblem = 'surrogate' | 'control' | 'newline' | 'bidi';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 controls and DEL, without tab (09) and newline (0a). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** What is wrong with a text under the rule, or null when it may be stored. */
export function textProblem(text: string, multiLine = false): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  if (CONTROL.test(text)) return 'control';
  if (!multiLine && text.includes('\n')) return 'newline';
  if (BIDI.test(text)) return 'bidi';
  return null;
}

/** Windows line ends ("\r\n", a lone "\r") of a multi-line text, as the one newline the desk stores. */
export function unifyNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The problem said to the clerk, Chinese first. */
export const TEXT_PROBLEM_WORDS: Record<TextProblem, readonly [zh: string, en: string]> = {
  surrogate: ['含有无效字符(残缺的 Unicode 字符)', 'contains an invalid character (a lone surrogate)'],
  control: ['含有控制字符', 'contains a control character'],
  newline: ['不能换行', 'must be on one line'],
  bidi: ['含有文字方向控制符', 'contains a text-direction override'],
};

/** True when every string is well formed UTF-16 (what SQLite stores as UTF-8 and reads back the same). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
