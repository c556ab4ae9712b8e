// Receipts: log a receipt for the desk's printer (a write, in the core's transaction), then send it
// (a read: the bytes are built again from the log row and the books, so what the log says went out
// is what the printer got, 补打 mark included); the test page; the preview from the same builder.

import type { ReceiptKind, ReceiptPrint, ReceiptPrinter } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { fail } from '../../../shared/errors';
import { dateTimeIn } from '../../../shared/time';
import { PrinterError, sendToPrinter } from '../../devices/printers';
import type { ReceiptDoc, ReceiptWidth } from '../../devices/receipt/doc';
import { escpos } from '../../devices/receipt/escpos';
import { testPageDoc, type ReceiptHead } from '../../devices/receipt/layouts';
import { previewSvg } from '../../devices/receipt/preview';
import type { ReadableDB, WritableDB } from '../../store/db';
import { requireOffice } from '../office/repo';
import { deskPrinterId, insertPrint, printRow, printerById, printedCount, type PrintRow } from './repo';
import { requireDeskPrinter, requireReceiptRole } from './rules';
import { receiptSource } from './sources';

const TRANSPORT_LABEL: Record<ReceiptPrinter['transport'], string> = {
  tcp: 'TCP 9100',
  file: 'USB 打印机类 (设备文件)',
  hid: 'USB HID',
  queue: '系统打印队列 (raw)',
};

function localTime(db: ReadableDB): (iso: string) => string {
  const tz = requireOffice(db).timezone;
  return (iso) => dateTimeIn(iso, tz);
}

function head(db: ReadableDB, printNo: number, atIso: string, by: string): ReceiptHead {
  return { officeName: requireOffice(db).name, printNo, printedAt: localTime(db)(atIso), printedBy: by };
}

export function requirePrinter(db: ReadableDB, id: number): ReceiptPrinter {
  return printerById(db, id) ?? fail('not_found', { what: 'receipt printer', what_zh: '小票打印机', key: id });
}

export function printView(r: PrintRow): ReceiptPrint {
  return {
    id: r.id,
    kind: r.kind,
    refId: r.ref_id,
    label: r.label,
    printNo: r.print_no,
    printer: { id: r.printer_id, name: r.printer_name },
    desk: r.desk,
    printedAt: r.printed_at,
    printedBy: { id: r.printed_by, name: r.printed_by_name },
  };
}

export function deskPrinter(db: ReadableDB, desk: string): ReceiptPrinter | null {
  const id = deskPrinterId(db, desk);
  return id == null ? null : printerById(db, id);
}

/** receipts.print: the document exists and fits the receipt, the desk has a printer in use; log the print with its number. */
export function logReceipt(db: WritableDB, q: { kind: ReceiptKind; id: number; desk: string }, today: string, at: string, by: number): ReceiptPrint {
  receiptSource(db, q.kind, q.id, today, localTime(db));
  const printer = requireDeskPrinter(q.desk, deskPrinter(db, q.desk));
  const id = insertPrint(db, { kind: q.kind, refId: q.id, printerId: printer.id, width: printer.width, desk: q.desk, at, by });
  return printView(printRow(db, id)!);
}

async function send(printer: ReceiptPrinter, doc: ReceiptDoc): Promise<number> {
  const bytes = escpos(doc);
  try {
    await sendToPrinter(printer, bytes);
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e;
    fail('printer_failed', { printer: printer.name, reason: e.reason, detail: e.detail });
  }
  return bytes.length;
}

/** receipts.send: the logged receipt, built again, to its printer. */
export async function sendReceipt(db: ReadableDB, printId: number, today: string, roles: readonly Role[]): Promise<{ printId: number; bytes: number }> {
  const r = printRow(db, printId) ?? fail('not_found', { what: 'receipt print', what_zh: '小票打印记录', key: printId });
  requireReceiptRole(r.kind, roles);
  const printer = requirePrinter(db, r.printer_id);
  if (!printer.active) fail('printer_inactive', { printer: printer.name });
  const doc = receiptSource(db, r.kind, r.ref_id, today, localTime(db)).build(r.width, head(db, r.print_no, r.printed_at, r.printed_by_name));
  return { printId, bytes: await send(printer, doc) };
}

function testDoc(db: ReadableDB, printer: ReceiptPrinter, at: string, by: string): ReceiptDoc {
  return testPageDoc(printer.width, head(db, 1, at, by), { name: printer.name, transport: TRANSPORT_LABEL[printer.transport], address: printer.address });
}

export async function testPrint(db: ReadableDB, printerId: number, at: string, by: string): Promise<{ bytes: number }> {
  const printer = requirePrinter(db, printerId);
  return { bytes: await send(printer, testDoc(db, printer, at, by)) };
}

export function testPreview(db: ReadableDB, printerId: number, at: string, by: string): { svg: string; width: ReceiptWidth } {
  const printer = requirePrinter(db, printerId);
  return { svg: previewSvg(testDoc(db, printer, at, by)), width: printer.width };
}

/** receipts.preview: the receipt as its next print would come out (its number, 补打 when reprinted). */
export function previewReceipt(
  db: ReadableDB,
  q: { kind: ReceiptKind; id: number; width?: ReceiptWidth },
  today: string,
  at: string,
  by: string,
): { svg: string; width: ReceiptWidth } {
  const width = q.width ?? 48;
  const src = receiptSource(db, q.kind, q.id, today, localTime(db));
  return { svg: previewSvg(src.build(width, head(db, printedCount(db, q.kind, q.id) + 1, at, by))), width };
}
