// The rules of automatic backups: what a backup file is called, when the daily one is due, which
// files rotation keeps (the last 30 days, then the last of each month for 12 months), when the
// status bar warns, and what folder may hold them. Pure functions but checkFolder (it asks the disk).

import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { BACKUP_FILE_PATTERN, BACKUP_WARN_DAYS, type BackupKind } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import { dateTimeIn } from '../../../shared/time';

export const KEEP_DAYS = 30;
export const KEEP_MONTHS = 12;
/** A failed daily backup (a USB drive not plugged in) is tried again after this long. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A moment in office time, split: { date: 'YYYY-MM-DD', time: 'HH:mm' }. */
export function officeTime(at: Date, timezone: string): { date: string; time: string } {
  const [date, time] = dateTimeIn(at, timezone).split(' ');
  return { date, time };
}

/** branch-desk-20261207-1830-daily.db; the n-th of the same minute and kind gets -n. */
export function backupFileName(at: Date, timezone: string, kind: BackupKind, n = 1): string {
  const { date, time } = officeTime(at, timezone);
  return `branch-desk-${date.replace(/-/g, '')}-${time.replace(':', '')}-${kind}${n > 1 ? `-${n}` : ''}.db`;
}

export interface NamedBackup {
  file: string;
  kind: BackupKind;
  /** YYYYMMDD */
  day: string;
  /** office time 'YYYY-MM-DD HH:mm' */
  madeAt: string;
  /** sorts in the order they were made */
  order: string;
}

/** The desk's own backup file, or null for anything else (never touched). */
export function parseBackupName(file: string): NamedBackup | null {
  const m = BACKUP_FILE_PATTERN.exec(file);
  if (!m) return null;
  const [, day, hm, kind, n] = m;
  const madeAt = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)} ${hm.slice(0, 2)}:${hm.slice(2)}`;
  return { file, kind: kind as BackupKind, day, madeAt, order: `${day}${hm}${(n ?? '1').padStart(3, '0')}${kind}` };
}

/**
 * Which of the desk's files rotation deletes: every file of the last KEEP_DAYS days that have
 * backups is kept; older ones only as the newest file of their month, for the KEEP_MONTHS newest
 * such months. Names that are not the desk's are not even looked at.
 */
export function filesToDelete(files: string[]): string[] {
  const ours = files.map(parseBackupName).filter((b): b is NamedBackup => b !== null);
  ours.sort((a, b) => (a.order < b.order ? 1 : -1)); // newest first
  const recentDays = new Set<string>();
  for (const b of ours) if (recentDays.size < KEEP_DAYS || recentDays.has(b.day)) recentDays.add(b.day);
  const monthKept = new Map<string, string>();
  for (const b of ours) {
    if (recentDays.has(b.day)) continue;
    const month = b.day.slice(0, 6);
    if (!monthKept.has(month) && monthKept.size < KEEP_MONTHS) monthKept.set(month, b.file);
  }
  const keep = new Set([...ours.filter((b) => recentDays.has(b.day)).map((b) => b.file), ...monthKept.values()]);
  return ours.filter((b) => !keep.has(b.file)).map((b) => b.file);
}

export interface DailyAttempt {
  /** office date YYYY-MM-DD */
  day: string;
  at: string;
  ok: boolean;
}

/** Whether the daily backup is due now: past the daily time, none good today, none tried within the hour. */
export function dailyDue(now: Date, timezone: string, dailyTime: string, today: DailyAttempt[]): boolean {
  const { date, time } = officeTime(now, timezone);
  if (time < dailyTime) return false;
  const mine = today.filter((a) => a.day === date);
  if (mine.some((a) => a.ok)) return false;
  return !mine.some((a) => now.getTime() - Date.parse(a.at) < RETRY_AFTER_MS);
}

/** Whole days since the last good backup, and whether the status bar warns. */
export function staleness(now: Date, lastGoodAt: string | null, configured: boolean): { daysWithout: number | null; warn: boolean } {
  if (!lastGoodAt) return { daysWithout: null, warn: true };
  const daysWithout = Math.max(0, Math.floor((now.getTime() - Date.parse(lastGoodAt)) / DAY_MS));
  return { daysWithout, warn: !configured || daysWithout >= BACKUP_WARN_DAYS };
}

function unusable(folder: string, problem_zh: string, problem_en: string): never {
  fail('backup_folder_unusable', { field: 'folder', folder, problem_zh, problem_en });
}

/** The folder must be a full path to an existing folder the desk may write into. */
export function checkFolder(folder: string): void {
  if (!isAbsolute(folder)) unusable(folder, '须为完整路径', 'it must be a full path');
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    unusable(folder, '文件夹不存在(U 盘是否已插好?)', 'it does not exist (is the USB drive plugged in?)');
  }
  if (!isDir) unusable(folder, '这不是文件夹', 'it is not a folder');
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    unusable(folder, '没有写入权限', 'it cannot be written to');
  }
}
