// Preview vs print in the print log (documents.recordPreview / documents.confirmPrint): opening a
// document's paper to print it is logged as a preview; it counts as printed, and for 补打, only
// once confirmed. A preview is confirmed once, and not after its slip changed or another print
// came in between.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, ok } from '../helpers';
import { createDispatch, dispatchLines, pdfText, stockedOffice, type PrintOffice } from '../helpers/printing-scenario';

describe('preview and print in the print log', () => {
  let o: PrintOffice;
  beforeAll(async () => {
    ({ o } = await stockedOffice(100));
  });
  afterAll(() => o?.close());

  const k = () => ({ sessionToken: o.tokens.keeper });
  const log = async (slipId: number) => ok(await o.core.call('documents.printLog', { slipId }, k())).rows;

  it('a preview is logged as a preview and does not make the next paper a reprint', async () => {
    const d = await createDispatch(o, 'KH001', dispatchLines(o, 2));
    const p1 = ok(await o.core.call('documents.recordPreview', { doc: 'dispatch', slipId: d.id }, k()));
    expect([p1.kind, p1.printNo, p1.previewId]).toEqual(['preview', 1, null]);
    // a second preview before any print: still the first print's paper, no 补打
    const p2 = ok(await o.core.call('documents.recordPreview', { doc: 'dispatch', slipId: d.id }, k()));
    expect([p2.kind, p2.printNo]).toEqual(['preview', 1]);
    const paper = ok(await o.core.call('documents.render', { doc: 'dispatch', slipId: d.id, printId: p2.id }, k()));
    expect(pdfText(Buffer.from(paper.base64, 'base64'))).not.toContain('补打');
    expect((await log(d.id)).map((r) => r.kind)).toEqual(['preview', 'preview']);

    // the user printed the second preview: that is print no. 1
    const printed = ok(await o.core.call('documents.confirmPrint', { printId: p2.id }, k()));
    expect([printed.kind, printed.printNo, printed.previewId, printed.copies]).toEqual(['printed', 1, p2.id, p2.copies]);
    // the first preview's number is taken now: confirming it would print a paper saying 1 as the 2nd
    expect(err(await o.core.call('documents.confirmPrint', { printId: p1.id }, k())).message_zh).toContain('补打编号已变');
    // confirmed once only, and only previews
    expect(err(await o.core.call('documents.confirmPrint', { printId: p2.id }, k())).message_zh).toContain('已记为打印');
    expect(err(await o.core.call('documents.confirmPrint', { printId: printed.id }, k())).message_zh).toContain('不是预览');

    // the next preview is the first reprint (补打), and its paper says so
    const p3 = ok(await o.core.call('documents.recordPreview', { doc: 'dispatch', slipId: d.id }, k()));
    expect(p3.printNo).toBe(2);
    const reprint = ok(await o.core.call('documents.render', { doc: 'dispatch', slipId: d.id, printId: p3.id }, k()));
    expect(pdfText(Buffer.from(reprint.base64, 'base64'))).toContain('补打');
    expect(ok(await o.core.call('documents.confirmPrint', { printId: p3.id }, k())).printNo).toBe(2);
    const rows = await log(d.id);
    expect(rows.filter((r) => r.kind === 'printed').map((r) => r.printNo)).toEqual([2, 1]);
    expect(rows.filter((r) => r.kind === 'preview')).toHaveLength(3);
  });

  it('a print logged in one step (recordPrint) counts, and previews do not move its number', async () => {
    const d = await createDispatch(o, 'KH001', dispatchLines(o, 1));
    ok(await o.core.call('documents.recordPreview', { doc: 'dispatch', slipId: d.id }, k()));
    const r = ok(await o.core.call('documents.recordPrint', { doc: 'dispatch', slipId: d.id }, k()));
    expect([r.kind, r.printNo]).toEqual(['printed', 1]);
  });

  it('a preview of a slip changed since is not confirmed; who may not print may not confirm', async () => {
    const d = await createDispatch(o, 'KH001', dispatchLines(o, 1));
    const p = ok(await o.core.call('documents.recordPreview', { doc: 'dispatch', slipId: d.id }, k()));
    expect(err(await o.core.call('documents.confirmPrint', { printId: p.id }, { sessionToken: o.tokens.shipper })).code).toBe('forbidden');
    ok(await o.core.call('slips.update', { slipId: d.id, memo: '改了' }, { sessionToken: o.tokens.sales }));
    expect(err(await o.core.call('documents.confirmPrint', { printId: p.id }, k())).code).toBe('document_changed');
    expect(err(await o.core.call('documents.confirmPrint', { printId: 999999 }, k())).code).toBe('not_found');
    expect((await log(d.id)).map((r) => r.kind)).toEqual(['preview']);
  });

  it('the stock card: previews and prints of an item count apart from each other', async () => {
    const itemId = o.itemId('CZ-8801');
    const p = ok(await o.core.call('documents.recordPreview', { doc: 'stockCard', itemId }, k()));
    expect([p.kind, p.printNo, p.itemId]).toEqual(['preview', 1, itemId]);
    expect(ok(await o.core.call('documents.confirmPrint', { printId: p.id }, k())).printNo).toBe(1);
    expect(ok(await o.core.call('documents.recordPreview', { doc: 'stockCard', itemId }, k())).printNo).toBe(2);
  });
});
