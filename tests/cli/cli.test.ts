// The CLI end to end: each command run as its own process on a real database file.

import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk, RpcClient, tempDir } from '../helpers/cli';
import { latestVersion } from '../../electron/store/migrate';

const KEEPER = { user: '王强', pin: '4444' };

function query<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const count = (path: string, sqlText: string) => query(path, (db) => db.prepare(sqlText).pluck().get() as number);

let tmp: ReturnType<typeof tempDir>;
let base: string; // the demo office, freshly seeded; copied for each test that changes it

beforeAll(async () => {
  tmp = tempDir();
  base = tmp.path('base.sqlite');
  const r = await desk(['init-demo', '--db', base, '--pin-cost', '1024']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('某某陶瓷 营销中心驻华东办事处');
  expect(r.stdout).toContain('王强');
});
afterAll(() => tmp.remove());

/** A private copy of the seeded demo office. */
function copyOfBase(name: string): string {
  const p = tmp.path(name);
  copyFileSync(base, p);
  return p;
}

/** Receive `qty` of the first item through rpc, as the keeper; returns the posted slip's id. */
async function receive(dbPath: string, qty: number, tag: string): Promise<number> {
  const c = new RpcClient(dbPath);
  try {
    expect((await c.call('auth.login', KEEPER)).ok).toBe(true);
    const item = (await c.call('items.list', { limit: 1 })).value.rows[0].id;
    const created = await c.call(
      'slips.create',
      { kind: 'inbound', supplierId: 1, deliveryNoteNo: `HQ-${tag}`, lines: [{ itemId: item, qty, unitCostFen: 5200 }] },
      { requestId: `create-${tag}` },
    );
    expect(created.ok).toBe(true);
    const posted = await c.call('slips.post', { slipId: created.value.id }, { requestId: `post-${tag}` });
    expect(posted.value.state).toBe('posted');
    return posted.value.id;
  } finally {
    expect((await c.end()).code).toBe(0);
  }
}

describe('desk init-demo', () => {
  it('refuses a database that already has an office', async () => {
    const r = await desk(['init-demo', '--db', base]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已经有办事处');
    expect(r.stderr).toContain('already has an office');
  });

  it('rejects a bad --pin-cost as a usage error', async () => {
    const r = await desk(['init-demo', '--db', tmp.path('never.sqlite'), '--pin-cost', '1000']);
    expect(r.code).toBe(2);
    expect(existsSync(tmp.path('never.sqlite'))).toBe(false);
  });
});

describe('desk rpc', () => {
  it('logs in, creates and posts an inbound slip, survives a bad line, and exits 0 at EOF', async () => {
    const db = copyOfBase('rpc.sqlite');
    const c = new RpcClient(db);
    const login = await c.call('auth.login', KEEPER);
    expect(login.ok).toBe(true);
    expect(login.value.user.roles).toEqual(['keeper']);

    // a line that is not JSON gets the envelope's bad_json in both languages; the loop goes on
    const bad = await c.send('{"id": 5, "method": "slips.list",');
    expect(bad).toMatchObject({ id: null, ok: false, error: { code: 'bad_json' } });
    expect(bad.error!.message_zh).toContain('不是有效的 JSON');
    expect(bad.error!.message_en).toContain('not valid JSON');
    const noMethod = await c.send('{"id": "m1", "input": {}}');
    expect(noMethod).toMatchObject({ id: 'm1', ok: false, error: { code: 'bad_request', details: { field: 'method' } } });

    // the remembered session is used: no token in the requests below
    const items = await c.call('items.list', { limit: 5 });
    expect(items.ok).toBe(true);
    const itemId = items.value.rows[0].id;
    const created = await c.call(
      'slips.create',
      { kind: 'inbound', supplierId: 1, deliveryNoteNo: 'HQ-CLI-1', lines: [{ itemId, qty: 12, unitCostFen: 5200 }] },
      { requestId: 'cli-create-1' },
    );
    expect(created.ok).toBe(true);
    expect(created.value.no).toMatch(/^JC\d{8}0001$/);
    const posted = await c.call('slips.post', { slipId: created.value.id }, { requestId: 'cli-post-1' });
    expect(posted.value.state).toBe('posted');
    // the same requestId again: the first answer, nothing posted twice
    const again = await c.call('slips.post', { slipId: created.value.id }, { requestId: 'cli-post-1' });
    expect(again.value).toEqual(posted.value);
    const onHand = await c.call('stock.onHand', { itemIds: [itemId] });
    expect(onHand.value.rows[0]).toMatchObject({ qty: 12, amountFen: 12 * 5200 });
    // a request may go without the remembered session
    const anon = await c.call('auth.whoami', {}, { sessionToken: null });
    expect(anon.error?.code).toBe('not_logged_in');

    expect(await c.end()).toEqual({ code: 0, signal: null });
    expect(count(db, 'SELECT COUNT(*) FROM stock_moves')).toBe(1);
    expect(count(db, "SELECT COUNT(*) FROM slips WHERE state = 'posted'")).toBe(1);
    expect((await desk(['verify', '--db', db])).code).toBe(0);
  });

  it('answers a piped batch line by line, in order, and exits 0', async () => {
    const db = copyOfBase('rpc-batch.sqlite');
    const lines = [
      JSON.stringify({ id: 1, method: 'auth.login', input: KEEPER }),
      '',
      'garbage',
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 4, method: 'no.such' }),
      JSON.stringify({ id: { any: 'thing' }, method: 'auth.whoami' }),
      JSON.stringify({ id: 6, method: 'auth.logout' }),
      JSON.stringify({ id: 7, method: 'auth.whoami' }),
    ];
    const r = await desk(['rpc', '--db', db], lines.join('\r\n') + '\r\n');
    expect(r.code).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.ok, o.error?.code])).toEqual([
      [1, true, undefined],
      [null, false, 'bad_json'],
      [null, false, 'bad_request'],
      [4, false, 'unknown_method'],
      [{ any: 'thing' }, true, undefined],
      [6, true, undefined],
      [7, false, 'not_logged_in'],
    ]);
    expect(out[4].value.name).toBe('王强');
  });

  it('needs --db, and says so on stderr when it creates a new database', async () => {
    const fresh = tmp.path('fresh-rpc.sqlite');
    const [r, n] = await Promise.all([desk(['rpc']), desk(['rpc', '--db', fresh], '{"id":1,"method":"office.get"}\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--db');
    expect(r.stderr).toContain('缺少');
    expect(n.code).toBe(0);
    expect(n.stderr).toContain('created a new database');
    expect(JSON.parse(n.stdout)).toMatchObject({ id: 1, ok: true, value: { initialised: false } });
  });
});

describe('desk verify', () => {
  let db: string;
  beforeAll(async () => {
    db = copyOfBase('verify.sqlite');
    await receive(db, 20, 'v1');
    await receive(db, 5, 'v2');
  });

  it('exits 0 on sound books, with a readable report and as JSON', async () => {
    const r = await desk(['verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('账本核对通过');
    expect(r.stdout).toContain('Books verified');
    expect(r.stdout).toMatch(/slips 2 .*moves 2 .*layers 2/);
    const j = await desk(['verify', '--db', db, '--json']);
    expect(j.code).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report).toMatchObject({ ok: true, problems: [], schemaVersion: latestVersion(), checked: { slips: 2, moves: 2, layers: 2 } });
  });

  it('exits 2 on a missing file without creating it, and on a file that is not a database', async () => {
    const missing = tmp.path('missing.sqlite');
    const junk = tmp.path('junk.sqlite');
    writeFileSync(junk, 'this is not sqlite, just text long enough to have a header of some sort......');
    const [r, j, extra] = await Promise.all([desk(['verify', '--db', missing]), desk(['verify', '--db', junk]), desk(['verify', '--db', db, '--colour'])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不存在');
    expect(r.stderr).toContain('No such database file');
    expect(existsSync(missing)).toBe(false);
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('Cannot open');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('未知的选项');
  });

  it('exits 1 naming the broken checks when a stock move was changed behind the append-only trigger', async () => {
    const t = tmp.path('tampered-moves.sqlite');
    copyFileSync(db, t);
    query(t, (d) => {
      d.exec('DROP TRIGGER stock_moves_no_update');
      d.exec('UPDATE stock_moves SET amount_fen = amount_fen + 100 WHERE id = 1');
    });
    const r = await desk(['verify', '--db', t]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('账本核对未通过');
    expect(r.stdout).toContain('FAILED');
    expect(r.stdout).toContain('[stock.amount]');
    expect(r.stdout).toContain('[schema] trigger stock_moves_no_update is missing');
    const j = JSON.parse((await desk(['verify', '--db', t, '--json'])).stdout);
    expect(j.ok).toBe(false);
    expect(new Set(j.problems.map((p: { check: string }) => p.check))).toEqual(
      new Set(['schema', 'stock.amount', 'stock.running', 'stock.layer', 'stock.month']),
    );
  });

  it('exits 1 on a deleted audit row even when the trigger is put back as it was', async () => {
    const t = tmp.path('tampered-audit.sqlite');
    copyFileSync(db, t);
    query(t, (d) => {
      const trigger = d.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'").pluck().get() as string;
      d.exec('DROP TRIGGER audit_log_no_delete');
      d.exec('DELETE FROM audit_log WHERE seq = 3');
      d.exec(trigger);
    });
    const j = JSON.parse((await desk(['verify', '--db', t, '--json'])).stdout);
    expect(j.ok).toBe(false);
    expect([...new Set(j.problems.map((p: { check: string }) => p.check))]).toEqual(['audit.chain']);
    const r = await desk(['verify', '--db', t]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('audit.chain (审计日志哈希链)');
  });
});

describe('desk backup and restore', () => {
  let db: string;
  let bak: string;
  beforeAll(async () => {
    db = copyOfBase('live.sqlite');
    bak = tmp.path('backups-live.sqlite');
    await receive(db, 30, 'b1');
  });

  it('writes a verified single-file backup and will not overwrite it without --force', async () => {
    const r = await desk(['backup', '--db', db, '--out', bak]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Backup written');
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('backups-live') || f.startsWith('.backups-live'))).toEqual(['backups-live.sqlite']);
    expect((await desk(['verify', '--db', bak])).code).toBe(0);
    expect(count(bak, 'SELECT COUNT(*) FROM slips')).toBe(1);

    const again = await desk(['backup', '--db', db, '--out', bak]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await desk(['backup', '--db', db, '--out', bak, '--force'])).code).toBe(0);
    expect((await desk(['backup', '--db', tmp.path('nope.sqlite'), '--out', tmp.path('x.bak')])).code).toBe(2);
  });

  it('takes a consistent backup while a desk keeps posting', async () => {
    const busy = copyOfBase('busy-writer.sqlite');
    const c = new RpcClient(busy);
    expect((await c.call('auth.login', KEEPER)).ok).toBe(true);
    const itemId = (await c.call('items.list', { limit: 1 })).value.rows[0].id;
    let writing = true;
    let posted = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const lines = [{ itemId, qty: 2, unitCostFen: 100 + i }];
        const s = await c.call('slips.create', { kind: 'inbound', supplierId: 1, deliveryNoteNo: `HQ-W${i}`, lines }, { requestId: `w-c-${i}` });
        if ((await c.call('slips.post', { slipId: s.value.id }, { requestId: `w-p-${i}` })).ok) posted++;
      }
    })();
    const out = tmp.path('online.bak');
    const r = await desk(['backup', '--db', busy, '--out', out]);
    writing = false;
    await writer;
    expect(r.code, r.stderr).toBe(0);
    expect((await c.end()).code).toBe(0);
    expect(posted).toBeGreaterThan(0);
    expect((await desk(['verify', '--db', out])).code).toBe(0);
    expect(count(out, "SELECT COUNT(*) FROM slips WHERE state = 'posted'")).toBeLessThanOrEqual(posted);
  });

  it('restores the backup, keeping the current database as .before-restore-<time>', async () => {
    await receive(db, 7, 'after-backup'); // the live database moves on past the backup
    expect(count(db, 'SELECT COUNT(*) FROM slips')).toBe(2);

    const r = await desk(['restore', '--from', bak, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Restored');
    const kept = readdirSync(tmp.dir).filter((f) => f.startsWith('live.sqlite.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(count(tmp.path(kept[0]), 'SELECT COUNT(*) FROM slips')).toBe(2);
    expect(count(db, 'SELECT COUNT(*) FROM slips')).toBe(1);
    expect((await desk(['verify', '--db', db])).code).toBe(0);
    // and the desk opens it and carries on, numbering after what the backup holds
    const id = await receive(db, 3, 'after-restore');
    expect(query(db, (d) => d.prepare('SELECT no FROM slips WHERE id = ?').pluck().get(id))).toMatch(/0002$/);
    expect((await desk(['verify', '--db', db])).code).toBe(0);
  });

  it('restores into a place where there was no database', async () => {
    const fresh = tmp.path('fresh.sqlite');
    const r = await desk(['restore', '--from', bak, '--db', fresh]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('there was no database before');
    expect(count(fresh, 'SELECT COUNT(*) FROM slips')).toBe(1);
  });

  it('refuses a backup that does not verify, or comes from a newer app, and touches nothing', async () => {
    const target = copyOfBase('target.sqlite');
    const before = readFileSync(target);
    const broken = tmp.path('broken.bak');
    copyFileSync(bak, broken);
    query(broken, (d) => {
      d.exec('DROP TRIGGER audit_log_no_delete');
      d.exec('DELETE FROM audit_log WHERE seq = 2');
    });
    const r = await desk(['restore', '--from', broken, '--db', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未做任何恢复');
    expect(r.stdout).toContain('[audit.chain]');

    const newer = tmp.path('newer.bak');
    copyFileSync(bak, newer);
    query(newer, (d) => d.pragma('user_version = 99'));
    const n = await desk(['restore', '--from', newer, '--db', target]);
    expect(n.code).toBe(1);
    expect(n.stderr).toContain('更新版本');
    expect(n.stderr).toContain('newer version');

    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('target.sqlite.'))).toEqual([]);
    expect((await desk(['restore', '--from', tmp.path('no-such.bak'), '--db', target])).code).toBe(2);
    expect((await desk(['restore', '--db', target])).code).toBe(2);
  });

  it('after a crash, keeps what the dead desk had committed (its WAL) in the set-aside file', async () => {
    const target = copyOfBase('crashed.sqlite');
    const c = new RpcClient(target);
    expect((await c.call('auth.login', KEEPER)).ok).toBe(true);
    const draft = await c.call('slips.create', { kind: 'inbound', supplierId: 1, deliveryNoteNo: 'HQ-C', lines: [] }, { requestId: 'crash-1' });
    expect(draft.ok).toBe(true);
    c.kill();
    expect((await c.exited).signal).toBe('SIGKILL');
    expect(existsSync(`${target}-wal`)).toBe(true);

    const r = await desk(['restore', '--from', bak, '--db', target]);
    expect(r.code).toBe(0);
    const kept = readdirSync(tmp.dir).filter((f) => f.startsWith('crashed.sqlite.'));
    expect(kept).toHaveLength(1); // one file: the WAL was folded in, no -wal/-shm left behind
    expect(count(tmp.path(kept[0]), "SELECT COUNT(*) FROM slips WHERE delivery_note_no = 'HQ-C'")).toBe(1);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(count(target, "SELECT COUNT(*) FROM slips WHERE delivery_note_no = 'HQ-C'")).toBe(0);
  });

  it('refuses while the database is open in a desk', async () => {
    const target = copyOfBase('busy.sqlite');
    const c = new RpcClient(target);
    expect((await c.call('auth.login', KEEPER)).ok).toBe(true); // the core has the file open
    const r = await desk(['restore', '--from', bak, '--db', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('正在被使用');
    expect(r.stderr).toContain('in use');
    expect((await c.call('auth.whoami')).ok).toBe(true); // the desk did not notice
    expect((await c.end()).code).toBe(0);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('busy.sqlite.'))).toEqual([]);
    expect((await desk(['restore', '--from', bak, '--db', target])).code).toBe(0);
  });
});

describe('desk help and bad usage', () => {
  it('prints help, and rejects unknown commands in both languages with exit 2', async () => {
    const [h, u, none] = await Promise.all([desk(['help']), desk(['frobnicate']), desk([])]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('desk rpc --db FILE');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('未知的命令');
    expect(u.stderr).toContain('Unknown command');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('缺少命令');
  });
});

describe('desk reset-pin', () => {
  it('lets the administrator log in again on a PC without the PIN secret; the others wait for a new PIN or the key backup', async () => {
    const pc = tempDir('desk-newpc-');
    try {
      const db = pc.path('office.sqlite');
      copyFileSync(base, db); // the database alone, without the vault beside it
      const before = new RpcClient(db);
      expect((await before.call('auth.login', { user: '系统管理员', pin: '0000' })).error?.code).toBe('pin_secret_missing');
      await before.end();

      const r = await desk(['reset-pin', '--db', db, '--user', '系统管理员', '--pin', '246810']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('本机新建了 PIN 密钥');
      expect((await desk(['reset-pin', '--db', db, '--user', KEEPER.user, '--pin', '1234'])).code).toBe(1);

      const after = new RpcClient(db);
      expect((await after.call('auth.login', { user: '系统管理员', pin: '246810' })).ok).toBe(true);
      expect((await after.call('auth.login', KEEPER)).error?.code).toBe('pin_secret_missing');
      expect((await after.call('office.keyStatus', {})).value).toMatchObject({ canSign: false, pinSecretHere: true });
      await after.end();
      expect(count(db, 'SELECT COUNT(*) FROM audit_log WHERE method = \'cli.resetPin\' AND input_json LIKE \'%"pin":"***"%\'')).toBe(1);
    } finally {
      pc.remove();
    }
  });
});
