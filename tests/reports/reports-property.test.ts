// Property: over random stock books (receipts at awkward unit costs, dispatches across layers,
// customer returns and reversals of any of them, over a year and a half of months), each report
// agrees with an independent reading of the books:
// - 进销存汇总表 for any period: per item, the opening and closing of its stock card for that period,
//   and each kind's in and out the sum of the card's rows of that kind (a reversal under the kind it
//   reverses), to the fen; the totals the sum of the rows;
// - 月度销售统计表 by item for any month: the card's dispatch rows less its return rows (quantity
//   and FIFO cost), at the books' one selling price; the previous month and last year's the same
//   reports of those months; the sales ledger of the month sums to the same totals.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { addDays } from '../../electron/ledger/dates';
import { addMonths } from '../../electron/domains/reports/rules';
import { monthPeriod } from '../../electron/domains/monthReports/period';
import { cardBooks, type CardBooks } from '../helpers/card-books';
import { demoOffice, ok, type DemoOffice } from '../helpers/index';

const RUNS = Number(process.env.FC_RUNS ?? 0) || 15;
const PRICE_FEN = 9900; // cardBooks sells every unit at this price; a return refunds it
const COSTS = [100, 133, 1001, 7, 0, 5201];

type Op = { k: 'in'; days: number; lines: [number, number][] } | { k: 'out'; days: number; qtys: number[] } | { k: 'ret' | 'rev'; days: number; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('in' as const),
      days: fc.nat(40),
      lines: fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom(...COSTS)), { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('out' as const), days: fc.nat(40), qtys: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 2 }) }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('ret' as const, 'rev' as const), days: fc.nat(40), pick: fc.nat() }) },
);

/** Run the ops from `start`; a refused one (short stock, nothing left to return) books nothing. */
function play(b: CardBooks, ops: Op[], start: string): void {
  let date = start;
  const dispatches: { id: number; lineIds: number[] }[] = [];
  const slips: number[] = [];
  for (const o of ops) {
    date = addDays(date, o.days);
    try {
      if (o.k === 'in') slips.push(b.inbound(date, o.lines));
      else if (o.k === 'out') {
        const d = b.dispatch(date, o.qtys);
        (dispatches.push(d), slips.push(d.id));
      } else if (o.k === 'ret' && dispatches.length) {
        const d = dispatches[o.pick % dispatches.length];
        slips.push(b.ret(date, d.id, [[d.lineIds[0], 1 + (o.pick % 3)]]));
      } else if (o.k === 'rev' && slips.length) b.reverse(date, slips[o.pick % slips.length]);
    } catch {
      /* refused by the rules: nothing booked */
    }
  }
}

type QA = { qty: number; amountFen: number };
const ZERO: QA = { qty: 0, amountFen: 0 };
const plus = (a: QA, b: QA): QA => ({ qty: a.qty + b.qty, amountFen: a.amountFen + b.amountFen });

describe('reports property: the statistician’s reports agree with the stock cards', () => {
  let o: DemoOffice;
  let n = 0;
  beforeAll(async () => {
    o = await demoOffice();
    // returns written as 收入: each card row then sits on the side its moves went
    ok(await o.core.call('office.setReturnsOnCard', { returnsOnCard: 'receipt' }, { sessionToken: o.tokens.manager }));
  });
  let checked = 0;
  afterAll(() => {
    o.close();
    // the property saw books: rows compared with cards, not only empty reports
    expect(checked).toBeGreaterThan(0);
  });

  const as = (role: 'statistician' | 'keeper') => ({ sessionToken: o.tokens[role] });
  const kindOfNo = () =>
    new Map(
      o.core.db
        .prepare('SELECT no, kind FROM slips')
        .all()
        .map((r) => [(r as { no: string }).no, (r as { kind: string }).kind]),
    );

  /** The card of an item over a period, its rows summed per "direction:kind" (a reversal under its original's kind). */
  async function cardByKind(itemId: number, from: string, to: string) {
    const card = ok(await o.core.call('stock.card', { itemId, from, to, limit: 1000 }, as('keeper')));
    expect(card.nextCursor).toBeNull();
    const kinds = kindOfNo();
    const byKind = new Map<string, QA>();
    for (const r of card.rows) {
      const kind = r.slipKind === 'reversal' ? kinds.get(r.refNo!)! : r.slipKind;
      const side = r.inQty !== null ? 'in' : 'out';
      const qa = side === 'in' ? { qty: r.inQty!, amountFen: r.inAmountFen! } : { qty: r.outQty!, amountFen: r.outAmountFen! };
      byKind.set(`${side}:${kind}`, plus(byKind.get(`${side}:${kind}`) ?? ZERO, qa));
    }
    return { card, byKind };
  }

  async function checkSummary(from: string, to: string): Promise<void> {
    const s = ok(await o.core.call('reports.stockSummary', { from, to }, as('statistician')));
    const items = o.core.db.prepare("SELECT id FROM items WHERE code LIKE 'RPT-%'").pluck().all() as number[];
    for (const itemId of items) {
      const { card, byKind } = await cardByKind(itemId, from, to);
      const row = s.rows.find((r) => r.itemId === itemId);
      if (!row) {
        expect([card.opening, card.closing, card.rows.length]).toEqual([ZERO, ZERO, 0]);
        continue;
      }
      expect(row.opening).toEqual(card.opening);
      expect(row.closing).toEqual(card.closing);
      const mine = new Map(s.kinds.map((k, i): [string, QA] => [`${k.direction}:${k.kind}`, row.byKind[i]]).filter(([, v]) => v.qty || v.amountFen));
      const theirs = new Map([...byKind].filter(([, v]) => v.qty || v.amountFen));
      expect(mine).toEqual(theirs);
      checked += theirs.size;
    }
    const sum = (f: (r: (typeof s.rows)[number]) => QA) => s.rows.map(f).reduce(plus, ZERO);
    expect(s.totals.opening).toEqual(sum((r) => r.opening));
    expect(s.totals.closing).toEqual(sum((r) => r.closing));
    s.kinds.forEach((_, i) => expect(s.totals.byKind[i]).toEqual(sum((r) => r.byKind[i])));
  }

  /** A month's sales of each RPT item from the cards: dispatches less returns, at the one price. */
  async function salesFromCards(month: string) {
    const [from, to] = [`${month}-01`, addDays(`${addMonths(month, 1)}-01`, -1)];
    const items = o.core.db.prepare("SELECT id FROM items WHERE code LIKE 'RPT-%'").all() as { id: number }[];
    const out = new Map<number, { qty: number; costFen: number }>();
    for (const { id } of items) {
      const { byKind } = await cardByKind(id, from, to);
      const sold = byKind.get('out:dispatch') ?? ZERO;
      const back = byKind.get('in:return') ?? ZERO;
      if (sold.qty || back.qty || sold.amountFen || back.amountFen) out.set(id, { qty: sold.qty - back.qty, costFen: sold.amountFen - back.amountFen });
    }
    return out;
  }

  async function checkSales(month: string): Promise<void> {
    const m = ok(await o.core.call('reports.salesMonthly', { month, by: 'item' }, as('statistician')));
    const expected = await salesFromCards(month);
    const got = new Map(m.rows.filter((r) => expected.has(r.key!) || r.current.qty).map((r) => [r.key!, { qty: r.current.qty, costFen: r.current.costFen! }]));
    expect(got).toEqual(expected);
    for (const r of m.rows) {
      expect(r.current.amountFen).toBe(r.current.qty * PRICE_FEN);
      expect(r.current.marginFen).toBe(r.current.amountFen - r.current.costFen!);
    }
    const prev = ok(await o.core.call('reports.salesMonthly', { month: m.previousMonth, by: 'item' }, as('statistician')));
    expect(m.totals.previousMonth ?? ZERO_FIGURES).toEqual(prev.totals.current);
    const ledger = ok(await o.core.call('reports.salesLedger', { from: `${month}-01`, to: monthPeriod(month).to, limit: 1000 }, as('statistician')));
    expect(ledger.total).toBe(ledger.rows.length);
    expect(ledger.totals).toEqual({ qty: m.totals.current.qty, amountFen: m.totals.current.amountFen, costFen: m.totals.current.costFen });
    expect(ledger.rows.reduce((t, r) => t + r.amountFen, 0)).toBe(ledger.totals.amountFen);
  }
  const ZERO_FIGURES: Output<'reports.salesMonthly'>['totals']['current'] = { qty: 0, amountFen: 0, costFen: 0, marginFen: 0 };

  it('holds over random books, periods and months', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 16 }), fc.nat(), fc.nat(), async (ops, a, b) => {
        const item = ok(await o.core.call('items.create', { code: `RPT-${++n}`, name: '报表', unit: '件' }, as('statistician'))).id;
        const last = o.core.db.prepare('SELECT MAX(business_date) FROM stock_moves').pluck().get() as string | null;
        play(cardBooks(o.core, item), ops, last ?? '2025-06-01');
        const all = o.core.db.prepare('SELECT DISTINCT business_date FROM stock_moves ORDER BY 1').pluck().all() as string[];
        if (all.length === 0) return; // every op refused (nothing in stock yet): no books to report on
        const [x, end] = [all[a % all.length], all[b % all.length]].sort();
        const y = end > addDays(x, 1000) ? addDays(x, 1000) : end; // a report reads at most ~3 years (reports/rules.ts)
        await checkSummary(x, y);
        await checkSummary(addDays(x, 1), y < addDays(x, 1) ? addDays(x, 1) : y);
        await checkSales(y.slice(0, 7));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
