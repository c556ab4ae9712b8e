// Inputs made from the contract's own schemas, for the tests that call every method: the smallest
// input a method takes (the role × method matrix), and fast-check arbitraries of inputs a method
// must refuse (the fuzz test). Both walk the zod schema, so a new method or field is covered the
// day it is added to the contract.

import fc from 'fast-check';
import type { z } from 'zod';
import { tooDeepAt } from '../../electron/core/inputShape';

type Def = { type: string; checks?: { _zod: { def: { check: string } } }[]; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const takes = (s: unknown, v: unknown): boolean => (s as z.ZodType).safeParse(v).success;
/** The wrappers whose inner schema is what a value must be (undefined aside). */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);
const OPTIONAL = new Set(['optional', 'default', 'prefault']);

type StringSchema = { minLength: number | null; maxLength: number | null };
type NumberSchema = { minValue: number | null; maxValue: number | null; isInt: boolean };

/** Texts to try, in order, for a string field: letters, then digits (a PIN), of its least length and a few more, then the fixed forms the contract uses. */
function stringCandidates(s: StringSchema): string[] {
  const lengths = [Math.max(s.minLength ?? 0, 1), 4, 6, 8];
  return [
    ...lengths.flatMap((n) => ['a'.repeat(n), '1'.repeat(n)]),
    '2026-11-29',
    '2026-11',
    '18:30',
    'branch-desk-20261129-1700-daily.db',
    'ABCD1234',
    'QUJD',
    '',
  ];
}

function first(schema: unknown, candidates: unknown[], what: string): unknown {
  const found = candidates.find((c) => takes(schema, c));
  if (found === undefined && !candidates.includes(undefined)) throw new Error(`no minimal value for a ${what} schema`);
  return found;
}

/**
 * The smallest value a schema takes: required fields only, the least length, the first choice of a
 * list; `withOptional` also fills every optional field (a fuller value for the fuzz test to break).
 */
function minimalValue(schema: unknown, withOptional = false): unknown {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) {
    if (OPTIONAL.has(def.type) && !withOptional) return undefined;
    if (def.type === 'nullable' && !withOptional) return null;
    return minimalValue(def.innerType, withOptional);
  }
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        const value = minimalValue(v, withOptional);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'array': {
      const least = defOf(schema)
        .checks?.map((c) => c._zod.def as { check: string; minimum?: number })
        .find((c) => c.check === 'min_length')?.minimum;
      return Array.from({ length: Math.max(least ?? 0, withOptional ? 1 : 0) }, () => minimalValue(def.element, withOptional));
    }
    case 'record':
      return {};
    case 'pipe':
      return minimalValue(def.in, withOptional);
    case 'union':
      return first(
        schema,
        (def.options as unknown[]).map((o) => minimalValue(o, withOptional)),
        'union',
      );
    case 'intersection':
      return { ...(minimalValue(def.left, withOptional) as object), ...(minimalValue(def.right, withOptional) as object) };
    case 'string':
      return first(schema, stringCandidates(schema as unknown as StringSchema), 'string');
    case 'number': {
      const n = schema as unknown as NumberSchema;
      return first(schema, [1, n.minValue, 0, n.maxValue], 'number');
    }
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      throw new Error(`no minimal value for a ${def.type} schema`);
  }
}

/** The smallest input a method's schema takes (the fuller one when that is taken too and `withOptional`). */
export function minimalInput(schema: z.ZodType, withOptional = false): unknown {
  const value = withOptional ? minimalValue(schema, true) : undefined;
  if (withOptional && takes(schema, value)) return value;
  const least = minimalValue(schema);
  if (!takes(schema, least)) throw new Error(`the minimal input ${JSON.stringify(least)} is refused by its own schema`);
  return least;
}

/** The smallest input a method takes with `field` set to `value` (the option of a union that takes it). */
export function minimalInputWith(schema: z.ZodType, field: string, value: unknown): unknown {
  let def = defOf(schema);
  while (WRAPPERS.has(def.type)) def = defOf(def.innerType);
  const options = def.type === 'union' ? (def.options as unknown[]) : [schema];
  const found = options.map((o) => ({ ...(minimalValue(o) as object), [field]: value })).find((v) => takes(schema, v));
  if (!found) throw new Error(`no minimal input with ${field} = ${JSON.stringify(value)}`);
  return found;
}

// ---------------------------------------------------------------- bad values

/** Characters no text of the contract takes: lone surrogates, bidirectional overrides, control characters. */
const FORBIDDEN_CHARS = ['\ud800', '\udfff', '\u202a', '\u202e', '\u2066', '\u2069', '\u0000', '\u0001', '\u001b', '\u007f'];

/** An object nested `depth` levels deep (the core refuses more than 16 before the contract reads it). */
const nested = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Any value of a JSON-ish kind, junk for an unknown field: texts with forbidden characters, deep nesting. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...FORBIDDEN_CHARS),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, [], {}),
  fc.integer({ min: 17, max: 1000 }).map(nested),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A value of the wrong kind for a field that wants `kind`. */
function wrongType(kind: string): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 8 }),
    number: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.constant([1, 'a']),
    object: fc.constant({ a: 1 }),
  };
  return fc.oneof(
    ...Object.entries(all)
      .filter(([k]) => k !== kind)
      .map(([, a]) => a),
  );
}

function badString(s: StringSchema, base: unknown): fc.Arbitrary<unknown> {
  const text = typeof base === 'string' && base.length > 0 ? base : 'abc';
  const options: fc.Arbitrary<unknown>[] = [
    wrongType('string'),
    fc
      .tuple(fc.constantFrom(...FORBIDDEN_CHARS), fc.nat({ max: text.length }))
      .map(([c, at]) => (text.slice(0, at) + c + text.slice(at)).slice(0, Math.max(s.maxLength ?? Infinity, 1))),
  ];
  if (s.maxLength != null) options.push(fc.integer({ min: 1, max: 5000 }).map((extra) => 'a'.repeat(s.maxLength! + extra)));
  if ((s.minLength ?? 0) > 0) options.push(fc.constantFrom('', ' ', '\t'));
  return fc.oneof(...options);
}

function badNumber(n: NumberSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    wrongType('number'),
    fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
    fc.integer().map((i) => String(i)),
  ];
  if (n.isInt) options.push(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)));
  if (n.maxValue != null) options.push(fc.integer({ min: 1, max: 2 ** 40 }).map((d) => n.maxValue! + d));
  // a negative amount, a count below its least (a negative fen where none is taken)
  if (n.minValue != null && n.minValue > -Number.MAX_SAFE_INTEGER) options.push(fc.integer({ min: 1, max: 2 ** 40 }).map((d) => n.minValue! - d));
  return fc.oneof(...options);
}

/** Values a schema itself refuses, of every kind a bad caller sends (the whole value, not a part of it). */
function badSelf(schema: unknown, base: unknown): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return badSelf(def.innerType, base);
  switch (def.type) {
    case 'string':
      return badString(schema as StringSchema, base);
    case 'number':
      return badNumber(schema as unknown as NumberSchema);
    case 'enum':
    case 'literal':
      return fc.oneof(fc.constantFrom('nonesuch', '', 'MANAGER', 42, null, '\u202e'), wrongType('string'));
    case 'boolean':
      return fc.oneof(wrongType('boolean'), fc.constantFrom('true', 0, 1));
    case 'array': {
      const most = defOf(schema)
        .checks?.map((c) => c._zod.def as { check: string; maximum?: number })
        .find((c) => c.check === 'max_length')?.maximum;
      const el = Array.isArray(base) && base.length > 0 ? base[0] : minimalValue(def.element, true);
      // a huge array: more items than the field takes
      const huge = most == null ? [] : [fc.integer({ min: 1, max: 50 }).map((extra) => Array.from({ length: most + extra }, () => el))];
      return fc.oneof(wrongType('array'), ...huge);
    }
    case 'object':
    case 'record':
      return fc.oneof(wrongType('object'), fc.constant([base]));
    case 'pipe':
      return badSelf(def.in, base);
    case 'null':
      return wrongType('null');
    default:
      return wrongType('');
  }
}

/**
 * Arbitraries of values `schema` refuses, each a copy of `base` (a value it takes) broken in one
 * place chosen at random: the value as a whole, a field left out or broken, one item of a list.
 */
function badValue(schema: unknown, base: unknown): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return fc.oneof(badSelf(schema, base), badValue(def.innerType, base ?? minimalValue(def.innerType, true)));
  if (def.type === 'pipe') return badValue(def.in, base);
  const options: fc.Arbitrary<unknown>[] = [badSelf(schema, base)];
  if (def.type === 'object' && base && typeof base === 'object') {
    const whole = base as Record<string, unknown>;
    for (const [k, field] of Object.entries(def.shape as Record<string, unknown>)) {
      const fieldBase = whole[k] ?? minimalValue(field, true);
      options.push(badValue(field, fieldBase).map((v) => ({ ...whole, [k]: v })));
      if (!OPTIONAL.has(defOf(field).type)) {
        const { [k]: _left, ...rest } = whole;
        options.push(fc.constant(rest));
      }
    }
  }
  // a union: any option broken (the filter in badInput keeps only what no option takes)
  if (def.type === 'union') for (const o of def.options as unknown[]) options.push(badValue(o, minimalValue(o, true)));
  if (def.type === 'array' && Array.isArray(base)) {
    const el = base.length > 0 ? base[0] : minimalValue(def.element, true);
    options.push(badValue(def.element, el).map((v) => [...base.slice(1), v]));
  }
  return fc.oneof(...options);
}

/** Unknown fields beside a refused input: they must not make the refusal worse (a crash, a write). */
function withJunkFields(v: unknown): fc.Arbitrary<unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fc.constant(v);
  return fc
    .dictionary(
      fc.string({ minLength: 1, maxLength: 12 }).map((k) => `zz${k}`),
      junk,
      { maxKeys: 3 },
    )
    .map((extra) => ({ ...extra, ...(v as object) }));
}

/** Whether the core must refuse an input: its schema refuses it, or it is nested deeper than the core reads (core/inputShape.ts). */
const refused = (schema: z.ZodType, v: unknown): boolean => v !== undefined && (!takes(schema, v) || tooDeepAt(v) !== null);

/**
 * Inputs a method must refuse: its fullest valid input broken in one place, or left whole with junk
 * fields beside (refused where the object is strict or the junk nests too deep), or not an object at all.
 */
export function badInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const base = minimalInput(schema, true) ?? {};
  return fc
    .oneof(
      { weight: 8, arbitrary: badValue(schema, base).chain((v) => fc.oneof(fc.constant(v), withJunkFields(v))) },
      { weight: 1, arbitrary: withJunkFields(base) },
      { weight: 1, arbitrary: fc.constantFrom(null, 42, 'x', [], [{}], true) },
    )
    .filter((v) => refused(schema, v));
}
