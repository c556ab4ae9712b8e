// verify checks every posted slip against its signatures (#11 defect 2, the slips' part): a
// customer, memo or line changed behind the triggers, a finance signature row deleted, or a
// signature row rewritten without the office key, each shows as a problem; an honest office has none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, slipRow } from '../../electron/domains/slips/repo';
import { verifyBooks } from '../../electron/domains/system/verify';
import { financeOffice, postedDispatch, type DemoOffice } from '../helpers/finance';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const signatureProblems = () => verifyBooks(o.core.db).problems.filter((p) => p.check === 'slips.signatures');
/** edit the file as an insider with a SQLite tool would: the desk's triggers dropped first */
const behindTheDesk = (sql: string, ...args: unknown[]) => {
  o.core.db.exec('DROP TRIGGER IF EXISTS slips_frozen; DROP TRIGGER IF EXISTS signatures_no_delete; DROP TRIGGER IF EXISTS signatures_keep;');
  o.core.db.prepare(sql).run(...args);
};

describe('verify and the signatures of posted slips', () => {
  it('finds nothing in an honest office', async () => {
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    expect(signatureProblems()).toEqual([]);
  });

  it('a posted slip’s customer changed behind the triggers', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    behindTheDesk('UPDATE slips SET customer_id = ? WHERE id = ?', o.customerId('KH002'), d.id);
    expect(signatureProblems().map((p) => p.message)).toEqual([
      `slip ${d.no}: the manager signature does not match the slip as it is now`,
      `slip ${d.no}: the finance signature does not match the slip as it is now`,
      `slip ${d.no}: posted without a valid manager signature`,
      `slip ${d.no}: posted without a valid finance signature`,
    ]);
  });

  it('a posted slip’s memo changed; a finance signature row deleted', async () => {
    const a = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    const b = await postedDispatch(o, 'KH002', 'credit', [['CZ-8802', 1]]);
    behindTheDesk("UPDATE slips SET memo = '改过' WHERE id = ?", a.id);
    behindTheDesk("DELETE FROM signatures WHERE slip_id = ? AND role = 'finance'", b.id);
    const found = signatureProblems().map((p) => p.message);
    expect(found).toContain(`slip ${a.no}: the manager signature does not match the slip as it is now`);
    expect(found).toContain(`slip ${b.no}: posted without a valid finance signature`);
  });

  it('a signature row rewritten to the new content without the office key', async () => {
    const d = await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 1]]);
    behindTheDesk("UPDATE slips SET memo = '改过' WHERE id = ?", d.id);
    behindTheDesk('UPDATE signatures SET content_hash = ? WHERE slip_id = ?', contentHash(o.core.db, slipRow(o.core.db, d.id)), d.id);
    expect(signatureProblems().map((p) => p.message)).toContain(`slip ${d.no}: the manager signature does not match the slip as it is now`);
  });
});
