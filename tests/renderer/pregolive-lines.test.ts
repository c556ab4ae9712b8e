// The lines of a return without a dispatch (无原单退货) as the editor holds and sends them: the amount
// is qty × refund price (the unit cost beside it is the stock's, not the customer's); the refund
// price is always sent, the unit cost only when the manager typed it (else the core keeps the
// line's cost or the item's latest); a return line against a dispatch sends its dispatch line only.
import { describe, expect, it } from 'vitest';
import { lineAmountFen, toLineInputs, totals, type EditLine } from '../../renderer/src/slip/lines';

const line = (over: Partial<EditLine>): EditLine => ({
  key: 'k',
  itemId: 7,
  itemCode: 'CZ-8801',
  itemName: '抛光砖',
  spec: '',
  unit: '片',
  qty: 3,
  unitCostFen: 5200,
  enteredAmountFen: null,
  priceFen: 7000,
  sourceLineId: null,
  memo: '',
  returnableQty: null,
  shippedQty: null,
  ...over,
});

describe('return-without-dispatch lines in the editor', () => {
  it('amount to qty × refund price, not the unit cost', () => {
    expect(lineAmountFen(line({}))).toBe(21000);
    expect(totals([line({}), line({ key: 'b', qty: 1, priceFen: 500 })])).toEqual({ qty: 4, amountFen: 21500 });
    // an inbound line has no price: its unit cost makes the amount, as before
    expect(lineAmountFen(line({ priceFen: null }))).toBe(15600);
  });

  it('send the refund price, and the unit cost only when the manager typed it', () => {
    expect(toLineInputs('return', [line({})])).toEqual([{ itemId: 7, qty: 3, priceFen: 7000 }]);
    expect(toLineInputs('return', [line({ costByManager: true, unitCostFen: 4800 })])).toEqual([{ itemId: 7, qty: 3, priceFen: 7000, unitCostFen: 4800 }]);
    expect(toLineInputs('return', [line({ sourceLineId: 12, unitCostFen: null })])).toEqual([{ itemId: 7, qty: 3, sourceLineId: 12 }]);
    expect(toLineInputs('return', [line({ qty: 0 })])).toEqual([]);
  });
});
