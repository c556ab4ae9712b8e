// 0026 (receipt-printers, issue #13): the ESC/POS receipt printers the office has, the one each desk
// prints its receipts on, and the log of receipts printed (收款收据, 发货小票, 日结汇总; a count's
// variance summary, 盘点差异, is allowed for the counts domain to use): like print_log for the
// PDFs, one row per receipt sent, numbered per document so the second and later say 补打. Kept
// apart from print_log, whose doc/paper CHECKs describe PDF papers. Receipts are paper only:
// nothing in the books refers to these tables. The log is append-only (triggers).
//
// A desk (台) is the workstation the receipts come out at, named by the desk itself (the renderer
// keeps its name in the browser profile, e.g. 收银台 / 仓库): several desks may share one office file.
//
// The version is this migration's place in the list: 23 while this branch alone holds it after
// 0022; 26 once 0023–0025 are merged before it (migrate.ts wants versions 1, 2, 3 … in order).
import type { Migration } from './index';

export const m0026ReceiptPrinters: Migration = {
  version: 26,
  name: 'receipt-printers',
  up(db) {
    db.exec(`
CREATE TABLE receipt_printers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  -- tcp: host[:port] (9100) · file: a device path (/dev/usb/lp0) · hid: a HID device path · queue: an OS print queue (raw)
  transport TEXT NOT NULL CHECK (transport IN ('tcp', 'file', 'hid', 'queue')),
  address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  -- columns of the paper: 32 (58 mm) or 48 (80 mm)
  width INTEGER NOT NULL CHECK (width IN (32, 48)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE TABLE receipt_desks (
  desk TEXT PRIMARY KEY CHECK (length(desk) BETWEEN 1 AND 40),
  printer_id INTEGER REFERENCES receipt_printers(id),
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE TABLE receipt_prints (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('cashReceipt', 'dispatchTicket', 'dayClose', 'countVariance')),
  -- the money journal row, the slip, the day close, the count
  ref_id INTEGER NOT NULL,
  print_no INTEGER NOT NULL CHECK (print_no >= 1),
  printer_id INTEGER NOT NULL REFERENCES receipt_printers(id),
  width INTEGER NOT NULL CHECK (width IN (32, 48)),
  desk TEXT NOT NULL CHECK (length(desk) BETWEEN 1 AND 40),
  printed_at TEXT NOT NULL,
  printed_by INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (kind, ref_id, print_no)
) STRICT;
CREATE TRIGGER receipt_prints_no_update BEFORE UPDATE ON receipt_prints BEGIN SELECT RAISE(ABORT, 'receipt_prints rows are never changed'); END;
CREATE TRIGGER receipt_prints_no_delete BEFORE DELETE ON receipt_prints BEGIN SELECT RAISE(ABORT, 'receipt_prints rows are never deleted'); END;
`);
  },
};
