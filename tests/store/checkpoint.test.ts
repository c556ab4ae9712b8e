// WAL checkpoints happen off the posting path (electron/store/checkpoint.ts): never inside a
// commit of the core's connection, after writes go quiet, and from a worker once the WAL passes
// its bound. No timing here: only what was checkpointed, and that close() leaves nothing running.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedOffice } from '../../electron/demo/seed';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_WAL_PAGES, startCheckpointer } from '../../electron/store/checkpoint';
import { openDatabase, type DB } from '../../electron/store/db';
import { fixture, makeCore, type TestCore } from '../helpers/index';

/** About `pages` pages of WAL in `commits` commits, straight on the connection (not through call()). */
function bulkWrite(db: DB, pages: number, commits: number): void {
  db.exec('CREATE TABLE IF NOT EXISTS bulk (id INTEGER PRIMARY KEY, b BLOB NOT NULL)');
  const ins = db.prepare('INSERT INTO bulk (b) VALUES (randomblob(3500))');
  const per = Math.ceil(pages / commits);
  for (let c = 0; c < commits; c++) db.transaction(() => Array.from({ length: per }, () => ins.run()))();
}

const checkpointOf = (db: DB) => (db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[])[0];

let t: TestCore | null = null;
afterEach(() => {
  vi.useRealTimers();
  t?.close();
  t = null;
});

describe('WAL checkpoints', () => {
  it('no commit of the core checkpoints inline; the WAL is checkpointed once writes go quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    t = await makeCore({ checkpoint: { idleMs: 200, maxWalPages: 1e9 } });
    const { core } = t;
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2); // FULL, as before
    const before = core.checkpoints.pendingPages();
    bulkWrite(core.db, 3000, 30);
    // SQLite's default would have checkpointed at 1,000 pages: every page is still waiting
    expect(core.checkpoints.pendingPages()).toBeGreaterThanOrEqual(before + 3000);

    await seedOffice(core, fixture); // writes through core.call: each one re-arms the idle timer
    expect(core.checkpoints.stats).toEqual({ idle: 0, worker: 0 });
    expect(vi.getTimerCount()).toBe(1);
    const waiting = core.checkpoints.pendingPages();
    expect(waiting).toBeGreaterThan(3000);

    vi.advanceTimersByTime(200);
    expect(core.checkpoints.stats.idle).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(core.checkpoints.pendingPages()).toBe(0);
    const r = checkpointOf(core.db);
    expect(r.busy).toBe(0);
    expect(r.checkpointed).toBe(r.log);

    // the next commit starts the WAL from the top
    bulkWrite(core.db, 10, 1);
    expect(core.checkpoints.pendingPages()).toBeLessThan(50);
  });

  it('a worker checkpoints once the WAL passes its bound, while writes go on', async () => {
    t = await makeCore({ checkpoint: { idleMs: 3_600_000, maxWalPages: 100 } });
    const { core } = t;
    bulkWrite(core.db, 500, 5);
    const afterBulk = core.checkpoints.pendingPages();
    expect(afterBulk).toBeGreaterThan(100);
    await seedOffice(core, fixture); // the first write through call() sees the bound passed
    expect(core.checkpoints.stats.worker).toBeGreaterThanOrEqual(1);
    expect(core.checkpoints.stats.idle).toBe(0);
    // Without a checkpoint the waiting pages only grow, and only the worker may checkpoint here (no
    // auto-checkpoint, the idle timer an hour away). Wait (not a timing assertion) for it to land.
    for (let i = 0; i < 500 && core.checkpoints.pendingPages() >= afterBulk; i++) await new Promise((r) => setTimeout(r, 10));
    expect(core.checkpoints.pendingPages()).toBeLessThan(afterBulk);
    const dbPath = t.dbPath;
    core.close(); // stops the worker (its connection closed first), then the core's: no WAL left
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  });

  it(`by default the worker waits for ${DEFAULT_MAX_WAL_PAGES} pages, not SQLite's 1,000`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-ckpt-'));
    const dbPath = join(dir, 'bound.sqlite');
    const db = openDatabase(dbPath);
    const ckpt = startCheckpointer(db, dbPath, { idleMs: 3_600_000 });
    try {
      bulkWrite(db, DEFAULT_MAX_WAL_PAGES - 1000, 10);
      ckpt.wrote(); // as after a write through call()
      expect(ckpt.pendingPages()).toBeGreaterThan(1000);
      expect(ckpt.stats.worker).toBe(0);
      bulkWrite(db, 1500, 2);
      expect(ckpt.pendingPages()).toBeGreaterThan(DEFAULT_MAX_WAL_PAGES);
      ckpt.wrote();
      expect(ckpt.stats.worker).toBe(1);
    } finally {
      ckpt.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('close() stops the idle timer and leaves a clean file', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    t = await makeCore({ checkpoint: { idleMs: 3_600_000 } });
    await seedOffice(t.core, fixture);
    expect(vi.getTimerCount()).toBe(1);
    t.core.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(existsSync(`${t.dbPath}-wal`)).toBe(false);
  });
});
