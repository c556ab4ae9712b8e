// Database files for the store tests: each test gets its own temp folder; every database a test
// opens is closed and the folder removed after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openDatabase, type DB } from '../../electron/store/db';

export interface DbFiles {
  /** this test's temp folder */
  readonly dir: string;
  /** opens (creating) a database file in the folder; closed after the test */
  open(name?: string): { db: DB; path: string };
  /** opens any database file read-only; closed after the test */
  readonly(path: string): DB;
}

/** Call at the top of a test file (or describe): a fresh folder per test. */
export function useDbFiles(): DbFiles {
  let dir = '';
  const opened: DB[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'desk-migrate-'));
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const keep = (db: DB): DB => (opened.push(db), db);
  return {
    get dir() {
      return dir;
    },
    open(name = 'office.sqlite') {
      const path = join(dir, name);
      return { db: keep(openDatabase(path)), path };
    },
    readonly: (path) => keep(openDatabase(path, { readonly: true })),
  };
}

/** The clock migrations are run with: backups are named after it (…v1-20261129T010203.bak). */
export const clock = (): Date => new Date('2026-11-29T01:02:03.456Z');

export const tables = (d: DB): string[] =>
  d.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];

/** Every table in the database was created STRICT (optionally WITHOUT ROWID). */
export function expectEveryTableStrict(d: DB): void {
  for (const [name, sql] of d.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").raw().all() as [
    string,
    string,
  ][])
    expect(sql, name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
}
