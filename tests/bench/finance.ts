// Bench of the finance books on a real SQLite file (WAL, synchronous=FULL for the timed part):
//   - close of day (日结) with 2,000 dispatch slips in the day (≈6,000 stock moves, cash / WeChat /
//     credit, some short-picked, returns, collections, expenses): dayClose.preview through the core
//     (target ≤ 200 ms), and the close itself — checks, over/short booking, hashing the day's rows,
//     the lock — in a transaction rolled back after each run so it can be repeated (target ≤ 200 ms)
//   - customer aging over 5,000 customers and 200,000 open credit sales (target ≤ 500 ms)
// The data are built by calling the books directly in big transactions (like generate.ts).
//
//   npx tsx tests/bench/finance.ts          (prints the table; benchFinance() for run.ts)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../electron/core';
import { seedOffice } from '../../electron/demo/seed';
import { createSlip, postSlip, signSlip, type SlipWriter } from '../../electron/domains/slips/service';
import { appendEntry, appendJournal, applyCredit, type BookCtx } from '../../electron/ledger/journal';
import { collect } from '../../electron/domains/receivables/service';
import { closeDay } from '../../electron/domains/dayClose/service';
import type { PaymentMode } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { loadFixture } from './office';
import { median, ms, nowMs, percentile, rng, table } from './stats';

export interface FinanceBenchRow {
  name: string;
  medianMs: number;
  targetMs: number;
  p95Ms?: number;
  note?: string;
}

const RUNS = 15;
const WARMUP = 2;

function tempCore(): Promise<{ core: Core; dir: string; clock: { t: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-fin-'));
  const clock = { t: Date.parse('2026-11-30T01:00:00Z') };
  return createCore({ dbPath: join(dir, 'office.sqlite'), pinCost: 1024, clock: () => new Date(clock.t) }).then((core) => ({ core, dir, clock }));
}

async function login(core: Core, name: string, pin: string): Promise<string> {
  const r = await core.call('auth.login', { user: name, pin });
  if (!r.ok) throw new Error(r.error.message_en);
  return r.value.sessionToken;
}

interface People {
  [role: string]: { id: number; name: string; roles: Role[]; pin: string };
}

function people(core: Core): People {
  const f = loadFixture();
  const out: People = {};
  for (const u of f.users) {
    const id = core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(u.name) as number;
    for (const r of u.roles) out[r] = { id, name: u.name, roles: u.roles, pin: u.pin };
  }
  return out;
}

async function timeRuns(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const t0 = nowMs();
    await fn();
    if (i >= WARMUP) times.push(nowMs() - t0);
  }
  return times;
}

/** One business day with `slips` dispatches (and returns, collections, expenses). */
async function closeOfDay(slips: number, rows: FinanceBenchRow[]): Promise<void> {
  const { core, dir, clock } = await tempCore();
  try {
    await seedOffice(core, loadFixture());
    const db = core.db;
    const p = people(core);
    const r = rng(20261130);
    const items = db.prepare('SELECT id, price_fen FROM items ORDER BY id').all() as { id: number; price_fen: number }[];
    const customers = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const supplierId = db.prepare('SELECT id FROM suppliers LIMIT 1').pluck().get() as number;
    const date = '2026-11-30';
    let tick = clock.t;
    const w = (role: string): SlipWriter => ({
      db,
      nowIso: new Date((tick += 1000)).toISOString(),
      businessDate: date,
      actor: { id: p[role].id, roles: p[role].roles },
    });
    const b = (role: string): BookCtx => ({ db, nowIso: new Date((tick += 1000)).toISOString(), businessDate: date, userId: p[role].id });
    db.pragma('synchronous = OFF');
    const t0 = nowMs();
    db.transaction(() => {
      // yesterday's stock (so the day has an opening value): several layers per item
      clock.t = Date.parse('2026-11-29T01:00:00Z');
      for (let k = 0; k < 3; k++) {
        const inb = createSlip(
          { ...w('keeper'), businessDate: '2026-11-29' },
          'inbound',
          { supplierId, deliveryNoteNo: `HQ-${k}` },
          items.map((i) => ({ itemId: i.id, qty: 5000, unitCostFen: Math.round(i.price_fen * 0.66) + k })),
        );
        postSlip({ ...w('keeper'), businessDate: '2026-11-29' }, inb.id);
      }
      const sent: { id: number; mode: PaymentMode; lines: { id: number; item_id: number }[] }[] = [];
      for (let n = 0; n < slips; n++) {
        const mode = (['cash', 'cash', 'wechat', 'alipay', 'bank', 'credit', 'credit'] as PaymentMode[])[Math.floor(r() * 7)];
        const lineCount = 1 + Math.floor(r() * 5);
        const lines = Array.from({ length: lineCount }, () => ({ itemId: items[Math.floor(r() * items.length)].id, qty: 1 + Math.floor(r() * 6) }));
        const d = createSlip(w('sales'), 'dispatch', { customerId: customers[Math.floor(r() * customers.length)], paymentMode: mode }, lines);
        signSlip(w('sales'), d.id, 'manager', p.manager);
        signSlip(w('sales'), d.id, 'finance', p.finance, { id: p.manager.id, name: p.manager.name }); // books the payment or receivable
        const dl = db.prepare('SELECT id, item_id, qty FROM slip_lines WHERE slip_id = ?').all(d.id) as { id: number; item_id: number; qty: number }[];
        const short = r() < 0.05;
        postSlip(
          w('keeper'),
          d.id,
          short ? { picked: dl.map((l, i) => ({ lineId: l.id, qty: i === 0 ? l.qty : Math.floor(l.qty / 2) })), confirmShort: true } : { confirmShort: false },
        );
        sent.push({ id: d.id, mode, lines: dl });
      }
      for (let n = 0; n < slips / 40; n++) {
        const s = sent[Math.floor(r() * sent.length)];
        const l = s.lines[0];
        const shipped = db.prepare('SELECT shipped_qty FROM slip_lines WHERE id = ?').pluck().get(l.id) as number;
        if (shipped < 1) continue;
        const ret = createSlip(w('sales'), 'return', { sourceSlipId: s.id, paymentMode: s.mode === 'credit' ? 'credit' : 'cash' }, [
          { itemId: l.item_id, qty: 1, sourceLineId: l.id },
        ]);
        signSlip(w('sales'), ret.id, 'manager', p.manager);
        postSlip(w('keeper'), ret.id);
        s.lines = s.lines.slice(1).length ? s.lines.slice(1) : s.lines;
      }
      for (let n = 0; n < slips / 20; n++)
        collect(b('finance'), {
          customerId: customers[Math.floor(r() * customers.length)],
          account: r() < 0.5 ? 'cash' : 'bank',
          amountFen: 10_000 + Math.floor(r() * 500_000),
          memo: '',
        });
      for (let n = 0; n < 20; n++)
        appendJournal(b('finance'), {
          account: 'cash',
          direction: 'out',
          amountFen: 1000 + Math.floor(r() * 10_000),
          cause: 'remittance',
          contraKind: 'remittance',
          summary: '交回公司货款',
        });
    })();
    db.pragma('synchronous = FULL');
    const built = nowMs() - t0;
    const moves = db.prepare('SELECT COUNT(*) FROM stock_moves WHERE business_date = ?').pluck().get(date) as number;
    const journal = db.prepare('SELECT COUNT(*) FROM money_journal WHERE business_date = ?').pluck().get(date) as number;

    clock.t = Date.parse('2026-11-30T11:00:00Z'); // 19:00, after work
    const token = await login(core, p.finance.name, p.finance.pin);
    const preview = await timeRuns(async () => {
      const v = await core.call('dayClose.preview', { date }, { sessionToken: token });
      if (!v.ok) throw new Error(v.error.message_en);
      if (!v.value.allPass) throw new Error(`checks fail: ${JSON.stringify(v.value.checks.filter((c) => !c.pass).map((c) => c.code))}`);
    });
    rows.push({
      name: `dayClose.preview, ${slips.toLocaleString('en-US')} dispatches in the day`,
      medianMs: median(preview),
      p95Ms: percentile(preview, 95),
      targetMs: 200,
      note: `${moves.toLocaleString('en-US')} stock moves, ${journal.toLocaleString('en-US')} journal rows; built in ${(built / 1000).toFixed(1)} s`,
    });
    const expected = (await core.call('dayClose.preview', { date }, { sessionToken: token })) as { ok: true; value: { cash: { expectedFen: number } } };
    const counted = expected.value.cash.expectedFen - 500; // 短款 5.00: the over/short is booked too
    const signer = (role: string) => ({ id: p[role].id, name: p[role].name });
    const Rollback = new Error('rollback');
    const close = await timeRuns(() => {
      try {
        db.transaction(() => {
          const rec = closeDay(
            b('finance'),
            { date, counts: { '10': counted / 10 }, channels: { wechat: 0, alipay: 0, bank: 0 }, differenceReason: '点钞差错' },
            { closedBy: signer('finance'), finance: signer('finance'), statistician: signer('statistician'), manager: signer('manager') },
            date,
            core.dbPath,
          );
          if (rec.countedCashFen !== counted) throw new Error('close did not count');
          throw Rollback;
        }).immediate();
      } catch (e) {
        if (e !== Rollback) throw e;
      }
    });
    rows.push({
      name: `dayClose.close, ${slips.toLocaleString('en-US')} dispatches in the day`,
      medianMs: median(close),
      p95Ms: percentile(close, 95),
      targetMs: 200,
      note: 'checks + 短款 booked + day hash + audit anchor (file line synced) + lock, one transaction (rolled back to repeat); PIN checks not counted',
    });
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Aging over `customerCount` customers and `openSlips` open credit sales spread over 400 days. */
async function agingBench(customerCount: number, openSlips: number, rows: FinanceBenchRow[]): Promise<void> {
  const { core, dir, clock } = await tempCore();
  try {
    await seedOffice(core, loadFixture());
    const db = core.db;
    const p = people(core);
    const r = rng(5000);
    db.pragma('synchronous = OFF');
    const t0 = nowMs();
    db.transaction(() => {
      const ins = db.prepare(
        `INSERT INTO customers (code, name, kind, credit_limit_fen, pinyin, created_at, updated_at) VALUES (?, ?, '经销商', ?, '', '', '')`,
      );
      for (let i = 0; i < customerCount; i++) ins.run(`B${String(i).padStart(5, '0')}`, `客户 ${i}`, 100_000_000);
    })();
    const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const start = Date.parse('2025-10-26T00:00:00Z');
    // in date order, a day at a time, as the desk would have written them
    const perDay = Math.ceil(openSlips / 400);
    let made = 0;
    db.transaction(() => {
      for (let day = 0; day < 400 && made < openSlips; day++) {
        const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
        const b: BookCtx = { db, nowIso: `${date}T02:00:00.000Z`, businessDate: date, userId: p.finance.id };
        for (let k = 0; k < perDay && made < openSlips; k++, made++)
          appendEntry(b, { customerId: ids[Math.floor(r() * ids.length)], kind: 'sale', amountFen: 1000 + Math.floor(r() * 2_000_000), summary: '赊销' });
        // some credits (credit notes), partly settling the oldest slips of a customer
        for (let k = 0; k < perDay / 10; k++) {
          const cust = ids[Math.floor(r() * ids.length)];
          const c = appendEntry(b, { customerId: cust, kind: 'credit_note', amountFen: -(1000 + Math.floor(r() * 500_000)), summary: '冲减应收' });
          applyCredit(b, c.id);
        }
      }
    })();
    db.pragma('synchronous = FULL');
    const built = nowMs() - t0;
    const open = db.prepare("SELECT COUNT(*) FROM receivable_items WHERE side = 'debit' AND reversed = 0 AND settled_fen < amount_fen").pluck().get() as number;
    clock.t = Date.parse('2026-11-30T01:00:00Z');
    const token = await login(core, p.finance.name, p.finance.pin);
    let customersShown = 0;
    const times = await timeRuns(async () => {
      const v = await core.call('receivables.aging', {}, { sessionToken: token });
      if (!v.ok) throw new Error(v.error.message_en);
      customersShown = v.value.rows.length;
    }, 10);
    rows.push({
      name: `receivables.aging, ${customerCount.toLocaleString('en-US')} customers, ${openSlips.toLocaleString('en-US')} credit sales`,
      medianMs: median(times),
      p95Ms: percentile(times, 95),
      targetMs: 500,
      note: `${open.toLocaleString('en-US')} still open, ${customersShown.toLocaleString('en-US')} customers listed; built in ${(built / 1000).toFixed(1)} s`,
    });
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFinance(opts: { slips?: number; customers?: number; openSlips?: number } = {}): Promise<FinanceBenchRow[]> {
  const rows: FinanceBenchRow[] = [];
  await closeOfDay(opts.slips ?? 2000, rows);
  await agingBench(opts.customers ?? 5000, opts.openSlips ?? 200_000, rows);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchFinance();
  console.log(
    table(
      ['finance', '>median', '>p95', '>target', 'note'],
      rows.map((r) => [r.name, ms(r.medianMs), ms(r.p95Ms), `≤ ${r.targetMs} ms${r.medianMs <= r.targetMs ? ' ✓' : ' ✗'}`, r.note ?? '']),
    ),
  );
}
