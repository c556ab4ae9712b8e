// Property: closes of day, 反日结 and the manager's decisions on 长款/短款, in random order, against a
// small model. Random sequences of top-ups, remittances, closes (even, over or short; some staying
// on the closed day so later postings go to the next one), reopens of the latest closed day, the
// manager's decisions on open suspense items and days passing. After every operation:
//   (1) cash = the model; the suspense account's balance (待处理财产损溢) = Σ the open differences
//       of the closes in force, and the open list has exactly those;
//   (2) every call succeeds or is refused exactly when (and with a code) the model says — cash never
//       below zero in posting order nor in date order (a reopened day takes postings while later
//       days already hold some) — and a refused call changes nothing;
//   (3') the preview's expected cash of each day closed is the model's, in date order;
//   (3) the latest closed day is the model's; a day closed and not reopened keeps its rows (hash);
//   (4) verifyBooks is clean.
// FC_RUNS / FC_SEED in the environment re-run with more cases or replay a failure.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS_FOR } from '../../shared/contract';
import { dayRowsHash } from '../../electron/domains/dayClose/service';
import { verifyBooks } from '../../electron/domains/system/verify';
import { call, dayAt, financeOffice, managerPin, must, type DemoOffice } from '../helpers/finance';

const RUNS = Number(process.env.FC_RUNS ?? 0) || 20;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
/** FC_STATS=1: how often each write succeeded or was refused, and why */
const tally = new Map<string, number>();

type Op =
  | { t: 'topUp'; amount: number }
  | { t: 'remit'; amount: number }
  | { t: 'close'; delta: number; stay: boolean }
  | { t: 'reopen' }
  | { t: 'settle'; pick: number; alt: number }
  | { t: 'day' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('topUp' as const), amount: fc.integer({ min: 1, max: 100_000 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('remit' as const), amount: fc.integer({ min: 1, max: 30_000 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('close' as const),
      delta: fc.oneof(
        fc.constant(0),
        fc.integer({ min: -500, max: 500 }).map((x) => x * 10),
      ),
      stay: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ t: 'reopen' as const }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('settle' as const), pick: fc.nat(9), alt: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.constant({ t: 'day' as const }) },
);

interface MClose {
  day: string;
  delta: number;
  decided: boolean;
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

class Run {
  /** the cash journal as (business date, signed amount), in posting order */
  rows: { date: string; fen: number }[] = [];
  today = '2026-11-29';
  /** the closes in force, oldest first */
  closes: MClose[] = [];
  hashes = new Map<string, string>();
  trace: string[] = [];
  constructor(readonly o: DemoOffice) {}

  get lastClosed(): string | null {
    return this.closes.at(-1)?.day ?? null;
  }

  get cash(): number {
    return this.rows.reduce((s, r) => s + r.fen, 0);
  }

  /** where postings go: today, or the day after the last closed one (daylock.postingDate) */
  get businessDate(): string {
    const last = this.lastClosed;
    return last != null && last >= this.today ? nextDay(last) : this.today;
  }

  private endOf(date: string): number {
    return this.rows.filter((r) => r.date <= date).reduce((s, r) => s + r.fen, 0);
  }

  /** `fen` booked on `date` keeps cash ≥ 0 in posting order and in date order; else the refusal. */
  private cover(date: string, fen: number): string[] | null {
    if (fen >= 0) return null;
    const all = [...this.rows, { date, fen }].map((r, i) => ({ ...r, i })).sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i);
    let run = 0;
    let low = 0;
    for (const r of all) low = Math.min(low, (run += r.fen));
    return this.cash + fen < 0 || low < 0 ? ['cash_insufficient'] : null;
  }

  private book(date: string, fen: number): void {
    if (fen !== 0) this.rows.push({ date, fen });
  }

  private checksum(): string {
    const db = this.o.core.db;
    return ['money_journal', 'suspense_entries', 'day_closes', 'day_reopens']
      .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).raw().all()))
      .join('\n');
  }

  /** A write the model decides: null = must succeed; codes = must be refused with one of them. */
  private async write(method: string, input: unknown, codes: string[] | null): Promise<boolean> {
    const before = this.checksum();
    const r = await call(
      this.o,
      method.startsWith('dayClose.reopen') || method.endsWith('settleDifference') ? 'manager' : 'finance',
      method as never,
      input as never,
    );
    const outcome = `${method} ${r.ok ? 'ok' : `refused ${r.error.code}`}`;
    this.trace.push(`  ${outcome}`);
    tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
    if (r.ok) {
      if (codes) throw new Error(`${method} succeeded; the model expected ${codes.join(' or ')}`);
      return true;
    }
    if (!(codes ?? []).includes(r.error.code)) throw new Error(`${method} refused with ${r.error.code}: ${r.error.message_en}`);
    expect(this.checksum(), `${method}: a refused call changed the books`).toBe(before);
    return false;
  }

  private closeInput(date: string, countedFen: number) {
    const o = this.o;
    return {
      date,
      counts: { '10': countedFen / 10 },
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
      managerApproval: managerPin(o),
      differenceReason: '点钞',
    };
  }

  private closed(day: string, delta: number): void {
    this.book(day, delta);
    this.closes.push({ day, delta, decided: false });
    this.hashes.set(day, dayRowsHash(this.o.core.db, day));
  }

  async run(op: Op): Promise<void> {
    this.trace.push(JSON.stringify(op));
    const o = this.o;
    switch (op.t) {
      case 'topUp':
        await this.write('cash.topUp', { amountFen: op.amount }, null);
        this.book(this.businessDate, op.amount);
        return;
      case 'remit':
        if (await this.write('cash.remit', { amountFen: op.amount }, this.cover(this.businessDate, -op.amount))) this.book(this.businessDate, -op.amount);
        return;
      case 'close': {
        if (this.lastClosed != null && this.today <= this.lastClosed) {
          await this.write('dayClose.close', this.closeInput(this.today, 0), ['day_already_closed']);
          return;
        }
        for (const day of (await must(o, 'finance', 'dayClose.status', {})).openDays) {
          const expected = this.endOf(day);
          expect((await must(o, 'finance', 'dayClose.preview', { date: day })).cash.expectedFen, `expected cash of ${day}`).toBe(expected);
          const counted = Math.ceil(expected / 10) * 10; // a few fen over, never short
          await this.write('dayClose.close', this.closeInput(day, counted), null);
          this.closed(day, counted - expected);
        }
        const expected = this.endOf(this.today);
        expect((await must(o, 'finance', 'dayClose.preview', {})).cash.expectedFen, 'expected cash today').toBe(expected);
        const counted = Math.floor(Math.max(0, expected + op.delta) / 10) * 10;
        if (!(await this.write('dayClose.close', this.closeInput(this.today, counted), this.cover(this.today, counted - expected)))) return;
        this.closed(this.today, counted - expected);
        if (!op.stay) await this.nextDay();
        return;
      }
      case 'reopen': {
        const last = this.closes.at(-1);
        const input = { date: last?.day ?? this.today, reason: '复核', manager: managerPin(o) };
        if (!last) return void (await this.write('dayClose.reopen', input, ['day_not_closed']));
        if (last.decided) return void (await this.write('dayClose.reopen', input, ['day_reopen_difference_decided']));
        if (!(await this.write('dayClose.reopen', input, this.cover(last.day, -last.delta)))) return;
        this.book(last.day, -last.delta);
        this.closes.pop();
        this.hashes.delete(last.day);
        return;
      }
      case 'settle': {
        const open = (await must(o, 'manager', 'dayClose.differences', {})).rows;
        const item = open.length ? open[op.pick % open.length] : undefined;
        if (!item) return;
        const decision = DECISIONS_FOR[item.result][op.alt];
        const fen = decision === 'returned' ? -item.amountFen : decision === 'cashier_repays' ? item.amountFen : 0;
        const input = { differenceId: item.id, decision, memo: '经理决定', manager: managerPin(o) };
        if (!(await this.write('dayClose.settleDifference', input, this.cover(this.businessDate, fen)))) return;
        this.book(this.businessDate, fen);
        this.closes.find((c) => c.day === item.date)!.decided = true;
        return;
      }
      case 'day':
        return this.nextDay();
    }
  }

  private async nextDay(): Promise<void> {
    this.today = nextDay(this.today);
    await dayAt(this.o, this.today);
  }

  async check(): Promise<void> {
    const o = this.o;
    const cash = (await must(o, 'finance', 'cash.accounts', {})).find((a) => a.account === 'cash')!;
    expect(cash.balanceFen, 'cash').toBe(this.cash);
    const waiting = this.closes.filter((c) => c.delta !== 0 && !c.decided);
    const d = await must(o, 'manager', 'dayClose.differences', {});
    expect(d.balanceFen, 'suspense balance = Σ open differences').toBe(waiting.reduce((s, c) => s + c.delta, 0));
    expect(d.rows.map((r) => [r.date, r.result === 'over' ? r.amountFen : -r.amountFen]).sort()).toEqual(waiting.map((c) => [c.day, c.delta]).sort());
    expect((await must(o, 'finance', 'dayClose.status', {})).lastClosed).toBe(this.lastClosed);
    for (const [day, hash] of this.hashes) expect(dayRowsHash(o.core.db, day), `closed day ${day} changed`).toBe(hash);
    expect(verifyBooks(o.core.db).problems).toEqual([]);
  }
}

describe('closes, 反日结 and suspense decisions (property)', () => {
  it('keep cash and the suspense account equal to the model, refuse exactly when the model says, and leave closed days unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const o = await financeOffice();
        const run = new Run(o);
        try {
          for (const op of ops) {
            await run.run(op);
            await run.check();
          }
        } catch (e) {
          throw new Error(`${(e as Error).message}\n--- trace ---\n${run.trace.join('\n')}`);
        } finally {
          o.close();
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (process.env.FC_STATS)
      console.log(
        [...tally]
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join('\n'),
      );
  }, 300_000);
});
