// Backing up and restoring a database file: `desk backup` / `desk restore`, and the backups domain's
// automatic backups and restore from the screen (service.ts), with the same logic and checks.
//
// Both carry the audit anchors kept beside the database (`<file>.anchors`, ledger/anchors.ts) along:
// backup copies them beside the copy; restore sets the current ones aside with the current database
// and puts the backup's beside the restored one.
//
// backup: SQLite's online backup (better-sqlite3's db.backup()) from a read-only connection, so
// the desk may stay open and keep posting while it runs: the copy is one consistent moment of the
// books (SQLite restarts the copy if a writer changes the file part-way). It is written to a
// temporary file beside the target, switched to a self-contained single file (rollback journal,
// no -wal/-shm), checked with quick_check, and only then renamed into place, so a half-written
// backup never carries the target's name. An existing target is refused unless --force.
//
// restore: the backup is checked first (opens, schema version known and not newer than this app,
// quick_check, schema as the migrations made it, verifyBooks clean). It is copied to a staging
// file beside the database, then the current database, if any, is taken with an exclusive lock
// (refused if any other connection has it open: in WAL mode that includes an idle desk), folded
// into one file (WAL checkpointed) and renamed to FILE.before-restore-<timestamp>, and the staged
// copy is renamed into place. Limits: in rollback-journal mode an idle reader holds no lock and
// cannot be seen; and between releasing the lock and the rename (a few ms) another program could
// open the old file. Close the desk before restoring.

import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { anchorFileOf } from '../../ledger/anchors';
import type { DB } from '../../store/db';
import { failed, UsageError } from './fileErrors';
import { checkSchemaVersion, openExisting, openFile, verifyDatabase, type FileReport } from './fileCheck';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

function sidecars(path: string): string[] {
  return [`${path}-wal`, `${path}-shm`, `${path}-journal`];
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    /* best effort */
  }
}

/** Copy `src` into a new file at `dest` with the online backup API, then make it one file and check it. */
export async function copyDatabase(src: DB, dest: string): Promise<void> {
  await src.backup(dest, {
    // after the first 100 pages, take the rest in one step: one read transaction, one moment
    progress: ({ remainingPages }) => Math.max(100, remainingPages),
  });
  const out = openFile(dest, { fileMustExist: true });
  try {
    out.pragma('journal_mode = DELETE');
    const check = out.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw failed(`备份副本校验失败: ${String(check)}`, `The copy failed quick_check: ${String(check)}`);
  } finally {
    out.close();
  }
}

/**
 * The audit anchors kept beside a database (ledger/anchors.ts) travel with its copy: `<db>.anchors`
 * to `<copy>.anchors` (replacing, or removing, one there). The anchors are in the copy's own books
 * too; the file adds those the books may have lost.
 */
function copyAnchors(fromDb: string, toDb: string): void {
  const from = anchorFileOf(fromDb);
  const to = anchorFileOf(toDb);
  if (!from || !to) return;
  if (existsSync(from)) copyFileSync(from, to);
  else removeQuietly(to); // an older copy's anchors, left where this copy now is
}

export interface BackupResult {
  out: string;
  bytes: number;
  schemaVersion: number;
  slips: number;
  auditRows: number;
}

export async function backupDatabase(dbPath: string, outPath: string, force: boolean): Promise<BackupResult> {
  const src = resolve(dbPath);
  const out = resolve(outPath);
  if (src === out) throw new UsageError('备份文件不能就是数据库本身', 'The backup file cannot be the database itself');
  if (existsSync(out) && !force)
    throw new UsageError(`备份文件已存在: ${out} (加 --force 覆盖)`, `The backup file already exists: ${out} (add --force to overwrite)`);
  if (!existsSync(dirname(out))) throw new UsageError(`备份目录不存在: ${dirname(out)}`, `No such folder: ${dirname(out)}`);

  const db = openExisting(src);
  const tmp = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  try {
    const version = checkSchemaVersion(db, src);
    removeQuietly(tmp);
    try {
      await copyDatabase(db, tmp);
    } catch (e) {
      if (e instanceof Error && 'exitCode' in e) throw e;
      const m = e instanceof Error ? e.message : String(e);
      throw failed(`备份失败: ${m}`, `Backup failed: ${m}`);
    }
    if (force) for (const s of sidecars(out)) removeQuietly(s);
    renameSync(tmp, out);
    copyAnchors(src, out);
    const copy = openFile(out, { readonly: true, fileMustExist: true });
    try {
      return {
        out,
        bytes: statSync(out).size,
        schemaVersion: version,
        slips: copy.prepare('SELECT COUNT(*) FROM slips').pluck().get() as number,
        auditRows: copy.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number,
      };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
    for (const f of [tmp, ...sidecars(tmp)]) removeQuietly(f);
  }
}

export interface RestoreResult {
  db: string;
  /** where the database that was replaced now is, or null if there was none */
  keptAs: string | null;
  report: FileReport;
}

export class RestoreRefused extends Error {
  constructor(readonly report: FileReport) {
    super('the backup does not verify');
  }
}

/**
 * Take the database at `path` with an exclusive lock, fold its WAL into the main file and close it,
 * so that it can be renamed as one file. Throws a clear error if any other connection has it open.
 */
function quiesce(path: string): void {
  let db: DB;
  try {
    db = openFile(path, { fileMustExist: true });
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw failed(`无法打开现有数据库 ${path}: ${m}`, `Cannot open the current database ${path}: ${m}`);
  }
  try {
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('COMMIT');
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
        throw failed(
          `数据库正在被使用(办事处仓财台或其他程序打开着它): ${path}。请先关闭再恢复。`,
          `The database is in use (the desk or another program has it open): ${path}. Close it before restoring.`,
        );
      throw e;
    }
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw failed(`无法合并数据库的 WAL 日志 (${String(mode)})`, `Could not fold the database's WAL into it (${String(mode)})`);
  } finally {
    db.close();
  }
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw failed(`数据库的 WAL 日志未能合并: ${wal}`, `The database's WAL was not folded in: ${wal}`);
  removeQuietly(wal);
  removeQuietly(`${path}-shm`);
}

export async function restoreDatabase(fromPath: string, dbPath: string, now: Date = new Date()): Promise<RestoreResult> {
  const from = resolve(fromPath);
  const target = resolve(dbPath);
  if (from === target) throw new UsageError('备份文件不能就是要恢复的数据库', 'The backup cannot be the database being restored');
  if (!existsSync(dirname(target))) throw new UsageError(`数据库目录不存在: ${dirname(target)}`, `No such folder: ${dirname(target)}`);

  // 1. the backup must open and verify, or nothing is touched
  const src = openExisting(from, '备份文件', 'backup file');
  const stage = `${target}.restoring-${stamp(now)}-${process.pid}`;
  let report: FileReport;
  try {
    report = await verifyDatabase(src, from);
    if (!report.ok) throw new RestoreRefused(report);
    // 2. stage a self-contained copy beside the target (same folder: the final rename is atomic)
    removeQuietly(stage);
    await copyDatabase(src, stage);
  } catch (e) {
    for (const f of [stage, ...sidecars(stage)]) removeQuietly(f);
    throw e;
  } finally {
    src.close();
  }

  // 3. set the current database aside, then put the copy in its place
  let keptAs: string | null = null;
  let setAside = false;
  try {
    let base = `${target}.before-restore-${stamp(now)}`;
    for (let n = 2; existsSync(base) || existsSync(`${base}-wal`); n++) base = `${target}.before-restore-${stamp(now)}-${n}`;
    if (existsSync(target)) {
      quiesce(target);
      renameSync(target, base);
      keptAs = base;
      setAside = true;
    } else {
      // a -wal without its database would be replayed onto the restored file: move it aside too
      for (const s of sidecars(target)) if (existsSync(s)) renameSync(s, `${base}${s.slice(target.length)}`);
    }
    renameSync(stage, target);
  } catch (e) {
    // put the old database back where it was if it had been moved
    if (setAside && keptAs && !existsSync(target)) {
      try {
        renameSync(keptAs, target);
      } catch {
        /* reported below: the old file is still at keptAs */
      }
    }
    for (const f of [stage, ...sidecars(stage)]) removeQuietly(f);
    throw e;
  }

  // 4. the anchors beside the database go aside with it; the backup's come beside the restored file
  const anchors = anchorFileOf(target)!;
  if (existsSync(anchors)) renameSync(anchors, anchorFileOf(keptAs ?? `${target}.before-restore-${stamp(now)}`)!);
  copyAnchors(from, target);

  // 5. the restored file, as it now is
  const after = openExisting(target);
  try {
    return { db: target, keptAs, report: await verifyDatabase(after, target) };
  } finally {
    after.close();
  }
}
