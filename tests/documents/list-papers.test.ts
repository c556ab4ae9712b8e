// The pick list (拣货单) and a count's papers (盘点表 / 盘点报告) go through the documents' print path:
// logged in print_log with their 补打 number, rendered from the log entry, read back with poppler.
// The pick list lists a signed dispatch's lines by 库位, each with the oldest layer's inbound date and
// slip number (what the pick screen shows), the quantity and a box to tick.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../shared/contract';
import { decodeQr, pdfText } from '../helpers/printing-scenario';
import { financeOffice, must, receive, refused, signedDispatch, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
const SHOTS = join(process.cwd(), '.tmp', 'shots');
beforeEach(async () => {
  o = await financeOffice();
  mkdirSync(SHOTS, { recursive: true });
});
afterEach(() => o.close());

const pdf = (doc: RenderedDocument, name: string) => {
  const b = Buffer.from(doc.base64, 'base64');
  writeFileSync(join(SHOTS, name), b);
  return b;
};

describe('the pick list (拣货单)', () => {
  it('prints a signed dispatch by location with the oldest layer per line, logged, 补打 from the second print', async () => {
    const first = (await must(o, 'keeper', 'slips.list', { kind: 'inbound' })).rows[0];
    await receive(o, [['CZ-8801', 5, 5300]]); // a newer layer: the oldest stays the first inbound's
    // lines out of shelf order: B-04-3, A-01-1, B-01-2
    const d = await signedDispatch(o, 'KH002', 'cash', [
      ['WY-1001', 2],
      ['CZ-8801', 3],
      ['CZ-8802', 1],
    ]);
    const rec = await must(o, 'keeper', 'documents.recordPrint', { doc: 'pickList', slipId: d.id });
    expect(rec).toMatchObject({ doc: 'pickList', slipId: d.id, slipNo: d.no, printNo: 1, paper: 'A4', copies: [], contentHash: d.contentHash });
    const paper = await must(o, 'keeper', 'documents.render', { doc: 'pickList', slipId: d.id, printId: rec.id });
    expect(paper.fileName).toBe(`拣货单_${d.no}.pdf`);
    const bytes = pdf(paper, 'pick-list.pdf');
    const text = pdfText(bytes);
    expect(text).toContain('拣货单');
    expect(text).toContain(d.no);
    const at = ['CZ-8801', 'CZ-8802', 'WY-1001'].map((code) => text.indexOf(code)); // A-01-1, B-01-2, B-04-3
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain(first.no); // each line's oldest layer came in on the first inbound
    expect(text).toContain('合计 6 件');
    expect(text).not.toContain('补打');
    expect(decodeQr(bytes)).toEqual([d.no]);
    const again = await must(o, 'keeper', 'documents.recordPrint', { doc: 'pickList', slipId: d.id });
    expect(again.printNo).toBe(2);
    const reprint = await must(o, 'keeper', 'documents.render', { doc: 'pickList', slipId: d.id, printId: again.id });
    expect(reprint.fileName).toBe(`拣货单_${d.no}_补打2.pdf`);
    expect(pdfText(Buffer.from(reprint.base64, 'base64'))).toContain('补打(第2次打印)');
    const log = await must(o, 'manager', 'documents.printLog', { slipId: d.id });
    expect(log.rows.map((r) => [r.doc, r.printNo])).toEqual([
      ['pickList', 2],
      ['pickList', 1],
    ]);
  });

  it('is a dispatch’s paper only; a sales clerk does not print it', async () => {
    const inbound = (await must(o, 'keeper', 'slips.list', { kind: 'inbound' })).rows[0];
    expect((await refused(o, 'keeper', 'documents.recordPrint', { doc: 'pickList', slipId: inbound.id })).code).toBe('wrong_slip_kind');
    expect((await refused(o, 'keeper', 'documents.recordPrint', { doc: 'pickList' })).code).toBe('document_target');
    const d = await signedDispatch(o, 'KH002', 'cash', [['CZ-8801', 1]]);
    expect((await refused(o, 'sales', 'documents.recordPrint', { doc: 'pickList', slipId: d.id })).code).toBe('forbidden');
    expect((await must(o, 'manager', 'documents.printLog', {})).total).toBe(0);
  });
});

describe('count papers in the print log', () => {
  it('logs the sheet and the report with their 补打 numbers; the report stays hidden from a blind counter', async () => {
    const c = await must(o, 'keeper', 'counts.create', { kind: 'monthEnd' });
    const one = await must(o, 'keeper', 'documents.recordPrint', { doc: 'countSheet', countId: c.id });
    expect(one).toMatchObject({ doc: 'countSheet', countId: c.id, countNo: c.no, slipId: null, printNo: 1 });
    const two = await must(o, 'keeper', 'documents.recordPreview', { doc: 'countSheet', countId: c.id });
    expect(two.printNo).toBe(2);
    const sheet = await must(o, 'keeper', 'documents.render', { doc: 'countSheet', countId: c.id, printId: two.id });
    expect(sheet.fileName).toBe(`盘点表_${c.no}_补打2.pdf`);
    expect(pdfText(pdf(sheet, 'count-sheet-reprint.pdf'))).toContain('补打(第2次打印)');
    expect((await must(o, 'keeper', 'documents.confirmPrint', { printId: two.id })).printNo).toBe(2);
    expect((await refused(o, 'keeper', 'documents.recordPrint', { doc: 'countReport', countId: c.id })).code).toBe('count_blind_open');
    expect((await refused(o, 'keeper', 'documents.render', { doc: 'countReport', countId: c.id })).code).toBe('count_blind_open');
    const report = await must(o, 'manager', 'documents.recordPrint', { doc: 'countReport', countId: c.id });
    expect(report.printNo).toBe(1);
    // nor the manager's logged print of it, by its id alone
    expect((await refused(o, 'keeper', 'documents.render', { doc: 'countReport', printId: report.id })).code).toBe('count_blind_open');
    const log = await must(o, 'manager', 'documents.printLog', { countId: c.id });
    expect(log.rows.map((r) => [r.doc, r.kind, r.printNo])).toEqual([
      ['countReport', 'printed', 1],
      ['countSheet', 'printed', 2],
      ['countSheet', 'preview', 2],
      ['countSheet', 'printed', 1],
    ]);
  });
});
