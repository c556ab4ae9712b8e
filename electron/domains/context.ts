// What every handler gets: the database, the moment of the call, the office's business day and
// the logged-in user. Handlers are plain functions of (input, ctx), registered by method name.

import type { DB } from '../store/db';
import type { MethodName, Output, ParsedInput } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { AuthService } from './users/auth';

export interface SessionUser {
  id: number;
  name: string;
  roles: Role[];
}

export interface Ctx {
  db: DB;
  /** the moment of this call (from the core's clock) */
  now: Date;
  nowIso: string;
  /** the office's business day of `now`, YYYY-MM-DD in the office's timezone */
  businessDate: string;
  /** null only for public methods called without a session */
  user: SessionUser | null;
  token: string | null;
  auth: AuthService;
  /** set by a write handler: what the audit row refers to (e.g. a slip number) */
  auditRef?: string;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** The logged-in user; for 'any'/role methods the core guarantees it is there. */
export function actor(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new Error('handler reached without a session');
  return ctx.user;
}
