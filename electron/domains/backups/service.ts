// Automatic backups: the one runner every backup goes through (daily at the set time, after each
// close of day, by hand from the screen), and restore from the screen. Owned by the core, which
// hands it a read and an audited write on its connection and a way to close and reopen that
// connection around a restore.
//
// A backup: the online copy of `desk backup` (files.ts: a read-only connection of its own, so the
// desk keeps working; one consistent moment) into <folder>/branch-desk-YYYYMMDD-HHmm-<kind>.db, the
// `<db>.anchors` file beside it when the desk has one, then the copy verified as `desk restore`
// would before using it (fileCheck.ts: integrity, schema, the books). The result is logged
// (backup_log, with an audit row); a copy that fails its check is deleted and the failure logged
// and shown, never thrown at the close of day. Then rotation (rules.ts filesToDelete). Backups run
// one at a time, in the order asked.

import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry, BackupFile, BackupKind, BackupStatus } from '../../../shared/contract';
import { DeskError, fail } from '../../../shared/errors';
import type { ReadableDB, WritableDB } from '../../store/db';
import { verifyFile } from './fileCheck';
import { FileError } from './fileErrors';
import { backupDatabase, restoreDatabase } from './files';
import type { SessionUser } from '../context';
import * as repo from './repo';
import { backupFileName, checkFolder, dailyDue, filesToDelete, officeTime, parseBackupName, staleness } from './rules';

export interface BackupJobsOptions {
  dbPath: string;
  clock: () => Date;
  timezone: () => string;
  read<T>(fn: (db: ReadableDB) => T): T;
  /** one transaction on the core's connection with its audit row */
  write<T>(w: { method: string; user: SessionUser | null; input: unknown; ref: string }, fn: (db: WritableDB) => T): T;
  /** the core closes its connection, awaits `swap`, and opens the file again (whatever `swap` did) */
  reopen(swap: () => Promise<void>): Promise<void>;
  /** copies the database file into `out` (default: files.ts backupDatabase; tests hand in a bad one) */
  copy?: (dbPath: string, out: string) => Promise<void>;
}

const anchorsOf = (path: string) => `${path}.anchors`;
const why = (e: unknown): [zh: string, en: string] =>
  e instanceof FileError || e instanceof DeskError ? [e.message_zh, e.message_en] : [String((e as Error)?.message ?? e), String((e as Error)?.message ?? e)];

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* rotation tries again next time */
  }
}

export class BackupJobs {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly copy: (dbPath: string, out: string) => Promise<void>;

  constructor(private readonly o: BackupJobsOptions) {
    this.copy = o.copy ?? ((dbPath, out) => backupDatabase(dbPath, out, false).then(() => undefined));
  }

  /** One job at a time, in the order asked; a failed job does not stop the next. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every job asked for so far has finished. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  /** A backup of the given kind; with no folder set, a refusal (backup_not_configured). */
  run(kind: BackupKind, user: SessionUser | null): Promise<BackupEntry> {
    return this.enqueue(() => this.backup(kind, user));
  }

  /** After a close of day committed: a backup, if a folder is set, that never holds up the close. */
  afterClose(): void {
    if (!this.o.read((db) => repo.settings(db)).folder) return;
    this.run('close', null).catch((e: unknown) => {
      if (!process.env.VITEST) console.error('[backups] after the close of day:', e);
    });
  }

  /** The scheduler's check: the daily backup when it is due. Answers the entry, or null when not due. */
  tick(): Promise<BackupEntry | null> {
    return this.enqueue(async () => {
      const now = this.o.clock();
      const tz = this.o.timezone();
      const due = this.o.read((db) => {
        const s = repo.settings(db);
        return s.folder !== null && dailyDue(now, tz, s.dailyTime, repo.dailyAttempts(db, officeTime(now, tz).date));
      });
      return due ? this.backup('daily', null) : null;
    });
  }

  /** Check at once and then every `everyMs` (the long-running doors: Electron and browser mode). */
  startSchedule(everyMs = 60_000): void {
    if (this.timer) return;
    const check = () =>
      void this.tick().catch((e: unknown) => {
        if (!process.env.VITEST) console.error('[backups] the daily check failed:', e);
      });
    check();
    this.timer = setInterval(check, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  status(db: ReadableDB): BackupStatus {
    const configured = repo.settings(db).folder !== null;
    const lastGoodAt = repo.lastGoodAt(db);
    return { configured, lastGoodAt, ...staleness(this.o.clock(), lastGoodAt, configured), last: repo.lastEntry(db) };
  }

  /** The desk's files in the folder with what the log says of each, and logged files no longer there; newest first. */
  list(db: ReadableDB): BackupFile[] {
    const { folder } = repo.settings(db);
    const logged = new Map(repo.recentEntries(db, 500).map((e) => [e.file, e]));
    const names = new Set<string>(logged.keys());
    const present = new Set(folder && existsSync(folder) ? readdirSync(folder).filter((f) => parseBackupName(f)) : []);
    for (const f of present) names.add(f);
    const rows: BackupFile[] = [];
    for (const file of names) {
      const named = parseBackupName(file);
      if (!named) continue;
      const e = logged.get(file);
      const here = present.has(file);
      rows.push({
        file,
        kind: named.kind,
        madeAt: named.madeAt,
        bytes: here ? statSync(join(folder!, file)).size : (e?.bytes ?? 0),
        present: here,
        ok: e ? e.ok : null,
        message: e?.message ?? '',
      });
    }
    return rows.sort((a, b) => (parseBackupName(a.file)!.order < parseBackupName(b.file)!.order ? 1 : -1)).slice(0, 500);
  }

  private async backup(kind: BackupKind, user: SessionUser | null): Promise<BackupEntry> {
    const { folder } = this.o.read((db) => repo.settings(db));
    if (!folder) fail('backup_not_configured');
    const now = this.o.clock();
    const tz = this.o.timezone();
    let file = backupFileName(now, tz, kind);
    for (let n = 2; existsSync(join(folder, file)); n++) file = backupFileName(now, tz, kind, n);
    const out = join(folder, file);
    const entry: BackupEntry = { file, kind, at: now.toISOString(), bytes: 0, ok: false, message: '' };
    try {
      checkFolder(folder);
      await this.copy(this.o.dbPath, out);
      entry.bytes = statSync(out).size;
      const report = await verifyFile(out);
      entry.ok = report.ok;
      if (!report.ok)
        entry.message = `未通过校验 / failed its check: ${report.problems
          .slice(0, 3)
          .map((p) => `[${p.check}] ${p.message}`)
          .join('; ')}`;
    } catch (e) {
      const [zh, en] = why(e);
      entry.message = zh === en ? zh : `${zh} / ${en}`;
    }
    if (!entry.ok) for (const f of [out, anchorsOf(out)]) removeQuietly(f);
    this.o.write({ method: 'backups.runNow', user, input: { kind, file, ok: entry.ok }, ref: file }, (db) =>
      repo.addLog(db, { ...entry, day: officeTime(now, tz).date }),
    );
    if (entry.ok) this.rotate(folder);
    return entry;
  }

  private rotate(folder: string): void {
    for (const f of filesToDelete(readdirSync(folder))) for (const p of [join(folder, f), anchorsOf(join(folder, f))]) removeQuietly(p);
  }

  /**
   * Replace the books with a backup from the folder: checked first (as `desk restore`), then the
   * core closes its connection, files.ts restoreDatabase swaps the file (the old one kept as
   * <db>.before-restore-<time>), the anchors file follows its database, and the core opens the
   * file again. The restore is written in the restored books' audit chain, and their backup log
   * gets the entries the replaced books had (the backups made since this one, this one included).
   */
  restore(file: string, user: SessionUser): Promise<{ file: string; keptAs: string | null }> {
    return this.enqueue(async () => {
      const { folder } = this.o.read((db) => repo.settings(db));
      if (!folder) fail('backup_not_configured');
      const from = join(folder, file);
      if (!parseBackupName(file) || !existsSync(from)) fail('backup_file_missing', { field: 'file', file });
      const report = await verifyFile(from).catch((e: unknown) => {
        throw new DeskError('restore_refused', { field: 'file', file, problems: [why(e)[0]] });
      });
      if (!report.ok) fail('restore_refused', { field: 'file', file, problems: report.problems.slice(0, 5).map((p) => `[${p.check}] ${p.message}`) });
      const log = this.o.read((db) => repo.logRows(db));
      let keptAs: string | null = null;
      let failure: unknown = null;
      await this.o.reopen(async () => {
        try {
          // files.ts moves the anchors file along: the old one aside with its database, the backup's in
          keptAs = (await restoreDatabase(from, this.o.dbPath, this.o.clock())).keptAs;
        } catch (e) {
          failure = e;
        }
      });
      if (failure) {
        const [zh, en] = why(failure);
        fail('restore_failed', { message_zh: zh, message_en: en });
      }
      // the log is of the folder, not of the books: the restored books learn of the backups made since they were copied
      this.o.write({ method: 'backups.restore', user, input: { file, keptAs }, ref: file }, (db) => repo.addMissingLog(db, log));
      return { file, keptAs };
    });
  }
}
