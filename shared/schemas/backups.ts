// Automatic backups (backups.*): where and when the desk copies its books, the log of copies made
// and verified, the status bar's word on the last good one, a backup now, and restoring one.

import { z } from 'zod';
import { Empty, Pin, RuledString, Text, method } from './common';

export const BACKUP_KINDS = ['daily', 'close', 'manual'] as const;
export const BackupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof BackupKind>;

/** The desk's own backup files: branch-desk-YYYYMMDD-HHmm-<kind>[-n].db (office time). Nothing else in the folder is ever touched. */
export const BACKUP_FILE_PATTERN = /^branch-desk-(\d{8})-(\d{4})-(daily|close|manual)(?:-(\d{1,3}))?\.db$/;
/** The status bar warns when the last good backup is this many days old, or older. */
export const BACKUP_WARN_DAYS = 2;

const HHmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const BackupFileName = RuledString().max(80).regex(BACKUP_FILE_PATTERN, 'branch-desk-YYYYMMDD-HHmm-kind.db');

export const BackupSettings = z.object({ folder: z.string().nullable(), dailyTime: z.string() });
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupEntry = z.object({
  file: z.string(),
  kind: BackupKind,
  at: z.string(),
  bytes: z.number().int(),
  ok: z.boolean(),
  message: z.string(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupStatus = z.object({
  /** a folder is set */
  configured: z.boolean(),
  /** when the last backup that verified was made (ISO), if any */
  lastGoodAt: z.string().nullable(),
  /** whole days since the last good backup (null: none yet) */
  daysWithout: z.number().int().nullable(),
  /** no good backup for BACKUP_WARN_DAYS days or more (or none at all, or no folder) */
  warn: z.boolean(),
  /** the last attempt, good or not */
  last: BackupEntry.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

/** A file in the backup folder: what the log says of it, if the log knows it. */
export const BackupFile = z.object({
  file: z.string(),
  kind: BackupKind,
  /** office time from the name, 'YYYY-MM-DD HH:mm' */
  madeAt: z.string(),
  bytes: z.number().int(),
  /** present in the folder now */
  present: z.boolean(),
  /** verified after writing (null: this desk's log has no word on it, e.g. made after the backup that was restored) */
  ok: z.boolean().nullable(),
  message: z.string(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const RestoreResult = z.object({ file: z.string(), keptAs: z.string().nullable() });

export const backupsMethods = {
  'backups.settings': method({
    input: Empty,
    output: BackupSettings,
    access: ['admin'],
    write: false,
    doc: 'The backup folder and the daily time (HH:mm, office time).',
  }),
  'backups.setSettings': method({
    input: z.object({ folder: Text(1000).min(1), dailyTime: HHmm }),
    output: BackupSettings,
    access: ['admin'],
    write: true,
    doc: 'Choose the backup folder (it must exist and be writable) and the daily time.',
  }),
  'backups.status': method({
    input: Empty,
    output: BackupStatus,
    access: 'any',
    write: false,
    doc: 'The last good backup and whether to warn (status bar).',
  }),
  'backups.list': method({
    input: Empty,
    output: z.array(BackupFile),
    access: ['admin', 'manager'],
    write: false,
    doc: 'The desk’s backup files in the folder, newest first, with what the log says of each, and logged attempts whose file is gone.',
  }),
  'backups.runNow': method({
    input: Empty,
    output: BackupEntry,
    access: ['admin', 'manager'],
    write: false,
    doc: 'Make a backup now, verify it and log it (the log row is its own audited write after the copy, not inside a transaction of the call).',
  }),
  'backups.restore': method({
    input: z.object({ file: BackupFileName, pin: Pin }),
    output: RestoreResult,
    access: ['admin'],
    write: false,
    doc: 'Replace the books with a backup from the folder after the same checks as `desk restore` (admin PIN). The desk closes its database, swaps the file and opens it again; everyone logs in again.',
  }),
} as const;
