// The SQL of backups: the settings row (backup_settings) and the log (backup_log).

import type { BackupEntry, BackupKind, BackupSettings } from '../../../shared/contract';
import { sql, type ReadableDB, type WritableDB } from '../../store/db';

export function settings(db: ReadableDB): BackupSettings {
  const r = sql(db, 'SELECT folder, daily_time FROM backup_settings WHERE id = 1').get() as { folder: string | null; daily_time: string };
  return { folder: r.folder, dailyTime: r.daily_time };
}

export function setSettings(db: WritableDB, s: { folder: string; dailyTime: string; at: string; userId: number }): void {
  sql(db, 'UPDATE backup_settings SET folder = ?, daily_time = ?, updated_at = ?, updated_by = ? WHERE id = 1').run(s.folder, s.dailyTime, s.at, s.userId);
}

export interface LogRow {
  file: string;
  kind: BackupKind;
  at: string;
  day: string;
  bytes: number;
  ok: number;
  message: string;
}

const entryOf = (r: LogRow): BackupEntry => ({ file: r.file, kind: r.kind, at: r.at, bytes: r.bytes, ok: r.ok === 1, message: r.message });

export function addLog(db: WritableDB, e: BackupEntry & { day: string }): void {
  sql(db, 'INSERT INTO backup_log (file, kind, at, day, bytes, ok, message) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.file,
    e.kind,
    e.at,
    e.day,
    e.bytes,
    e.ok ? 1 : 0,
    e.message,
  );
}

export function lastGoodAt(db: ReadableDB): string | null {
  return (sql(db, 'SELECT MAX(at) FROM backup_log WHERE ok = 1').pluck().get() as string | null) ?? null;
}

export function lastEntry(db: ReadableDB): BackupEntry | null {
  const r = sql(db, 'SELECT * FROM backup_log ORDER BY at DESC, id DESC LIMIT 1').get() as LogRow | undefined;
  return r ? entryOf(r) : null;
}

/** The daily attempts on an office date. */
export function dailyAttempts(db: ReadableDB, day: string): { day: string; at: string; ok: boolean }[] {
  return (sql(db, "SELECT day, at, ok FROM backup_log WHERE kind = 'daily' AND day = ?").all(day) as LogRow[]).map((r) => ({
    day: r.day,
    at: r.at,
    ok: r.ok === 1,
  }));
}

/** The latest log entry of each file name, newest first (at most `limit`). */
export function recentEntries(db: ReadableDB, limit: number): BackupEntry[] {
  return (sql(db, 'SELECT * FROM backup_log WHERE id IN (SELECT MAX(id) FROM backup_log GROUP BY file) ORDER BY at DESC LIMIT ?').all(limit) as LogRow[]).map(
    entryOf,
  );
}

/** Every log row (a restore carries them over to the restored books). */
export function logRows(db: ReadableDB): LogRow[] {
  return sql(db, 'SELECT file, kind, at, day, bytes, ok, message FROM backup_log ORDER BY id').all() as LogRow[];
}

/** The rows of `rows` this log lacks (the same file at the same moment), added in their order. */
export function addMissingLog(db: WritableDB, rows: LogRow[]): void {
  const has = sql(db, 'SELECT 1 FROM backup_log WHERE file = ? AND at = ?').pluck();
  for (const r of rows) if (!has.get(r.file, r.at)) addLog(db, { ...entryOf(r), day: r.day });
}
