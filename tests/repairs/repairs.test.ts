// Repair records (维修记录) on defective stock (issue #12, migration 0035): repaired moves the units
// from the defective layers back to saleable stock at the same FIFO cost (a posted 维修单, two rows on
// the stock card, the value on hand unchanged); scrapped opens a draft 报损单 and sent back a draft
// 退回总部单 of the defective units for the manager to sign. Refused with nothing written: more than
// the defective units on hand (or already on a draft), a role other than the keeper. verify holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlipLineInput } from '../../shared/contract';
import { demoOffice, err, ok, type DemoOffice } from '../helpers/index';
import { pdfText } from '../helpers/printing-scenario';

let o: DemoOffice;
let a: number;
const as = (role: 'keeper' | 'manager' | 'sales' | 'statistician') => ({ sessionToken: o.tokens[role] });

async function signed(kind: 'dispatch' | 'return', header: Record<string, unknown>, lines: SlipLineInput[]) {
  const s = ok(await o.core.call('slips.create', { kind, ...header, lines } as never, as('sales')));
  ok(await o.core.call('slips.sign', { slipId: s.id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, as('sales')));
  if (kind === 'dispatch') ok(await o.core.call('slips.sign', { slipId: s.id, role: 'finance', user: o.names.finance, pin: o.pins.finance }, as('sales')));
  return ok(await o.core.call('slips.get', { slipId: s.id }, as('keeper')));
}
const post = (slipId: number, picked?: { lineId: number; qty: number; defective?: boolean }[]) =>
  o.core.call('slips.post', { slipId, ...(picked ? { picked } : {}) }, as('keeper'));
const overview = async () => ok(await o.core.call('stock.onHand', { itemIds: [a] }, as('keeper'))).rows[0];
const repair = (outcome: 'repaired' | 'scrapped' | 'hqReturn', qty: number, role: 'keeper' | 'manager' = 'keeper') =>
  o.core.call('repairs.create', { itemId: a, qty, fault: '外壳开裂', repairedBy: '李师傅', outcome, supplierId: o.supplierId }, as(role));
const verify = async () => ok(await o.core.call('system.verify', {}, as('manager'))).problems;
/** what a refused call must leave as it was */
const books = async () => ({
  onHand: await overview(),
  repairs: ok(await o.core.call('repairs.list', {}, as('keeper'))).total,
  slips: ok(await o.core.call('slips.list', { limit: 1000 }, as('keeper'))).total,
});

beforeEach(async () => {
  o = await demoOffice();
  a = o.itemId('CZ-8801');
  for (const [no, unit] of [
    ['HQ-D1', 5200],
    ['HQ-D2', 5500],
  ] as const) {
    const s = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: no, lines: [{ itemId: a, qty: 10, unitCostFen: unit }] },
        as('keeper'),
      ),
    );
    ok(await post(s.id));
  }
  // 4 sold from the first layer; 3 of them come back broken (次品) at 52.00
  const d = await signed('dispatch', { customerId: o.customerId('KH002'), paymentMode: 'cash' }, [{ itemId: a, qty: 4 }]);
  ok(await post(d.id));
  const r = await signed('return', { sourceSlipId: d.id, paymentMode: 'cash' }, [{ itemId: a, qty: 3, sourceLineId: d.lines[0].id }]);
  ok(await post(r.id, [{ lineId: r.lines[0].id, qty: 3, defective: true }]));
});
afterEach(() => o.close());

describe('repair records (维修记录)', () => {
  it('repaired: the units go back to saleable stock at the cost they had, two rows on the stock card', async () => {
    const before = await overview();
    expect(before).toMatchObject({ qty: 19, defectiveQty: 3 });
    const rec = ok(await repair('repaired', 2));
    expect(rec).toMatchObject({ qty: 2, outcome: 'repaired', fault: '外壳开裂', repairedBy: '李师傅', slipState: 'posted', amountFen: 2 * 5200 });
    expect(rec.no).toMatch(/^WX\d{8}\d+$/);
    expect(rec.slipNo).toBe(rec.no);
    expect(await overview()).toMatchObject({ qty: 19, defectiveQty: 1, amountFen: before.amountFen });
    const card = ok(await o.core.call('stock.card', { itemId: a }, as('keeper')));
    const rows = card.rows.filter((r) => r.slipKind === 'repair');
    expect(rows.map((r) => [r.outQty, r.outAmountFen, r.inQty, r.inAmountFen])).toEqual([
      [2, 10400, null, null],
      [null, null, 2, 10400],
    ]);
    expect(rows[0].summary).toContain('次品转出');
    expect(rows[1].summary).toContain('修复转入良品');
    expect(rows.map((r) => r.defectiveQty)).toEqual([1, 1]);
    expect(card.rows.at(-1)).toMatchObject({ balanceQty: 19, balanceAmountFen: before.amountFen });
    // the repaired units are saleable now: 18 go out; the last is the one still defective
    const all = await signed('dispatch', { customerId: o.customerId('KH002'), paymentMode: 'cash' }, [{ itemId: a, qty: 18 }]);
    ok(await post(all.id));
    expect(await overview()).toMatchObject({ qty: 1, defectiveQty: 1, amountFen: 5200 });
    expect(await verify()).toEqual([]);
    // a 维修单 is not reversed: a new record (or a write-off) corrects it
    const rev = err(await o.core.call('slips.reverse', { slipId: rec.slipId, reason: '错了', ...REVERSE(o) }, as('manager')));
    expect(rev.code).toBe('repair_slip');
  });

  it('scrapped opens a draft write-off, sent back a draft return to HQ, of the defective units', async () => {
    const scrap = ok(await repair('scrapped', 1));
    expect(scrap).toMatchObject({ outcome: 'scrapped', slipState: 'draft', amountFen: null });
    expect(scrap.slipNo).toMatch(/^BS/);
    const w = ok(await o.core.call('slips.get', { slipId: scrap.slipId }, as('keeper')));
    expect(w).toMatchObject({ kind: 'writeoff', state: 'draft' });
    expect(w.lines).toEqual([expect.objectContaining({ itemId: a, qty: 1, defective: true, cause: 'other' })]);
    expect(w.lines[0].memo).toContain(scrap.no);
    const back = ok(await repair('hqReturn', 2));
    const t = ok(await o.core.call('slips.get', { slipId: back.slipId }, as('keeper')));
    expect(t).toMatchObject({ kind: 'hqReturn', state: 'draft', supplierId: o.supplierId });
    expect(t.lines).toEqual([expect.objectContaining({ qty: 2, defective: true })]);
    // nothing moved yet; the drafts hold all 3 defective units, so no further repair may take them
    expect(await overview()).toMatchObject({ qty: 19, defectiveQty: 3 });
    expect(ok(await o.core.call('repairs.defective', {}, as('keeper'))).rows).toEqual([
      expect.objectContaining({ itemId: a, defectiveQty: 3, pendingQty: 3, availableQty: 0 }),
    ]);
    expect(err(await repair('repaired', 1)).code).toBe('repair_exceeds_defective');
    // the manager signs, the keeper posts: the defective units leave
    for (const id of [scrap.slipId, back.slipId]) {
      ok(await o.core.call('slips.sign', { slipId: id, role: 'manager', user: o.names.manager, pin: o.pins.manager }, as('keeper')));
      ok(await post(id));
    }
    expect(await overview()).toMatchObject({ qty: 16, defectiveQty: 0 });
    expect(await verify()).toEqual([]);
  });

  it('refuses more than the defective units on hand, and any role but the keeper, writing nothing', async () => {
    const before = await books();
    const e = err(await repair('repaired', 4));
    expect(e.code).toBe('repair_exceeds_defective');
    expect(e.details).toMatchObject({ qty: 4, defective: 3, pending: 0, field: 'qty' });
    expect(e.message_zh).toContain('可维修的次品只有 3');
    expect(e.message_en).toContain('only 3 defective units');
    expect(err(await repair('repaired', 1, 'manager')).code).toBe('forbidden');
    expect(err(await o.core.call('repairs.create', { itemId: a, qty: 1, fault: ' ', repairedBy: '李', outcome: 'repaired' }, as('keeper'))).code).toBe(
      'invalid_input',
    );
    expect(await books()).toEqual(before);
    expect(await verify()).toEqual([]);
  });

  it('lists the records and the quality problems per item', async () => {
    ok(await repair('repaired', 2));
    ok(await repair('scrapped', 1));
    const list = ok(await o.core.call('repairs.list', { search: '开裂' }, as('manager')));
    expect(list.rows.map((r) => r.outcome)).toEqual(['scrapped', 'repaired']);
    const today = list.rows[0].businessDate;
    const q = ok(await o.core.call('repairs.quality', { from: today, to: today }, as('manager')));
    expect(q.rows).toEqual([
      expect.objectContaining({
        code: 'CZ-8801',
        returnedQty: 3,
        returnCount: 1,
        repairedQty: 2,
        scrappedQty: 1,
        hqReturnQty: 0,
        faults: [{ fault: '外壳开裂', qty: 3 }],
      }),
    ]);
    const paper = ok(await o.core.call('repairs.qualityPdf', { from: today, to: today }, as('manager')));
    const shots = join(process.cwd(), '.tmp', 'shots');
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'quality.pdf'), Buffer.from(paper.base64, 'base64'));
    const text = pdfText(Buffer.from(paper.base64, 'base64'));
    expect(text).toContain('产品质量问题');
    expect(text).toMatch(/CZ-8801[\s\S]*外壳开裂×3/);
    expect(text).toMatch(/合计: 次品退货 3 \(退货单 1 张\)\s*修复 2\s*报废 1\s*退回总部 0/);
    const sheet = ok(await o.core.call('repairs.qualityXlsx', { from: today, to: today }, as('statistician')));
    expect(sheet.fileName).toBe(`产品质量问题_${today}_${today}.xlsx`);
    expect(Buffer.from(sheet.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(err(await o.core.call('repairs.quality', { from: today, to: today }, as('sales'))).code).toBe('forbidden');
  });
});

function REVERSE(x: DemoOffice) {
  return { manager: { user: x.names.manager, pin: x.pins.manager } };
}
