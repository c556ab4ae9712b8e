import { describe, expect, it } from 'vitest';
import type { Item, Output, StockCardRow } from '../../shared/contract';
import { addItemQty, erroredItemCodes, toLineInputs, totals, type EditLine } from '../../renderer/src/slip/lines';
import { applyPick, isComplete, setPicked, shortLines, toggleDefective, toPicked, type PickLine } from '../../renderer/src/slip/pick';
import { CardWindow, pageRows } from '../../renderer/src/slip/card';

const item = (id: number, code: string, priceFen = 7800): Item => ({
  id,
  code,
  name: `商品${id}`,
  spec: '800×800mm',
  unit: '片',
  safetyStock: 0,
  location: '',
  category: '',
  priceFen,
  pinyin: 'sp',
  barcodes: [],
  active: true,
});

describe('slip lines', () => {
  it('a scan adds a line, a second scan of the same item adds to it, a case adds its pack qty', () => {
    let lines: EditLine[] = [];
    ({ lines } = addItemQty(lines, item(1, 'A'), 1, 'inbound'));
    ({ lines } = addItemQty(lines, item(2, 'B'), 1, 'inbound'));
    const r = addItemQty(lines, item(1, 'A'), 3, 'inbound');
    expect(r.index).toBe(0);
    expect(r.lines.map((l) => [l.itemCode, l.qty])).toEqual([
      ['A', 4],
      ['B', 1],
    ]);
  });

  it('dispatch lines take the item price by default; totals add up in fen', () => {
    let { lines } = addItemQty([], item(1, 'A', 7800), 2, 'dispatch');
    ({ lines } = addItemQty(lines, item(2, 'B', 12900), 1, 'dispatch'));
    expect(totals(lines)).toEqual({ qty: 3, amountFen: 2 * 7800 + 12900 });
    expect(toLineInputs('dispatch', lines)).toEqual([
      { itemId: 1, qty: 2, priceFen: 7800 },
      { itemId: 2, qty: 1, priceFen: 12900 },
    ]);
  });

  it('inbound lines send the unit cost only when typed; return lines with qty 0 are left out', () => {
    const { lines } = addItemQty([], item(1, 'A'), 5, 'inbound');
    expect(toLineInputs('inbound', lines)).toEqual([{ itemId: 1, qty: 5 }]);
    lines[0] = { ...lines[0], unitCostFen: 5200 };
    expect(toLineInputs('inbound', lines)).toEqual([{ itemId: 1, qty: 5, unitCostFen: 5200 }]);
    const ret: EditLine[] = [
      { ...lines[0], unitCostFen: null, qty: 0, sourceLineId: 9 },
      { ...lines[0], unitCostFen: null, qty: 2, sourceLineId: 10 },
    ];
    expect(toLineInputs('return', ret)).toEqual([{ itemId: 1, qty: 2, sourceLineId: 10 }]);
  });

  it('finds the item codes an error names', () => {
    expect([...erroredItemCodes({ lines: [{ itemCode: 'CZ-1' }, { itemCode: 'CZ-2' }] })]).toEqual(['CZ-1', 'CZ-2']);
    expect(erroredItemCodes({}).size).toBe(0);
  });
});

describe('pick', () => {
  const lines: PickLine[] = [
    { lineId: 11, itemId: 1, itemCode: 'A', itemName: '甲', ordered: 5, picked: 0 },
    { lineId: 12, itemId: 2, itemCode: 'B', itemName: '乙', ordered: 3, picked: 0 },
  ];

  it('counts scans against the line; a case counts its pack qty; complete when all match', () => {
    let cur = lines;
    for (const [id, q] of [
      [1, 3],
      [1, 1],
      [2, 3],
    ] as const) {
      const r = applyPick(cur, { id, code: id === 1 ? 'A' : 'B', name: '' }, q);
      if (!r.ok) throw new Error('refused');
      cur = r.lines;
    }
    expect(cur.map((l) => l.picked)).toEqual([4, 3]);
    expect(isComplete(cur)).toBe(false);
    const r = applyPick(cur, { id: 1, code: 'A', name: '' }, 1);
    expect(r.ok && r.complete).toBe(true);
  });

  it('refuses an item not on the slip and an over-pick, changing nothing', () => {
    const wrong = applyPick(lines, { id: 9, code: 'Z', name: '丙' }, 1);
    expect(wrong).toMatchObject({ ok: false, reason: 'not_on_slip', itemCode: 'Z' });
    const over = applyPick(lines, { id: 2, code: 'B', name: '乙' }, 6);
    expect(over).toMatchObject({ ok: false, reason: 'over_pick', ordered: 3, picked: 0, adding: 6 });
    expect(lines.map((l) => l.picked)).toEqual([0, 0]);
  });

  it('spreads over two lines of the same item', () => {
    const two: PickLine[] = [
      { lineId: 1, itemId: 1, itemCode: 'A', itemName: '', ordered: 2, picked: 0 },
      { lineId: 2, itemId: 1, itemCode: 'A', itemName: '', ordered: 2, picked: 0 },
    ];
    let cur = two;
    for (let i = 0; i < 4; i++) {
      const r = applyPick(cur, { id: 1, code: 'A', name: '' }, 1);
      if (!r.ok) throw new Error('refused');
      cur = r.lines;
    }
    expect(cur.map((l) => l.picked)).toEqual([2, 2]);
    expect(applyPick(cur, { id: 1, code: 'A', name: '' }, 1).ok).toBe(false);
  });

  it('hand counts are clamped; short lines and the post input', () => {
    const cur = setPicked(lines, 0, 99);
    expect(cur[0].picked).toBe(5);
    expect(setPicked(lines, 1, -3)[1].picked).toBe(0);
    expect(shortLines(cur).map((l) => l.itemCode)).toEqual(['B']);
    expect(toPicked(cur)).toEqual([
      { lineId: 11, qty: 5 },
      { lineId: 12, qty: 0 },
    ]);
  });

  it('a received return line is marked defective (次品) and unmarked; one with nothing received is not; the post input carries the mark', () => {
    expect(toggleDefective(lines, 0)).toEqual({ ok: false });
    const got = setPicked(lines, 0, 2);
    const on = toggleDefective(got, 0);
    if (!on.ok) throw new Error('refused');
    expect([on.defective, on.lines[0].defective, on.lines[1].defective]).toEqual([true, true, undefined]);
    expect(toPicked(on.lines)).toEqual([
      { lineId: 11, qty: 2, defective: true },
      { lineId: 12, qty: 0 },
    ]);
    const off = toggleDefective(on.lines, 0);
    expect(off.ok && off.lines[0].defective).toBe(false);
    // counting a marked line back to 0 takes the mark off: nothing received is not defective
    expect(setPicked(on.lines, 0, 0)[0]).toMatchObject({ picked: 0, defective: false });
    expect(toPicked(setPicked(on.lines, 0, 0))[0]).toEqual({ lineId: 11, qty: 0 });
  });
});

describe('stock card rows', () => {
  const move = (id: number, date: string, inQty: number | null, outQty: number | null, bal: number, takes = 1): StockCardRow => ({
    moveId: id,
    lastMoveId: id + takes - 1,
    date,
    postedAt: `${date}T02:00:00Z`,
    slipId: id,
    slipNo: `X${id}`,
    slipKind: inQty ? 'inbound' : 'dispatch',
    summary: '',
    counterparty: null,
    refNo: null,
    inQty,
    inUnitCostFen: inQty ? 100 : null,
    inAmountFen: inQty ? inQty * 100 : null,
    outQty,
    outUnitCostFen: outQty ? 100 : null,
    outAmountFen: outQty ? outQty * 100 : null,
    balanceQty: bal,
    balanceAmountFen: bal * 100,
    balanceUnitCostFen: bal ? 100 : null,
    defectiveQty: 0,
    layers: Array.from({ length: takes }, (_, k) => ({
      moveId: id + k,
      layerId: 50 + k,
      qty: Math.abs(inQty ?? outQty!) / takes,
      amountFen: (Math.abs(inQty ?? outQty!) / takes) * 100,
      unitCostFen: 100,
    })),
  });
  const T = (inQty: number, outQty: number) => ({ inQty, inAmountFen: inQty * 100, outQty, outAmountFen: outQty * 100 });
  const bal = { qty: 10, amountFen: 1000 };
  const page = (p: Partial<Output<'stock.card'>>) => ({
    opening: bal,
    closing: { qty: 8, amountFen: 800 },
    from: '2026-10-01',
    rows: [],
    monthEnds: [],
    nextCursor: null,
    prevCursor: null,
    ...p,
  });
  const end = (after: number, month: string, m: ReturnType<typeof T>, y: ReturnType<typeof T>, b: number) => ({
    afterMoveId: after,
    month,
    monthTotals: m,
    yearTotals: y,
    balanceQty: b,
    balanceAmountFen: b * 100,
    balanceUnitCostFen: 100,
  });

  it('from the start: 期初结存, the pages in order, 本月合计 and 本年累计 where the core puts them, 期末结存 at the end', () => {
    const w = new CardWindow(false);
    w.add(page({ rows: [move(1, '2026-10-03', 5, null, 15), move(2, '2026-10-20', null, 4, 11)], nextCursor: 2 }), 'forward');
    expect(w.rows.map((r) => r.type)).toEqual(['opening', 'move', 'move']);
    expect([w.atStart, w.atEnd, w.nextCursor]).toEqual([true, false, 2]);
    w.add(
      page({
        rows: [move(3, '2026-10-31', null, 1, 10), move(4, '2026-11-02', null, 2, 8, 2)],
        monthEnds: [end(3, '2026-10', T(5, 5), T(5, 5), 10), end(5, '2026-11', T(0, 2), T(5, 7), 8)],
        prevCursor: 3,
      }),
      'forward',
    );
    expect(w.rows.map((r) => r.type)).toEqual(['opening', 'move', 'move', 'move', 'month', 'year', 'move', 'month', 'year', 'closing']);
    expect(w.rows[4]).toMatchObject({ type: 'month', month: '2026-10', inQty: 5, outQty: 5, outAmountFen: 500, balanceQty: 10 });
    expect(w.rows[8]).toMatchObject({ type: 'year', month: '2026-11', inQty: 5, outQty: 7, balanceQty: 8 });
    expect(w.rows.at(-1)).toMatchObject({ type: 'closing', balanceQty: 8, balanceAmountFen: 800, balanceUnitCostFen: 100 });
    expect(w.atEnd).toBe(true);
    // the layers behind a merged row, on its side, shown on demand from the same pages
    w.setShowLayers(true);
    expect(w.rows.map((r) => r.type)).toEqual(['opening', 'move', 'move', 'move', 'month', 'year', 'move', 'layer', 'layer', 'month', 'year', 'closing']);
    expect(w.rows[7]).toMatchObject({ type: 'layer', side: 'out', qty: 1, amountFen: 100, layerId: 50 });
    expect(new Set(w.rows.map((r) => r.rowKey)).size).toBe(w.rows.length);
  });

  it('from the end (Ctrl+End): 期末结存 at once, earlier pages go above, 期初结存 when the start is reached', () => {
    const w = new CardWindow(false);
    w.add(page({ rows: [move(4, '2026-11-02', null, 2, 8)], monthEnds: [end(4, '2026-11', T(0, 2), T(5, 7), 8)], prevCursor: 4 }), 'backward');
    expect(w.rows.map((r) => r.type)).toEqual(['move', 'month', 'year', 'closing']);
    expect([w.atStart, w.atEnd, w.prevCursor]).toEqual([false, true, 4]);
    const above = w.add(page({ rows: [move(1, '2026-10-03', 5, null, 15)], nextCursor: 1 }), 'backward');
    expect(above).toBe(2); // the move and 期初结存
    expect(w.rows.map((r) => r.type)).toEqual(['opening', 'move', 'move', 'month', 'year', 'closing']);
  });

  it('a red issue (a return written as 红字发出) shows its layers red too', () => {
    const r = { ...move(7, '2026-11-03', null, -3, 11, 2), slipKind: 'return' as const };
    r.layers = r.layers.map((l) => ({ ...l, qty: 1.5 * 2 - 1, amountFen: 200 })); // +2 and +1 moved in; shown as −3
    r.layers[1].qty = 1;
    const rows = pageRows({ rows: [r], monthEnds: [] }, true);
    expect(rows.filter((x) => x.type === 'layer').map((x) => x.type === 'layer' && [x.side, x.qty, x.amountFen])).toEqual([
      ['out', -2, -200],
      ['out', -1, -200],
    ]);
  });

  it('an empty period is opening then closing', () => {
    const w = new CardWindow(false);
    w.add(page({ opening: { qty: 3, amountFen: 300 }, closing: { qty: 3, amountFen: 300 } }), 'forward');
    expect(w.rows.map((r) => r.type)).toEqual(['opening', 'closing']);
    expect(w.rows[0]).toMatchObject({ balanceUnitCostFen: 100 });
  });
});
