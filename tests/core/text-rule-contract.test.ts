// The one text rule and the bounds, proved over the whole contract: this walks every method's input
// schema and holds each string to the rule (a lone surrogate, a bidirectional override, a control
// character are refused; tab is taken; newline only in the fields that are multi-line; a decomposed
// "é" comes out composed), and each number, array and record to an upper bound. A new field made
// with a bare z.string(), a z.number() without max or an unbounded array fails here.

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/contract';

type Def = { type: string; checks?: { _zod: { def: { check: string } } }[]; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): string[] => (d.checks ?? []).map((c) => c._zod.def.check);

interface Leaf {
  method: string;
  path: string;
  kind: 'string' | 'number' | 'array' | 'record';
  schema: z.ZodType;
}

/** Every string, number, array and record in a schema, with its path ("lines[].memo"). */
function leaves(method: string, schema: z.ZodType, path = '', out: Leaf[] = []): Leaf[] {
  const def = defOf(schema);
  const go = (s: unknown, p = path) => leaves(method, s as z.ZodType, p, out);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) go(v, path ? `${path}.${k}` : k);
      break;
    case 'array':
      out.push({ method, path, kind: 'array', schema });
      go(def.element, `${path}[]`);
      break;
    case 'record':
      out.push({ method, path, kind: 'record', schema });
      go(def.keyType, `${path}{key}`);
      go(def.valueType, `${path}{}`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      go(def.innerType);
      break;
    case 'pipe':
      go(def.in);
      break;
    case 'union':
      for (const o of def.options as unknown[]) go(o);
      break;
    case 'intersection':
      go(def.left);
      go(def.right);
      break;
    case 'string':
    case 'number':
      out.push({ method, path, kind: def.type, schema });
      break;
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'null':
      break;
    default:
      throw new Error(`${method} ${path}: the walker does not know a ${def.type} schema`);
  }
  return out;
}

const ALL = Object.entries(contract).flatMap(([m, d]) => leaves(m, d.input as z.ZodType));
const of = (kind: Leaf['kind']) => ALL.filter((l) => l.kind === kind);
const name = (l: Leaf) => `${l.method}: ${l.path}`;

/** The fields a person may write over several lines; every other text is one line. */
const MULTI_LINE = /^(customers|suppliers)\.(create|update): notes$|^receivables\.chase: note$|^export\.xlsx: rows\[\]\[\]$/;
const isMultiLine = (l: Leaf) => MULTI_LINE.test(name(l));

/** A text of the field's own length with `c` in the middle (a regex field refuses it as it stands). */
function sample(l: Leaf, c: string): string {
  const s = l.schema as unknown as { minLength: number | null; maxLength: number | null };
  const len = Math.min(Math.max(s.minLength ?? 0, 3), s.maxLength ?? 3);
  return 'a' + c + 'a'.repeat(Math.max(len - 2, 0));
}
const takes = (l: Leaf, v: unknown) => l.schema.safeParse(v).success;
/** A field of a fixed form (a date, a barcode, base64): the form itself keeps other characters out. */
const hasFormat = (l: Leaf) => checksOf(defOf(l.schema)).includes('string_format');

describe('the contract holds every input string to the one text rule', () => {
  it('walks the whole contract', () => {
    expect(of('string').length).toBeGreaterThan(150);
    expect(ALL.some((l) => name(l) === 'slips.create: lines[].memo')).toBe(true);
  });

  it('refuses a lone surrogate, a bidirectional override and a control character in every string', () => {
    const bad = ['\ud800', '\udc00', '\u202e', '\u2066', '\u0000', '\u0001', '\u001b', '\u007f'];
    const taken = of('string').flatMap((l) => bad.filter((c) => takes(l, sample(l, c))).map((c) => `${name(l)} takes U+${c.charCodeAt(0).toString(16)}`));
    expect(taken).toEqual([]);
  });

  it('takes plain text, tab and a composed "é" in every free-text field, and a newline only where the field is multi-line', () => {
    const problems: string[] = [];
    for (const l of of('string')) {
      if (hasFormat(l)) continue;
      if (!takes(l, sample(l, 'b'))) problems.push(`${name(l)} refuses plain text`);
      if (!takes(l, sample(l, '\t'))) problems.push(`${name(l)} refuses a tab`);
      for (const nl of ['\n', '\r\n', '\r'])
        if (takes(l, sample(l, nl)) !== isMultiLine(l)) problems.push(`${name(l)} ${isMultiLine(l) ? 'refuses' : 'takes'} ${JSON.stringify(nl)}`);
      if (isMultiLine(l) && l.schema.safeParse(sample(l, '\r\n')).data !== sample(l, '\n')) problems.push(`${name(l)} keeps a Windows line end`);
      const parsed = l.schema.safeParse(sample(l, 'e\u0301'));
      if (!parsed.success || parsed.data !== sample(l, 'é')) problems.push(`${name(l)} does not store "é" composed`);
    }
    expect(problems).toEqual([]);
    expect(of('string').filter(isMultiLine).length).toBeGreaterThanOrEqual(6);
  });
});

describe('the contract bounds every input number, array and record', () => {
  it('gives every number an upper bound below 2^53', () => {
    const unbounded = of('number')
      .filter((l) => !((l.schema as unknown as { maxValue: number }).maxValue < Number.MAX_SAFE_INTEGER))
      .map(name);
    expect(unbounded).toEqual([]);
  });

  it('gives every array a most-items', () => {
    expect(of('array').length).toBeGreaterThan(20);
    expect(
      of('array')
        .filter((l) => !checksOf(defOf(l.schema)).includes('max_length'))
        .map(name),
    ).toEqual([]);
  });

  it('refuses a record with ten thousand keys', () => {
    const records = of('record');
    expect(records.length).toBeGreaterThan(0);
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, '']));
    expect(records.filter((l) => takes(l, many)).map(name)).toEqual([]);
  });
});
