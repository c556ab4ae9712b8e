// The core: the one function every door calls. It rejects unknown methods, validates input against
// the shared contract, checks the caller's session and roles, runs the handler (a write in one
// SQLite transaction with its audit row and idempotency record), and answers
// { ok: true, value } or { ok: false, error: { code, message_zh, message_en, details } }.
// It imports nothing from Electron, so tests, the CLI and browser mode run it in plain Node.

import { z } from 'zod';
import { contract, isMethodName, type CallMeta, type Input, type MethodName, type Output, type Result, type User } from '../../shared/contract';
import { DeskError, isDeskError, type DeskErrorShape } from '../../shared/errors';
import { asReadable, asWritable, openDatabase, sql, type DB, type WritableDB } from '../store/db';
import { startCheckpointer, type Checkpointer, type CheckpointOptions } from '../store/checkpoint';
import { migrate, type MigrateResult } from '../store/migrate';
import { MIGRATIONS, type Migration } from '../store/migrations';
import { AuthService } from '../domains/users/auth';
import { resetAdminPin } from '../domains/users/service';
import { appendAudit } from '../ledger/audit';
import type { Ctx, WriteCtx } from '../domains/context';
import { requireAccess, sessionUser } from './access';
import { fingerprint, priorAnswer, purgeRequests, recordAnswer } from './requests';
import { invalidInput } from './fieldErrors';
import { shapeRefusal } from './inputShape';
import { logRead } from './readLog';
import { handlers } from '../domains';
import { businessDateOf } from '../ledger/dates';
import { postingDate } from '../ledger/daylock';
import { BackupJobs, type BackupJobsOptions } from '../domains/backups/service';
import { useNativeBinding } from '../domains/backups/fileCheck';
import { scrubKeyFromCopy, secureOfficeSecrets } from '../ledger/officeSecrets';
import { Vault, vaultPathFor, type SecretWrapper } from '../store/vault';

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
  /** when the WAL is checkpointed (never inside a commit): idle delay, page bound (tests shorten them) */
  checkpoint?: Omit<CheckpointOptions, 'nativeBinding'>;
  /** how a backup copies the file (tests hand in one that writes a bad copy) */
  backupCopy?: BackupJobsOptions['copy'];
  /** the file of the office's secrets (store/vault.ts); default office-secrets.json beside the database */
  vaultPath?: string;
  /** wraps that file with a key the OS keeps (the Electron shell passes safeStorage when available) */
  secretWrapper?: SecretWrapper | null;
}

export interface Core {
  call<M extends MethodName>(method: M, input: Input<M>, meta?: CallMeta): Promise<Result<Output<M>>>;
  /** for doors that pass along whatever arrived (IPC, HTTP, CLI): nothing is trusted */
  callUnknown(method: unknown, input: unknown, meta?: CallMeta): Promise<Result<unknown>>;
  /** the connection itself, for the tools and tests that own this core (every write through call() is audited; these are not) */
  readonly db: WritableDB;
  readonly dbPath: string;
  readonly migration: MigrateResult;
  /** the office's secrets beside the database (never in it) */
  readonly vault: Vault;
  /** the WAL's checkpoints (store/checkpoint.ts): pages waiting, checkpoints run */
  readonly checkpoints: Pick<Checkpointer, 'pendingPages' | 'stats'>;
  /** backups: the daily schedule (started by the long-running doors), after each close of day, by hand, restore */
  readonly backups: BackupJobs;
  /**
   * `desk reset-pin` only (the CLI on the PC with the file; no door reaches it): an administrator's new
   * PIN when this PC lacks the PIN secret (users/service.ts resetAdminPin). One transaction, audited.
   */
  resetAdminPin(name: string, pin: string): Result<{ user: User; newPinSecret: boolean }>;
  /** stops the checkpoint timer and worker, then closes the connection (the last one out folds the WAL in) */
  close(): void;
}

export const DEFAULT_PIN_COST = 16384;

function errorResult(e: DeskError): { ok: false; error: DeskErrorShape } {
  return { ok: false, error: e.toJSON() };
}

/** An output that breaks the contract is a bug of the desk's own (tests check outputs): its paths, for the developer. */
function outputIssues(err: z.ZodError): unknown[] {
  return err.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
}

type AnyHandler = (input: unknown, ctx: Ctx) => unknown;

async function openMigrated(opts: CoreOptions, clock: () => Date): Promise<{ db: DB; migration: MigrateResult }> {
  const db = openDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding });
  try {
    return { db, migration: await migrate(db, opts.dbPath, opts.migrations ?? MIGRATIONS, clock) };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * The books opened and migrated, then, before any call, secured: a private key left in the office
 * row (a file from before 0019, or a restored backup of one) goes to the vault (ledger/officeSecrets.ts).
 */
async function openSecured(opts: CoreOptions, clock: () => Date, vault: Vault): Promise<{ db: DB; migration: MigrateResult }> {
  const opened = await openMigrated(opts, clock);
  try {
    const { movedKey } = secureOfficeSecrets(asWritable(opened.db), vault);
    const copy = opened.migration.backupPath;
    if (movedKey && copy) scrubKeyFromCopy(copy, { nativeBinding: opts.nativeBinding });
  } catch (e) {
    opened.db.close();
    throw e;
  }
  return opened;
}

/**
 * A write: one IMMEDIATE transaction with the handler, its audit row and its request id's answer.
 * The audit keeps the input as the contract read it (unknown fields dropped, texts normalised), never the raw request.
 */
function runWrite(ctx: WriteCtx, w: { method: MethodName; handler: AnyHandler; input: unknown; requestId: string | null }): unknown {
  const { db } = ctx;
  const user = ctx.user;
  const print = w.requestId ? fingerprint(w.method, user?.id ?? null, w.input) : '';
  return db
    .transaction(() => {
      const prior = w.requestId ? priorAnswer(db, w.requestId, print) : undefined;
      if (prior) return prior.value;
      const value = w.handler(w.input, ctx);
      if (value instanceof Promise) throw new Error(`write handler ${w.method} must not be async`);
      appendAudit(db, {
        at: ctx.nowIso,
        userId: user?.id ?? null,
        roles: user?.roles ?? [],
        method: w.method,
        input: w.input ?? {}, // no input is {} (as validated), not a NULL row
        ref: ctx.auditRef ?? null,
        requestId: w.requestId,
      });
      if (w.requestId) recordAnswer(db, { requestId: w.requestId, method: w.method, userId: user?.id ?? null, print, value, at: ctx.nowIso });
      return value;
    })
    .immediate();
}

function failed(method: string, e: unknown): Result<never> {
  if (isDeskError(e)) return errorResult(e);
  const message = e instanceof Error ? e.message : String(e);
  if (!process.env.VITEST) console.error(`[core] ${method} failed:`, e);
  return errorResult(new DeskError('internal', { message }));
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? (() => new Date());
  useNativeBinding(opts.nativeBinding);
  const vault = new Vault(opts.vaultPath ?? vaultPathFor(opts.dbPath), opts.secretWrapper ?? null);
  let { db, migration } = await openSecured(opts, clock, vault);
  purgeRequests(asWritable(db), clock());
  const startCheckpoints = () => startCheckpointer(db, opts.dbPath, { ...opts.checkpoint, nativeBinding: opts.nativeBinding });
  let checkpoints = startCheckpoints();
  const newAuth = () => new AuthService(opts.pinCost ?? DEFAULT_PIN_COST, clock);
  let auth = newAuth();
  let timezone: string | null = null;
  const officeTimezone = (): string => {
    timezone ??= (sql(db, 'SELECT timezone FROM office WHERE id = 1').pluck().get() as string | undefined) ?? null;
    return timezone ?? 'Asia/Shanghai';
  };

  /** A restore: the connection closed, the file swapped, the file opened again; every session ends (the users may differ). */
  async function reopen(swap: () => Promise<void>): Promise<void> {
    checkpoints.close();
    db.close();
    try {
      await swap();
    } finally {
      ({ db, migration } = await openSecured(opts, clock, vault));
      checkpoints = startCheckpoints();
      auth = newAuth();
      timezone = null;
    }
  }

  const backups = new BackupJobs({
    dbPath: opts.dbPath,
    clock,
    timezone: officeTimezone,
    read: (fn) => fn(asReadable(db)),
    write: (w, fn) =>
      db
        .transaction(() => {
          const value = fn(asWritable(db));
          const at = clock().toISOString();
          appendAudit(asWritable(db), {
            at,
            userId: w.user?.id ?? null,
            roles: w.user?.roles ?? [],
            method: w.method,
            input: w.input,
            ref: w.ref,
            requestId: null,
          });
          return value;
        })
        .immediate(),
    reopen,
    copy: opts.backupCopy,
  });

  async function run(method: MethodName, rawInput: unknown, meta: CallMeta): Promise<unknown> {
    const def = contract[method];
    const shapeProblem = shapeRefusal(method, rawInput, meta.requestId);
    if (shapeProblem) throw shapeProblem;
    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) throw invalidInput(method, parsed.error, rawInput === undefined ? {} : rawInput);
    const user = sessionUser(auth, asReadable(db), meta.sessionToken);
    requireAccess(method, def.access, user);
    const now = clock();
    const calendarDate = businessDateOf(now, officeTimezone());
    // after the close of day, postings go to the next open business day (daylock.ts)
    const businessDate = postingDate(asReadable(db), calendarDate);
    const base = {
      now,
      nowIso: now.toISOString(),
      calendarDate,
      businessDate,
      user,
      sessionToken: meta.sessionToken ?? null,
      auth,
      dbPath: opts.dbPath,
      backups,
    };
    const handler = handlers[method] as unknown as AnyHandler;
    // a read gets a ReadableDB (and, when it is one the manager sees, a row in the read log after it); a write a WritableDB, inside its one transaction
    if (!def.write) {
      const answer = await handler(parsed.data, { ...base, db: asReadable(db) });
      if (user) logRead(asWritable(db), method, parsed.data, { userId: user.id, at: base.nowIso, date: calendarDate });
      return answer;
    }
    let value: unknown;
    try {
      value = runWrite({ ...base, db: asWritable(db) }, { method, handler, input: parsed.data, requestId: meta.requestId ?? null });
    } finally {
      checkpoints.wrote();
    }
    if (method === 'office.init') timezone = null;
    if (method === 'dayClose.close') {
      purgeRequests(asWritable(db), now);
      backups.afterClose();
    }
    return value;
  }

  /** The call's PIN checks, counted after its own transaction (users/auth.ts); a failure here never changes the answer. */
  function settleAttempts(): void {
    try {
      auth.settleAttempts(asWritable(db));
    } catch (e) {
      if (!process.env.VITEST) console.error('[core] wrong PINs not written down:', e);
    }
  }

  async function callUnknown(method: unknown, input: unknown, meta: CallMeta = {}): Promise<Result<unknown>> {
    if (!isMethodName(method)) return errorResult(new DeskError('unknown_method', { method: String(method) }));
    try {
      const value = await run(method, input, meta);
      if (opts.checkOutputs) {
        const check = contract[method].output.safeParse(value);
        if (!check.success) throw new Error(`output of ${method} breaks the contract: ${JSON.stringify(outputIssues(check.error))}`);
      }
      return { ok: true, value };
    } catch (e) {
      return failed(method, e);
    } finally {
      settleAttempts();
    }
  }

  function resetPin(name: string, pin: string): Result<{ user: User; newPinSecret: boolean }> {
    const now = clock();
    const calendarDate = businessDateOf(now, officeTimezone());
    const base = {
      now,
      nowIso: now.toISOString(),
      calendarDate,
      businessDate: calendarDate,
      user: null,
      sessionToken: null,
      auth,
      dbPath: opts.dbPath,
      backups,
      auditRef: undefined,
    };
    const w = asWritable(db);
    try {
      const value = w
        .transaction(() => {
          const ctx: WriteCtx = { ...base, db: w };
          const r = resetAdminPin(ctx, name, pin);
          appendAudit(w, {
            at: ctx.nowIso,
            userId: null,
            roles: [],
            method: 'cli.resetPin',
            input: { user: name, pin },
            ref: ctx.auditRef ?? null,
            requestId: null,
          });
          return r;
        })
        .immediate();
      return { ok: true, value };
    } catch (e) {
      return failed('cli.resetPin', e);
    }
  }

  return {
    call: callUnknown as Core['call'],
    resetAdminPin: resetPin,
    callUnknown,
    get db() {
      return asWritable(db);
    },
    dbPath: opts.dbPath,
    get migration() {
      return migration;
    },
    get checkpoints() {
      return checkpoints;
    },
    vault,
    backups,
    close: () => {
      backups.stop();
      checkpoints.close();
      db.close();
    },
  };
}
