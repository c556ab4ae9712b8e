// Changing an office's database file the way someone with a SQLite tool and the file would: the
// desk closed, the file opened directly, the desk's triggers dropped for the edit and put back as
// they were (so the schema still looks untouched), then `desk verify` run on the file.

import Database from 'better-sqlite3';
import { verifyFile, type FileReport } from '../../electron/domains/backups/fileCheck';
import { countsFor, must, type DemoOffice } from './finance';

/** Close the desk, then edit its file with every trigger out of the way. */
export function editBehindTheDesk(o: DemoOffice, edit: (db: Database.Database) => void): void {
  o.core.close();
  const db = new Database(o.dbPath);
  try {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    edit(db);
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}

/** `desk verify` on the office's file (the desk closed first). */
export async function verifyOfficeFile(o: DemoOffice): Promise<FileReport> {
  try {
    o.core.close();
  } catch {
    /* already closed */
  }
  return verifyFile(o.dbPath);
}

/** The close of day as the finance supervisor and the statistician give it: the count as the books expect. */
export async function closeDay(o: DemoOffice, date: string) {
  const p = await must(o, 'finance', 'dayClose.preview', { date });
  const channel = (a: string) => p.channels.find((c) => c.account === a)!.expectedFen;
  return must(o, 'finance', 'dayClose.close', {
    date,
    counts: countsFor(p.cash.expectedFen),
    channels: { wechat: channel('wechat'), alipay: channel('alipay'), bank: channel('bank') },
    finance: { user: o.names.finance, pin: o.pins.finance },
    statistician: { user: o.names.statistician, pin: o.pins.statistician },
    ...(p.allPass ? {} : { managerApproval: { user: o.names.manager, pin: o.pins.manager }, differenceReason: '测试' }),
  });
}
