// Stock adjustments outside a count (issue #12): the write-off (报损单, BS…) and the return to HQ
// (退回总部, TZ…). Both are slips: numbered, signed by the manager with the PIN, posted by the keeper
// out of the oldest FIFO layers at their cost (stored on each line), on the stock card with their
// cause or HQ's note, and reversed (红字) by the manager. A write-off of more than is on hand, a line
// without a cause, a post without the manager's signature are refused, naming the field, with
// nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Slip, SlipLineInput } from '../../shared/contract';
import { REVERSE_SIGNOFFS, demoOffice, err, ok, type DemoOffice } from '../helpers/index';

let o: DemoOffice;
let a: number;
let b: number;
let inboundIds: number[];
const as = (role: 'keeper' | 'manager' | 'sales' | 'statistician') => ({ sessionToken: o.tokens[role] });

beforeEach(async () => {
  o = await demoOffice();
  a = o.itemId('CZ-8801');
  b = o.itemId('CZ-8802');
  inboundIds = [];
  // two layers of a: 10 at 52.00, then 10 at 55.00 (the second a total of 550.01 entered as the amount)
  for (const [no, lines] of [
    [
      'HQ-1',
      [
        { itemId: a, qty: 10, unitCostFen: 5200 },
        { itemId: b, qty: 4, unitCostFen: 5850 },
      ],
    ],
    ['HQ-2', [{ itemId: a, qty: 10, amountFen: 55001 }]],
  ] as const) {
    const s = ok(await o.core.call('slips.create', { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: no, lines: [...lines] }, as('keeper')));
    ok(await o.core.call('slips.post', { slipId: s.id }, as('keeper')));
    inboundIds.push(s.id);
  }
});
afterEach(() => o.close());

const create = (kind: 'writeoff' | 'hqReturn', lines: SlipLineInput[], header: Record<string, unknown> = {}) =>
  o.core.call('slips.create', { kind, ...header, lines } as never, as('keeper'));
const signByManager = (slipId: number) => o.core.call('slips.sign', { slipId, role: 'manager', user: o.names.manager, pin: o.pins.manager }, as('keeper'));
const post = (slipId: number) => o.core.call('slips.post', { slipId }, as('keeper'));
const onHand = async () => ok(await o.core.call('stock.onHand', { itemIds: [a, b] }, as('keeper'))).rows.map((r) => [r.qty, r.amountFen]);
const verify = async () => ok(await o.core.call('system.verify', {}, as('manager'))).problems;

describe('write-off (报损单)', () => {
  it('is numbered BS, signed by the manager, posted out of the oldest layers at their cost, and on the stock card with its cause', async () => {
    const draft = ok(
      await create('writeoff', [
        { itemId: a, qty: 12, cause: 'breakage' },
        { itemId: b, qty: 1, cause: 'other', memo: '样品被客户带走' },
      ]),
    );
    expect(draft.no).toMatch(/^BS202611290001$/);
    expect(draft.missingSignatures).toEqual(['manager']);
    expect(draft.lines.map((l) => [l.cause, l.amountFen])).toEqual([
      ['breakage', 0],
      ['other', 0],
    ]);
    expect(err(await post(draft.id)).code).toBe('signature_required');
    ok(await signByManager(draft.id));
    const posted = ok(await post(draft.id));
    // 10 × 52.00 from the first layer, then 2 of the second: round(55001 × 2 / 10) = 11000
    expect(posted.lines.map((l) => [l.itemCode, l.shippedQty, l.costFen, l.amountFen])).toEqual([
      ['CZ-8801', 12, 52000 + 11000, 63000],
      ['CZ-8802', 1, 5850, 5850],
    ]);
    expect(posted.totalAmountFen).toBe(63000 + 5850);
    expect(await onHand()).toEqual([
      [8, 55001 - 11000],
      [3, 3 * 5850],
    ]);
    const card = ok(await o.core.call('stock.card', { itemId: b }, as('keeper')));
    expect(card.rows.at(-1)).toMatchObject({ slipNo: posted.no, slipKind: 'writeoff', summary: '报损 其他: 样品被客户带走', outQty: 1, outAmountFen: 5850 });
    const list = ok(await o.core.call('slips.list', { kind: 'writeoff' }, as('manager')));
    expect(list.rows.map((r) => [r.no, r.totalAmountFen])).toEqual([[posted.no, 68850]]);
    expect(await verify()).toEqual([]);
  });

  it('is reversed (红字) by the manager alone: the goods go back into the layers they left', async () => {
    const s = ok(await create('writeoff', [{ itemId: a, qty: 12, cause: 'lost' }]));
    ok(await signByManager(s.id));
    ok(await post(s.id));
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: s.id, reason: '货找到了', manager: REVERSE_SIGNOFFS.manager }, as('keeper')));
    expect(reversal.lines.map((l) => [l.qty, l.amountFen, l.cause])).toEqual([[12, 63000, 'lost']]);
    expect(await onHand()).toEqual([
      [20, 52000 + 55001],
      [4, 4 * 5850],
    ]);
    // the restored layers issue as before: a dispatch of 10 costs exactly the first layer
    const d = ok(
      await o.core.call(
        'slips.create',
        { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'cash', lines: [{ itemId: a, qty: 10 }] },
        as('sales'),
      ),
    );
    ok(await signByManager(d.id));
    ok(await o.core.call('slips.sign', { slipId: d.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, as('sales')));
    expect(ok(await post(d.id)).lines[0].costFen).toBe(52000);
    expect(await verify()).toEqual([]);
  });

  it('refuses more than is on hand at signing and at posting, naming each line’s quantity, with nothing written', async () => {
    const s = ok(
      await create('writeoff', [
        { itemId: a, qty: 15, cause: 'loss' },
        { itemId: a, qty: 6, cause: 'expired' },
        { itemId: b, qty: 5, cause: 'loss' },
      ]),
    );
    const e = err(await signByManager(s.id));
    expect(e.code).toBe('adjustment_exceeds_stock');
    expect(e.details).toMatchObject({
      field: 'qty',
      lines: [
        { lineNo: 2, qty: 6, onHand: 5 },
        { lineNo: 3, itemCode: 'CZ-8802', qty: 5, onHand: 4 },
      ],
    });
    expect(e.message_zh).toContain('第2行 数量');
    expect(e.message_en).toContain('line 3 quantity');
    const again = ok(await o.core.call('slips.get', { slipId: s.id }, as('keeper')));
    expect([again.state, again.signatures.length]).toEqual(['draft', 0]);
    // signed while the stock was there, then the stock left: refused at posting too
    const ok1 = ok(await create('writeoff', [{ itemId: b, qty: 3, cause: 'loss' }]));
    ok(await signByManager(ok1.id));
    const other = ok(await create('writeoff', [{ itemId: b, qty: 2, cause: 'loss' }]));
    ok(await signByManager(other.id));
    ok(await post(other.id));
    expect(err(await post(ok1.id)).code).toBe('adjustment_exceeds_stock');
    expect(ok(await o.core.call('slips.get', { slipId: ok1.id }, as('keeper'))).state).toBe('draft');
    expect(await onHand()).toEqual([
      [20, 52000 + 55001],
      [2, 2 * 5850],
    ]);
    expect(await verify()).toEqual([]);
  });

  it('wants a cause on every line (其他 with a note), and takes no price; a cause is only a write-off’s', async () => {
    const none = ok(await create('writeoff', [{ itemId: a, qty: 1 }]));
    const e = err(await signByManager(none.id));
    expect([e.code, e.details.lineNo, e.details.field]).toEqual(['writeoff_cause_required', 1, 'cause']);
    const other = ok(await create('writeoff', [{ itemId: a, qty: 1, cause: 'other' }]));
    expect(err(await signByManager(other.id)).details.field).toBe('memo');
    expect(err(await create('writeoff', [{ itemId: a, qty: 1, cause: 'loss', priceFen: 100 }])).code).toBe('invalid_input');
    expect(err(await create('writeoff', [{ itemId: a, qty: 1, cause: 'loss', unitCostFen: 100 }])).code).toBe('invalid_input');
    const onDispatch = await o.core.call(
      'slips.create',
      { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'cash', lines: [{ itemId: a, qty: 1, cause: 'loss' }] },
      as('sales'),
    );
    expect(err(onDispatch).code).toBe('invalid_input');
    expect(err(await create('hqReturn', [{ itemId: a, qty: 1, cause: 'loss' }], { supplierId: o.supplierId })).code).toBe('invalid_input');
  });

  it('is made by the keeper or the manager, never by sales', async () => {
    const r = await o.core.call('slips.create', { kind: 'writeoff', lines: [{ itemId: a, qty: 1, cause: 'loss' }] }, as('sales'));
    expect(err(r).code).toBe('forbidden');
  });
});

describe('return to HQ (退回总部)', () => {
  it('takes its supplier from the inbound slip it names, keeps HQ’s note, and leaves at FIFO cost', async () => {
    const s: Slip = ok(await create('hqReturn', [{ itemId: a, qty: 3 }], { sourceSlipId: inboundIds[0], deliveryNoteNo: 'HQ-1' }));
    expect(s.no).toMatch(/^TZ20261129\d{4}$/);
    expect([s.supplierId, s.sourceSlipId, s.deliveryNoteNo]).toEqual([o.supplierId, inboundIds[0], 'HQ-1']);
    ok(await signByManager(s.id));
    const posted = ok(await post(s.id));
    expect(posted.lines.map((l) => [l.shippedQty, l.costFen])).toEqual([[3, 15600]]);
    const card = ok(await o.core.call('stock.card', { itemId: a }, as('keeper')));
    expect(card.rows.at(-1)).toMatchObject({ slipKind: 'hqReturn', outQty: 3, outAmountFen: 15600, refNo: 'HQ-1' });
    expect(card.rows.at(-1)!.summary).toContain('退回总部');
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: s.id, reason: '总部拒收', manager: REVERSE_SIGNOFFS.manager }, as('manager')));
    expect(reversal.lines.map((l) => [l.qty, l.amountFen])).toEqual([[3, 15600]]);
    expect(await verify()).toEqual([]);
  });

  it('wants the supplier (HQ), refuses a source that is not a posted inbound of that supplier, and more than is on hand', async () => {
    const noSupplier = ok(await create('hqReturn', [{ itemId: a, qty: 1 }]));
    expect(err(await signByManager(noSupplier.id))).toMatchObject({ code: 'slip_field_required' });
    const dispatchDraft = ok(
      await o.core.call('slips.create', { kind: 'dispatch', customerId: o.customerId('KH002'), paymentMode: 'cash', lines: [] }, as('sales')),
    );
    expect(err(await create('hqReturn', [{ itemId: a, qty: 1 }], { sourceSlipId: dispatchDraft.id })).details).toMatchObject({ why: 'kind' });
    const big = ok(await create('hqReturn', [{ itemId: b, qty: 5 }], { supplierId: o.supplierId }));
    expect(err(await signByManager(big.id)).code).toBe('adjustment_exceeds_stock');
  });
});
