// Opening the office's database file: one file per office, WAL, synchronous=FULL (a slip the desk
// said was posted survives a power cut), foreign keys on. better-sqlite3 is loaded from Node's
// build by default; the Electron shell passes `nativeBinding` to its own build of the addon.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** A connection as opened: for doors, migrations and tools that own the file. */
export type DB = Database.Database;

declare const READABLE: unique symbol;
declare const WRITABLE: unique symbol;
/**
 * Branded connections (as Signal Desktop's ReadableDB / WritableDB): a read path is handed a
 * ReadableDB and cannot call a function that writes, which takes a WritableDB. The core hands a
 * write handler a WritableDB only inside its one transaction. The brand is a compile-time mark:
 * the object is the same connection.
 */
export type ReadableDB = DB & { readonly [READABLE]: true };
export type WritableDB = ReadableDB & { readonly [WRITABLE]: true };

/** For the owner of a connection (the core, tools, tests): mark it for read paths. */
export function asReadable(db: DB): ReadableDB {
  return db as ReadableDB;
}

/** For the owner of a connection inside a transaction it runs: mark it for write paths. */
export function asWritable(db: DB): WritableDB {
  return db as WritableDB;
}

export interface OpenOptions {
  /** path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's) */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(path: string, opts: OpenOptions = {}): DB {
  if (path !== ':memory:' && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, {
    nativeBinding: opts.nativeBinding,
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
  });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}

const cache = new WeakMap<DB, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection. */
export function sql(db: DB, text: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(text);
  if (!s) m.set(text, (s = db.prepare(text)));
  return s;
}
