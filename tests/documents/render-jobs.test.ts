// Long documents in the background (documents.startRender / progress / cancelRender, laid out a
// few pages at a time by electron/printing/paged.ts): progress page by page, the same PDF as
// documents.render, and a cancel that stops the work and leaves nothing written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderJob, StockCardRow } from '../../shared/contract';
import { buildStockCardDoc, buildStockCardPages, stockCardRowsPerPage, type StockCardDocData } from '../../electron/printing/stock-card-doc';
import { PagedCancelled, renderPaged } from '../../electron/printing/paged';
import { renderPdf } from '../../electron/printing/pdf';
import { err, ok } from '../helpers';
import { pdfText, stockedOffice, type PrintOffice } from '../helpers/printing-scenario';

/** A card of `pages` pages, made up (no database): the layout alone. */
function madeUpCard(pages: number): StockCardDocData {
  const n = pages * (stockCardRowsPerPage() - 2);
  const rows = Array.from({ length: n }, (_, i): StockCardRow => {
    const date = `2026-${String(1 + Math.floor(i / 300)).padStart(2, '0')}-${String(1 + (Math.floor(i / 10) % 28)).padStart(2, '0')}`;
    return {
      moveId: i + 1,
      lastMoveId: i + 1,
      date,
      postedAt: `${date}T02:00:00Z`,
      slipId: i + 1,
      slipNo: `JC${date.replace(/-/g, '')}${String(i % 10000).padStart(4, '0')}`,
      slipKind: 'inbound',
      summary: '进仓',
      counterparty: '总部',
      refNo: null,
      inQty: 1,
      inUnitCostFen: 100,
      inAmountFen: 100,
      outQty: null,
      outUnitCostFen: null,
      outAmountFen: null,
      balanceQty: i + 1,
      balanceAmountFen: (i + 1) * 100,
      balanceUnitCostFen: 100,
      defectiveQty: 0,
      layers: [],
    };
  });
  const item = {
    id: 1,
    code: 'CZ-8801',
    name: '抛光砖',
    spec: '800×800',
    unit: '片',
    safetyStock: 0,
    location: '',
    category: '',
    priceFen: 0,
    pinyin: '',
    barcodes: [],
    active: true,
  };
  return {
    office: { name: '测试办事处', shortName: '测试', timezone: 'Asia/Shanghai' },
    item,
    from: null,
    to: '2026-12-31',
    opening: { qty: 0, amountFen: 0 },
    closing: { qty: n, amountFen: n * 100 },
    rows,
    monthEnds: [],
    returnsOnCard: 'redIssue',
    print: null,
  };
}

describe('a long document laid out a few pages at a time', () => {
  it('gives the same pages as the whole at once, and says how far it got', async () => {
    const card = madeUpCard(12);
    const seen: number[] = [];
    const paged = await renderPaged(buildStockCardPages(card), { onPage: (done) => seen.push(done) });
    const whole = await renderPdf(buildStockCardDoc(card).doc);
    expect(paged.pages).toBe(whole.pages);
    expect(pdfText(paged.bytes)).toBe(pdfText(whole.bytes));
    expect(seen.at(-1)).toBe(paged.pages);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBeGreaterThan(1);
  });

  it('stops at the next chunk when cancelled, and lays out nothing after', async () => {
    const seen: number[] = [];
    let stop = false;
    const run = renderPaged(buildStockCardPages(madeUpCard(40)), {
      onPage: (done) => {
        seen.push(done);
        if (done >= 10) stop = true;
      },
      cancelled: () => stop,
    });
    await expect(run).rejects.toBeInstanceOf(PagedCancelled);
    const last = seen.at(-1)!;
    expect(last).toBeGreaterThanOrEqual(10);
    expect(last).toBeLessThan(40);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.at(-1)).toBe(last);
  });
});

describe('documents.startRender / progress / cancelRender', () => {
  let o: PrintOffice;
  let itemId: number;
  beforeAll(async () => {
    ({ o } = await stockedOffice(10));
    itemId = o.itemId('CZ-8801');
    // a card of a few pages: 80 more receipts of the item
    for (let i = 0; i < 80; i++) {
      const s = ok(
        await o.core.call(
          'slips.create',
          { kind: 'inbound', supplierId: o.supplierId, deliveryNoteNo: `HQ-${i}`, lines: [{ itemId, qty: 1, unitCostFen: 100 }] },
          { sessionToken: o.tokens.keeper },
        ),
      );
      ok(await o.core.call('slips.post', { slipId: s.id }, { sessionToken: o.tokens.keeper }));
    }
  }, 60_000);
  afterAll(() => o?.close());

  const k = () => ({ sessionToken: o.tokens.keeper });
  const state = () => [o.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(), o.core.db.prepare('SELECT COUNT(*) FROM print_log').pluck().get()];

  async function finish(job: RenderJob): Promise<RenderJob[]> {
    const seen = [job];
    while (seen.at(-1)!.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(ok(await o.core.call('documents.progress', { jobId: job.jobId }, k())));
    }
    return seen;
  }

  it('renders in the background, page by page, to the PDF documents.render gives; hands it over once', async () => {
    const target = { doc: 'stockCard' as const, itemId, to: '2026-12-31' };
    const job = ok(await o.core.call('documents.startRender', target, k()));
    expect(job.state).toBe('running');
    expect(job.pages).toBeGreaterThanOrEqual(3);
    const seen = await finish(job);
    const done = seen.at(-1)!;
    expect(done.state).toBe('done');
    expect(seen.map((s) => s.page)).toEqual([...seen.map((s) => s.page)].sort((a, b) => a - b));
    const whole = ok(await o.core.call('documents.render', target, k()));
    expect(done.document!.pages).toBe(whole.pages);
    expect(pdfText(Buffer.from(done.document!.base64, 'base64'))).toBe(pdfText(Buffer.from(whole.base64, 'base64')));
    expect(err(await o.core.call('documents.progress', { jobId: job.jobId }, k())).code).toBe('not_found');
  });

  it('cancel stops it before its pages; nothing is written; only its owner sees it', async () => {
    const before = state();
    const job = ok(await o.core.call('documents.startRender', { doc: 'stockCard', itemId }, k()));
    expect(err(await o.core.call('documents.progress', { jobId: job.jobId }, { sessionToken: o.tokens.manager })).code).toBe('not_found');
    ok(await o.core.call('documents.cancelRender', { jobId: job.jobId }, k()));
    const seen = await finish(job);
    expect(seen.at(-1)!.state).toBe('cancelled');
    expect(seen.at(-1)!.page).toBeLessThan(job.pages);
    expect(seen.at(-1)!.document).toBeNull();
    expect(state()).toEqual(before);
  });

  it('a slip renders in the background too; a finance paper does not', async () => {
    const slips = ok(await o.core.call('slips.list', { kind: 'inbound', limit: 1 }, k())).rows;
    const done = (await finish(ok(await o.core.call('documents.startRender', { doc: 'inbound', slipId: slips[0].id }, k())))).at(-1)!;
    expect([done.state, done.document?.pages]).toEqual(['done', done.pages]);
    expect(err(await o.core.call('documents.startRender', { doc: 'cashCount' }, { sessionToken: o.tokens.finance })).code).toBe('invalid_input');
  });
});
