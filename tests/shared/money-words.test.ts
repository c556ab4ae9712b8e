// 合计人民币大写 on printed documents: fenToChineseCapital against the standard rules for
// amounts in words (zeros between digits read once as 零; a zero group between 万/亿 groups
// reads as one 零; no 零 before 元 when the units are zero; 整 after 元 or 角).
import { describe, expect, it } from 'vitest';
import { fenToChineseCapital } from '../../shared/money';

const cases: [number, string][] = [
  [0, '零元整'],
  [1, '壹分'],
  [10, '壹角整'],
  [15, '壹角伍分'],
  [100, '壹元整'],
  [105, '壹元零伍分'],
  [150, '壹元伍角整'],
  [1000, '壹拾元整'],
  [1005, '壹拾元零伍分'],
  [10000, '壹佰元整'],
  [10500, '壹佰零伍元整'],
  [100000, '壹仟元整'],
  [100005, '壹仟元零伍分'],
  [101000, '壹仟零壹拾元整'],
  [123456, '壹仟贰佰叁拾肆元伍角陆分'],
  [123050, '壹仟贰佰叁拾元伍角整'],
  [780000, '柒仟捌佰元整'],
  [1000000, '壹万元整'],
  [1001000, '壹万零壹拾元整'],
  [1010000, '壹万零壹佰元整'],
  [1100000, '壹万壹仟元整'],
  [10001000, '壹拾万零壹拾元整'],
  [11000000, '壹拾壹万元整'],
  [100000000, '壹佰万元整'],
  [1000000000, '壹仟万元整'],
  // 万位 zero but 仟位 not: the standard allows 零 or not (壹拾万柒仟元 / 壹拾万零柒仟元); we write none
  [1000100000, '壹仟万壹仟元整'],
  [10700053, '壹拾万柒仟元伍角叁分'],
  [10000000000, '壹亿元整'],
  [10000000100, '壹亿零壹元整'],
  [10000010000, '壹亿零壹佰元整'],
  [10001000000, '壹亿零壹万元整'],
  [10010000000, '壹亿零壹拾万元整'],
  [10100000000, '壹亿零壹佰万元整'],
  [12000000500, '壹亿贰仟万零伍元整'],
  [10000100000, '壹亿零壹仟元整'],
  [100000000000, '壹拾亿元整'],
  [1e13, '壹仟亿元整'],
  [-123456, '负壹仟贰佰叁拾肆元伍角陆分'],
  [-780000, '负柒仟捌佰元整'],
];

describe('fenToChineseCapital (合计人民币大写)', () => {
  it.each(cases)('%i fen → %s', (fen, words) => {
    expect(fenToChineseCapital(fen)).toBe(words);
  });

  it('never doubles 零, never ends a group with 零, never puts 零 right before 元 or a big unit', () => {
    for (let i = 0; i < 5000; i++) {
      const fen = 1 + Math.floor(Math.random() ** 3 * 1e12);
      const w = fenToChineseCapital(fen);
      expect(w).not.toMatch(/零零|零[元万亿角整]|^零/);
      expect(w).toMatch(/(整|分)$/);
    }
  });
});
