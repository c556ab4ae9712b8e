// The stock card (库存明细账) as printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../shared/money';
import { err, ok } from '../helpers/index';
import { businessDays, type Day } from '../helpers/printing-day';
import { pdfPages, printDoc, render } from '../helpers/printing-scenario';

const squash = (t: string) => t.replace(/\s+/g, '');

describe('the stock card (库存明细账)', () => {
  let day: Day;
  beforeAll(async () => {
    day = await businessDays({ cardDays: 4, perDay: 15 });
  });
  afterAll(() => day?.o.close());

  it('runs over pages with opening, 承前页/过次页, 本月合计 and 本年累计, period total and closing', async () => {
    const { o, cardItemId } = day;
    const card = ok(
      await o.core.call('stock.card', { itemId: cardItemId, from: '2026-11-01', to: '2026-12-31', limit: 1000 }, { sessionToken: o.tokens.keeper }),
    );
    expect(card.rows.length).toBeGreaterThan(60);
    const pdf = await printDoc(o, { doc: 'stockCard', itemId: cardItemId, from: '2026-11-01', to: '2026-12-31' }, o.tokens.statistician);
    expect(pdf.value.paper).toBe('A4');
    expect(pdf.value.fileName).toContain('CZ-8801');
    const pages = pdfPages(pdf.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.value.pages).toBe(pages.length);
    const all = pages.join('\n');
    expect(squash(pages[0])).toContain('库存明细账');
    for (const s of [
      'CZ-8801',
      '抛光砖 雅典米白',
      '800×800mm',
      '2026年11月01日 至 2026年12月31日',
      '期初结存',
      '2026年11月 本月合计',
      '2026年12月 本月合计',
      '2026年 本年累计',
      '退货记为红字发出',
      '本期合计',
      '期末结存',
    ])
      expect(all).toContain(s);
    expect(all).toContain('红字冲销');
    expect(all).toContain('𠮷野日式民宿(工程)');
    expect(all).toContain('喆堃家居馆');
    for (const r of card.rows) expect(all).toContain(r.slipNo);
    expect(all).toContain(formatFen(card.closing.amountFen));
    // the screen's figures: each month's totals and the year to date, as stock.card has them
    for (const m of card.monthEnds) for (const t of [m.monthTotals, m.yearTotals]) expect(all).toContain(formatFen(t.outAmountFen));
    const lastEnd = card.monthEnds.at(-1)!;
    expect(all).toContain(formatFen(lastEnd.balanceUnitCostFen!));
    pages.forEach((page, p) => {
      expect(page).toContain(`第 ${p + 1}/${pages.length} 页`);
      if (p > 0) expect(squash(page)).toContain('承前页');
      if (p < pages.length - 1) expect(squash(page)).toContain('过次页');
    });
    expect(squash(pages[0])).not.toContain('承前页');
    expect(squash(pages[pages.length - 1])).not.toContain('过次页');
    // period totals: what came in and went out, and the closing balance
    const inQty = card.rows.reduce((a, r) => a + (r.inQty ?? 0), 0);
    const outAmount = card.rows.reduce((a, r) => a + (r.outAmountFen ?? 0), 0);
    const last = squash(pages[pages.length - 1]);
    expect(last).toContain(inQty.toLocaleString('en-US'));
    expect(last).toContain(formatFen(outAmount));
  });

  it('is for the keeper, manager, statistician and finance; not for sales', async () => {
    const { o, cardItemId } = day;
    const r = await o.core.call('documents.render', { doc: 'stockCard', itemId: cardItemId }, { sessionToken: o.tokens.sales });
    expect(err(r).code).toBe('forbidden');
    const pdf = await render(o, { doc: 'stockCard', itemId: cardItemId, from: '2027-06-01', to: '2027-06-30' }, o.tokens.finance);
    const t = pdfText1(pdf.bytes);
    expect(t).toContain('期初结存');
    expect(t).toContain('期末结存');
    expect(pdf.value.pages).toBe(1);
  });
});

function pdfText1(b: Buffer): string {
  return pdfPages(b).join('\n');
}
