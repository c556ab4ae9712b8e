// The signed month pack as HQ gets it: one PDF (the cover with SHA-256, signature, signer, chain
// head and a QR carrying the signature, then each part with the boxes 制表 / 财务主管 / 经理) logged
// in the print log; one workbook with a sheet per part; the JSON file checked offline by
// `desk verify-pack` with the office's public key — a tampered file fails with a clear message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk } from '../helpers/cli';
import { decodeQr, pdfText } from '../helpers/printing-scenario';
import { must, ok, refused, tableCount, type DemoOffice } from '../helpers/finance';
import { MONTH, readyNovember, sign } from './helpers';

let o: DemoOffice;
let signed: NonNullable<Awaited<ReturnType<typeof must<'monthPack.status'>>>['signed']>;
const SHOTS = join(process.cwd(), '.tmp', 'shots');
beforeAll(async () => {
  o = await readyNovember({ advanceFen: 2_000 });
  signed = ok(await sign(o)).signed!;
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => o.close());

describe('the signed month pack', () => {
  it('prints as one PDF: the cover with hash, signature, signer, chain head and QR, then reports A, B, C, D and the open advances E, each with its signed boxes', async () => {
    expect((await must(o, 'finance', 'monthPack.recordPrint', { month: MONTH })).printNo).toBe(1);
    expect((await must(o, 'manager', 'monthPack.recordPrint', { month: MONTH })).printNo).toBe(2);
    const logged = o.core.db.prepare("SELECT doc, period_from, period_to, print_no, content_hash FROM print_log WHERE doc = 'monthPack' ORDER BY id").all();
    expect(logged).toEqual(
      [1, 2].map((n) => ({ doc: 'monthPack', period_from: '2026-11-01', period_to: '2026-11-30', print_no: n, content_hash: signed.sha256 })),
    );

    const r = await must(o, 'finance', 'monthPack.pdf', { month: MONTH });
    const pdf = Buffer.from(r.base64, 'base64');
    writeFileSync(join(SHOTS, 'month-pack.pdf'), pdf);
    expect([r.fileName, r.pages]).toEqual(['月报_2026-11.pdf', 6]);
    const cover = pdfText(pdf, { first: 1, last: 1 }).replace(/\s+/g, ' ');
    for (const s of [
      '月报',
      '2026 年 11 月',
      'A 办事处现金日记帐',
      'B 人员考勤表',
      'C 费用统计表',
      'D 客户应收款月报表',
      'E 月末未清借支',
      signed.sha256,
      signed.signature.slice(0, 64),
      signed.keyFingerprint,
      `第 ${signed.auditHead.seq} 条`,
      o.names.manager,
    ])
      expect(cover).toContain(s);
    for (const box of ['制表', '财务主管', '经理']) expect(cover).toContain(box);
    expect(decodeQr(pdf)).toEqual([signed.qrPayload]);
    const b = pdfText(pdf, { first: 3, last: 3 });
    for (const s of ['人员考勤表', '制表', '财务主管', '经理', o.names.keeper]) expect(b).toContain(s);
    // the pack's print is logged (above): no page of it calls itself an unlogged preview
    expect(pdfText(pdf, { first: 1, last: 6 })).not.toContain('未登记打印');
    const titles: [number, string][] = [
      [2, '报表 A 办事处现金日记帐'],
      [4, '报表 C 费用统计表'],
      [5, '报表 D 客户应收款月报表'],
      [6, '报表 E 月末未清借支'],
    ];
    for (const [page, title] of titles) {
      const text = pdfText(pdf, { first: page, last: page });
      for (const s of [title, '2026 年 11 月', '制表', '财务主管', '经理']) expect(text).toContain(s);
    }
    const e = pdfText(pdf, { first: 6, last: 6 });
    for (const s of ['JZ202611290001', o.names.sales, '出差广州', '2026-11-29', '20.00', '截至 2026-11-30']) expect(e).toContain(s);
  });

  it('exports one workbook: the cover sheet, then a sheet per part', async () => {
    const x = await must(o, 'statistician', 'monthPack.xlsx', { month: MONTH });
    expect(x.fileName).toBe('月报_2026-11.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['封面', 'A 办事处现金日记帐', 'B 人员考勤表', 'C 费用统计表', 'D 客户应收款月报表', 'E 月末未清借支']);
    const cover = new Map<string, string>();
    book.worksheets[0].eachRow((r) => cover.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    expect([cover.get('内容 SHA-256'), cover.get('签署人(经理)'), cover.get('本月报包含')]).toEqual([
      signed.sha256,
      o.names.manager,
      'A 办事处现金日记帐、B 人员考勤表、C 费用统计表、D 客户应收款月报表、E 月末未清借支',
    ]);
    const names: string[] = [];
    book.worksheets[2].eachRow((r, n) => n > 1 && names.push(String(r.getCell(1).value)));
    expect(names).toContain(o.names.keeper);
  });

  it('a month not signed has no pack to print, export or check', async () => {
    const prints = tableCount(o, 'print_log');
    for (const m of ['monthPack.pdf', 'monthPack.xlsx', 'monthPack.export', 'monthPack.recordPrint'] as const) {
      const e = await refused(o, 'finance', m, { month: '2026-10' });
      expect([e.code, e.message_zh]).toEqual(['month_pack_not_signed', '2026-10 月报尚未签署']);
    }
    expect(tableCount(o, 'print_log')).toBe(prints);
  });

  it('desk verify-pack: valid with the office key; a tampered file or another key fails with a clear message', { timeout: 180_000 }, async () => {
    const file = await must(o, 'finance', 'monthPack.export', { month: MONTH });
    const dir = join(o.dir, 'hq');
    mkdirSync(dir);
    const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const key = put('office.pem', (await must(o, 'finance', 'documents.publicKey', {})).publicKeyPem);
    const good = put('pack.json', JSON.stringify(file));
    const v = await desk(['verify-pack', good, '--key', key]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('核验通过 / VALID');
    expect(v.stdout).toContain(file.sha256);

    const payload = JSON.parse(file.payload);
    payload.parts.B.totals.deductionFen += 1000;
    const tampered = put('tampered.json', JSON.stringify({ ...file, payload: JSON.stringify(payload) }));
    const t = await desk(['verify-pack', tampered, '--key', key]);
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('核验失败 / NOT VALID');
    expect(t.stdout).toContain('月报内容已被改动: SHA-256 不符');

    const { generateKeyPairSync } = await import('node:crypto');
    const other = put('other.pem', generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const k = await desk(['verify-pack', good, '--key', other]);
    expect([k.code, k.stdout.includes('签名无效: 不是该办事处签署的月报, 或已被篡改')]).toEqual([1, true]);

    const usage = await desk(['verify-pack', good]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--key');
  });
});
