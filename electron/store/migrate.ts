// Forward-only numbered migrations, applied in one transaction and recorded in PRAGMA user_version
// (as Signal Desktop does). Before any pending migration runs on a database that already holds
// data, a backup copy is taken with SQLite's online backup. A database written by a newer app is
// refused rather than touched.

import { existsSync } from 'node:fs';
import { DeskError } from '../../shared/errors';
import type { DB } from './db';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrateResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

export async function migrate(
  db: DB,
  dbPath: string,
  migrations: readonly Migration[] = MIGRATIONS,
  clock: () => Date = () => new Date(),
): Promise<MigrateResult> {
  checkMigrationList(migrations);
  const from = schemaVersion(db);
  const to = latestVersion(migrations);
  if (from > to) throw new DeskError('db_too_new', { dbVersion: from, appVersion: to });
  if (from === to) return { from, to, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && dbPath !== ':memory:') {
    const stamp = clock().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    backupPath = `${dbPath}.v${from}-${stamp}.bak`;
    for (let n = 2; existsSync(backupPath); n++) backupPath = `${dbPath}.v${from}-${stamp}-${n}.bak`;
    await db.backup(backupPath);
  }

  const pending = migrations.filter((m) => m.version > from);
  withForeignKeysOff(
    db,
    pending.some((m) => m.foreignKeysOff),
    () =>
      db
        .transaction(() => {
          for (const m of pending) {
            m.up(db);
            db.pragma(`user_version = ${m.version}`);
          }
          requireForeignKeysHold(db);
        })
        .immediate(),
  );
  return { from, to, backupPath };
}

/**
 * A migration that rebuilds a table other tables refer to (SQLite cannot change a CHECK in place)
 * runs with foreign keys off, as SQLite's documented table-rebuild procedure says; the pragma is a
 * no-op inside a transaction, so it is set around it and restored after.
 */
function withForeignKeysOff(db: DB, off: boolean, run: () => void): void {
  const was = db.pragma('foreign_keys', { simple: true }) as number;
  if (off && was) db.pragma('foreign_keys = OFF');
  try {
    run();
  } finally {
    if (off && was) db.pragma('foreign_keys = ON');
  }
}

/** Before the migrations commit: every foreign key still points at a row (foreign_key_check). */
function requireForeignKeysHold(db: DB): void {
  const bad = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (bad.length) throw new Error(`migration broke ${bad.length} foreign keys, first: ${bad[0].table} row ${bad[0].rowid} → ${bad[0].parent}`);
}
