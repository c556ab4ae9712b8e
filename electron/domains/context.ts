// What every handler gets: the database, the moment of the call, the office's business day and
// the logged-in user. Handlers are plain functions of (input, ctx), registered by method name in
// each domain's handlers.ts and merged in domains/index.ts. A read handler gets a ReadableDB and
// cannot call a function that writes (store/db.ts); a write handler runs inside the core's one
// transaction with a WritableDB.

import type { ReadableDB, WritableDB } from '../store/db';
import type { Contract, MethodName, Output, ParsedInput, PinSignoff } from '../../shared/contract';
import { fail } from '../../shared/errors';
import { ROLE_ZH, type Role } from '../../shared/roles';
import type { BookCtx } from '../ledger/journal';
import type { AuthService } from './users/auth';
import type { BackupJobs } from './backups/service';

export interface SessionUser {
  id: number;
  name: string;
  roles: Role[];
}

interface BaseCtx {
  /** the moment of this call (from the core's clock) */
  now: Date;
  nowIso: string;
  /** the calendar date of `now`, YYYY-MM-DD in the office's timezone */
  calendarDate: string;
  /** the business day postings go to: `calendarDate`, or the day after the last closed day when that is later (daylock.postingDate) */
  businessDate: string;
  /** null only for public methods called without a session */
  user: SessionUser | null;
  /** the caller's session token (auth.login gives it) */
  sessionToken: string | null;
  auth: AuthService;
  /** the database file (the close of day keeps its audit anchors beside it, ledger/anchors.ts) */
  dbPath: string;
  /** the core's backup runner (backups/service.ts) */
  backups: BackupJobs;
}

export interface ReadCtx extends BaseCtx {
  db: ReadableDB;
}

export interface WriteCtx extends BaseCtx {
  db: WritableDB;
  /** set by a write handler: what the audit row refers to (e.g. a slip number) */
  auditRef?: string;
}

export type Ctx = ReadCtx | WriteCtx;

type CtxOf<M extends MethodName> = Contract[M]['write'] extends true ? WriteCtx : ReadCtx;
export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CtxOf<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** The logged-in user; for 'any'/role methods the core guarantees it is there. */
export function actor(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new Error('handler reached without a session');
  return ctx.user;
}

/** Who books, when: the logged-in user unless a signer is named (finance signing a dispatch). */
export function bookCtx(ctx: WriteCtx, userId: number = actor(ctx).id): BookCtx {
  return { db: ctx.db, nowIso: ctx.nowIso, businessDate: ctx.businessDate, userId };
}

/** A PIN sign-off by someone who must hold the role (the manager's approval, a countersignature). */
export function signoff(ctx: Ctx, s: PinSignoff, role: Role): { id: number; name: string } {
  const u = ctx.auth.checkPin(ctx.db, s.user, s.pin);
  if (!u.roles.includes(role)) fail('role_not_held', { user: u.name, role, role_zh: ROLE_ZH[role] });
  return { id: u.id, name: u.name };
}

export function managerSignoff(ctx: Ctx, s: PinSignoff): { id: number; name: string } {
  return signoff(ctx, s, 'manager');
}
