// WAL checkpoints off the posting path. SQLite's default (wal_autocheckpoint=1000) copies the WAL
// back into the database file inside the commit that pushes it past 1,000 pages, so about one post
// in ten paid 10–25 ms for it. The desk's connection turns that off and checkpoints here instead:
//
// - when writes go quiet: a PASSIVE checkpoint on the desk's own connection `idleMs` after the last
//   write (a debounced timer, unref'd so it never keeps the process alive);
// - under a steady stream of writes, so the WAL cannot grow without limit: once more than
//   `maxWalPages` pages wait in the WAL (default 4,000, 16 MiB of 4 KiB pages), a worker thread with
//   its own connection runs a PASSIVE checkpoint. A PASSIVE checkpoint from another connection takes
//   no lock the writer needs, so posting goes on meanwhile; the next commit after a complete one
//   starts the WAL from the top.
//
// Durability is unchanged: every commit is fsync'd into the WAL (synchronous=FULL) before it is
// acknowledged, and both connections checkpoint with synchronous=FULL (the WAL is synced before
// its pages are copied, the database file after), so a checkpoint never loses a committed write.
//
// How many pages wait is read from the wal-index header in the `-shm` file (mxFrame − nBackfill,
// https://www.sqlite.org/walformat.html §4.1), one 100-byte read per write: better-sqlite3 has no
// WAL hook. Should that read fail, the WAL file's size stands in (it only over-counts).

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DB } from './db';

export interface CheckpointOptions {
  /** quiet time after the last write before the idle checkpoint; default 500 ms */
  idleMs?: number;
  /** pages waiting in the WAL beyond which the worker checkpoints; default 4000 (DEFAULT_MAX_WAL_PAGES) */
  maxWalPages?: number;
  /** better_sqlite3.node for the running runtime, for the worker's connection */
  nativeBinding?: string;
}

export interface Checkpointer {
  /** after each committed write: re-arm the idle timer; wake the worker when the WAL is over the bound */
  wrote(): void;
  /** pages in the WAL not yet copied into the database file (an estimate if -shm cannot be read) */
  pendingPages(): number;
  /** checkpoints run so far, for tests and the bench */
  readonly stats: { idle: number; worker: number };
  /** stop the timer and the worker (waits for a running checkpoint, at most 5 s); idempotent */
  close(): void;
}

// ctl slots shared with the worker (Int32Array over a SharedArrayBuffer)
const REQ = 0; // checkpoints asked for
const DONE = 1; // checkpoints finished
const STOP = 2; // 1: leave the loop
const CLOSED = 3; // 1: the worker's connection is closed
const SLOTS = 4;

// The worker is plain CommonJS given as source, so it runs alike under tsx, vitest and the bundled
// Electron main (where there is no separate .js file to point a Worker at). It blocks on the
// shared counter between requests: it has no event loop work and holds no handle.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const ctl = new Int32Array(workerData.ctl);
let db;
try {
  const Database = require(workerData.lib);
  db = new Database(workerData.dbPath, { nativeBinding: workerData.nativeBinding, fileMustExist: true });
  db.pragma('busy_timeout = 0');
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 0');
  let seen = 0;
  for (;;) {
    Atomics.wait(ctl, ${REQ}, seen);
    if (Atomics.load(ctl, ${STOP})) break;
    seen = Atomics.load(ctl, ${REQ});
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or locked: the next request retries */ }
    Atomics.store(ctl, ${DONE}, seen);
  }
} finally {
  if (db) db.close();
  Atomics.store(ctl, ${CLOSED}, 1);
  Atomics.notify(ctl, ${CLOSED});
}
`;

const requireHere = createRequire(import.meta.url);

/**
 * The worker's bound. A post writes ~100 WAL frames, mostly index leaves of the items it moves, and
 * the same pages come back post after post: over 1,000 frames 64% are distinct pages, over 4,000
 * only 43% (bench office, 20-line dispatches). So a checkpoint every 4,000 frames copies a third
 * fewer pages into the database file than four checkpoints of 1,000, and fsyncs it a quarter as
 * often: less of the disk and the two cores taken from the posts beside it (bench: 11 worker
 * checkpoints in 200 posts instead of 40). The WAL stays within ~32 MiB.
 */
export const DEFAULT_MAX_WAL_PAGES = 4000;

export function startCheckpointer(db: DB, dbPath: string, opts: CheckpointOptions = {}): Checkpointer {
  const idleMs = opts.idleMs ?? 500;
  const maxWalPages = opts.maxWalPages ?? DEFAULT_MAX_WAL_PAGES;
  const stats = { idle: 0, worker: 0 };
  const inMemory = dbPath === ':memory:' || db.memory;
  // the desk's connection never checkpoints inside a commit
  db.pragma('wal_autocheckpoint = 0');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const le = endianness() === 'LE';
  const header = Buffer.alloc(100);
  let shm: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let worker: Worker | null = null;
  let ctl: Int32Array | null = null;
  let workerBroken = false;
  let closed = false;

  function pendingPages(): number {
    if (inMemory) return 0;
    try {
      shm ??= openSync(`${dbPath}-shm`, 'r');
      if (readSync(shm, header, 0, 100, 0) === 100) {
        const mxFrame = le ? header.readUInt32LE(16) : header.readUInt32BE(16);
        const backfilled = le ? header.readUInt32LE(96) : header.readUInt32BE(96);
        return Math.max(0, mxFrame - backfilled);
      }
    } catch {
      // no -shm to read (e.g. exclusive locking): fall back to the WAL's size
    }
    try {
      return Math.floor(statSync(`${dbPath}-wal`).size / (pageSize + 24));
    } catch {
      return 0;
    }
  }

  function idleCheckpoint(): void {
    timer = null;
    if (closed) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      stats.idle++;
    } catch {
      // the connection is busy or closing: the next write re-arms the timer
    }
  }

  function startWorker(): void {
    ctl = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { lib: requireHere.resolve('better-sqlite3'), dbPath, nativeBinding: opts.nativeBinding, ctl: ctl.buffer },
    });
    worker.unref();
    worker.on('error', (e) => {
      // no worker: the idle checkpoint still runs; the WAL only grows longer under a long burst
      workerBroken = true;
      if (!process.env.VITEST) console.error('[checkpoint] worker failed:', e);
    });
  }

  function wakeWorker(): void {
    if (workerBroken || inMemory) return;
    if (!worker) startWorker();
    const c = ctl!;
    if (Atomics.load(c, DONE) !== Atomics.load(c, REQ)) return; // one is running
    Atomics.add(c, REQ, 1);
    Atomics.notify(c, REQ);
    stats.worker++;
  }

  return {
    stats,
    pendingPages,
    wrote() {
      if (closed || inMemory) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(idleCheckpoint, idleMs);
      timer.unref();
      if (pendingPages() > maxWalPages) wakeWorker();
    },
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (worker && ctl && !workerBroken) {
        Atomics.store(ctl, STOP, 1);
        Atomics.add(ctl, REQ, 1);
        Atomics.notify(ctl, REQ);
        Atomics.wait(ctl, CLOSED, 0, 5000); // a running checkpoint finishes, its connection closes
      }
      if (worker) void worker.terminate();
      worker = null;
      if (shm != null) closeSync(shm);
      shm = null;
    },
  };
}
