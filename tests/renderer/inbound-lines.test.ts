// An inbound line in the editor by its unit cost or by HQ's amount (issue #10): the amount typed is
// what is sent (amountFen, no unit cost) and counted, the unit cost shown is derived and rounded;
// a line with neither is the one still missing its cost.
import { describe, expect, it } from 'vitest';
import { lineAmountFen, lineCostMissing, lineUnitCostFen, toLineInputs, totals, type EditLine } from '../../renderer/src/slip/lines';

const line = (qty: number, unitCostFen: number | null, enteredAmountFen: number | null): EditLine => ({
  key: `k${qty}`,
  itemId: 1,
  itemCode: 'CZ-8801',
  itemName: '抛光砖',
  spec: '',
  unit: '片',
  qty,
  unitCostFen,
  enteredAmountFen,
  priceFen: null,
  sourceLineId: null,
  memo: '',
  returnableQty: null,
  shippedQty: null,
});

describe('inbound lines by amount', () => {
  it('3 pieces for ¥10.00: amount 1000 exact, unit cost shown 333, sent as amountFen only', () => {
    const l = line(3, null, 1000);
    expect([lineAmountFen(l), lineUnitCostFen(l), lineCostMissing(l)]).toEqual([1000, 333, false]);
    expect(toLineInputs('inbound', [l])).toEqual([{ itemId: 1, qty: 3, amountFen: 1000 }]);
  });

  it('by unit cost as before; a line with neither is missing its cost; totals add exact amounts', () => {
    const byUnit = line(2, 5200, null);
    expect([lineAmountFen(byUnit), lineUnitCostFen(byUnit)]).toEqual([10400, 5200]);
    expect(toLineInputs('inbound', [byUnit])).toEqual([{ itemId: 1, qty: 2, unitCostFen: 5200 }]);
    expect(lineCostMissing(line(1, null, null))).toBe(true);
    expect(totals([byUnit, line(3, null, 1000), line(1, null, null)])).toEqual({ qty: 6, amountFen: 11400 });
  });
});
