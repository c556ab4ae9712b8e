// The opening slip (期初入库单) after it is posted: printed through the documents domain like an
// inbound slip (lines with quantity, unit cost and amount, the manager's signature, logged prints);
// reversed (红字) by the manager before the first close and entered again, refused after it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { countsFor, demoOffice, expectClean, managerPin, must, refused, type DemoOffice } from './helpers';
import { pdfText, printDoc, render } from '../helpers/printing-scenario';
import { REVERSE_SIGNOFFS } from '../helpers/index';

let o: DemoOffice;
beforeEach(async () => {
  o = await demoOffice();
});
afterEach(() => o.close());

const stock = () => [
  { itemId: o.itemId('CZ-8801'), qty: 100, amountFen: 520_000 },
  { itemId: o.itemId('CZ-8802'), qty: 3, amountFen: 1000 },
];
const postStock = async () => (await must(o, 'manager', 'opening.postStock', { lines: stock(), signoff: managerPin(o) })).stock!;
const onHand = (code: string) =>
  o.core.db
    .prepare('SELECT COALESCE(SUM(remaining_qty), 0) AS qty, COALESCE(SUM(remaining_amount_fen), 0) AS fen FROM stock_layers WHERE item_id = ?')
    .get(o.itemId(code));

describe('printing the opening slip', () => {
  it('prints as 期初入库单: lines with quantity, unit cost and amount, the manager’s signature; the print is logged', async () => {
    const s = await postStock();
    const pdf = await printDoc(o, { doc: 'opening', slipId: s.slipId }, o.tokens.manager);
    expect([pdf.value.copies, pdf.value.pages]).toEqual([['第一联 存根', '第二联 财务', '第三联 仓库'], 3]);
    if (process.env.OPENING_PDF) writeFileSync(process.env.OPENING_PDF, pdf.bytes);
    const text = pdfText(pdf.bytes, { first: 1, last: 1 });
    expect(text).toContain('期初入库单');
    expect(text).toContain(s.no);
    expect(text).toMatch(/CZ-8801.+100\s+52\.00\s+5,200\.00/);
    expect(text).toMatch(/CZ-8802.+3\s+3\.33\s+10\.00/); // 10.00 kept exactly; the unit cost shown rounded
    expect(text).toContain('经理签字');
    expect(text).toContain(o.names.manager);
    expect(text).toContain('已过账 · 已入库');
    const logged = o.core.db.prepare("SELECT doc, print_no FROM print_log WHERE slip_id = ? AND kind = 'printed'").all(s.slipId);
    expect(logged).toEqual([{ doc: 'opening', print_no: 1 }]);
    // an opening slip is not an inbound slip
    expect((await refused(o, 'keeper', 'documents.render', { doc: 'inbound', slipId: s.slipId })).code).toBe('wrong_slip_kind');
    const preview = await render(o, { doc: 'opening', slipId: s.slipId, copies: ['第三联 仓库'] });
    expect(preview.value.pages).toBe(1);
  });
});

describe('reversing the opening slip', () => {
  it('before the first close: the manager reverses it (红字) and the corrected stock is entered again', async () => {
    const s = await postStock();
    expect((await refused(o, 'keeper', 'slips.reverse', { slipId: s.slipId, reason: '录错', ...REVERSE_SIGNOFFS })).code).toBe('forbidden');
    const { original, reversal } = await must(o, 'manager', 'slips.reverse', { slipId: s.slipId, reason: '数量录错', ...REVERSE_SIGNOFFS });
    expect([original.reversedBy?.no, reversal.kind, reversal.sourceSlipId]).toEqual([reversal.no, 'reversal', s.slipId]);
    expect(onHand('CZ-8801')).toEqual({ qty: 0, fen: 0 });
    expect((await must(o, 'finance', 'opening.status', {})).stock).toBeNull();

    const again = await must(o, 'manager', 'opening.postStock', {
      lines: [{ itemId: o.itemId('CZ-8801'), qty: 120, amountFen: 624_000 }],
      signoff: managerPin(o),
    });
    expect(again.stock!.no).not.toBe(s.no);
    expect(again.stock!.lines.map((l) => [l.itemCode, l.qty, l.amountFen])).toEqual([['CZ-8801', 120, 624_000]]);
    expect(onHand('CZ-8801')).toEqual({ qty: 120, fen: 624_000 });
    const twice = await refused(o, 'manager', 'opening.postStock', { lines: stock(), signoff: managerPin(o) });
    expect(twice.code).toBe('opening_done');
    expectClean(o);
  });

  it('after the first close: refused with a clear message, the stock stays', async () => {
    const s = await postStock();
    await must(o, 'finance', 'opening.setCash', { lines: [{ account: 'cash', amountFen: 50_000 }] });
    const signers = { finance: { user: o.names.finance, pin: o.pins.finance }, statistician: { user: o.names.statistician, pin: o.pins.statistician } };
    await must(o, 'finance', 'dayClose.close', { date: '2026-11-29', counts: countsFor(50_000), channels: { wechat: 0, alipay: 0, bank: 0 }, ...signers });
    const r = await refused(o, 'manager', 'slips.reverse', { slipId: s.slipId, reason: '数量录错', ...REVERSE_SIGNOFFS });
    expect([r.code, r.message_zh, r.message_en]).toEqual([
      'opening_reversal_closed',
      `期初入库单 ${s.no} 不能冲销: 2026-11-29 已日结, 期初建账已结束; 库存差异请通过盘点处理`,
      `Opening slip ${s.no} cannot be reversed: the first day (2026-11-29) is closed; correct stock differences with a stock count`,
    ]);
    expect(onHand('CZ-8801')).toEqual({ qty: 100, fen: 520_000 });
    expectClean(o);
  });
});
