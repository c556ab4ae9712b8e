// The FIFO module on its own (electron/ledger/fifo.ts), on a real database: the rounding rule of
// design.md ("a partial take of a layer costs round(amount × take / qty) and the last unit of a
// layer takes what is left"). Through the desk's methods every layer costs qty × a whole unit cost,
// so rounding only shows here, where a layer can hold any amount (e.g. 3 units for 1000 fen).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue, receive, reverseMove, type MoveRow, type PostingCtx } from '../../electron/ledger/fifo';
import { demoOffice, ok, type DemoOffice } from '../helpers/index';

describe('FIFO layer takes (books level)', () => {
  let o: DemoOffice;
  let pc: PostingCtx;
  let lineId: number;
  let nextItem = 0;
  const codes = ['CZ-8801', 'CZ-8802', 'CZ-8803', 'CZ-6601', 'CZ-6602', 'CZ-3001', 'CZ-3002', 'CZ-1201', 'CZ-7501', 'CZ-3301'];
  const freshItem = () => o.itemId(codes[nextItem++]);

  beforeAll(async () => {
    o = await demoOffice();
    // moves need a slip and a line to point at; a draft serves (these rows are for this module only)
    const s = ok(await o.core.call('slips.create', { kind: 'inbound', lines: [{ itemId: o.itemId('CZ-8801'), qty: 1 }] }, { sessionToken: o.tokens.keeper }));
    pc = { slipId: s.id, businessDate: '2026-11-29', postedAt: '2026-11-29T01:00:00.000Z' };
    lineId = s.lines[0].id;
  });
  afterAll(() => o.close());

  const tx = <T>(f: () => T): T => o.core.db.transaction(f)();
  const layer = (id: number) =>
    o.core.db.prepare('SELECT in_qty, in_amount_fen, remaining_qty, remaining_amount_fen FROM stock_layers WHERE id = ?').get(id) as Record<string, number>;
  const layerOfMove = (moveId: number) => o.core.db.prepare('SELECT layer_id FROM stock_moves WHERE id = ?').pluck().get(moveId) as number;
  const takes = (itemId: number, qtys: number[]) => tx(() => qtys.map((qty) => issue(o.core.db, pc, { itemId, lineId, qty })));

  it('a layer of 3 units for 1000 fen: takes of 1, 1, 1 cost 333, 333, 334', () => {
    const item = freshItem();
    const l = layerOfMove(tx(() => receive(o.core.db, pc, { itemId: item, lineId, qty: 3, amountFen: 1000 })));
    expect(takes(item, [1, 1])).toEqual([333, 333]);
    expect(layer(l)).toEqual({ in_qty: 3, in_amount_fen: 1000, remaining_qty: 1, remaining_amount_fen: 334 });
    expect(takes(item, [1])).toEqual([334]);
    expect(layer(l)).toMatchObject({ remaining_qty: 0, remaining_amount_fen: 0 });
  });

  it('takes of 2 then 1 cost 667 and 333; of 1 then 2, 333 and 667', () => {
    const a = freshItem();
    tx(() => receive(o.core.db, pc, { itemId: a, lineId, qty: 3, amountFen: 1000 }));
    expect(takes(a, [2, 1])).toEqual([667, 333]);
    const b = freshItem();
    tx(() => receive(o.core.db, pc, { itemId: b, lineId, qty: 3, amountFen: 1000 }));
    expect(takes(b, [1, 2])).toEqual([333, 667]);
  });

  it('a take across layers: all of the older, a rounded part of the newer; half a fen rounds up', () => {
    const item = freshItem();
    tx(() => receive(o.core.db, pc, { itemId: item, lineId, qty: 3, amountFen: 1000 }));
    tx(() => receive(o.core.db, pc, { itemId: item, lineId, qty: 2, amountFen: 1 }));
    expect(takes(item, [4])).toEqual([1000 + 1]); // 1 × 1 / 2 = 0.5 → 1
    expect(takes(item, [1])).toEqual([0]); // the last unit takes what is left
  });

  it('no take costs more than the layer has left, so a layer never goes negative', () => {
    const item = freshItem();
    const l = layerOfMove(tx(() => receive(o.core.db, pc, { itemId: item, lineId, qty: 4, amountFen: 2 })));
    expect(takes(item, [1, 1, 1, 1])).toEqual([1, 1, 0, 0]); // 0.5 → 1, 0.5 → 1, then nothing is left
    expect(layer(l)).toMatchObject({ remaining_qty: 0, remaining_amount_fen: 0 });
  });

  it('a reversed take puts the layer back exactly, and later takes cost as before', () => {
    const item = freshItem();
    const l = layerOfMove(tx(() => receive(o.core.db, pc, { itemId: item, lineId, qty: 7, amountFen: 1000 })));
    expect(takes(item, [2])).toEqual([286]); // 285.71
    const out = o.core.db.prepare("SELECT * FROM stock_moves WHERE item_id = ? AND direction = 'out' ORDER BY id DESC LIMIT 1").get(item) as MoveRow;
    tx(() => reverseMove(o.core.db, pc, out, lineId));
    expect(layer(l)).toEqual({ in_qty: 7, in_amount_fen: 1000, remaining_qty: 7, remaining_amount_fen: 1000 });
    expect(takes(item, [2, 1, 3, 1])).toEqual([286, 143, 429, 142]);
  });

  it('any split of any layer costs exactly its amount; each take but the last is round(amount × take / qty), capped by what is left', () => {
    let seed = 20261129;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const item = freshItem();
    tx(() => {
      for (let round = 0; round < 60; round++) {
        const qty = 1 + rnd(40);
        const amount = [0, 1, 7, 999, 1000, 123_457, 10_000_000_019][rnd(7)];
        const l = layerOfMove(tx(() => receive(o.core.db, pc, { itemId: item, lineId, qty, amountFen: amount })));
        let left = qty;
        let leftFen = amount;
        let total = 0;
        while (left > 0) {
          const take = Math.min(left, 1 + rnd(5));
          const [cost] = takes(item, [take]);
          const expected = take === left ? leftFen : Math.min(leftFen, Math.floor((2 * amount * take + qty) / (2 * qty)));
          expect(cost, `layer ${qty}/${amount}, take ${take}`).toBe(expected);
          expect(cost).toBeGreaterThanOrEqual(0);
          left -= take;
          leftFen -= cost;
          total += cost;
          expect(layer(l)).toMatchObject({ remaining_qty: left, remaining_amount_fen: leftFen });
        }
        expect(total).toBe(amount);
      }
    }); // one transaction: an fsync per take would only slow the test
  });
});
