// The building blocks every part of the contract is made of: ids, money in fen, quantities, dates,
// texts, PINs, paging, the method definition and the role groups. Each is declared here once; the
// domain schema files (shared/schemas/<domain>.ts) build their methods with `method()` from here.

import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { MAX_FEN } from '../money';
import { textProblem, unifyNewlines } from '../text';

// ---------------------------------------------------------------- building blocks

/** The largest id any table hands out (SQLite's rowids; far beyond what an office ever makes). */
export const MAX_ID = 2 ** 31 - 1;
export const Id = z.number().int().positive().max(MAX_ID);
export const Fen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
export const NonNegFen = z.number().int().min(0).max(MAX_FEN);
export const PosFen = z.number().int().min(1).max(MAX_FEN);
/** The most of one item a line or a count may hold, in base units (the renderer refuses more where it is typed). */
export const MAX_QTY = 1_000_000_000;
/** A quantity in the item's base unit: a whole number. */
export const Qty = z.number().int().positive().max(MAX_QTY);
const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
/** A day that exists on the calendar (no 2026-02-30); a string not in the form is the form's to refuse. */
export function isCalendarDay(s: string): boolean {
  if (!DATE_FORM.test(s)) return true;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
export const DateStr = z
  .string()
  .regex(DATE_FORM, 'YYYY-MM-DD')
  .refine(isCalendarDay, { params: { notADay: true } });
export const MonthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/**
 * A string under the desk's one text rule (shared/text.ts): no lone surrogates, no control
 * characters but tab (and newline where the field is multi-line), no bidirectional overrides;
 * normalised to NFC. Every string of every input is built from this or has a fixed form (a date,
 * a barcode, base64); tests/core/text-rule-contract.test.ts walks the contract to keep it so.
 * `trim` first drops the spaces and line ends around the text (a scanner's Enter, a pasted line).
 */
export function RuledString(opts: { multiLine?: boolean; trim?: boolean } = {}) {
  const multiLine = opts.multiLine ?? false;
  let s = z.string();
  if (multiLine) s = s.overwrite(unifyNewlines);
  if (opts.trim) s = s.trim();
  return s
    .check((ctx) => {
      const problem = textProblem(ctx.value, multiLine);
      if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: `text rule: ${problem}`, params: { textProblem: problem } });
    })
    .normalize('NFC');
}
/** One line of text, trimmed, at most `max` characters. */
export const Text = (max: number) => RuledString({ trim: true }).max(max);
/** Text that may run over several lines (addresses, notes, a slip's memo), trimmed, at most `max` characters. */
export const MultiLineText = (max: number) => RuledString({ multiLine: true, trim: true }).max(max);
export const Name = (max: number) => Text(max).min(1);
export const Pin = RuledString().min(4).max(32);
/** Base64 as the renderer reads a file (no data: prefix), at most `max` characters. */
export const Base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
/**
 * A record (key → value) holding at most `maxEntries` keys: a record is bounded like an array.
 */
export const BoundedRecord = <K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V, maxEntries: number) =>
  z.record(key, value).refine((r) => Object.keys(r).length <= maxEntries, { params: { maxEntries } });
export const RoleSchema = z.enum(ROLES);
export const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{4,32}$/, 'barcode: 4–32 letters or digits');

/** The furthest a page may start (a list longer than this is searched, not paged). */
export const MAX_OFFSET = 10_000_000;
export const Page = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).max(MAX_OFFSET).default(0) };
export const Empty = z.object({}).strict().default({});
export const Ok = z.object({ ok: z.literal(true) });
export const Person = z.object({ id: Id, name: z.string() });

/** Someone who is not necessarily logged in approves by re-entering the PIN (经理审批, 会签). */
export const PinSignoff = z.object({ user: z.union([Id, Name(30)]), pin: Pin });
export type PinSignoff = z.infer<typeof PinSignoff>;

// ---------------------------------------------------------------- the methods

/** Who may call a method: 'public' needs no session, 'any' any logged-in user, else one of the roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface MethodDef<I extends z.ZodType, O extends z.ZodType, W extends boolean = boolean> {
  input: I;
  output: O;
  access: Access;
  /** writes run in one transaction and leave an audit row */
  write: W;
  doc: string;
}
export function method<I extends z.ZodType, O extends z.ZodType, W extends boolean>(def: MethodDef<I, O, W>): MethodDef<I, O, W> {
  return def;
}

// ---------------------------------------------------------------- role groups

export const ALL_STAFF = ['manager', 'finance', 'statistician', 'keeper', 'shipper', 'driver', 'sales'] as const;
/** who may read the stock books */
export const STOCK_READERS = ['keeper', 'manager', 'statistician', 'finance'] as const;
/** who may print slips and stock cards */
export const DOC_PRINTERS = ['manager', 'finance', 'keeper', 'statistician'] as const;
/** documents.render also lets sales in, for the customer statement (the core checks each doc's roles). */
export const DOC_RENDERERS = [...DOC_PRINTERS, 'sales'] as const;
/** the finance supervisor alone: money in and out */
export const FINANCE = ['finance'] as const;
/** who may read the money accounts and journals */
export const MONEY_READERS = ['finance', 'manager'] as const;
/** who may read the receivables, budgets and closes of day */
export const LEDGER_READERS = ['finance', 'manager', 'statistician'] as const;
