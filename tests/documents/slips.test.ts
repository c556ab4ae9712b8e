// Printed slips read back with poppler (pdftotext): what a clerk checks on the paper must be
// there as text (so glyphs and ToUnicode maps are right, rare characters included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { fenToChineseCapital, formatFen } from '../../shared/money';
import { planPages } from '../../electron/printing/layout';
import { rowsPerPage } from '../../electron/printing/slip-doc';
import { err, ok } from '../helpers/index';
import {
  createDispatch,
  dispatchLines,
  pdfPages,
  pdfText,
  post,
  postedDispatch,
  printDoc,
  render,
  sign,
  stockedOffice,
  type PrintOffice,
} from '../helpers/printing-scenario';
import { REVERSE_SIGNOFFS } from '../helpers/index';

/** Text without any whitespace: pdftotext spaces out letter-spaced titles and wide cells. */
const squash = (t: string) => t.replace(/\s+/g, '');
const yuan = (fen: number) => `￥${formatFen(fen)}`;
/** Lines of the plain (not -layout) text that are a single character: the diagonal watermark comes out so. */
const watermarkChars = (pdf: Buffer) =>
  pdfText(pdf, { layout: false })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l === '未' || l === '签' || l === '发');

describe('printed slips', () => {
  let o: PrintOffice;
  let inbound: Slip;
  let d20: Slip;
  beforeAll(async () => {
    ({ o, inbound } = await stockedOffice());
    d20 = await postedDispatch(o, 'KH008', 20, { memo: '送货上门, 卸货至二楼' });
  });
  afterAll(() => o?.close());

  it('a signed, posted 20-line dispatch prints in its four copies with all a clerk checks, under 100 KB', async () => {
    const pdf = await printDoc(o, { doc: 'dispatch', slipId: d20.id });
    const v = pdf.value;
    expect(v.mime).toBe('application/pdf');
    expect(v.copies).toEqual(['第一联 存根', '第二联 客户', '第三联 财务', '第四联 仓库']);
    expect(v.paper).toBe('A5');
    expect(v.printNo).toBe(1);
    expect(v.bytes).toBe(pdf.bytes.length);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(v.bytes).toBeLessThanOrEqual(100 * 1024);
    const pages = pdfPages(pdf.bytes);
    expect(pages).toHaveLength(8);
    expect(v.pages).toBe(8);
    const all = pages.join('\n');
    for (const s of [
      '某某陶瓷 营销中心驻华东办事处',
      d20.no,
      '𠮷野日式民宿(工程)',
      '古镇西街3号',
      '孙悦',
      '13800010008',
      '2026年11月29日',
      '赊销(挂账)',
      '送货上门, 卸货至二楼',
    ])
      expect(all).toContain(s);
    expect(squash(all)).toContain('发货单');
    // every line with its amount; the total in figures and in words
    for (const l of d20.lines) {
      expect(all).toContain(l.itemCode);
      expect(all).toContain(formatFen(l.amountFen!));
    }
    expect(all).toContain(yuan(d20.totalAmountFen!));
    expect(squash(all)).toContain(`合计人民币(大写):${fenToChineseCapital(d20.totalAmountFen!)}`);
    // who made, signed and issued it
    for (const s of ['制单', '赵丽', '经理签发', '张伟', '办事处经理', '财务', '刘洋', '财务主管', '仓管/发货', '王强', '库管员', '收货人签字'])
      expect(all).toContain(s);
    expect(all).not.toContain('未签发');
    expect(all).not.toContain('补打');
    expect(watermarkChars(pdf.bytes)).toEqual([]);
    // each copy marked on its own pages, page X/Y per copy
    v.copies.forEach((copy, c) => {
      for (const p of [0, 1]) {
        expect(pages[2 * c + p]).toContain(copy);
        expect(pages[2 * c + p]).toContain(`第 ${p + 1}/2 页`);
      }
    });
    // a page break carries the subtotal: 过次页 on page 1, 承前页 on page 2
    const [first] = planPages(20, (p) => rowsPerPage('A5') - (p > 0 ? 1 : 0), 2);
    const carried = formatFen(d20.lines.slice(0, first).reduce((a, l) => a + l.amountFen!, 0));
    expect(squash(pages[0])).toContain('过次页');
    expect(squash(pages[0])).not.toContain('承前页');
    expect(pages[0]).toContain(carried);
    expect(squash(pages[1])).toContain('承前页');
    expect(pages[1]).toContain(carried);
  });

  it('a dispatch the manager has not signed says 未签发, with a diagonal watermark; once signed it does not', async () => {
    const u = await createDispatch(o, 'KH005', dispatchLines(o, 6), { paymentMode: 'cash', memo: '客户自提' });
    const before = await render(o, { doc: 'dispatch', slipId: u.id, copies: ['第一联 存根'] }, o.tokens.statistician);
    const t = pdfText(before.bytes);
    expect(before.value.printId).toBeNull();
    expect(t).toContain('喆堃家居馆');
    expect(t).toContain('未签发');
    expect(t).toContain('预览');
    expect(t).toContain('现金');
    expect(watermarkChars(before.bytes).sort()).toEqual(['发', '未', '签']);
    await sign(o, u.id, 'manager');
    const after = await render(o, { doc: 'dispatch', slipId: u.id, copies: ['第一联 存根'] }, o.tokens.finance);
    const t2 = pdfText(after.bytes);
    expect(t2).not.toContain('未签发');
    expect(t2).toContain('待财务主管签字');
    expect(t2).toContain('张伟');
    expect(watermarkChars(after.bytes)).toEqual([]);
  });

  it('a reprint says 补打 with its number, and the print log keeps every print', async () => {
    const d = await postedDispatch(o, 'KH001', 3);
    const first = await printDoc(o, { doc: 'dispatch', slipId: d.id }, o.tokens.finance);
    expect(pdfText(first.bytes)).not.toContain('补打');
    const again = await printDoc(o, { doc: 'dispatch', slipId: d.id, copies: ['第二联 客户'] }, o.tokens.keeper);
    expect(again.value.printNo).toBe(2);
    expect(again.value.copies).toEqual(['第二联 客户']);
    expect(again.value.pages).toBe(1);
    expect(again.value.fileName).toContain('补打');
    const t = pdfText(again.bytes);
    expect(t).toContain('补打(第2次打印)');
    expect(t).toContain('第二联 客户');
    expect(t).not.toContain('第一联 存根');
    expect(t).toContain('打印: 王强');
    // rendering the same print again gives the same paper (the log decides copies and number)
    const same = ok(
      await o.core.call('documents.render', { doc: 'dispatch', slipId: d.id, printId: again.value.printId! }, { sessionToken: o.tokens.manager }),
    );
    expect(same.printNo).toBe(2);
    const log = ok(await o.core.call('documents.printLog', { slipId: d.id }, { sessionToken: o.tokens.manager }));
    expect(log.total).toBe(2);
    expect(log.rows.map((r) => [r.printNo, r.printedBy.name, r.copies.length, r.slipNo])).toEqual([
      [2, '王强', 1, d.no],
      [1, '刘洋', 4, d.no],
    ]);
    expect(log.rows[0].contentHash).toBe(d.contentHash);
    const audit = o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'documents.recordPrint' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(audit).toContain(d.no);
    expect(audit).toContain('第2次打印');
  });

  it('40 lines: A5 pages carry 承前页 / 过次页 subtotals and page X/Y; A4 holds them on one page', async () => {
    const d40 = await postedDispatch(o, 'KH007', 40, { paymentMode: 'bank' });
    const a5 = await render(o, { doc: 'dispatch', slipId: d40.id, copies: ['第三联 财务'] });
    const plan = planPages(40, (p) => rowsPerPage('A5') - (p > 0 ? 1 : 0), 2);
    expect(plan.reduce((a, b) => a + b, 0)).toBe(40);
    const pages = pdfPages(a5.bytes);
    expect(pages).toHaveLength(plan.length);
    expect(a5.value.pages).toBe(plan.length);
    let start = 0;
    let carried = 0;
    pages.forEach((page, p) => {
      const s = squash(page);
      expect(page).toContain('镕达装饰 县城分销点');
      expect(page).toContain(`第 ${p + 1}/${plan.length} 页`);
      if (p > 0) {
        expect(s).toContain('承前页');
        expect(page).toContain(formatFen(carried));
      } else expect(s).not.toContain('承前页');
      for (const l of d40.lines.slice(start, start + plan[p])) carried += l.amountFen!;
      start += plan[p];
      if (p < plan.length - 1) {
        expect(s).toContain('过次页');
        expect(page).toContain(formatFen(carried));
        expect(s).not.toContain('合计人民币');
      } else {
        expect(s).not.toContain('过次页');
        expect(page).toContain(yuan(d40.totalAmountFen!));
        expect(s).toContain(fenToChineseCapital(d40.totalAmountFen!));
        expect(page).toContain('银行转账');
      }
    });
    const a4 = await render(o, { doc: 'dispatch', slipId: d40.id, paper: 'A4', copies: ['第四联 仓库'] });
    expect(a4.value.pages).toBe(1);
    expect(a4.value.paper).toBe('A4');
    const t = pdfText(a4.bytes);
    expect(squash(t)).not.toContain('过次页');
    for (const l of d40.lines) expect(t).toContain(`${formatFen(l.amountFen!)}`);
  });

  it('an inbound slip shows the supplier, the delivery note number and unit costs', async () => {
    const pdf = await render(o, { doc: 'inbound', slipId: inbound.id, copies: ['第三联 仓库'] });
    const t = pdfText(pdf.bytes);
    expect(squash(t)).toContain('进仓单');
    for (const s of [
      inbound.no,
      '营销中心总部仓',
      '随货同行联号',
      'HQ-2026-11-0088',
      '单位成本(元)',
      '52.00',
      formatFen(2000 * 5200),
      '仓管收货',
      '王强',
      '11月第二批到货',
    ])
      expect(t).toContain(s);
    expect(squash(t)).toContain(fenToChineseCapital(inbound.totalAmountFen!));
    expect(t).not.toContain('未签发');
  });

  it('a return shows the dispatch it comes back against, the refund mode and the manager’s signature', async () => {
    const d = await postedDispatch(o, 'KH003', 4, { paymentMode: 'wechat' });
    const r = ok(
      await o.core.call(
        'slips.create',
        {
          kind: 'return',
          sourceSlipId: d.id,
          paymentMode: 'wechat',
          memo: '破损退回',
          lines: [{ itemId: d.lines[1].itemId, qty: 2, sourceLineId: d.lines[1].id }],
        },
        { sessionToken: o.tokens.sales },
      ),
    );
    const unsigned = pdfText((await render(o, { doc: 'return', slipId: r.id, copies: ['第二联 客户'] })).bytes);
    expect(unsigned).toContain('未签发');
    await sign(o, r.id, 'manager');
    const before = pdfText((await render(o, { doc: 'return', slipId: r.id })).bytes);
    expect(before).not.toContain('次品');
    // the keeper receives both units and marks the line defective (次品)
    const posted = ok(
      await o.core.call('slips.post', { slipId: r.id, picked: [{ lineId: r.lines[0].id, qty: 2, defective: true }] }, { sessionToken: o.tokens.keeper }),
    );
    const t = pdfText((await render(o, { doc: 'return', slipId: r.id })).bytes);
    expect(squash(t)).toContain('品质');
    expect(squash(t)).toContain('次品');
    expect(squash(t)).toContain('退货单');
    for (const s of [posted.no, '原发货单', d.no, '新城专卖店', '退款方式', '微信', '经理签发', '张伟', '仓管收货', '破损退回', yuan(posted.totalAmountFen!)])
      expect(t).toContain(s);
    expect(t).not.toContain('未签发');
  });

  it('a return without a dispatch says so in its header (无原单退货, 上线前销售) and prints no cost', async () => {
    const itemId = (await postedDispatch(o, 'KH002', 1)).lines[0].itemId;
    const r = ok(
      await o.core.call(
        'slips.create',
        { kind: 'return', preGoLive: true, customerId: o.customerId('KH003'), paymentMode: 'cash', lines: [{ itemId, qty: 2, priceFen: 4321 }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    await sign(o, r.id, 'manager');
    const t = pdfText((await render(o, { doc: 'return', slipId: r.id })).bytes);
    for (const s of ['退货类别', '无原单退货(上线前销售)', '新城专卖店', '现金', '经理签发', formatFen(4321), yuan(8642)]) expect(t).toContain(s);
    expect(t).not.toContain('原发货单');
    expect(t).not.toContain(formatFen(r.lines[0].unitCostFen!));
  });

  it('a reversal (红字冲销单) shows negative amounts and its original; the reversed original says so', async () => {
    const d = await postedDispatch(o, 'KH002', 3);
    const { reversal } = ok(await o.core.call('slips.reverse', { slipId: d.id, reason: '数量录错', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.manager }));
    const t = pdfText((await render(o, { doc: 'reversal', slipId: reversal.id })).bytes);
    expect(squash(t)).toContain('红字冲销单');
    for (const s of [reversal.no, d.no, '数量录错', '华美装饰工程有限公司', `-${formatFen(d.lines[0].amountFen!)}`, `-￥${formatFen(d.totalAmountFen!)}`])
      expect(t).toContain(s);
    expect(squash(t)).toContain(fenToChineseCapital(-d.totalAmountFen!));
    expect(squash(t)).toContain('负');
    // 经理审核 and 财务 are filled from the reversal's signatures
    for (const who of [REVERSE_SIGNOFFS.manager.user, REVERSE_SIGNOFFS.finance.user]) expect(t).toContain(who);
    expect(squash(t)).toContain('经理审核');
    const orig = pdfText((await render(o, { doc: 'dispatch', slipId: d.id, copies: ['第一联 存根'] })).bytes);
    expect(orig).toContain(`已红字冲销 ${reversal.no}`);
    // a reversed inbound slip: unit costs, the supplier and the delivery note
    const inb = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-ERR-1', lines: [{ itemId: o.itemId('FL-0002'), qty: 10, unitCostFen: 3600 }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    await post(o, inb.id);
    const back = ok(
      await o.core.call('slips.reverse', { slipId: inb.id, reason: '供应商发错货', ...REVERSE_SIGNOFFS }, { sessionToken: o.tokens.keeper }),
    ).reversal;
    const ti = pdfText((await render(o, { doc: 'reversal', slipId: back.id, copies: ['第三联 仓库'] })).bytes);
    for (const s of ['单位成本(元)', '36.00', '-360.00', '营销中心总部仓', 'HQ-ERR-1', '环氧美缝剂 𠮷祥金', inb.no]) expect(ti).toContain(s);
  });

  it('long names, addresses and memos shrink or are cut on their line, never spilling onto another page', async () => {
    const long = '某某陶瓷总代理城南片区第三分销网点暨工程客户服务中心(原城南建材市场二期十八号门面)';
    ok(
      await o.core.call(
        'customers.update',
        { customerId: o.customerId('KH006'), name: long, address: long + long, contact: '一位联系人', phone: '0571-88888888 转 8001' },
        { sessionToken: o.tokens.manager },
      ),
    );
    const item = ok(
      await o.core.call(
        'items.create',
        {
          code: 'LONG-0000000000000000000001',
          name: '超长名称商品 '.repeat(8).trim(),
          spec: '1200×2400×9mm 通体大理石纹 哑光面 A 级',
          unit: '平方米',
          priceFen: 9_999_999,
        },
        { sessionToken: o.tokens.manager },
      ),
    );
    const inb = ok(
      await o.core.call(
        'slips.create',
        { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: 'HQ-L', lines: [{ itemId: item.id, qty: 999999, unitCostFen: 100 }] },
        { sessionToken: o.tokens.keeper },
      ),
    );
    await post(o, inb.id);
    const d = await createDispatch(o, 'KH006', [{ itemId: item.id, qty: 999999 }, ...dispatchLines(o, 5)], { paymentMode: 'cash', memo: long + long + long });
    for (const paper of ['A5', 'A4'] as const) {
      const pdf = await render(o, { doc: 'dispatch', slipId: d.id, paper });
      expect(pdf.value.pages).toBe(4);
      const t = pdfText(pdf.bytes);
      expect(t).toContain('…');
      expect(t).toContain('LONG-');
      expect(squash(t)).toContain(fenToChineseCapital(d.totalAmountFen!));
    }
  });

  it('refuses what cannot be printed, and whoever may not print', async () => {
    const u = await createDispatch(o, 'KH001', dispatchLines(o, 2));
    const code = async (p: Promise<unknown>) => err((await p) as never).code;
    expect(await code(o.core.call('documents.render', { doc: 'inbound', slipId: u.id }, { sessionToken: o.tokens.keeper }))).toBe('wrong_slip_kind');
    expect(await code(o.core.call('documents.render', { doc: 'dispatch' }, { sessionToken: o.tokens.keeper }))).toBe('document_target');
    expect(await code(o.core.call('documents.render', { doc: 'stockCard' }, { sessionToken: o.tokens.keeper }))).toBe('document_target');
    expect(await code(o.core.call('documents.render', { doc: 'dispatch', slipId: u.id, copies: ['第九联'] }, { sessionToken: o.tokens.keeper }))).toBe(
      'unknown_copy',
    );
    expect(await code(o.core.call('documents.render', { doc: 'dispatch', slipId: u.id }, { sessionToken: o.tokens.sales }))).toBe('forbidden');
    expect(await code(o.core.call('documents.recordPrint', { doc: 'dispatch', slipId: u.id }, { sessionToken: o.tokens.shipper }))).toBe('forbidden');
    // logged, then changed before the paper came out: that print is refused
    const rec = ok(await o.core.call('documents.recordPrint', { doc: 'dispatch', slipId: u.id }, { sessionToken: o.tokens.keeper }));
    ok(await o.core.call('slips.update', { slipId: u.id, memo: '改了' }, { sessionToken: o.tokens.sales }));
    expect(await code(o.core.call('documents.render', { doc: 'dispatch', slipId: u.id, printId: rec.id }, { sessionToken: o.tokens.keeper }))).toBe(
      'document_changed',
    );
    expect(await code(o.core.call('documents.render', { doc: 'dispatch', slipId: d20.id, printId: rec.id }, { sessionToken: o.tokens.keeper }))).toBe(
      'invalid_input',
    );
    // a voided draft previews with 作废 across it, but is not printed
    ok(await o.core.call('slips.void', { slipId: u.id, reason: '客户取消' }, { sessionToken: o.tokens.sales }));
    expect(await code(o.core.call('documents.recordPrint', { doc: 'dispatch', slipId: u.id }, { sessionToken: o.tokens.keeper }))).toBe('document_void');
    const t = pdfText((await render(o, { doc: 'dispatch', slipId: u.id, copies: ['第一联 存根'] })).bytes);
    expect(t).toContain('已作废');
  });

  it('paper and copies are the office’s settings, set by the manager', async () => {
    const keeperTry = await o.core.call('documents.updateSettings', { paper: 'A4' }, { sessionToken: o.tokens.keeper });
    expect(err(keeperTry).code).toBe('forbidden');
    const before = ok(await o.core.call('documents.settings', {}, { sessionToken: o.tokens.keeper }));
    expect(before.paper).toBe('A5');
    expect(before.copies.dispatch).toHaveLength(4);
    const s = ok(
      await o.core.call('documents.updateSettings', { paper: 'A4', copies: { dispatch: ['存根联', '客户联'] } }, { sessionToken: o.tokens.manager }),
    );
    expect(s.paper).toBe('A4');
    expect(s.copies.dispatch).toEqual(['存根联', '客户联']);
    expect(s.copies.inbound).toEqual(before.copies.inbound);
    const pdf = await render(o, { doc: 'dispatch', slipId: d20.id });
    expect(pdf.value.paper).toBe('A4');
    expect(pdf.value.copies).toEqual(['存根联', '客户联']);
    expect(pdf.value.pages).toBe(2);
    const t = pdfText(pdf.bytes);
    expect(t).toContain('客户联');
    ok(await o.core.call('documents.updateSettings', { paper: 'A5', copies: { dispatch: before.copies.dispatch } }, { sessionToken: o.tokens.manager }));
  });
});
