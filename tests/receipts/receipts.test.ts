// receipts.*: printers set up by the manager, chosen per desk, receipts logged then sent to a real
// TCP printer on loopback (the bytes read back in GBK), 补打 on reprints, the dispatch ticket's QR the
// same as the PDF's, the close of day, and a printer that is away or out of paper: a message in
// both languages, the books untouched, and the same print sent again once it is back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escposText, readEscpos } from '../helpers/escpos';
import { fakePrinter, type FakePrinter } from '../helpers/fake-printer';
import { call, countsFor, financeOffice, must, postedDispatch, refused, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
let p: FakePrinter;
const DESK = '收银台';
beforeEach(async () => {
  o = await financeOffice();
  p = await fakePrinter([0x12, 0x12]);
});
afterEach(async () => {
  o.close();
  await p.close();
});

async function printerAt(address: string, width: 32 | 48 = 32, name = '前台小票机') {
  const pr = await must(o, 'manager', 'receipts.savePrinter', { name, transport: 'tcp', address, width });
  await must(o, 'manager', 'receipts.setDeskPrinter', { desk: DESK, printerId: pr.id });
  return pr;
}

async function collection(amountFen = 30_000) {
  const r = await must(o, 'finance', 'receivables.collect', { customerId: o.customerId('KH002'), account: 'cash', amountFen });
  return r.voucher;
}

const lastJob = () => p.jobs().at(-1)!;

describe('printers and desks', () => {
  it('the manager adds a printer and chooses it for a desk; others see it, the keeper may not change it', async () => {
    const pr = await printerAt(p.address);
    expect(pr).toMatchObject({ name: '前台小票机', transport: 'tcp', address: p.address, width: 32, active: true });
    expect((await must(o, 'keeper', 'receipts.printers', {})).printers.map((x) => x.name)).toEqual(['前台小票机']);
    expect((await must(o, 'keeper', 'receipts.deskPrinter', { desk: DESK })).printer?.id).toBe(pr.id);
    expect((await must(o, 'keeper', 'receipts.deskPrinter', { desk: '仓库' })).printer).toBeNull();
    expect((await refused(o, 'keeper', 'receipts.savePrinter', { name: 'x', transport: 'tcp', address: '10.0.0.1', width: 32 })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'receipts.setDeskPrinter', { desk: DESK, printerId: null })).code).toBe('forbidden');
  });

  it('refuses an address that does not fit its transport, and a second printer of the same name, in both languages', async () => {
    const bad = await refused(o, 'manager', 'receipts.savePrinter', { name: 'A', transport: 'file', address: '/etc/passwd', width: 48 });
    expect(bad.code).toBe('printer_address_invalid');
    expect(bad.message_zh).toContain('/dev/usb/lp0');
    expect(bad.message_en).toContain('/dev/usb/lp0');
    expect((await refused(o, 'manager', 'receipts.savePrinter', { name: 'B', transport: 'tcp', address: 'http://x', width: 48 })).code).toBe(
      'printer_address_invalid',
    );
    await printerAt(p.address);
    expect((await refused(o, 'manager', 'receipts.savePrinter', { name: '前台小票机', transport: 'queue', address: 'POS58', width: 32 })).code).toBe(
      'duplicate',
    );
  });

  it('a retired printer stays in the log but prints nothing more', async () => {
    const pr = await printerAt(p.address);
    await must(o, 'manager', 'receipts.savePrinter', { id: pr.id, name: pr.name, transport: 'tcp', address: p.address, width: 32, active: false });
    expect((await must(o, 'finance', 'receipts.printers', {})).printers).toEqual([]);
    expect((await must(o, 'finance', 'receipts.printers', { includeInactive: true })).printers).toHaveLength(1);
    const v = await collection();
    expect((await refused(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: DESK })).code).toBe('printer_inactive');
  });
});

describe('cash receipt (收款收据)', () => {
  it('prints a collection on the desk’s printer: the bytes read back say what the books say; the second print says 补打', async () => {
    await printerAt(p.address);
    const v = await collection(123_450);
    const rec = await must(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: DESK });
    expect(rec).toMatchObject({ kind: 'cashReceipt', refId: v.id, printNo: 1, desk: DESK, label: `收款收据 ${v.voucherNo}` });
    expect(await must(o, 'finance', 'receipts.send', { printId: rec.id })).toMatchObject({ printId: rec.id });
    const text = escposText(lastJob());
    expect(text).toContain('收款收据');
    expect(text.some((l) => l.startsWith('凭证号') && l.endsWith(v.voucherNo))).toBe(true);
    expect(text.some((l) => l.startsWith('金额') && l.endsWith('￥1,234.50'))).toBe(true);
    expect(text).toContain('大写: 壹仟贰佰叁拾肆元伍角整');
    expect(text.join('\n')).not.toContain('补打');

    const again = await must(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: DESK });
    expect(again.printNo).toBe(2);
    await must(o, 'finance', 'receipts.send', { printId: again.id });
    expect(escposText(lastJob())).toContain('补打(第2次打印)');
    const log = await must(o, 'manager', 'receipts.printLog', { kind: 'cashReceipt', id: v.id });
    expect(log.rows.map((r) => r.printNo)).toEqual([2, 1]);
  });

  it('prints a cash sale’s receipt; refuses a row that is not money received, and the keeper', async () => {
    await printerAt(p.address);
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    const sale = (await must(o, 'finance', 'cash.bySlip', { slipId: d.id })).journal.find((j) => j.cause === 'sale')!;
    const rec = await must(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: sale.id, desk: DESK });
    await must(o, 'finance', 'receipts.send', { printId: rec.id });
    expect(escposText(lastJob()).some((l) => l.startsWith('事由') && l.endsWith(`销售 ${d.no}`))).toBe(true);

    const topUp = await must(o, 'finance', 'cash.topUp', { amountFen: 10_000 });
    expect((await refused(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: topUp.id, desk: DESK })).code).toBe('not_a_receipt');
    expect((await refused(o, 'keeper', 'receipts.print', { kind: 'cashReceipt', id: sale.id, desk: DESK })).code).toBe('forbidden');
    expect((await refused(o, 'keeper', 'receipts.send', { printId: rec.id })).code).toBe('forbidden');
    expect((await refused(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: 999_999, desk: DESK })).code).toBe('not_found');
  });

  it('a desk with no printer chosen is told where to choose one', async () => {
    const v = await collection();
    const e = await refused(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: '仓库' });
    expect(e.code).toBe('receipt_no_printer');
    expect(e.message_zh).toContain('打印设置 › 小票打印机');
  });
});

describe('dispatch ticket and close of day', () => {
  it('the dispatch ticket carries the slip’s own verification QR, which the desk finds genuine', async () => {
    await printerAt(p.address, 48);
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 3]]);
    const rec = await must(o, 'keeper', 'receipts.print', { kind: 'dispatchTicket', id: d.id, desk: DESK });
    await must(o, 'keeper', 'receipts.send', { printId: rec.id });
    const qr = /\[QR:([^\]]+)\]/.exec(readEscpos(lastJob()))![1];
    const check = await must(o, 'keeper', 'documents.verifyQr', { payload: qr });
    expect([check.status, check.no]).toEqual(['genuine', d.no]);
    expect(readEscpos(lastJob())).toContain(`[CODE128:${d.no}]`);
    const inbound = (await must(o, 'keeper', 'slips.list', { kind: 'inbound' })).rows[0];
    expect((await refused(o, 'keeper', 'receipts.print', { kind: 'dispatchTicket', id: inbound.id, desk: DESK })).code).toBe('wrong_slip_kind');
  });

  it('prints the close of day for the daily summary', async () => {
    await printerAt(p.address);
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 4]]);
    const cash = (await must(o, 'finance', 'cash.accounts', {})).find((a) => a.account === 'cash')!.balanceFen;
    const close = await must(o, 'finance', 'dayClose.close', {
      date: '2026-11-29',
      counts: countsFor(cash),
      channels: { wechat: 0, alipay: 0, bank: 0 },
      finance: { user: o.names.finance, pin: o.pins.finance },
      statistician: { user: o.names.statistician, pin: o.pins.statistician },
    });
    const rec = await must(o, 'statistician', 'receipts.print', { kind: 'dayClose', id: close.id, desk: DESK });
    await must(o, 'statistician', 'receipts.send', { printId: rec.id });
    const text = escposText(lastJob());
    expect(text).toContain('日结汇总');
    expect(text.some((l) => l.startsWith('营业日') && l.endsWith('2026-11-29'))).toBe(true);
    expect(text.some((l) => l.startsWith('发货 1 张'))).toBe(true);
    expect(rec.label).toBe('日结汇总 2026-11-29');
  });
});

describe('a printer that does not print', () => {
  it('unreachable: a clear message in both languages, the log and books as they were, and the same print sent again once it is back', async () => {
    const away = await fakePrinter();
    const addr = away.address;
    await away.close();
    const pr = await printerAt(addr);
    const v = await collection();
    const rec = await must(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: DESK });
    const before = await must(o, 'finance', 'cash.accounts', {});
    const e = await refused(o, 'finance', 'receipts.send', { printId: rec.id });
    expect(e.code).toBe('printer_failed');
    expect(e.details).toMatchObject({ printer: '前台小票机', reason: 'unreachable' });
    expect(e.message_zh).toContain('连接不上');
    expect(e.message_zh).toContain('重试');
    expect(e.message_en).toContain('cannot be reached');
    expect(await must(o, 'finance', 'cash.accounts', {})).toEqual(before);
    // the printer is found again (here: at the working address); the same print goes out as print 1
    await must(o, 'manager', 'receipts.savePrinter', { id: pr.id, name: pr.name, transport: 'tcp', address: p.address, width: 32 });
    await must(o, 'finance', 'receipts.send', { printId: rec.id });
    expect(escposText(lastJob())).toContain('收款收据');
    expect((await must(o, 'finance', 'receipts.printLog', {})).total).toBe(1);
  });

  it('out of paper: says to load a roll, and sends nothing', async () => {
    const empty = await fakePrinter([0x12, 0x72]);
    try {
      await printerAt(empty.address);
      const v = await collection();
      const rec = await must(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: DESK });
      const e = await refused(o, 'finance', 'receipts.send', { printId: rec.id });
      expect([e.code, e.details.reason]).toEqual(['printer_failed', 'paper_out']);
      expect(e.message_zh).toContain('缺纸');
      expect(e.message_en).toContain('out of paper');
      expect(empty.jobs()).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

describe('test page and previews', () => {
  it('the test page prints and previews from the same builder; a receipt previews with its next print number', async () => {
    const pr = await printerAt(p.address, 48);
    await must(o, 'manager', 'receipts.testPrint', { printerId: pr.id });
    expect(escposText(lastJob())).toContain('打印测试');
    const tp = await must(o, 'manager', 'receipts.testPreview', { printerId: pr.id });
    expect(tp.width).toBe(48);
    expect(tp.svg).toContain('打印测试');
    const v = await collection();
    const first = await must(o, 'finance', 'receipts.preview', { kind: 'cashReceipt', id: v.id, width: 32 });
    expect(first.svg).toContain('收款收据');
    expect(first.svg).not.toContain('补打');
    await must(o, 'finance', 'receipts.print', { kind: 'cashReceipt', id: v.id, desk: DESK });
    expect((await must(o, 'finance', 'receipts.preview', { kind: 'cashReceipt', id: v.id })).svg).toContain('补打(第2次打印)');
    expect((await call(o, 'sales', 'receipts.preview', { kind: 'cashReceipt', id: v.id })).ok).toBe(false);
  });
});

describe('finding printers', () => {
  it('the manager may look for the printers this PC sees (a list, maybe empty); the keeper may not', async () => {
    expect(Array.isArray(await must(o, 'manager', 'receipts.findPrinters', {}))).toBe(true);
    expect((await refused(o, 'keeper', 'receipts.findPrinters', {})).code).toBe('forbidden');
  });
});
