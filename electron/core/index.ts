// The core: the one function every door calls. It rejects unknown methods, validates input against
// the shared contract, checks the caller's session and roles, runs the handler (a write in one
// SQLite transaction with its audit row and idempotency record), and answers
// { ok: true, value } or { ok: false, error: { code, message_zh, message_en, details } }.
// It imports nothing from Electron, so tests, the CLI and browser mode run it in plain Node.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  contract,
  isMethodName,
  type CallMeta,
  type Input,
  type MethodName,
  type Output,
  type Result,
} from '../../shared/contract';
import { DeskError, isDeskError, type DeskErrorShape } from '../../shared/errors';
import { ROLE_ZH } from '../../shared/roles';
import { asReadable, asWritable, openDatabase, sql, type WritableDB } from '../store/db';
import { migrate, type MigrateResult } from '../store/migrate';
import { MIGRATIONS, type Migration } from '../store/migrations';
import { AuthService } from '../domains/users/auth';
import { getUser } from '../domains/users/repo';
import { appendAudit, redact } from '../ledger/audit';
import type { Ctx, SessionUser, WriteCtx } from '../domains/context';
import { handlers } from '../domains';
import { businessDateOf } from '../ledger/dates';

export interface CoreOptions {
  dbPath: string;
  clock?: () => Date;
  /** better_sqlite3.node for the running runtime (the Electron shell passes its own build) */
  nativeBinding?: string;
  /** scrypt cost N for new PIN hashes; tests lower it, the desk keeps the default */
  pinCost?: number;
  /** validate every output against the contract (tests turn this on) */
  checkOutputs?: boolean;
  migrations?: readonly Migration[];
}

export interface Core {
  call<M extends MethodName>(method: M, input: Input<M>, meta?: CallMeta): Promise<Result<Output<M>>>;
  /** for doors that pass along whatever arrived (IPC, HTTP, CLI): nothing is trusted */
  callUnknown(method: unknown, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
  /** the connection itself, for the tools and tests that own this core (every write through call() is audited; these are not) */
  readonly db: WritableDB;
  readonly dbPath: string;
  readonly migration: MigrateResult;
  close(): void;
}

export const DEFAULT_PIN_COST = 16384;

function errorResult(e: DeskError): { ok: false; error: DeskErrorShape } {
  return { ok: false, error: e.toJSON() };
}

function zodSummary(err: z.ZodError): { summary_zh: string; summary_en: string; issues: unknown[] } {
  const issues = err.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
  const where = (p: string) => (p ? p : '(整体)');
  return {
    summary_zh: issues.map((i) => `字段 ${where(i.path)} 无效 (${i.message})`).join('; '),
    summary_en: issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '),
    issues,
  };
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? (() => new Date());
  const db = openDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding });
  let migration: MigrateResult;
  try {
    migration = await migrate(db, opts.dbPath, opts.migrations ?? MIGRATIONS, clock);
  } catch (e) {
    db.close();
    throw e;
  }
  const auth = new AuthService(opts.pinCost ?? DEFAULT_PIN_COST, clock);
  let timezone: string | null = null;
  const officeTimezone = (): string => {
    if (!timezone) timezone = (sql(db, 'SELECT timezone FROM office WHERE id = 1').pluck().get() as string | undefined) ?? null;
    return timezone ?? 'Asia/Shanghai';
  };

  async function run(method: MethodName, rawInput: unknown, meta: CallMeta): Promise<unknown> {
    const def = contract[method];
    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) throw new DeskError('invalid_input', zodSummary(parsed.error));

    // Session and roles: checked before anything touches the database's contents.
    let user: SessionUser | null = null;
    const userId = auth.sessionUser(meta.sessionToken);
    if (userId != null) {
      const u = getUser(asReadable(db), userId);
      if (u && u.active) user = { id: u.id, name: u.name, roles: u.roles };
      else auth.endSession(meta.sessionToken ?? null);
    }
    if (def.access !== 'public') {
      if (!user) throw new DeskError('not_logged_in');
      if (def.access !== 'any' && !user.roles.some((r) => (def.access as readonly string[]).includes(r)))
        throw new DeskError('forbidden', { method, roles: def.access.map((r) => ROLE_ZH[r]) });
    }

    const now = clock();
    const base = { now, nowIso: now.toISOString(), businessDate: businessDateOf(now, officeTimezone()), user, sessionToken: meta.sessionToken ?? null, auth };
    const handler = handlers[method] as unknown as (input: unknown, ctx: Ctx) => unknown;
    const input = parsed.data;

    // a read gets a ReadableDB; a write a WritableDB, inside its one transaction
    if (!def.write) return await handler(input, { ...base, db: asReadable(db) });
    const ctx: WriteCtx = { ...base, db: asWritable(db) };

    const requestId = meta.requestId ?? null;
    // The same request id must mean the same call by the same user with the same input.
    // PINs are left out (redacted): an unsalted SHA-256 over a 4-digit PIN would give it away in 10 000 tries.
    const fingerprint = requestId
      ? createHash('sha256').update(JSON.stringify([method, user?.id ?? null, redact(parsed.data)])).digest('hex')
      : '';
    return db
      .transaction(() => {
        if (requestId) {
          const prior = sql(db, 'SELECT fingerprint, response_json FROM requests WHERE request_id = ?').get(requestId) as
            | { fingerprint: string; response_json: string }
            | undefined;
          if (prior) {
            if (prior.fingerprint !== fingerprint) throw new DeskError('request_reused', { requestId });
            return JSON.parse(prior.response_json);
          }
        }
        const value = handler(input, ctx);
        if (value instanceof Promise) throw new Error(`write handler ${method} must not be async`);
        appendAudit(ctx.db, {
          at: ctx.nowIso,
          userId: user?.id ?? null,
          roles: user?.roles ?? [],
          method,
          input: rawInput === undefined ? {} : rawInput, // no input is {} (as validated), not a NULL row
          ref: ctx.auditRef ?? null,
          requestId,
        });
        if (requestId)
          sql(db, 'INSERT INTO requests (request_id, method, fingerprint, response_json, at) VALUES (?, ?, ?, ?, ?)').run(
            requestId,
            method,
            fingerprint,
            JSON.stringify(value),
            ctx.nowIso,
          );
        if (method === 'office.init') timezone = null;
        return value;
      })
      .immediate();
  }

  async function callUnknown(method: unknown, input: unknown, meta: CallMeta = {}): Promise<Result<unknown>> {
    if (!isMethodName(method)) return errorResult(new DeskError('unknown_method', { method: String(method) }));
    try {
      const value = await run(method, input, meta);
      if (opts.checkOutputs) {
        const check = contract[method].output.safeParse(value);
        if (!check.success) throw new Error(`output of ${method} breaks the contract: ${JSON.stringify(zodSummary(check.error).issues)}`);
      }
      return { ok: true, value };
    } catch (e) {
      if (isDeskError(e)) return errorResult(e);
      const message = e instanceof Error ? e.message : String(e);
      if (!process.env.VITEST) console.error(`[core] ${method} failed:`, e);
      return errorResult(new DeskError('internal', { message }));
    }
  }

  return {
    call: callUnknown as Core['call'],
    callUnknown,
    db: asWritable(db),
    dbPath: opts.dbPath,
    migration,
    close: () => db.close(),
  };
}
