// Receipt printers (receipts.*): the office's ESC/POS receipt printers, the one each desk prints
// on, the receipts themselves (收款收据, 发货小票, 日结汇总) sent to it, their preview, and the log of
// receipts printed (reprints say 补打). Printing is two calls, as for the PDFs: receipts.print (a
// write: logs the receipt and its print number) then receipts.send with the returned id (a read that
// sends the bytes; a printer that is off, out of paper or unreachable says so, and send is called
// again to retry the same print). Nothing in the books depends on the paper coming out.

import { z } from 'zod';
import type { Role } from '../roles';
import { DOC_PRINTERS, Empty, Id, Name, Page, Person, method } from './common';

/** tcp: a network printer, host[:port] (9100) · file: a USB printer-class device file (/dev/usb/lp0) · hid: a HID printer's device path · queue: an OS print queue, raw */
export const RECEIPT_TRANSPORTS = ['tcp', 'file', 'hid', 'queue'] as const;
export const ReceiptTransport = z.enum(RECEIPT_TRANSPORTS);
export type ReceiptTransport = z.infer<typeof ReceiptTransport>;

/** A printer's live status (receipts.printerStatus), as electron/devices/printers/status.ts reads it. */
export const LIVE_STATUSES = ['online', 'paper_near_end', 'paper_out', 'cover_open', 'offline', 'unreachable', 'not_found', 'permission', 'unknown'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** Columns of the paper: 32 on 58 mm, 48 on 80 mm. */
export const ReceiptWidth = z.union([z.literal(32), z.literal(48)]);

/** dispatchTicket: a dispatch slip · cashReceipt: a money journal row received (a collection or a dispatch paid on the spot) · dayClose: a close of day · countVariance: a count's differences */
export const RECEIPT_KINDS = ['dispatchTicket', 'cashReceipt', 'dayClose', 'countVariance'] as const;
export const ReceiptKind = z.enum(RECEIPT_KINDS);
export type ReceiptKind = z.infer<typeof ReceiptKind>;

/** Who may print each receipt: the method lets DOC_PRINTERS in, the domain's rules this. */
export const RECEIPT_ROLES = {
  cashReceipt: ['finance', 'manager'],
  dispatchTicket: DOC_PRINTERS,
  dayClose: ['finance', 'manager', 'statistician'],
  countVariance: ['keeper', 'manager', 'statistician'],
} as const;

/** Whose roles may print a receipt of this kind. */
export function mayPrintReceipt(kind: ReceiptKind, has: (role: Role) => boolean): boolean {
  return RECEIPT_ROLES[kind].some(has);
}

/** A money journal row a cash receipt (收款收据) is printed for: money received for a collection or a sale, not reversed. */
export function isReceiptRow(j: { receiptFen: number | null; cause: string; reversedById: number | null; reversesId: number | null }): boolean {
  return (j.receiptFen ?? 0) > 0 && (j.cause === 'collection' || j.cause === 'sale') && j.reversedById == null && j.reversesId == null;
}

/** Those who set up printers and choose a desk's. */
const PRINTER_ADMINS = ['manager', 'admin'] as const;
const PRINTER_USERS = [...DOC_PRINTERS, 'admin'] as const;

/** The desk (台) receipts come out at, as the desk names itself (收银台, 仓库 …). */
export const DeskName = Name(40);

export const ReceiptPrinter = z.object({
  id: Id,
  name: z.string(),
  transport: ReceiptTransport,
  address: z.string(),
  width: ReceiptWidth,
  active: z.boolean(),
});
export type ReceiptPrinter = z.infer<typeof ReceiptPrinter>;

export const ReceiptPrint = z.object({
  id: Id,
  kind: ReceiptKind,
  refId: Id,
  /** what was printed, in words: 收款收据 现收20261207…, 发货小票 FH…, 日结汇总 2026-12-07 */
  label: z.string(),
  /** 1 for the first print of the document, 2 and up are reprints (补打) */
  printNo: z.number().int(),
  printer: z.object({ id: Id, name: z.string() }),
  desk: z.string(),
  printedAt: z.string(),
  printedBy: Person,
});
export type ReceiptPrint = z.infer<typeof ReceiptPrint>;

const Target = { kind: ReceiptKind, id: Id };

export const receiptsMethods = {
  'receipts.printers': method({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.object({ printers: z.array(ReceiptPrinter) }),
    access: PRINTER_USERS,
    write: false,
    doc: 'The receipt printers (transport, address, paper width), and whether this desk’s system has a raw print queue.',
  }),
  'receipts.savePrinter': method({
    input: z.object({
      /** left out: a new printer */
      id: Id.optional(),
      name: Name(40),
      transport: ReceiptTransport,
      address: Name(200),
      width: ReceiptWidth,
      active: z.boolean().default(true),
    }),
    output: ReceiptPrinter,
    access: PRINTER_ADMINS,
    write: true,
    doc: 'Add a receipt printer or change one (a printer is retired with active: false, never deleted: the print log names it).',
  }),
  'receipts.findPrinters': method({
    input: Empty,
    output: z.array(z.object({ transport: ReceiptTransport, address: z.string() })),
    access: PRINTER_ADMINS,
    write: false,
    doc: 'Receipt printers this PC sees now: USB printer-class device files (/dev/usb/lp*), OS print queues (lpstat -e) and HID devices that name themselves printers; network printers: receipts.findNetworkPrinters.',
  }),
  'receipts.findNetworkPrinters': method({
    input: Empty,
    output: z.object({
      subnets: z.array(z.string()),
      probed: z.number().int(),
      printers: z.array(z.object({ transport: ReceiptTransport, address: z.string() })),
    }),
    access: PRINTER_ADMINS,
    write: false,
    doc: 'Network receipt printers on this PC’s own /24 subnet: every address tried on TCP 9100 (short timeout, a bounded number at a time); those that answer. Takes a few seconds.',
  }),
  'receipts.printerStatus': method({
    input: z.object({ printerId: Id }),
    output: z.object({ printerId: Id, status: z.enum(LIVE_STATUSES) }),
    access: PRINTER_USERS,
    write: false,
    doc: 'A receipt printer’s status now: a network printer’s real-time status (online, paper near end, paper out, cover open, offline, unreachable); a device file there and writable; HID and queues unknown.',
  }),
  'receipts.deskPrinter': method({
    input: z.object({ desk: DeskName }),
    output: z.object({ desk: z.string(), printer: ReceiptPrinter.nullable() }),
    access: PRINTER_USERS,
    write: false,
    doc: 'The receipt printer a desk prints on (null: none chosen).',
  }),
  'receipts.setDeskPrinter': method({
    input: z.object({ desk: DeskName, printerId: Id.nullable() }),
    output: z.object({ desk: z.string(), printer: ReceiptPrinter.nullable() }),
    access: PRINTER_ADMINS,
    write: true,
    doc: 'Choose the receipt printer of a desk (null: none).',
  }),
  'receipts.testPrint': method({
    input: z.object({ printerId: Id }),
    output: z.object({ bytes: z.number().int() }),
    access: PRINTER_USERS,
    write: false,
    doc: 'Print the test page on a printer (nothing logged): its width, Chinese, ￥, bold, double size, QR, barcode and cut.',
  }),
  'receipts.preview': method({
    input: z.object({ ...Target, width: ReceiptWidth.optional() }),
    output: z.object({ svg: z.string(), width: ReceiptWidth }),
    access: DOC_PRINTERS,
    write: false,
    doc: 'A receipt as it will print (SVG, from the same builder as the bytes), on the given width (default 48).',
  }),
  'receipts.testPreview': method({
    input: z.object({ printerId: Id }),
    output: z.object({ svg: z.string(), width: ReceiptWidth }),
    access: PRINTER_USERS,
    write: false,
    doc: 'The test page of a printer as it will print (SVG).',
  }),
  'receipts.print': method({
    input: z.object({ ...Target, desk: DeskName }),
    output: ReceiptPrint,
    access: DOC_PRINTERS,
    write: true,
    doc: 'Log that a receipt goes to the desk’s printer (its print number: 2nd and later are 补打); then receipts.send with the returned id.',
  }),
  'receipts.send': method({
    input: z.object({ printId: Id }),
    output: z.object({ printId: Id, bytes: z.number().int() }),
    access: DOC_PRINTERS,
    write: false,
    doc: 'Send a logged receipt to its printer; a printer that is off, out of paper or unreachable is an error, and send is called again to retry.',
  }),
  'receipts.printLog': method({
    input: z.object({ kind: ReceiptKind.optional(), id: Id.optional(), ...Page }),
    output: z.object({ rows: z.array(ReceiptPrint), total: z.number().int() }),
    access: DOC_PRINTERS,
    write: false,
    doc: 'Receipts printed (of one document, or all), newest first.',
  }),
} as const;
