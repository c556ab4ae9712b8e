// Every method of the contract, fed random bad inputs (fast-check): each input is the method's own
// fullest valid input broken in one place — a wrong type, a required field left out, a number out of
// bounds or not whole, a negative amount, a lone surrogate or a bidirectional override or a control
// character in a text, a list longer than allowed, a value nested thousands deep, unknown fields of
// junk beside; with no request id, a reused one or one that is not an id. The caller holds the
// method's role, so the refusal is the input's fault. Every answer must be a coded refusal from the
// catalogue (invalid_input, never `internal`) in both languages, and the database must be the same,
// to the byte, after a method's whole run as before it.
//
// FUZZ_RUNS=<n> runs more inputs per method; FUZZ_SEED=<n> replays a failure (fast-check prints the
// seed and the shrunk input when a property fails).

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { demoOffice, type DemoOffice } from '../helpers';
import { badInput } from '../helpers/contract-inputs';
import { tooDeepAt } from '../../electron/core/inputShape';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const HAN = /[\u4e00-\u9fff]/;
/** None, a request id used again and again, or one that is not an id at all (a lone surrogate, a space, too long). */
const REQUEST_IDS = fc.option(fc.constantFrom('fuzz-1', 'fuzz-2', '\ud800', 'a b', '', 'x'.repeat(201), '\u202e1'));

let office: DemoOffice;
beforeAll(async () => {
  office = await demoOffice();
});
afterAll(() => office?.close());

/** A session that holds one of the roles the method needs (the manager where any login will do). */
function tokenFor(method: MethodName): string {
  const access = contract[method].access;
  const role: Role = access === 'public' || access === 'any' ? 'manager' : access[0];
  return role === 'driver' ? office.tokens.shipperDriver : office.tokens[role];
}

/**
 * What the database holds, three ways: every row of every table (and the schema), the main file's
 * bytes after the WAL is folded in, and the rows this connection has ever changed.
 */
function dbState(): { rows: string; file: string; changes: number } {
  const db = office.core.db;
  const rows = createHash('sha256');
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").raw().all() as [string, string][];
  for (const [name, sql] of tables) {
    rows.update(`${name}\n${sql}\n`);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate())
      rows.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${office.dbPath}-wal`;
  expect(statSync(wal, { throwIfNoEntry: false })?.size ?? 0, 'the WAL is empty after a checkpoint').toBe(0);
  const file = createHash('sha256').update(readFileSync(office.dbPath)).digest('hex');
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return { rows: rows.digest('hex'), file, changes };
}

/** The refusal a bad input must get; a message naming what went wrong otherwise (for fast-check's report). */
function refusalProblem(r: Awaited<ReturnType<DemoOffice['core']['callUnknown']>>): string | null {
  if (r.ok) return 'the call was taken';
  const e = r.error;
  if (!ERROR_CODES.includes(e.code)) return `code ${e.code} is not in the catalogue`;
  if (e.code !== 'invalid_input') return `answered ${e.code} (${e.message_en}), not invalid_input`;
  if (!HAN.test(e.message_zh) || !e.message_en.trim() || e.message_zh === e.message_en)
    return `messages not in both languages: ${e.message_zh} / ${e.message_en}`;
  if (!e.details || typeof e.details !== 'object') return 'no details';
  return null;
}

/** How an input is bad, in a word per schema complaint ("too_big string", "text surrogate", "missing", "too deep"). */
function waysBad(method: MethodName, input: unknown): string[] {
  const parsed = (contract[method].input as z.ZodType).safeParse(input);
  const ways = (parsed.error?.issues ?? []).map((i) => {
    const received = i.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
    if (i.code === 'invalid_type') return received === undefined ? 'missing' : i.expected === 'int' ? 'not whole' : 'invalid_type';
    if (i.code === 'too_big' || i.code === 'too_small') return `${i.code} ${i.origin}`;
    if (i.code === 'custom') return `text ${String((i.params as { textProblem?: string } | undefined)?.textProblem)}`;
    return i.code;
  });
  return tooDeepAt(input) ? [...ways, 'too deep'] : ways;
}

describe('every method refuses random bad input with a coded error and writes nothing', () => {
  it('covers the whole contract, breaking inputs in every way', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(90);
    const seen = new Set<string>();
    for (const method of METHOD_NAMES)
      for (const input of fc.sample(badInput(contract[method].input as z.ZodType), { numRuns: 30, seed: SEED }))
        for (const w of waysBad(method, input)) seen.add(w);
    const wanted = ['invalid_type', 'missing', 'not whole', 'too_big number', 'too_small number', 'too_big string', 'too_small string', 'too_big array'];
    wanted.push('text surrogate', 'text bidi', 'text control', 'invalid_value', 'invalid_format', 'unrecognized_keys', 'invalid_union', 'too deep');
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });

  for (const method of METHOD_NAMES) {
    it(`${method}: ${contract[method].write ? 'write' : 'read'}`, async () => {
      const before = dbState();
      const sessionToken = tokenFor(method);
      let calls = 0;
      await fc.assert(
        fc.asyncProperty(badInput(contract[method].input as z.ZodType), REQUEST_IDS, async (input, requestId) => {
          calls++;
          const r = await office.core.callUnknown(method, input, { sessionToken, requestId: requestId ?? undefined });
          const problem = refusalProblem(r);
          if (problem) throw new Error(`${method}: ${problem}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(calls).toBeGreaterThanOrEqual(RUNS);
      expect(dbState(), `${method} changed the database with inputs it refused`).toEqual(before);
    });
  }
});
