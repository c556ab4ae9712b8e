// The problems one cell of an import can have, whatever the kind: missing, too long, not a number,
// negative, a fraction where a whole number is due, more than two decimals in yuan; and a value met
// twice (in an earlier row of the file, or already in the books).

import { MAX_QTY, type ImportProblem } from '../../../shared/contract';
import { parseYuanToFen } from '../../../shared/money';
import type { SheetColumn } from '../../../shared/sheets';
import { TEXT_PROBLEM_WORDS, textProblem } from '../../../shared/text';

export type Problems = ImportProblem[];

export function add(p: Problems, c: SheetColumn, code: string, zh: string, en: string): void {
  p.push({ field: c.key, code, message_zh: `${c.zh}: ${zh}`, message_en: `${c.en}: ${en}` });
}

/** yuan as Excel shows them: "12,000.50", "¥9.90" (what parseYuanToFen reads) */
export const yuanText = (text: string): string => text.replace(/[,，\s]/g, '').replace(/^[￥¥]/, '');

/** Whole numbers and yuan: not negative, whole or with at most two decimals. */
function numberProblems(p: Problems, c: SheetColumn, text: string): void {
  if (text === '' || c.format === 'text') return;
  const v = c.format === 'yuan' ? yuanText(text) : text;
  if (!/^-?\d+(\.\d+)?$/.test(v)) return add(p, c, 'not_number', `「${v}」不是数字`, `"${v}" is not a number`);
  if (v.startsWith('-')) return add(p, c, 'negative', '不能为负数', 'must not be negative');
  const decimals = v.split('.')[1]?.length ?? 0;
  if (c.format === 'int' && decimals > 0) add(p, c, 'not_integer', '须为整数', 'must be a whole number');
  if (c.format === 'yuan' && decimals > 2) add(p, c, 'too_many_decimals', '金额最多两位小数', 'at most two decimals');
  else if (c.format === 'yuan' && parseYuanToFen(v) === null) add(p, c, 'too_large', '金额超出范围', 'amount out of range');
  if (c.format === 'int' && Number(v) > MAX_QTY) add(p, c, 'too_large', '数量超出范围', 'quantity out of range');
}

export function cellProblems(p: Problems, c: SheetColumn, v: string): void {
  if (c.required && v === '') return add(p, c, 'missing', '必填', 'required');
  // the contract's one text rule, said on the row before the commit would refuse the whole file
  const text = textProblem(v);
  if (text) add(p, c, 'bad_text', ...TEXT_PROBLEM_WORDS[text]);
  if (c.max !== undefined && v.length > c.max) add(p, c, 'too_long', `最多 ${c.max} 个字`, `at most ${c.max} characters`);
  numberProblems(p, c, v);
}

/** Whether a field of the row already has a problem (later rules then say nothing more of it). */
export const hasProblem = (p: Problems, key: string): boolean => p.some((x) => x.field === key);

/** A value met twice: in an earlier row of the file, or in the books. */
export class Seen {
  private first = new Map<string, number>();
  check(p: Problems, c: SheetColumn, v: string, rowNo: number, inBooks: string | undefined): void {
    if (v === '') return;
    const earlier = this.first.get(v);
    if (earlier !== undefined) add(p, c, 'duplicate_in_file', `「${v}」与第 ${earlier} 行重复`, `"${v}" repeats row ${earlier}`);
    else this.first.set(v, rowNo);
    if (inBooks !== undefined)
      add(p, c, 'duplicate_in_books', `「${v}」已在账上${inBooks ? `(${inBooks})` : ''}`, `"${v}" is already in the books${inBooks ? ` (${inBooks})` : ''}`);
  }
}
