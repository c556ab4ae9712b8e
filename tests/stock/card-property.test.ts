// Property: over random stock books (receipts at repeating and awkward unit costs, multi-line
// dispatches across layers, customer returns, reversals, months and a year end between them), the
// stock card read any way — one page, forward pages or backward pages of any size, for the whole
// card or any period — is the same card: the same merged rows and 本月合计 / 本年累计; its rows
// take the opening to the closing balance step by step; each row is the sum of its layers; each
// 本月合计 is the sum of its month's rows; each 本年累计 the sum of its year's months (whole card);
// and switching returns between 红字发出 and 收入 moves figures between the columns, never a balance.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardTotals, Output } from '../../shared/contract';
import { addDays } from '../../electron/ledger/dates';
import { cardBooks, type CardBooks } from '../helpers/card-books';
import { demoOffice, ok, type DemoOffice } from '../helpers/index';

type Card = Output<'stock.card'>;
const RUNS = Number(process.env.FC_RUNS ?? 0) || 40;
const COSTS = [100, 100, 133, 1001, 7, 0, 5201];

type Op =
  | { k: 'in'; days: number; lines: number[][] }
  | { k: 'out'; days: number; qtys: number[] }
  | { k: 'ret'; days: number; pick: number; qty: number }
  | { k: 'rev'; days: number; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('in' as const),
      days: fc.nat(20),
      lines: fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom(...COSTS)), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('out' as const), days: fc.nat(20), qtys: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 2 }) }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('ret' as const), days: fc.nat(20), pick: fc.nat(), qty: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('rev' as const), days: fc.nat(20), pick: fc.nat() }) },
);

/** Run the ops from `date`; a refused one (short stock, too much returned, not reversible) books nothing. */
function play(b: CardBooks, ops: Op[], start: string): void {
  let date = start;
  const dispatches: { id: number; lineIds: number[] }[] = [];
  const slips: number[] = [];
  for (const o of ops) {
    date = addDays(date, o.days);
    try {
      if (o.k === 'in') slips.push(b.inbound(date, o.lines as [number, number][]));
      else if (o.k === 'out') {
        const d = b.dispatch(date, o.qtys);
        dispatches.push(d);
        slips.push(d.id);
      } else if (o.k === 'ret' && dispatches.length) {
        const d = dispatches[o.pick % dispatches.length];
        slips.push(b.ret(date, d.id, [[d.lineIds[0], o.qty]]));
      } else if (o.k === 'rev' && slips.length) b.reverse(date, slips[o.pick % slips.length]);
    } catch {
      /* refused by the rules: nothing booked */
    }
  }
}

const add = (t: CardTotals, r: { inQty: number | null; inAmountFen: number | null; outQty: number | null; outAmountFen: number | null }): CardTotals => ({
  inQty: t.inQty + (r.inQty ?? 0),
  inAmountFen: t.inAmountFen + (r.inAmountFen ?? 0),
  outQty: t.outQty + (r.outQty ?? 0),
  outAmountFen: t.outAmountFen + (r.outAmountFen ?? 0),
});
const ZERO: CardTotals = { inQty: 0, inAmountFen: 0, outQty: 0, outAmountFen: 0 };

describe('stock card property: any paging, any period, either returns setting, the same card', () => {
  let o: DemoOffice;
  let n = 0;
  beforeAll(async () => {
    o = await demoOffice();
  });
  afterAll(() => {
    if (process.env.FC_STATS)
      console.log(
        o.core.db
          .prepare("SELECT COUNT(*) || ' moves, ' || COUNT(DISTINCT substr(business_date, 1, 7)) || ' months, ' || SUM(qty < 0) || ' red' FROM stock_moves")
          .pluck()
          .get(),
      );
    o.close();
  });

  const call = async (input: Record<string, unknown>) => ok(await o.core.call('stock.card', input as never, { sessionToken: o.tokens.keeper }));

  async function walk(itemId: number, period: object, limit: number, direction: 'forward' | 'backward'): Promise<Pick<Card, 'rows' | 'monthEnds'>> {
    const rows: Card['rows'] = [];
    const monthEnds: Card['monthEnds'] = [];
    let cursor: number | undefined;
    for (let pages = 0; pages < 500; pages++) {
      const p = await call({ itemId, ...period, limit, direction, cursor });
      if (direction === 'forward') (rows.push(...p.rows), monthEnds.push(...p.monthEnds));
      else (rows.unshift(...p.rows), monthEnds.unshift(...p.monthEnds));
      const next = direction === 'forward' ? p.nextCursor : p.prevCursor;
      if (next === null) return { rows, monthEnds };
      cursor = next;
    }
    throw new Error('the cursor never ended');
  }

  function checkCard(c: Card, wholeYear: boolean): void {
    let bal = { ...c.opening };
    let month = ZERO;
    const months = new Map<string, CardTotals>();
    for (const r of c.rows) {
      bal = { qty: bal.qty + (r.inQty ?? 0) - (r.outQty ?? 0), amountFen: bal.amountFen + (r.inAmountFen ?? 0) - (r.outAmountFen ?? 0) };
      expect([r.balanceQty, r.balanceAmountFen]).toEqual([bal.qty, bal.amountFen]);
      const q = r.layers.reduce((s, l) => s + l.qty, 0);
      const a = r.layers.reduce((s, l) => s + l.amountFen, 0);
      expect(Math.abs(r.inQty ?? r.outQty!)).toBe(Math.abs(q));
      expect(Math.abs(r.inAmountFen ?? r.outAmountFen!)).toBe(Math.abs(a));
      expect(r.balanceUnitCostFen).toBe(r.balanceQty > 0 ? Math.floor((2 * r.balanceAmountFen + r.balanceQty) / (2 * r.balanceQty)) : null);
      month = add(month, r);
      const end = c.monthEnds.find((m) => m.afterMoveId === r.lastMoveId);
      if (end) {
        expect(end.month).toBe(r.date.slice(0, 7));
        expect(end.monthTotals).toEqual(month);
        expect([end.balanceQty, end.balanceAmountFen]).toEqual([r.balanceQty, r.balanceAmountFen]);
        months.set(end.month, month);
        month = ZERO;
        if (wholeYear) {
          const year = [...months].filter(([m]) => m.slice(0, 4) === end.month.slice(0, 4)).reduce((t, [, v]) => add(t, v), ZERO);
          expect(end.yearTotals).toEqual(year);
        }
      }
    }
    expect(month).toEqual(ZERO); // the last row closes a month
    expect(bal).toEqual(c.closing);
    expect(c.monthEnds.length).toBe(months.size);
  }

  it('holds over random books', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 20 }), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.nat(), async (ops, limit, a, b) => {
        const item = ok(await o.core.call('items.create', { code: `PROP-${++n}`, name: '随机', unit: '件' }, { sessionToken: o.tokens.keeper })).id;
        // each run starts where the last ended: business dates never go back in posting order
        const last = o.core.db.prepare('SELECT MAX(business_date) FROM stock_moves').pluck().get() as string | null;
        play(cardBooks(o.core, item), ops, last ?? '2026-10-01');
        const all = o.core.db.prepare('SELECT DISTINCT business_date FROM stock_moves WHERE item_id = ? ORDER BY 1').pluck().all(item) as string[];
        const pick = (i: number) => all[i % Math.max(1, all.length)];
        const periods: object[] = [{}];
        if (all.length) {
          const [x, y] = [pick(a), pick(b)].sort();
          periods.push({ from: x, to: y }, { from: x }, { to: y });
        }
        for (const period of periods) {
          const whole = await call({ itemId: item, ...period, limit: 1000 });
          checkCard(whole, !('from' in period));
          for (const dir of ['forward', 'backward'] as const)
            expect(await walk(item, period, limit, dir)).toEqual({ rows: whole.rows, monthEnds: whole.monthEnds });
        }
        // 收入 instead of 红字发出: the same balances, the returns' figures in the other column
        ok(await o.core.call('office.setReturnsOnCard', { returnsOnCard: 'receipt' }, { sessionToken: o.tokens.manager }));
        try {
          const red = await call({ itemId: item, limit: 1000 });
          expect(red.returnsOnCard).toBe('receipt');
          checkCard(red, true);
        } finally {
          ok(await o.core.call('office.setReturnsOnCard', { returnsOnCard: 'redIssue' }, { sessionToken: o.tokens.manager }));
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
