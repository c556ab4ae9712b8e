// The one place a schema's complaint becomes words for the user: each zod issue of a refused
// input is said as "<field as the screen names it>: <what is wrong>" in Chinese and English
// (字段名 from shared/fieldLabels.ts; 必填 / 过长(最多 N 字) / 不是整数 / 超出范围 …). No zod
// message, which is developer English, ever reaches the answer.

import type { z } from 'zod';
import { DeskError } from '../../shared/errors';
import { fieldLabel, pathKey, type PathSegment } from '../../shared/fieldLabels';
import { TEXT_PROBLEM_WORDS, type TextProblem } from '../../shared/text';

type Issue = z.core.$ZodIssue;
type Said = readonly [zh: string, en: string];

/** How many issues one refusal names (the rest are counted). */
const MAX_SAID = 5;

/** Patterns of the contract's text fields, said in words (shared/schemas/common.ts). */
const FORMATS: { test: RegExp; said: Said }[] = [
  { test: /\\d\{4\}-\\d\{2\}-\\d\{2\}/, said: ['格式不对(应为 年-月-日, 如 2026-01-31)', 'not a date (year-month-day, e.g. 2026-01-31)'] },
  { test: /\\d\{4\}-\(0\[1-9\]/, said: ['格式不对(应为 年-月, 如 2026-01)', 'not a month (year-month, e.g. 2026-01)'] },
  { test: /0-9A-Za-z/, said: ['格式不对(4–32 位字母或数字)', 'not a barcode (4–32 letters or digits)'] },
];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const TYPE_WORDS: Record<string, Said> = {
  int: ['不是整数', 'not a whole number'],
  number: ['应为数字', 'must be a number'],
  string: ['应为文字', 'must be text'],
  boolean: ['应为 是/否', 'must be yes or no'],
};

function sizeWords(i: Extract<Issue, { code: 'too_small' | 'too_big' }>): Said {
  const n = Number(i.code === 'too_small' ? i.minimum : i.maximum);
  const small = i.code === 'too_small';
  if (i.origin === 'string') {
    if (small && n <= 1) return ['必填', 'required'];
    return small ? [`过短(至少 ${n} 字)`, `too short (at least ${n} characters)`] : [`过长(最多 ${n} 字)`, `too long (at most ${n} characters)`];
  }
  if (i.origin === 'array' || i.origin === 'set') return small ? [`至少 ${n} 项`, `needs at least ${n}`] : [`过多(最多 ${n} 项)`, `too many (at most ${n})`];
  const strict = !i.inclusive;
  if (small) return strict ? [`超出范围(须大于 ${n})`, `out of range (must be more than ${n})`] : [`超出范围(不能小于 ${n})`, `out of range (at least ${n})`];
  return strict ? [`超出范围(须小于 ${n})`, `out of range (must be less than ${n})`] : [`超出范围(最大 ${n})`, `out of range (at most ${n})`];
}

function formatWords(i: Extract<Issue, { code: 'invalid_format' }>): Said {
  const pattern = 'pattern' in i ? String(i.pattern) : '';
  return FORMATS.find((f) => f.test.test(pattern))?.said ?? ['格式不对', 'not in the right form'];
}

/** A refinement of the contract's own (shared/schemas/common.ts): the text rule, a record's most keys, a day that exists. */
function customWords(i: Extract<Issue, { code: 'custom' }>): Said | null {
  const params = i.params as { textProblem?: TextProblem; maxEntries?: number; notADay?: true } | undefined;
  if (params?.textProblem) return TEXT_PROBLEM_WORDS[params.textProblem];
  if (params?.notADay) return ['日历上没有这一天(如 2026-02-30)', 'no such day on the calendar (e.g. 2026-02-30)'];
  if (params?.maxEntries !== undefined) return [`过多(最多 ${params.maxEntries} 项)`, `too many (at most ${params.maxEntries})`];
  return null;
}

/** What is wrong, in words; `value` is what was sent at the issue's path. */
export function problemWords(i: Issue, value: unknown): Said {
  const missing = value === undefined || value === null;
  switch (i.code) {
    case 'invalid_type':
      if (missing) return ['必填', 'required'];
      return TYPE_WORDS[i.expected] ?? ['格式不对', 'not in the right form'];
    case 'too_small':
    case 'too_big':
      return sizeWords(i);
    case 'invalid_format':
      return formatWords(i);
    case 'not_multiple_of':
      return [`须为 ${String(i.divisor)} 的倍数`, `must be a multiple of ${String(i.divisor)}`];
    case 'invalid_value':
      return missing ? ['必填', 'required'] : ['不是可选的值', 'not one of the choices'];
    case 'unrecognized_keys':
      return [`多余的项: ${i.keys.join('、')}`, `unknown fields: ${i.keys.join(', ')}`];
    case 'invalid_union': {
      // a user given by name (or id): say the text rule's words when the name broke it
      const text = i.errors.flat().find((e): e is Extract<Issue, { code: 'custom' }> => e.code === 'custom');
      if (missing) return ['必填', 'required'];
      return (text && customWords(text)) ?? ['格式不对', 'not in the right form'];
    }
    case 'custom':
      return customWords(i) ?? ['无效', 'not valid'];
    default:
      return missing ? ['必填', 'required'] : ['无效', 'not valid'];
  }
}

export interface FieldIssue {
  /** the schema path, dotted ("lines.3.qty") */
  field: string;
  field_zh: string;
  field_en: string;
  problem_zh: string;
  problem_en: string;
}

/** One issue as the user reads it. A field the label tables miss is named by its path (a test keeps that from happening). */
export function fieldIssue(method: string, issue: Issue, input: unknown): FieldIssue {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  return namedIssue(method, path, problemWords(issue, valueAt(input, issue.path)));
}

/**
 * The refusal of an input the contract does not take: `invalid_input` naming each field as the
 * screen does ("输入有误: 第4行 数量: 不是整数"); details.field is the first issue's path.
 */
export function invalidInput(method: string, error: z.ZodError, input: unknown): DeskError {
  return invalidFields(error.issues.map((i) => fieldIssue(method, i, input)));
}

/** The one `invalid_input` refusal of the fields named (the contract's issues, or the core's own checks of an input's shape). */
export function invalidFields(issues: readonly FieldIssue[]): DeskError {
  const said = issues.slice(0, MAX_SAID);
  const more = issues.length - said.length;
  const zh = said.map((i) => `${i.field_zh}: ${i.problem_zh}`).join('; ') + (more > 0 ? ` 等 ${issues.length} 处` : '');
  const en = said.map((i) => `${i.field_en}: ${i.problem_en}`).join('; ') + (more > 0 ? ` and ${more} more` : '');
  const first = issues[0];
  return new DeskError('invalid_input', {
    summary_zh: zh,
    summary_en: en,
    field: first?.field ?? '',
    field_zh: first?.field_zh ?? '',
    field_en: first?.field_en ?? '',
    issues: issues.slice(0, 10),
  });
}

/** One field named by its path, with what is wrong with it. */
export function namedIssue(method: string, path: readonly PathSegment[], [problem_zh, problem_en]: Said): FieldIssue {
  const label = fieldLabel(method, path) ?? { zh: pathKey(path), en: pathKey(path) };
  return { field: path.join('.'), field_zh: label.zh, field_en: label.en, problem_zh, problem_en };
}
