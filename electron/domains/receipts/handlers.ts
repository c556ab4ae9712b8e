// receipts.*: the receipt printers, the desk's printer, receipts logged then sent (补打 on
// reprints), test pages and previews. Sending is a read: the books are written (the log row) before
// any byte goes out, and a printer that fails leaves them as they are; the screen retries the send.

import { findPrinters } from '../../devices/printers/find';
import { probeHosts, subnetHosts } from '../../devices/printers/probe';
import { liveStatus } from '../../devices/printers/status';
import { actor, type Handlers } from '../context';
import { insertPrinter, printRows, printerIdByName, printers, setDeskPrinterId, updatePrinter } from './repo';
import { requireAddress, requireReceiptRole } from './rules';
import { deskPrinter, logReceipt, previewReceipt, printView, requirePrinter, sendReceipt, testPreview, testPrint } from './service';
import { fail } from '../../../shared/errors';

export const receiptsHandlers = {
  'receipts.printers': (input, ctx) => ({ printers: printers(ctx.db, input.includeInactive) }),

  'receipts.savePrinter': (input, ctx) => {
    const { id, ...fields } = input;
    requireAddress(fields.transport, fields.address);
    const same = printerIdByName(ctx.db, fields.name);
    if (same != null && same !== id) fail('duplicate', { what: 'receipt printer', what_zh: '小票打印机', key: fields.name });
    if (id != null) requirePrinter(ctx.db, id);
    const saved = id ?? insertPrinter(ctx.db, fields, ctx.nowIso, actor(ctx).id);
    if (id != null) updatePrinter(ctx.db, id, fields, ctx.nowIso, actor(ctx).id);
    ctx.auditRef = `${fields.name} ${fields.transport} ${fields.address} ${fields.width}${fields.active ? '' : ' 停用'}`;
    return requirePrinter(ctx.db, saved);
  },

  'receipts.findPrinters': () => findPrinters(),

  'receipts.findNetworkPrinters': async () => {
    const { subnets, hosts } = subnetHosts();
    return { subnets, probed: hosts.length, printers: (await probeHosts(hosts)).map((address) => ({ transport: 'tcp' as const, address })) };
  },

  'receipts.printerStatus': async (input, ctx) => ({ printerId: input.printerId, status: await liveStatus(requirePrinter(ctx.db, input.printerId)) }),

  'receipts.deskPrinter': (input, ctx) => ({ desk: input.desk, printer: deskPrinter(ctx.db, input.desk) }),

  'receipts.setDeskPrinter': (input, ctx) => {
    const printer = input.printerId == null ? null : requirePrinter(ctx.db, input.printerId);
    setDeskPrinterId(ctx.db, input.desk, input.printerId, ctx.nowIso, actor(ctx).id);
    ctx.auditRef = `${input.desk} → ${printer?.name ?? '无'}`;
    return { desk: input.desk, printer };
  },

  'receipts.testPrint': (input, ctx) => testPrint(ctx.db, input.printerId, ctx.nowIso, actor(ctx).name),

  'receipts.testPreview': (input, ctx) => testPreview(ctx.db, input.printerId, ctx.nowIso, actor(ctx).name),

  'receipts.preview': (input, ctx) => {
    requireReceiptRole(input.kind, actor(ctx).roles);
    return previewReceipt(ctx.db, input, ctx.calendarDate, ctx.nowIso, actor(ctx).name);
  },

  'receipts.print': (input, ctx) => {
    requireReceiptRole(input.kind, actor(ctx).roles);
    const rec = logReceipt(ctx.db, input, ctx.calendarDate, ctx.nowIso, actor(ctx).id);
    ctx.auditRef = `${rec.label} 第${rec.printNo}次打印 ${rec.desk} ${rec.printer.name}`;
    return rec;
  },

  'receipts.send': (input, ctx) => sendReceipt(ctx.db, input.printId, ctx.calendarDate, actor(ctx).roles),

  'receipts.printLog': (input, ctx) => {
    const { rows, total } = printRows(ctx.db, input);
    return { rows: rows.map(printView), total };
  },
} satisfies Partial<Handlers>;
