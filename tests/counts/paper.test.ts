// The count's papers read back with poppler: the blind count sheet (盘点表) lists every line by
// location with the count's number and a QR of it, and no book quantity anywhere; the report
// (盘点报告) of the posted count has the variance, the causes, the totals and the manager.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQr, pdfText } from '../helpers/printing-scenario';
import { financeOffice, managerPin, must, receive, refused, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
const SHOTS = join(process.cwd(), '.tmp', 'shots');
beforeAll(async () => {
  o = await financeOffice();
  await receive(o, [['CZ-6601', 37, 2100]]);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => o.close());

const pdf = (b64: string, name: string) => {
  const b = Buffer.from(b64, 'base64');
  writeFileSync(join(SHOTS, name), b);
  return b;
};

describe('count papers', () => {
  it('the blind month-end sheet has no book quantity; the report of the posted count has variance, causes and signatures', async () => {
    const c = await must(o, 'keeper', 'counts.create', { kind: 'monthEnd' });
    const sheet = pdf((await must(o, 'keeper', 'counts.paper', { countId: c.id, paper: 'sheet' })).base64, 'counts-sheet.pdf');
    const text = pdfText(sheet);
    expect(text).toContain('盘 点 表');
    expect(text).toContain(c.no);
    expect(text).toContain('实盘数量');
    expect(text).toContain('盘点人签字');
    const codes = ['CZ-8801', 'CZ-6601', 'CZ-8802', 'WY-1001', 'WY-4001']; // by location: A-01-1, A-02-4, B-01-2, B-04-3, C-…
    const at = codes.map((code) => text.indexOf(code));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const tokens = text.split(/\s+/);
    for (const book of ['200', '100', '37', '20']) expect(tokens).not.toContain(book); // the books: 200, 200, 100, 20, 37
    expect(text).not.toContain('账面');
    expect(decodeQr(sheet)).toEqual([c.no]);
    // the report would give the book away while the keeper counts blind
    expect((await refused(o, 'keeper', 'counts.paper', { countId: c.id, paper: 'report' })).code).toBe('count_blind_open');

    const view = await must(o, 'keeper', 'counts.view', { countId: c.id });
    const counted: Record<string, number> = { 'CZ-8801': 197, 'CZ-6601': 38, 'CZ-8802': 200, 'WY-1001': 20, 'WY-4001': 100 };
    for (const l of view.lines) await must(o, 'keeper', 'counts.enter', { countId: c.id, itemId: l.itemId, qty: counted[l.itemCode] });
    await must(o, 'keeper', 'counts.finish', { countId: c.id });
    const lines = (await must(o, 'keeper', 'counts.variance', { countId: c.id })).lines;
    const line = (code: string) => lines.find((l) => l.itemCode === code)!.lineId;
    await must(o, 'keeper', 'counts.setCause', { countId: c.id, lineId: line('CZ-8801'), cause: 'breakage', causeText: '搬运摔碎' });
    await must(o, 'keeper', 'counts.setCause', { countId: c.id, lineId: line('CZ-6601'), cause: 'unrecorded' });
    await must(o, 'keeper', 'counts.approve', { countId: c.id, signoff: managerPin(o) });
    const report = pdf((await must(o, 'statistician', 'counts.paper', { countId: c.id, paper: 'report' })).base64, 'counts-report.pdf');
    const r = pdfText(report);
    expect(r).toContain('盘 点 报 告');
    expect(r).toContain('破碎: 搬运摔碎');
    expect(r).toContain('未入账');
    expect(r).toContain('盘盈 1 件, 金额 21.00');
    expect(r).toContain('盘亏 3 件, 金额 156.00');
    expect(r).toContain(`经理审批: ${o.names.manager}`);
    expect(r).toContain(`盘点人: ${o.names.keeper}`);
  });
});
