// A posted slip is the slip as posted (#11 defect 2): its posted hash covers the whole header — the
// customer, the memo, who posted it and when — its lines and its signature rows, and its posting's
// audit row records the same hash. Each test below changes one thing in the database file with a
// SQLite tool, as someone with the file could, and `desk verify` on the file must say which slip.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postedSlipHash, type PostedHeader } from '../../electron/store/postedSlip';
import { financeOffice, must, postedDispatch, type DemoOffice } from '../helpers/finance';
import { REVERSE_SIGNOFFS } from '../helpers/index';
import { editBehindTheDesk, verifyOfficeFile } from '../helpers/tamper';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const problemsOf = async (check: string) => (await verifyOfficeFile(o)).problems.filter((p) => p.check === check).map((p) => p.message);
const changed = (no: string) => `slip ${no}: its header, lines or signature rows are no longer what was posted`;

describe('the posted hash of a slip', () => {
  it('is taken at posting, written into the posting’s audit row, and an honest office verifies', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    const row = o.core.db.prepare('SELECT * FROM slips WHERE id = ?').get(d.id) as PostedHeader & { posted_hash: string };
    expect(row.posted_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(postedSlipHash(o.core.db, row)).toBe(row.posted_hash);
    const ref = o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'slips.post' ORDER BY seq DESC LIMIT 1").pluck().get();
    expect(ref).toBe(`${d.no} sha256:${row.posted_hash}`);
    const report = await verifyOfficeFile(o);
    expect(report.problems).toEqual([]);
  });

  it('a posted sale moved to another customer shows, so the debt cannot quietly change hands', async () => {
    const d = await postedDispatch(o, 'KH001', 'credit', [['CZ-8801', 2]]);
    const other = o.customerId('KH002');
    editBehindTheDesk(o, (db) => db.prepare('UPDATE slips SET customer_id = ? WHERE id = ?').run(other, d.id));
    expect(await problemsOf('slips.content')).toEqual([changed(d.no)]);
  });

  it('a memo rewritten on a posted slip shows, so the note the office signed is the note on file', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    editBehindTheDesk(o, (db) => db.prepare("UPDATE slips SET memo = '客户自提' WHERE id = ?").run(d.id));
    expect(await problemsOf('slips.content')).toEqual([changed(d.no)]);
  });

  it('the keeper named as having posted it changed shows, though nobody signs that field', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const manager = o.core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(o.names.manager) as number;
    editBehindTheDesk(o, (db) => db.prepare('UPDATE slips SET posted_by = ? WHERE id = ?').run(manager, d.id));
    const report = await verifyOfficeFile(o);
    // the signatures still cover the slip (posted_by is not signed content): only the posted hash sees it
    expect(report.problems.map((p) => [p.check, p.message])).toEqual([['slips.content', changed(d.no)]]);
  });

  it('finance’s signature taken off a posted cash sale shows twice: missing, and not what was posted', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    editBehindTheDesk(o, (db) => db.prepare("DELETE FROM signatures WHERE slip_id = ? AND role = 'finance'").run(d.id));
    const report = await verifyOfficeFile(o);
    expect(report.problems.map((p) => p.message)).toEqual(expect.arrayContaining([changed(d.no), `slip ${d.no}: posted without a valid finance signature`]));
  });

  it('a slip changed and its posted hash taken again still disagrees with its posting’s audit row', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const manager = o.core.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(o.names.manager) as number;
    editBehindTheDesk(o, (db) => {
      db.prepare('UPDATE slips SET posted_by = ? WHERE id = ?').run(manager, d.id);
      const row = db.prepare('SELECT * FROM slips WHERE id = ?').get(d.id) as PostedHeader;
      db.prepare('UPDATE slips SET posted_hash = ? WHERE id = ?').run(postedSlipHash(db, row), d.id);
    });
    expect(await problemsOf('slips.content')).toEqual([`slip ${d.no}: its posted hash is not the one its posting's audit row recorded`]);
  });

  it('a reversal (红字冲销) is hashed as it is born posted', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const { reversal } = await must(o, 'keeper', 'slips.reverse', {
      slipId: d.id,
      reason: '客户取消',
      ...REVERSE_SIGNOFFS,
    });
    const hash = o.core.db.prepare('SELECT posted_hash FROM slips WHERE id = ?').pluck().get(reversal.id) as string;
    const ref = o.core.db.prepare("SELECT ref FROM audit_log WHERE method = 'slips.reverse'").pluck().get();
    expect(ref).toBe(`${d.no} → ${reversal.no} sha256:${hash}`);
    expect((await verifyOfficeFile(o)).problems).toEqual([]);
  });
});
