// Money helpers at the edges: fen ⇄ text, and the amount in Chinese capitals (人民币大写) for
// printed totals, following the People's Bank rules for writing amounts on bills
// (《支付结算办法》附: 正确填写票据和结算凭证的基本规定). Where the rules allow two forms
// (a 零 after 元 when the 元 digit is 0; 整 after 角), the form this desk prints is pinned.
import { describe, expect, it } from 'vitest';
import { MAX_FEN, fenToChineseCapital, formatFen, parseYuanToFen } from '../../shared/money';

describe('formatFen', () => {
  it('formats fen as yuan with two decimals and thousands grouping', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(50)).toBe('0.50');
    expect(formatFen(100)).toBe('1.00');
    expect(formatFen(123456)).toBe('1,234.56');
    expect(formatFen(100000000)).toBe('1,000,000.00');
    expect(formatFen(MAX_FEN)).toBe('100,000,000,000.00');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(-123456)).toBe('-1,234.56');
    expect(formatFen(123456789, { grouping: false })).toBe('1234567.89');
    expect(formatFen(-100, { grouping: false })).toBe('-1.00');
  });

  it('refuses what is not a whole number of fen', () => {
    for (const bad of [1.5, NaN, Infinity, 2 ** 53]) expect(() => formatFen(bad)).toThrow(RangeError);
  });

  it('puts a yuan sign after the minus: full-width ￥ on paper, half-width ¥ on screen', () => {
    expect(formatFen(123456, { symbol: '￥' })).toBe('￥1,234.56');
    expect(formatFen(-123456, { symbol: '￥' })).toBe('-￥1,234.56');
    expect(formatFen(-5, { symbol: '¥' })).toBe('-¥0.05');
    expect(formatFen(-123456, { symbol: '¥', grouping: false })).toBe('-¥1234.56');
  });

  // Printing (￥, grouped), the day close's messages (no grouping) and the error messages
  // (grouped) each had a formatter of their own; these are the forms they printed, kept exactly
  // (PDFs and messages are read back by tests/printing and tests/finance).
  it('keeps the forms printing, the day close and the error messages printed before', () => {
    const cases: [number, string, string, string][] = [
      [0, '￥0.00', '0.00', '0.00'],
      [-1, '-￥0.01', '-0.01', '-0.01'],
      [99, '￥0.99', '0.99', '0.99'],
      [-100000, '-￥1,000.00', '-1000.00', '-1,000.00'],
      [123456789, '￥1,234,567.89', '1234567.89', '1,234,567.89'],
      [-987654321012, '-￥9,876,543,210.12', '-9876543210.12', '-9,876,543,210.12'],
    ];
    for (const [fen, printed, dayClose, message] of cases) {
      expect(formatFen(fen, { symbol: '￥' })).toBe(printed);
      expect(formatFen(fen, { grouping: false })).toBe(dayClose);
      expect(formatFen(fen)).toBe(message);
    }
  });
});

describe('parseYuanToFen', () => {
  it('reads what the desk types', () => {
    const cases: [string, number][] = [
      ['12', 1200],
      ['12.', 1200],
      ['12.3', 1230],
      ['12.30', 1230],
      ['12.05', 1205],
      ['0.01', 1],
      ['0', 0],
      ['1,234', 123400],
      ['1,234.56', 123456],
      ['1，234.5', 123450], // full-width comma
      ['1 234', 123400],
      [' ¥5 ', 500],
      ['￥0.99', 99],
      ['-1.5', -150],
      ['100000000000', MAX_FEN],
    ];
    for (const [text, fen] of cases) expect(parseYuanToFen(text), text).toBe(fen);
  });

  it('says null to anything that is not an amount of at most two decimals within range', () => {
    for (const bad of ['', ' ', 'abc', '12.345', '.5', '1e5', '--1', '1.2.3', '+1', '12元', '100000000000.01', '999999999999999999999'])
      expect(parseYuanToFen(bad), bad).toBeNull();
  });

  it('minus zero is plain zero', () => {
    expect(Object.is(parseYuanToFen('-0'), 0)).toBe(true);
    expect(Object.is(parseYuanToFen('-0.00'), 0)).toBe(true);
  });

  it('reads back what formatFen writes', () => {
    for (const fen of [0, 1, 99, 100, 123456, -123456, 100000000, 987654321012, MAX_FEN, -MAX_FEN]) expect(parseYuanToFen(formatFen(fen))).toBe(fen);
  });
});

describe('fenToChineseCapital (人民币大写)', () => {
  const cases: [number, string][] = [
    // the brief's examples
    [0, '零元整'],
    [100, '壹元整'],
    [1005, '壹拾元零伍分'], // 10.05: 角 is 0, 分 is not: 零 after 元
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100000000, '壹佰万元整'], // 1,000,000.00
    [1000000100, '壹仟万零壹元整'], // 10,000,001.00: the zeros between are one 零
    [10020030040, '壹亿零贰拾万零叁佰元肆角整'], // 100,200,300.40 (贰拾万, not 贰万; 元 digit 0: the 零 before 角 may be left out)
    // the People's Bank's own examples
    [140950, '壹仟肆佰零玖元伍角整'], // ¥1,409.50 (整 after 角 is allowed)
    [600714, '陆仟零柒元壹角肆分'], // ¥6,007.14
    [168032, '壹仟陆佰捌拾元叁角贰分'], // ¥1,680.32
    [10700053, '壹拾万柒仟元伍角叁分'], // ¥107,000.53
    [1640902, '壹万陆仟肆佰零玖元零贰分'], // ¥16,409.02
    [32504, '叁佰贰拾伍元零肆分'], // ¥325.04
    // less than a yuan
    [1, '壹分'],
    [5, '伍分'],
    [50, '伍角整'],
    [55, '伍角伍分'],
    // 壹拾 keeps its 壹; zeros inside a group and between groups
    [1000, '壹拾元整'],
    [1010, '壹拾元壹角整'],
    [1900, '壹拾玖元整'],
    [100000, '壹仟元整'],
    [100100, '壹仟零壹元整'],
    [100500, '壹仟零伍元整'],
    [101000, '壹仟零壹拾元整'],
    [1000000, '壹万元整'],
    [1000010, '壹万元壹角整'],
    [1050000, '壹万零伍佰元整'],
    [2000000, '贰万元整'],
    [20000100, '贰拾万零壹元整'],
    [100001000, '壹佰万零壹拾元整'],
    [10000000000, '壹亿元整'],
    [10000000100, '壹亿零壹元整'],
    [10001000000, '壹亿零壹万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [MAX_FEN, '壹仟亿元整'],
    [MAX_FEN - 1, '玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // negative totals (a reversal)
    [-123456, '负壹仟贰佰叁拾肆元伍角陆分'],
    [-5, '负伍分'],
  ];
  for (const [fen, text] of cases) it(`${formatFen(fen)} → ${text}`, () => expect(fenToChineseCapital(fen)).toBe(text));

  it('reads back to the same amount, uses only the capital digits and units, never two 零 in a row', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647);
    const amounts = [...cases.map(([f]) => f)];
    for (let i = 0; i < 3000; i++) amounts.push(((rnd() % 2 ** 22) * 2 ** 31 + rnd()) % 10 ** (1 + (i % 13))); // up to 13 digits
    for (const fen of amounts) {
      const t = fenToChineseCapital(fen);
      expect(readCapital(t), t).toBe(fen);
      expect(t).toMatch(/^负?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
      if (fen !== 0) expect(t, t).not.toMatch(/零零|零元|零万|零亿|^负?零|零整|零$/);
      expect(t).toMatch(/(元整|角整|分)$/);
    }
  });

  it('refuses what is not a whole number of fen', () => {
    for (const bad of [0.5, NaN, -Infinity, 2 ** 53]) expect(() => fenToChineseCapital(bad)).toThrow(RangeError);
  });
});

/** An independent reader of capital amounts, to check what fenToChineseCapital writes means the amount. */
function readCapital(text: string): number {
  const D = '零壹贰叁肆伍陆柒捌玖';
  const neg = text.startsWith('负');
  const t = neg ? text.slice(1) : text;
  const at = t.indexOf('元');
  const [yuanPart, rest] = at >= 0 ? [t.slice(0, at), t.slice(at + 1)] : ['', t];
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of yuanPart) {
    const d = D.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch === '拾' || ch === '佰' || ch === '仟') {
      section += digit * { 拾: 10, 佰: 100, 仟: 1000 }[ch];
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  let fen = (total + section + digit) * 100;
  const m = /^零?(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?(整)?$/.exec(rest);
  if (!m) throw new Error(`cannot read the fraction of ${text}`);
  if (m[1]) fen += D.indexOf(m[1]) * 10;
  if (m[2]) fen += D.indexOf(m[2]);
  return neg ? -fen : fen;
}
