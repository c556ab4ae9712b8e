// The rules of receipts: who may print which receipt, what a printer's address must look like for
// its transport, and that a receipt goes to a printer the desk has chosen and still uses.

import { RECEIPT_ROLES, mayPrintReceipt, type ReceiptKind, type ReceiptPrinter, type ReceiptTransport } from '../../../shared/contract';
import { ROLE_ZH, type Role } from '../../../shared/roles';
import { fail } from '../../../shared/errors';
import { isDevicePath } from '../../devices/printers/file';
import { isQueueName } from '../../devices/printers/queue';
import { parseTcpAddress } from '../../devices/printers/tcp';

export function requireReceiptRole(kind: ReceiptKind, roles: readonly Role[]): void {
  const allowed: readonly Role[] = RECEIPT_ROLES[kind];
  if (!mayPrintReceipt(kind, (r) => roles.includes(r))) fail('forbidden', { method: `receipts.print ${kind}`, roles: allowed.map((r) => ROLE_ZH[r]) });
}

const ADDRESS_OK: Record<ReceiptTransport, (a: string) => boolean> = {
  tcp: (a) => parseTcpAddress(a) != null,
  file: isDevicePath,
  hid: (a) => a.length > 0 && !/[\r\n]/.test(a),
  queue: isQueueName,
};

export function requireAddress(transport: ReceiptTransport, address: string): void {
  if (!ADDRESS_OK[transport](address)) fail('printer_address_invalid', { transport, address });
}

export function requireDeskPrinter(desk: string, printer: ReceiptPrinter | null): ReceiptPrinter {
  if (!printer) return fail('receipt_no_printer', { desk });
  if (!printer.active) return fail('printer_inactive', { printer: printer.name });
  return printer;
}
