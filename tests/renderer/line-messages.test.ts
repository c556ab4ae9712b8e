// Messages about a line of a slip (renderer/src/slip/lineMessages.ts) hold while their line is
// there unchanged, and go away when it is fixed or deleted.

import { describe, expect, it } from 'vitest';
import type { DeskErr } from '../../renderer/src/api';
import type { EditLine } from '../../renderer/src/slip/lines';
import { errorStillTrue, liveMessages, linesNamedBy, overOnHand, sayAboutLine } from '../../renderer/src/slip/lineMessages';

const line = (key: string, itemId: number, qty: number): EditLine => ({
  key,
  itemId,
  itemCode: `C${itemId}`,
  itemName: `商品${itemId}`,
  spec: '',
  unit: '片',
  qty,
  unitCostFen: null,
  enteredAmountFen: null,
  priceFen: 100,
  sourceLineId: null,
  memo: '',
  returnableQty: null,
  shippedQty: null,
});
const edit = (ls: EditLine[], i: number, patch: Partial<EditLine>) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l));

describe('line messages', () => {
  const lines = [line('a', 1, 2), line('b', 2, 3), line('c', 3, 4)];

  it('a refused edit’s message stays while its line is unchanged, whatever else changes', () => {
    const msgs = sayAboutLine([], lines[1], '不是整数');
    expect(liveMessages(msgs, lines).map((m) => m.text)).toEqual(['不是整数']);
    expect(liveMessages(msgs, edit(lines, 0, { qty: 9 }))).toHaveLength(1);
  });

  it('goes when the line is fixed', () => {
    const msgs = sayAboutLine([], lines[1], '不是整数');
    expect(liveMessages(msgs, edit(lines, 1, { qty: 5 }))).toEqual([]);
  });

  it('goes when the line is deleted', () => {
    const msgs = sayAboutLine([], lines[1], '不是整数');
    expect(liveMessages(msgs, [lines[0], lines[2]])).toEqual([]);
  });

  it('a new message about a line replaces its old one', () => {
    const msgs = sayAboutLine(sayAboutLine([], lines[1], 'x'), lines[1], 'y');
    expect(msgs.map((m) => m.text)).toEqual(['y']);
  });

  it('finds the lines a refusal names, by item or by field, and drops the refusal once they are all fixed', () => {
    const stock: DeskErr = { code: 'insufficient_stock', message_zh: '', message_en: '', details: { lines: [{ itemCode: 'C3' }] } };
    expect(linesNamedBy(stock, lines).map((l) => l.key)).toEqual(['c']);
    const field: DeskErr = { code: 'invalid_input', message_zh: '', message_en: '', details: { field: 'lines.1.qty' } };
    // a line of qty 0 is not sent: "lines.1" is the third line on screen
    expect(linesNamedBy(field, [line('z', 9, 0), ...lines]).map((l) => l.key)).toEqual(['b']);
    expect(linesNamedBy({ ...field, details: {} }, lines)).toEqual([]);
    const named = linesNamedBy(stock, lines);
    expect(errorStillTrue(named, lines)).toBe(true);
    expect(errorStillTrue(named, edit(lines, 2, { qty: 1 }))).toBe(false);
    expect(errorStillTrue(named, lines.slice(0, 2))).toBe(false);
    expect(errorStillTrue([], [])).toBe(true);
  });

  it('marks the lines above what is on hand, counting every line of the item', () => {
    const onHand = new Map([
      [1, 5],
      [2, 3],
      [3, 0],
    ]);
    expect(overOnHand(lines, onHand).map((o) => [o.index, o.qty, o.onHand])).toEqual([[2, 4, 0]]);
    const twice = [...lines, line('d', 1, 4)];
    expect(overOnHand(twice, onHand).map((o) => [o.line.key, o.qty])).toEqual([
      ['a', 6],
      ['c', 4],
      ['d', 6],
    ]);
    expect(overOnHand(edit(lines, 2, { qty: 0 }), onHand)).toEqual([]);
    expect(overOnHand(lines, undefined)).toEqual([]);
  });
});
