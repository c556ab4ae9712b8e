// Migration 0026 (receipt-printers): the receipt printers, the printer of each desk and the
// append-only log of receipts printed.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0026ReceiptPrinters } from '../../../electron/store/migrations/0026-receipt-printers';
import { clock, expectEveryTableStrict, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0026ReceiptPrinters);

describe('migration 0026 (receipt-printers)', () => {
  it('comes after the migrations before it, named receipt-printers, at its position', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0026ReceiptPrinters.version, m0026ReceiptPrinters.name]).toEqual([at + 1, 'receipt-printers']);
  });

  it('adds printers, desks and the print log; the log is only added to', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, MIGRATIONS.slice(0, at), clock);
    d.prepare("INSERT INTO users (name, pin_hash, created_at, updated_at) VALUES ('王芳', 'x', 'now', 'now')").run();
    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expectEveryTableStrict(d);

    const printer = d.prepare('INSERT INTO receipt_printers (name, transport, address, width, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1)');
    printer.run('前台', 'tcp', '192.168.1.87:9100', 48, 'now');
    expect(() => printer.run('前台', 'tcp', 'x', 48, 'now')).toThrow(/UNIQUE/);
    expect(() => printer.run('仓库', 'usb', '/dev/usb/lp0', 48, 'now')).toThrow(/CHECK/);
    expect(() => printer.run('仓库', 'file', '/dev/usb/lp0', 40, 'now')).toThrow(/CHECK/);
    expect(() => printer.run('仓库', 'file', '', 32, 'now')).toThrow(/CHECK/);

    d.prepare("INSERT INTO receipt_desks (desk, printer_id, updated_at, updated_by) VALUES ('收银台', 1, 'now', 1)").run();
    expect(() => d.prepare("INSERT INTO receipt_desks (desk, printer_id, updated_at, updated_by) VALUES ('仓库', 9, 'now', 1)").run()).toThrow(/FOREIGN KEY/);

    const log = d.prepare(
      'INSERT INTO receipt_prints (kind, ref_id, print_no, printer_id, width, desk, printed_at, printed_by) VALUES (?, ?, ?, 1, 48, ?, ?, 1)',
    );
    log.run('cashReceipt', 5, 1, '收银台', 'now');
    log.run('cashReceipt', 5, 2, '收银台', 'now');
    expect(() => log.run('cashReceipt', 5, 2, '收银台', 'now')).toThrow(/UNIQUE/);
    expect(() => log.run('statement', 5, 1, '收银台', 'now')).toThrow(/CHECK/);
    expect(() => log.run('dayClose', 5, 0, '收银台', 'now')).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE receipt_prints SET print_no = 3').run()).toThrow(/never changed/);
    expect(() => d.prepare('DELETE FROM receipt_prints').run()).toThrow(/never deleted/);
  });
});
