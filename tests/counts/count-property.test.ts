// Property: random sequences of receipts and dispatches with counts mixed in — lines counted at
// random moments, moves posted after a line was counted, approvals (refused when a loss is larger
// than what is left) — keep every invariant of the books (system.verify), and a plain FIFO model
// agrees with the desk on every item's quantity and value, to the fen. A count's difference is
// what was counted (or recounted, 复核 by the manager) minus the book when the line was first
// counted; moves after that cancel out. Some offices require the recount of every variance line
// before approval; a gain enters at the item's latest unit cost or at the manager's cost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyBooks } from '../../electron/domains/system/verify';
import { layerTake, share } from '../helpers/fifo-model';
import { financeOffice, managerPin, must, postedDispatch, receive, refused, type DemoOffice } from '../helpers/finance';

const ITEMS = ['CZ-8801', 'CZ-8802', 'WY-4001'] as const;
type Code = (typeof ITEMS)[number];
type Layer = { inQty: number; inAmt: number; remQty: number; remAmt: number };

/** The model: per item, FIFO layers in order; the last layer made gives the latest unit cost. */
class Model {
  layers: Record<Code, Layer[]> = { 'CZ-8801': [], 'CZ-8802': [], 'WY-4001': [] };
  receive(c: Code, qty: number, amt: number) {
    this.layers[c].push({ inQty: qty, inAmt: amt, remQty: qty, remAmt: amt });
  }
  qty = (c: Code) => this.layers[c].reduce((n, l) => n + l.remQty, 0);
  value = (c: Code) => this.layers[c].reduce((n, l) => n + l.remAmt, 0);
  issue(c: Code, qty: number) {
    let left = qty;
    for (const l of this.layers[c]) {
      const take = Math.min(left, l.remQty);
      if (take === 0) continue;
      const amt = layerTake(l, take);
      l.remQty -= take;
      l.remAmt -= amt;
      left -= take;
      if (left === 0) break;
    }
  }
  latestUnit(c: Code): number {
    const l = this.layers[c].at(-1)!;
    return share(l.inQty, l.inAmt, 1); // round-half-up(amount / qty)
  }
}

type Op =
  | { op: 'receive'; item: number; qty: number; unit: number }
  | { op: 'dispatch'; item: number; qty: number }
  | { op: 'count'; item: number; delta: number }
  | { op: 'recount'; item: number; delta: number }
  | { op: 'approve'; costFen: number | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), item: fc.nat(2), qty: fc.integer({ min: 1, max: 30 }), unit: fc.integer({ min: 100, max: 9000 }) }),
  fc.record({ op: fc.constant('dispatch' as const), item: fc.nat(2), qty: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('count' as const), item: fc.nat(2), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('recount' as const), item: fc.nat(2), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant('approve' as const), costFen: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null }) }),
);

/** what the runs did, so a property that never recounts or costs a gain does not pass unseen */
const made = { recounts: 0, costs: 0, posted: 0 };

type OpenCount = { id: number; diff: Partial<Record<Code, number>>; book: Partial<Record<Code, number>>; recounted: Set<Code> };

async function run(ops: Op[], recountRequired: boolean) {
  const o: DemoOffice = await financeOffice();
  if (recountRequired) await must(o, 'manager', 'counts.setSettings', { countMode: 'blind', countRecount: true });
  try {
    const m = new Model();
    m.receive('CZ-8801', 200, 200 * 5200);
    m.receive('CZ-8802', 200, 200 * 5850);
    m.receive('WY-4001', 100, 100 * 1850);
    let count: OpenCount | null = null;
    const start = async () => {
      const c = await must(o, 'keeper', 'counts.create', { kind: 'weekly', selection: { by: 'items', itemIds: ITEMS.map((x) => o.itemId(x)) } });
      count = { id: c.id, diff: {}, book: {}, recounted: new Set() };
    };
    const lineId = async (c: OpenCount, x: Code) => (await must(o, 'manager', 'counts.view', { countId: c.id })).lines.find((l) => l.itemCode === x)!.id;
    const recount = async (c: OpenCount, x: Code, qty: number) => {
      await must(o, 'manager', 'counts.recount', { countId: c.id, lineId: await lineId(c, x), qty });
      c.diff[x] = qty - c.book[x]!;
      c.recounted.add(x);
      made.recounts++;
    };
    for (const op of ops) {
      const code = 'item' in op ? ITEMS[op.item] : 'CZ-8801';
      if (op.op === 'receive') {
        await receive(o, [[code, op.qty, op.unit]]);
        m.receive(code, op.qty, op.qty * op.unit);
      } else if (op.op === 'dispatch') {
        const qty = Math.min(op.qty, m.qty(code));
        if (qty === 0) continue;
        await postedDispatch(o, 'KH001', 'cash', [[code, qty]]);
        m.issue(code, qty);
      } else if (op.op === 'count') {
        if (!count) await start();
        const c = count!;
        if (c.diff[code] !== undefined) continue; // counted once here; later moves cancel out
        const qty = Math.max(0, m.qty(code) + op.delta);
        await must(o, 'keeper', 'counts.enter', { countId: c.id, itemId: o.itemId(code), qty });
        c.diff[code] = qty - m.qty(code);
        c.book[code] = m.qty(code);
      } else if (op.op === 'recount') {
        const c = count as OpenCount | null;
        if (!c || c.book[code] === undefined) continue; // nothing counted to recount
        await recount(c, code, Math.max(0, c.book[code] + op.delta));
      } else if (count) {
        const c = count as OpenCount;
        for (const x of ITEMS)
          if (c.diff[x] === undefined) {
            await must(o, 'keeper', 'counts.enter', { countId: c.id, itemId: o.itemId(x), qty: m.qty(x) });
            c.diff[x] = 0;
            c.book[x] = m.qty(x);
          }
        await must(o, 'keeper', 'counts.finish', { countId: c.id });
        // 复核 required: every line off the book recounted by the manager (here: the same quantity)
        if (recountRequired) for (const x of ITEMS) if (c.diff[x] !== 0 && !c.recounted.has(x)) await recount(c, x, c.book[x]! + c.diff[x]!);
        const gains = ITEMS.filter((x) => c.diff[x]! > 0);
        if (op.costFen !== null)
          for (const x of gains) {
            await must(o, 'manager', 'counts.setCost', { countId: c.id, lineId: await lineId(c, x), unitCostFen: op.costFen });
            made.costs++;
          }
        for (const l of (await must(o, 'keeper', 'counts.variance', { countId: c.id })).lines)
          await must(o, 'keeper', 'counts.setCause', { countId: c.id, lineId: l.lineId, cause: 'wastage' });
        const short = ITEMS.some((x) => -(c.diff[x] ?? 0) > m.qty(x));
        if (short) {
          expect((await refused(o, 'keeper', 'counts.approve', { countId: c.id, signoff: managerPin(o) })).code).toBe('count_problems');
        } else {
          await must(o, 'keeper', 'counts.approve', { countId: c.id, signoff: managerPin(o) });
          made.posted++;
          for (const x of ITEMS) {
            const d = c.diff[x] ?? 0;
            if (d < 0) m.issue(x, -d);
            else if (d > 0) m.receive(x, d, d * (op.costFen ?? m.latestUnit(x)));
          }
        }
        count = null; // a refused count stays counted, never posted: the next count starts afresh
      }
    }
    const rows = (await must(o, 'manager', 'stock.onHand', { itemIds: ITEMS.map((x) => o.itemId(x)) })).rows;
    for (const x of ITEMS) {
      const r = rows.find((y) => y.code === x)!;
      expect([x, r.qty, r.amountFen]).toEqual([x, m.qty(x), m.value(x)]);
    }
    expect(verifyBooks(o.core.db).problems).toEqual([]);
  } finally {
    o.close();
  }
}

describe('counts mixed with moves keep the books', () => {
  it('random receipts, dispatches, counts and recounts during moves, gain costs and approvals agree with the FIFO model to the fen', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), fc.boolean(), run), { numRuns: 16, seed: 20261207 });
    expect(Object.values(made).every((n) => n > 0)).toBe(true);
  }, 300_000);
});
