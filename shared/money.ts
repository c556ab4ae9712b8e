// Money is integer fen (分) everywhere; these helpers only format and parse at the edges.

export const MAX_FEN = 1e13; // 1,000 亿元: far above any slip, far below 2^53

/**
 * The one fen → yuan text formatter: 123456 → "1,234.56" (negative with a leading minus).
 * `grouping: false` drops the thousands separators ("1234.56", for an input field or a plain
 * message); `symbol` puts a yuan sign after the minus: "￥1,234.56", "-¥1,234.56" (printed
 * documents use the full-width ￥, the screens the half-width ¥).
 */
export function formatFen(fen: number, opts: { grouping?: boolean; symbol?: '￥' | '¥' } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const y = opts.grouping === false ? String(yuan) : yuan.toLocaleString('en-US');
  return `${neg ? '-' : ''}${opts.symbol ?? ''}${y}.${cents}`;
}

/**
 * A unit cost in fen: amount ÷ quantity rounded half up (away from zero on a tie), exact in
 * integers; null for no quantity. The stock card's 单价 and 结存单价, on screen and on paper.
 */
export function unitFen(amountFen: number, qty: number): number | null {
  if (qty === 0) return null;
  const a = Math.abs(amountFen);
  const q = Math.abs(qty);
  const u = Math.floor((2 * a + q) / (2 * q));
  return amountFen < 0 !== qty < 0 ? -u : u;
}

/** "12.3" / "12.30" / "1,234" → fen; null when it is not an amount with at most two decimals. */
export function parseYuanToFen(text: string): number | null {
  const t = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[￥¥]/, '');
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return null;
  return m[1] && fen !== 0 ? -fen : fen; // "-0" is 0, not -0
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Amount in Chinese capitals for printed totals (人民币大写): 1234.05 元 → 壹仟贰佰叁拾肆元零伍分. */
export function fenToChineseCapital(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
  if (fen === 0) return '零元整';
  const sign = fen < 0 ? '负' : '';
  const abs = Math.abs(fen);
  const fenDigit = abs % 10;
  const jiao = Math.floor(abs / 10) % 10;
  const yuan = Math.floor(abs / 100);
  let out = '';
  if (yuan > 0) {
    const groups: number[] = []; // groups of four digits, lowest first
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      if (group === 0) {
        pendingZero = out !== '';
        continue;
      }
      if (out !== '' && (pendingZero || group < 1000)) out += '零';
      pendingZero = false;
      let part = '';
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          if (part !== '') zero = true;
        } else {
          if (zero) part += '零';
          zero = false;
          part += DIGITS[d] + SMALL_UNITS[i];
        }
      }
      out += part + BIG_UNITS[g];
    }
    out += '元';
  }
  if (jiao === 0 && fenDigit === 0) return sign + out + '整';
  if (jiao > 0) out += DIGITS[jiao] + '角';
  else if (yuan > 0) out += '零';
  out += fenDigit > 0 ? DIGITS[fenDigit] + '分' : '整';
  return sign + out;
}
