// A demo office with a few weeks of business on it: every kind of slip, a reprint, and an item
// whose stock card runs over several pages and two months. Used by the screenshot script and
// the stock-card test.

import type { Slip } from '../../shared/contract';
import { ok } from './index';
import { createDispatch, dispatchLines, post, postedDispatch, printDoc, relogin, sign, stockedOffice, type PrintOffice } from './printing-scenario';
import { REVERSE_SIGNOFFS } from './index';

export interface Day {
  o: PrintOffice;
  inbound: Slip;
  /** posted, 20 lines, to 𠮷野日式民宿(工程) */
  dispatch20: Slip;
  /** draft, not signed, to 喆堃家居馆 */
  unsigned: Slip;
  /** posted, 40 lines, to 镕达装饰 县城分销点 */
  dispatch40: Slip;
  ret: Slip;
  reversal: Slip;
  /** the item whose card has many rows */
  cardItemId: number;
}

const DAY = 24 * 3600 * 1000;

export async function businessDays(opts: { cardDays?: number; perDay?: number } = {}): Promise<Day> {
  const { o, inbound } = await stockedOffice(5000);
  const dispatch20 = await postedDispatch(o, 'KH008', 20, { memo: '送货上门, 卸货至二楼; 请客户当面点清' });
  const unsigned = await createDispatch(o, 'KH005', dispatchLines(o, 6), { paymentMode: 'cash', memo: '客户自提' });
  const dispatch40 = await postedDispatch(o, 'KH007', 40, { paymentMode: 'bank', memo: '县城分销点月度补货' });
  // A return of two lines of the 40-line dispatch, signed by the manager, posted.
  const r = ok(
    await o.core.call(
      'slips.create',
      {
        kind: 'return',
        sourceSlipId: dispatch40.id,
        paymentMode: 'bank',
        memo: '运输破损, 客户退回',
        lines: [
          { itemId: dispatch40.lines[2].itemId, qty: 2, sourceLineId: dispatch40.lines[2].id },
          { itemId: dispatch40.lines[10].itemId, qty: 1, sourceLineId: dispatch40.lines[10].id },
        ],
      },
      { sessionToken: o.tokens.sales },
    ),
  );
  await sign(o, r.id, 'manager');
  const ret = await post(o, r.id);
  // A dispatch entered with wrong quantities, posted, then reversed (红字冲销).
  const wrong = await postedDispatch(o, 'KH002', 5, { memo: '工程二期' });
  const { reversal } = ok(
    await o.core.call('slips.reverse', { slipId: wrong.id, reason: '数量录错, 冲销后重开', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }),
  );
  // The first dispatch printed, then printed again (补打).
  await printDoc(o, { doc: 'dispatch', slipId: dispatch20.id });

  // Weeks of moves on one item, into the next month.
  const cardItemId = o.itemId('CZ-8801');
  const days = opts.cardDays ?? 45;
  for (let d = 1; d <= days; d++) {
    o.clock.advance(DAY);
    await relogin(o);
    if (d % 9 === 0) {
      const inb = ok(
        await o.core.call(
          'slips.create',
          {
            kind: 'inbound',
            supplierId: o.supplierId,
            deliveryNoteNo: `HQ-2026-${String(100 + d)}`,
            lines: [{ itemId: cardItemId, qty: 300, unitCostFen: 5200 + d }],
          },
          { sessionToken: o.tokens.keeper },
        ),
      );
      await post(o, inb.id);
    }
    const customers = ['KH001', 'KH002', 'KH003', 'KH005', 'KH007', 'KH008'];
    for (let k = 0; k < (opts.perDay ?? 2); k++) {
      const d1 = await createDispatch(o, customers[(d + k) % customers.length], [{ itemId: cardItemId, qty: 5 + ((d * 3 + k) % 17) }]);
      await sign(o, d1.id, 'manager');
      await sign(o, d1.id, 'finance');
      await post(o, d1.id);
    }
  }
  return { o, inbound, dispatch20, unsigned, dispatch40, ret, reversal, cardItemId };
}
