// The month-end count bench (issue #12): an office of 20,000 items, each with stock in two FIFO
// layers, counted in full. Timed through core.call: counts.create (monthEnd, 20,000 lines),
// counts.variance (every line counted; 2% short, 2% over, each with a cause), and counts.approve
// (the manager's PIN, then posting every difference in one transaction: ~400 FIFO issues and
// ~400 new layers, the count slip, its posted hash, the audit row).
// The lines are counted by SQL in the untimed part (an entry per line through the core would take
// 20,000 calls); the books before the count are posted through the slips service.
//   npx tsx tests/bench/counts.ts        (also part of `npm run bench`)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { seedOffice, type OfficeFixture } from '../../electron/demo/seed';
import { createSlip, postSlip, type SlipWriter } from '../../electron/domains/slips/service';
import { verifyBooks } from '../../electron/domains/system/verify';
import type { Input, MethodName, Output, Result } from '../../shared/contract';
import { loadFixture } from './office';
import { median, ms, nowMs, table } from './stats';

const ITEMS = 20_000;
const PER_SLIP = 500;
const RUNS = 5;

export interface CountsBenchRow {
  name: string;
  medianMs: number;
  targetMs: number;
  note?: string;
}

async function must<M extends MethodName>(core: Core, m: M, input: Input<M>, token: string): Promise<Output<M>> {
  const r = (await core.call(m, input, { sessionToken: token })) as Result<Output<M>>;
  if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message_en}`);
  return r.value;
}

/** 20,000 items on 4,000 locations, each received twice (two layers), through the slips service. */
export function stockUp(core: Core, keeperId: number, supplierId: number, nowIso: string): void {
  const db = core.db;
  const at = nowIso;
  const ins = db.prepare("INSERT INTO items (code, name, unit, location, pinyin, created_at, updated_at) VALUES (?, ?, '片', ?, '', ?, ?)");
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < ITEMS; i++) {
      const loc = `${String.fromCharCode(65 + (i % 8))}-${String(Math.floor(i / 8) % 50).padStart(2, '0')}-${(i % 10) + 1}`;
      ids.push(Number(ins.run(`BC-${String(i).padStart(5, '0')}`, `盘点商品 ${i}`, loc, at, at).lastInsertRowid));
    }
  })();
  const w: SlipWriter = { db: db as never, nowIso, businessDate: nowIso.slice(0, 10), actor: { id: keeperId, roles: ['keeper'] } };
  for (const round of [0, 1])
    for (let s = 0; s < ITEMS; s += PER_SLIP)
      db.transaction(() => {
        const lines = ids
          .slice(s, s + PER_SLIP)
          .map((itemId, k) => ({ itemId, qty: 10 + ((s + k) % 40), unitCostFen: 1000 + ((s + k) % 97) * 10 + round * 50 }));
        const row = createSlip(w, 'inbound', { supplierId, deliveryNoteNo: `HQ-B${round}-${s}` }, lines);
        postSlip(w, row.id);
      })();
}

/** Every line counted: the book as it stands, 2% of lines short by 1–3, 2% over by 1–2, each with its cause. */
function countAll(core: Core, countId: number): void {
  core.db.transaction(() => {
    core.db
      .prepare(
        `UPDATE count_lines SET book_qty = b.qty, counted_qty = b.qty
         FROM (SELECT item_id, SUM(remaining_qty) AS qty FROM stock_layers GROUP BY item_id) b WHERE b.item_id = count_lines.item_id AND count_id = ?`,
      )
      .run(countId);
    core.db.prepare("UPDATE count_lines SET counted_qty = book_qty - 1 - id % 3, cause = 'wastage' WHERE count_id = ? AND id % 50 = 7").run(countId);
    core.db.prepare("UPDATE count_lines SET counted_qty = book_qty + 1 + id % 2, cause = 'unrecorded' WHERE count_id = ? AND id % 50 = 23").run(countId);
  })();
}

export async function benchCounts(): Promise<CountsBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-counts-'));
  const clock = { t: Date.parse('2026-11-30T01:00:00Z') };
  const core = await createCore({ dbPath: join(dir, 'office.sqlite'), pinCost: 1024, clock: () => new Date(clock.t) });
  try {
    const f = loadFixture();
    await seedOffice(core, f as unknown as OfficeFixture);
    const user = (role: string) => f.users.find((u) => u.roles.includes(role as never))!;
    const token = async (role: string) => {
      const r = await core.call('auth.login', { user: user(role).name, pin: user(role).pin });
      if (!r.ok) throw new Error(r.error.message_en);
      return r.value.sessionToken;
    };
    const keeper = await token('keeper');
    const keeperId = core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(user('keeper').name) as number;
    const supplierId = core.db.prepare('SELECT id FROM suppliers ORDER BY id LIMIT 1').pluck().get() as number;
    stockUp(core, keeperId, supplierId, new Date(clock.t).toISOString());
    clock.t += 60_000;

    let t0 = nowMs();
    const created = await must(core, 'counts.create', { kind: 'monthEnd' }, keeper);
    const createMs = nowMs() - t0;
    countAll(core, created.id);

    const times: number[] = [];
    let v: Output<'counts.variance'> | null = null;
    for (let i = 0; i < RUNS + 1; i++) {
      t0 = nowMs();
      v = await must(core, 'counts.variance', { countId: created.id }, keeper);
      if (i > 0) times.push(nowMs() - t0);
    }
    if (v!.problems.length > 0) throw new Error(`variance: ${v!.problems.length} problems`);

    t0 = nowMs();
    const posted = await must(core, 'counts.approve', { countId: created.id, signoff: { user: user('manager').name, pin: user('manager').pin } }, keeper);
    const approveMs = nowMs() - t0;
    const problems = verifyBooks(core.db).problems.length;
    const lines = `${created.lineCount.toLocaleString('en-US')} lines`;
    const diffs = `${v!.lines.length} differences (盘亏 ${v!.lossQty} / 盘盈 ${v!.gainQty})`;
    return [
      { name: 'counts.create monthEnd', medianMs: createMs, targetMs: 1000, note: `${lines}, once` },
      { name: 'counts.variance', medianMs: median(times), targetMs: 500, note: `${lines}, ${diffs}, median of ${RUNS}` },
      {
        name: 'counts.approve + post',
        medianMs: approveMs,
        targetMs: 2000,
        note: `${diffs}, one transaction, once; state ${posted.count.state}; verify problems after: ${problems}`,
      },
    ];
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('counts.ts')) {
  const rows = await benchCounts();
  console.log(
    table(
      ['name', '>median', '>target', 'result', 'notes'],
      rows.map((r) => [r.name, ms(r.medianMs), `≤ ${ms(r.targetMs)}`, r.medianMs <= r.targetMs ? 'PASS' : 'MISS', r.note ?? '']),
    ),
  );
}
