// The finance papers read back with poppler: 现金盘点表 (cash count sheet) of a closed day with
// a 0.50 元 short approved by the manager, and of a day still open (未日结); 客户对账单 (customer
// statement) with opening and closing balances, the rows, open slips and the rare customer names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Slip } from '../../shared/contract';
import { fenToChineseCapital, formatFen } from '../../shared/money';
import { buildStatementDoc, type StatementData } from '../../electron/printing/statement-doc';
import { renderPdf } from '../../electron/printing/pdf';
import { countsFor, dayAt, err, financeOffice, must, ok, postedDispatch, type DemoOffice } from '../helpers/finance';
import { pdfPages, pdfText, render } from '../helpers/printing-scenario';

const squash = (t: string) => t.replace(/\s+/g, '');
const yuan = (fen: number) => `￥${formatFen(fen)}`;

describe('finance papers', () => {
  let o: DemoOffice;
  let expectedFen: number;
  let counts: Record<string, number>;
  let yoshino: number;
  let credit27: Slip;
  let credit29: Slip;
  let statementPdf: Buffer;
  let cashPdf: Buffer;

  beforeAll(async () => {
    o = await financeOffice('2026-11-27');
    yoshino = o.customerId('KH008');
    // before the period: a credit sale, the statement's opening balance
    await dayAt(o, '2026-11-27');
    credit27 = await postedDispatch(o, 'KH008', 'credit', [['CZ-8801', 3]]);
    await dayAt(o, '2026-11-28');
    await postedDispatch(o, 'KH005', 'credit', [['WY-4001', 2]]);
    // the day: cash, WeChat and credit dispatches and a collection
    await dayAt(o, '2026-11-29');
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    await postedDispatch(o, 'KH003', 'wechat', [['WY-4001', 5]]);
    credit29 = await postedDispatch(o, 'KH008', 'credit', [['CZ-8802', 2]]);
    await must(o, 'finance', 'receivables.collect', { customerId: yoshino, account: 'cash', amountFen: 10_000, memo: '现金回款' });
    const p = await must(o, 'finance', 'dayClose.preview', { date: '2026-11-29' });
    expectedFen = p.cash.expectedFen;
    counts = countsFor(expectedFen - 50);
    const wechat = p.channels.find((c) => c.account === 'wechat')!.expectedFen;
    await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts,
      channels: { wechat, alipay: 0, bank: 0 },
      differenceReason: '找零差错',
      managerApproval: { user: o.names.manager, pin: o.pins.manager },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
    });
    cashPdf = (await render(o, { doc: 'cashCount', date: '2026-11-29' }, o.tokens.finance)).bytes;
    statementPdf = (await render(o, { doc: 'statement', customerId: yoshino, from: '2026-11-28', to: '2026-11-29' }, o.tokens.sales)).bytes;
  }, 30_000);
  afterAll(() => o?.close());

  it('the cash count sheet of a closed day: denominations, total, book vs count, 短款 0.50, checks and signers', () => {
    const pages = pdfPages(cashPdf);
    expect(pages).toHaveLength(1);
    const t = pages[0];
    const s = squash(t);
    expect(s).toContain('现金盘点表');
    expect(s).toContain('2026年11月29日');
    expect(t).not.toContain('未日结');
    for (const label of ['100元', '50元', '20元', '10元', '5元', '1元', '5角', '1角']) expect(s).toContain(label);
    // each denomination row: 张数 × 面额 = 金额
    const hundreds = counts['10000'];
    expect(t).toMatch(new RegExp(`100元\\s+${hundreds}\\s+×\\s+100\\.00\\s+=\\s+${formatFen(hundreds * 10000).replace('.', '\\.')}`));
    expect(t).toMatch(/5角\s+\d+\s+×\s+0\.50\s+=/);
    const counted = expectedFen - 50;
    expect(t).toContain(yuan(counted));
    expect(s).toContain(`实点合计人民币(大写):${fenToChineseCapital(counted)}`);
    expect(t).toMatch(new RegExp(`账面应存\\s+${yuan(expectedFen).replace(/[.$]/g, '\\$&')}`));
    expect(s).toContain('短款￥0.50');
    expect(s).toContain('找零差错');
    expect(s).toContain('现付202611290001');
    expect(s).toContain('微信');
    expect(s).toMatch(/已批准·/);
    for (const name of [o.names.finance, o.names.statistician, o.names.manager]) expect(s).toContain(name);
    expect(s).toContain('出纳/财务主管');
    // the close's anchor of the audit chain, in short: the row, the head's hash and the signature
    const anchor = o.core.db.prepare('SELECT audit_seq, audit_hash, signature FROM audit_anchors').get() as Record<string, string>;
    const sig = Buffer.from(anchor.signature, 'base64').toString('hex').slice(0, 8);
    expect(s).toContain(`审计锚点#${anchor.audit_seq}·${anchor.audit_hash.slice(0, 12)}…·签名${sig}…`);
    expect(s).toContain('统计员复核');
    expect(s).toContain('经理审批');
    expect((s.match(/通过/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(s).not.toContain('未通过');
  });

  it('the statement: header with the rare name, opening, rows, totals, closing in figures and 大写, open slips, confirmation', async () => {
    const st = await must(o, 'finance', 'receivables.statement', { customerId: yoshino, from: '2026-11-28', to: '2026-11-29' });
    expect(st.openingFen).toBe(credit27.totalAmountFen);
    const t = pdfText(statementPdf);
    const s = squash(t);
    expect(t).toContain('𠮷野日式民宿(工程)');
    expect(s).toContain('客户对账单');
    expect(s).toContain('孙悦');
    expect(s).toContain('13800010008');
    expect(s).toContain('古镇西街3号');
    expect(s).toContain('对账期间:2026年11月28日至2026年11月29日');
    expect(t).toMatch(new RegExp(`期初余额\\s+${formatFen(st.openingFen).replace('.', '\\.')}`));
    expect(t).toContain(credit29.no);
    expect(s).toContain(formatFen(credit29.totalAmountFen!));
    expect(s).toContain('100.00'); // the collection
    expect(st.rows.length).toBe(2);
    for (const r of st.rows) expect(s).toContain(r.docNo!);
    expect(st.closingFen).toBe(credit27.totalAmountFen! + credit29.totalAmountFen! - 10_000);
    expect(s).toContain(`期末余额${yuan(st.closingFen)}`);
    expect(s).toContain(`期末余额(大写):${fenToChineseCapital(st.closingFen)}`);
    expect(s).toContain('未结清单据');
    for (const x of st.openSlips) expect(s).toContain(x.slipNo!);
    expect(t).toMatch(new RegExp(`${credit27.no}\\s+2026-11-27.*\\s2\\s*$`, 'm')); // 2 days old
    expect(s).toContain('客户确认');
    expect(s).toContain('□余额无误');
    expect(s).toContain('□余额有误');
    expect(s).toContain('客户签章');
    expect(s).toContain('财务(签章)');
  });

  it('a statement for 喆堃家居馆 keeps the name exactly', async () => {
    const pdf = await render(o, { doc: 'statement', customerId: o.customerId('KH005'), from: '2026-11-01', to: '2026-11-29' }, o.tokens.finance);
    const t = pdfText(pdf.bytes);
    expect(t).toContain('喆堃家居馆');
    expect(pdf.value.fileName).toBe('客户对账单_KH005_喆堃家居馆_2026-11-01_2026-11-29.pdf');
  });

  it("a statement gives the office's phone for the customer's questions, once the setup has it", async () => {
    const target = { doc: 'statement', customerId: o.customerId('KH005'), from: '2026-11-01', to: '2026-11-29' } as const;
    expect(squash(pdfText((await render(o, target, o.tokens.finance)).bytes))).not.toContain('电话0571');
    ok(await o.core.call('office.update', { phone: '0571-8888 6666' }, { sessionToken: o.tokens.manager }));
    expect(squash(pdfText((await render(o, target, o.tokens.finance)).bytes))).toContain('(对账专用·电话0571-88886666)');
  });

  it('roles: keeper may not render either; sales may render the statement but not the cash count; no print log', async () => {
    expect(err(await o.core.call('documents.render', { doc: 'cashCount', date: '2026-11-29' }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
    expect(err(await o.core.call('documents.render', { doc: 'statement', customerId: yoshino }, { sessionToken: o.tokens.keeper })).code).toBe('forbidden');
    expect(err(await o.core.call('documents.render', { doc: 'cashCount', date: '2026-11-29' }, { sessionToken: o.tokens.sales })).code).toBe('forbidden');
    expect(err(await o.core.call('documents.render', { doc: 'statement' }, { sessionToken: o.tokens.sales })).code).toBe('document_target');
    expect(err(await o.core.call('documents.recordPrint', { doc: 'cashCount', date: '2026-11-29' }, { sessionToken: o.tokens.finance })).code).toBe(
      'invalid_input',
    );
    ok(await o.core.call('documents.render', { doc: 'cashCount', date: '2026-11-29' }, { sessionToken: o.tokens.statistician }));
    // sales still may not print slips or stock cards
    expect(err(await o.core.call('documents.render', { doc: 'dispatch', slipId: credit29.id }, { sessionToken: o.tokens.sales })).code).toBe('forbidden');
    expect(err(await o.core.call('documents.render', { doc: 'stockCard', itemId: o.itemId('CZ-8801') }, { sessionToken: o.tokens.sales })).code).toBe(
      'forbidden',
    );
  });

  it('a day still open prints as a preview with the 未日结 watermark and a blank count', async () => {
    await dayAt(o, '2026-11-30');
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const pdf = await render(o, { doc: 'cashCount' }, o.tokens.manager);
    expect(pdf.value.fileName).toBe('现金盘点表_2026-11-30_未日结.pdf');
    const t = pdfText(pdf.bytes);
    expect(squash(t)).toContain('未日结·预览');
    expect(squash(t)).toContain('2026年11月30日');
    // the diagonal watermark comes out as single characters in the plain text
    const single = pdfText(pdf.bytes, { layout: false })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l === '未' || l === '日' || l === '结');
    expect([...single].sort()).toEqual(['日', '未', '结'].sort());
    expect(t).not.toContain('短款￥');
    // a day before the first close: locked by it, no record of its own, no watermark
    const locked = await render(o, { doc: 'cashCount', date: '2026-11-28' }, o.tokens.finance);
    expect(locked.value.fileName).toBe('现金盘点表_2026-11-28.pdf');
    expect(squash(pdfText(locked.bytes))).toContain('已锁账·无日结记录');
  });

  it('a long statement runs over pages with 承前页/过次页 carrying the running totals', async () => {
    const rows: StatementData['rows'] = [];
    let bal = 50_000;
    for (let i = 0; i < 90; i++) {
      const sale = i % 3 !== 2;
      const amt = 1_000 + i * 7;
      bal += sale ? amt : -amt;
      rows.push({
        date: '2026-11-10',
        kind: sale ? 'sale' : 'collection',
        docNo: `FH2026111000${String(i).padStart(2, '0')}`,
        summary: sale ? '发货' : '回款',
        debitFen: sale ? amt : null,
        creditFen: sale ? null : amt,
        balanceFen: bal,
      });
    }
    const inc = rows.reduce((a, r) => a + (r.debitFen ?? 0), 0);
    const dec = rows.reduce((a, r) => a + (r.creditFen ?? 0), 0);
    const built = buildStatementDoc({
      office: { name: '华东区 临安办事处', shortName: '临安', timezone: 'Asia/Shanghai' },
      customer: { code: 'KH008', name: '𠮷野日式民宿(工程)', contact: '孙悦', phone: '13800010008', address: '古镇西街3号' },
      from: '2026-11-01',
      to: '2026-11-30',
      openingFen: 50_000,
      rows,
      salesFen: inc,
      collectionsFen: dec,
      creditNotesFen: 0,
      closingFen: bal,
      openSlips: Array.from({ length: 11 }, (_, i) => ({
        slipNo: `FH20261110${i}`,
        date: '2026-11-10',
        amountFen: 1000,
        settledFen: 0,
        openFen: 1000,
        ageDays: 20,
      })),
      prepaymentFen: 0,
    });
    const pdf = await renderPdf(built.doc);
    expect(pdf.pages).toBe(built.pages);
    expect(built.pages).toBeGreaterThanOrEqual(2);
    const pages = pdfPages(pdf.bytes);
    expect(pages).toHaveLength(built.pages);
    for (let p = 0; p < pages.length; p++) {
      expect(pages[p]).toContain('𠮷野日式民宿(工程)');
      expect(squash(pages[p])).toContain(`第${p + 1}/${pages.length}页`);
      if (p > 0) expect(squash(pages[p])).toContain('承前页');
      if (p < pages.length - 1) expect(squash(pages[p])).toContain('过次页');
    }
    // the 过次页 of a page is the 承前页 of the next
    const carried = (page: string, label: string) =>
      squash(page)
        .match(new RegExp(`${label}([\\d,]+\\.\\d\\d)([\\d,]+\\.\\d\\d)([\\d,]+\\.\\d\\d)`))!
        .slice(1);
    for (let p = 0; p < pages.length - 1; p++) expect(carried(pages[p + 1], '承前页')).toEqual(carried(pages[p], '过次页'));
    const last = squash(pages.at(-1)!);
    expect(last).toContain(`本期合计${formatFen(inc)}${formatFen(dec)}${formatFen(bal)}`);
    expect(last).toContain('另有3张未结单据');
    expect(last).toContain('客户确认');
  });
});
