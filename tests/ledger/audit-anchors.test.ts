// The audit chain anchored outside the database (#11 defect 2): each close of day signs the chain's
// head with the office key, keeps it in the books and in `<db file>.anchors` beside the database,
// and `desk verify` checks the chain against the latest anchor it can find and says how far. The
// office keeps its history even against someone who edits the file with a SQLite tool and knows
// how the hashes are made: rows taken off the end, or a chain rewritten and hashed afresh, no longer
// match the anchor the file beside the database kept.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditHash } from '../../electron/ledger/audit';
import { anchorFileOf, anchorPayload, anchorsInFile } from '../../electron/ledger/anchors';
import { formatReport, verifyFile } from '../../electron/domains/backups/fileCheck';
import { backupDatabase, restoreDatabase } from '../../electron/domains/backups/files';
import { verifyOfficeSignature } from '../../electron/ledger/officeKey';
import { dayAt, financeOffice, must, postedDispatch, type DemoOffice } from '../helpers/finance';
import { closeDay, editBehindTheDesk, verifyOfficeFile } from '../helpers/tamper';

let o: DemoOffice;
beforeEach(async () => {
  o = await financeOffice();
});
afterEach(() => o.close());

const auditRows = () => o.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;

/** A day's trade and its close, then the next day's first sale. */
async function tradeAndClose(): Promise<{ anchoredSeq: number }> {
  await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
  const before = auditRows();
  await closeDay(o, '2026-11-29');
  await dayAt(o, '2026-11-30');
  await postedDispatch(o, 'KH002', 'cash', [['CZ-8802', 1]]);
  return { anchoredSeq: before };
}

describe('the close of day anchors the audit chain', () => {
  it('signs the head with the office key, in the books and in the file beside the database, and verify says how far it checked', async () => {
    const { anchoredSeq } = await tradeAndClose();
    const [inBooks] = o.core.db.prepare('SELECT * FROM audit_anchors').all() as Record<string, unknown>[];
    expect(inBooks).toMatchObject({ audit_seq: anchoredSeq, audit_rows: anchoredSeq, business_date: '2026-11-29', file_error: null });
    const head = o.core.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchoredSeq);
    expect(inBooks.audit_hash).toBe(head);
    const file = anchorsInFile(anchorFileOf(o.dbPath));
    expect(file.anchors).toHaveLength(1);
    expect(file.anchors[0]).toMatchObject({ auditSeq: anchoredSeq, auditHash: head, businessDate: '2026-11-29' });
    expect(verifyOfficeSignature(o.core.db, anchorPayload(file.anchors[0]), file.anchors[0].signature)).toBe(true);

    const later = auditRows() - anchoredSeq;
    const report = await verifyOfficeFile(o);
    expect(report.problems).toEqual([]);
    expect(report.anchors).toMatchObject({ checkedToSeq: anchoredSeq, anchorDate: '2026-11-29', unanchoredRows: later, notes: [] });
    expect(report.anchors.summary_zh).toBe(`审计链已核至 #${anchoredSeq}（2026-11-29 日结锚点），其后 ${later} 行未锚定`);
    expect(formatReport(report)).toContain(`Audit chain checked up to #${anchoredSeq} (anchor of the 2026-11-29 close), ${later} later row(s) not anchored`);
  });

  it('an office that has not closed a day yet verifies, and says that nothing is anchored', async () => {
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    const report = await must(o, 'manager', 'system.verify', {});
    expect(report.ok).toBe(true);
    expect(report.anchors.checkedToSeq).toBeNull();
    expect(report.anchors.summary_zh).toBe(`审计链尚无可用的日结锚点，全部 ${auditRows()} 行未锚定`);
  });

  it('the day’s last audit rows deleted, with the anchors in the books: the file beside the database still names them', async () => {
    const { anchoredSeq } = await tradeAndClose();
    editBehindTheDesk(o, (db) => {
      db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(anchoredSeq - 1);
      db.prepare('DELETE FROM audit_anchors').run();
    });
    const report = await verifyOfficeFile(o);
    expect(report.problems.map((p) => p.check)).toEqual(['audit.anchor']);
    expect(report.problems[0].message).toBe(
      `audit row #${anchoredSeq}, anchored at the 2026-11-29 close, is missing: the chain now ends at #${anchoredSeq - 2}, so its later rows were removed`,
    );
    expect(report.anchors.checkedToSeq).toBeNull();
  });

  it('the whole chain rewritten with its hashes taken afresh no longer matches the signed anchor', async () => {
    const { anchoredSeq } = await tradeAndClose();
    editBehindTheDesk(o, (db) => {
      // the first sale's audit row says another slip; every later hash recomputed as the desk would
      db.prepare(
        "UPDATE audit_log SET ref = 'XS000000000000' WHERE method = 'slips.post' AND seq = (SELECT MIN(seq) FROM audit_log WHERE method = 'slips.post')",
      ).run();
      let prev = GENESIS_HASH;
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Parameters<typeof auditHash>[1][];
      const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
      for (const r of rows) {
        const hash = auditHash(prev, r);
        set.run(prev, hash, r.seq);
        prev = hash;
      }
    });
    const report = await verifyOfficeFile(o);
    const anchorProblems = report.problems.filter((p) => p.check === 'audit.anchor').map((p) => p.message);
    // the same anchor is in the books and in the file: reported once
    expect(anchorProblems).toEqual([`audit row #${anchoredSeq} no longer matches the anchor of the 2026-11-29 close: the chain was rewritten after it`]);
    expect(report.problems.filter((p) => p.check === 'audit.chain')).toEqual([]);
  });

  it('an anchor line forged without the office key is named, and the latest true anchor still counts', async () => {
    const { anchoredSeq } = await tradeAndClose();
    const file = anchorFileOf(o.dbPath)!;
    const [a] = anchorsInFile(file).anchors;
    writeFileSync(file, `${readFileSync(file, 'utf8')}${JSON.stringify({ ...a, auditSeq: anchoredSeq + 1, businessDate: '2026-11-30' })}\n`);
    const report = await verifyOfficeFile(o);
    expect(report.problems.map((p) => p.message)).toEqual([
      `the anchor of the 2026-11-30 close (#${anchoredSeq + 1}) in the file is not signed with the office key`,
    ]);
    expect(report.anchors.checkedToSeq).toBe(anchoredSeq);
  });

  it('a file beside the database that cannot be written does not lose the close; verify says so', async () => {
    mkdirSync(anchorFileOf(o.dbPath)!); // a folder where the file should be
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    const close = await closeDay(o, '2026-11-29');
    expect(close.date).toBe('2026-11-29');
    const report = await verifyOfficeFile(o);
    expect(report.problems).toEqual([]);
    expect(report.anchors.anchorDate).toBe('2026-11-29');
    expect(report.anchors.notes.map((n) => n.en)).toEqual([
      expect.stringMatching(/^1 close-of-day anchor\(s\) could not be written to the file beside the database \(latest 2026-11-29: EISDIR/),
      expect.stringMatching(/^The anchor file .*office\.sqlite\.anchors could not be read: EISDIR/),
    ]);
  });

  it('a backup carries the anchors along; restoring an older backup sets the later ones aside with the database it replaces', async () => {
    await postedDispatch(o, 'KH001', 'cash', [['CZ-8801', 2]]);
    await closeDay(o, '2026-11-29');
    const bak = `${o.dir}/day1.bak`;
    await backupDatabase(o.dbPath, bak, false);
    expect(anchorsInFile(anchorFileOf(bak)).anchors.map((a) => a.businessDate)).toEqual(['2026-11-29']);
    expect((await verifyFile(bak)).anchors.anchorDate).toBe('2026-11-29');

    await dayAt(o, '2026-11-30');
    await postedDispatch(o, 'KH002', 'cash', [['CZ-8802', 1]]);
    await closeDay(o, '2026-11-30');
    o.core.close();
    const restored = await restoreDatabase(bak, o.dbPath, new Date('2026-12-01T02:00:00Z'));
    expect(restored.report.problems).toEqual([]);
    expect(restored.report.anchors.anchorDate).toBe('2026-11-29');
    expect(anchorsInFile(anchorFileOf(restored.keptAs!)).anchors.map((a) => a.businessDate)).toEqual(['2026-11-29', '2026-11-30']);
  });
});
