// The building blocks every part of the contract is made of: ids, money in fen, quantities, dates,
// texts, PINs, paging, the method definition and the role groups. Each is declared here once; the
// domain schema files (shared/schemas/<domain>.ts) build their methods with `method()` from here.

import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { MAX_FEN } from '../money';

// ---------------------------------------------------------------- building blocks

export const Id = z.number().int().positive();
export const Fen = z.number().int().min(-MAX_FEN).max(MAX_FEN);
export const NonNegFen = z.number().int().min(0).max(MAX_FEN);
export const PosFen = z.number().int().min(1).max(MAX_FEN);
/** The most of one item a line or a count may hold, in base units (the renderer refuses more where it is typed). */
export const MAX_QTY = 1_000_000_000;
/** A quantity in the item's base unit: a whole number. */
export const Qty = z.number().int().positive().max(MAX_QTY);
export const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const MonthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const Text = (max: number) => z.string().trim().max(max);
export const Name = (max: number) => z.string().trim().min(1).max(max);
export const Pin = z.string().min(4).max(32);
export const RoleSchema = z.enum(ROLES);
export const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\-.]{4,32}$/, 'barcode: 4–32 letters or digits');

export const Page = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) };
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
