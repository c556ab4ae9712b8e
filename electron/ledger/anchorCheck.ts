// verify's side of the anchors (anchors.ts): every anchor found in the books or in the file beside
// the database must carry the office key's signature and name an audit row that is still there
// with exactly that hash and that many rows up to it. The latest anchor that holds is how far the
// chain is anchored; the rows after it are not (yet): the next close anchors them.

import type { ReadableDB } from '../store/db';
import { sql } from '../store/db';
import { anchorFileOf, anchorPayload, anchorsInBooks, anchorsInFile, type Anchor } from './anchors';
import { verifyOfficeSignature } from './officeKey';

export interface AnchorReport {
  /** the latest anchored audit row that still matches, or null */
  checkedToSeq: number | null;
  anchorDate: string | null;
  unanchoredRows: number;
  summary_zh: string;
  summary_en: string;
  /** what verify could not use, without it meaning the books were changed */
  notes: { zh: string; en: string }[];
}

export interface AnchorProblem {
  message: string;
  details: Record<string, unknown>;
}

type Found = Anchor & { where: 'books' | 'file' };

function whereZh(w: Found['where']): string {
  return w === 'books' ? '库内' : '锚点文件中';
}

/** The problem an anchor shows, or null when the chain still holds it. */
function anchorProblem(db: ReadableDB, a: Found, lastSeq: number): AnchorProblem | null {
  const details = { seq: a.auditSeq, date: a.businessDate, where: a.where };
  if (!verifyOfficeSignature(db, anchorPayload(a), a.signature))
    return { message: `the anchor of the ${a.businessDate} close (#${a.auditSeq}) in the ${a.where} is not signed with the office key`, details };
  const row = sql(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(a.auditSeq) as { hash: string } | undefined;
  if (a.auditSeq > 0 && !row)
    return {
      message: `audit row #${a.auditSeq}, anchored at the ${a.businessDate} close, is missing: the chain now ends at #${lastSeq}, so its later rows were removed`,
      details,
    };
  if (row && row.hash !== a.auditHash)
    return { message: `audit row #${a.auditSeq} no longer matches the anchor of the ${a.businessDate} close: the chain was rewritten after it`, details };
  const rows = sql(db, 'SELECT COUNT(*) FROM audit_log WHERE seq <= ?').pluck().get(a.auditSeq) as number;
  if (rows !== a.auditRows)
    return { message: `the chain held ${a.auditRows} rows up to #${a.auditSeq} at the ${a.businessDate} close, it now holds ${rows}`, details };
  return null;
}

function fileNotes(found: ReturnType<typeof anchorsInFile>, file: string | null, books: ReturnType<typeof anchorsInBooks>): AnchorReport['notes'] {
  const notes: AnchorReport['notes'] = [];
  const unwritten = books.filter((a) => a.fileError !== null);
  if (unwritten.length > 0) {
    const last = unwritten[unwritten.length - 1];
    notes.push({
      zh: `${unwritten.length} 个日结锚点未能写入数据库旁的锚点文件(最近一次 ${last.businessDate}: ${last.fileError})`,
      en: `${unwritten.length} close-of-day anchor(s) could not be written to the file beside the database (latest ${last.businessDate}: ${last.fileError})`,
    });
  }
  if (file && !found.found && books.length > unwritten.length)
    notes.push({
      zh: `数据库旁没有锚点文件 ${file}: 只按库内的锚点核对`,
      en: `No anchor file beside the database (${file}): checked against the anchors in the books only`,
    });
  if (found.unreadable)
    notes.push({ zh: `锚点文件 ${file} 无法读取: ${found.unreadable}`, en: `The anchor file ${file} could not be read: ${found.unreadable}` });
  if (found.badLines.length > 0)
    notes.push({
      zh: `锚点文件中第 ${found.badLines.join(', ')} 行无法读取, 已跳过`,
      en: `Line(s) ${found.badLines.join(', ')} of the anchor file could not be read and were skipped`,
    });
  return notes;
}

/** Every anchor in the books and in the file beside `dbPath`, checked against the chain as it is. */
export function verifyAnchors(db: ReadableDB, dbPath: string | null): { report: AnchorReport; problems: AnchorProblem[] } {
  const file = dbPath ? anchorFileOf(dbPath) : null;
  const books = anchorsInBooks(db);
  const inFile = anchorsInFile(file);
  const seen = new Set<string>();
  const all: Found[] = [];
  for (const a of [...books.map((b) => ({ ...b, where: 'books' as const })), ...inFile.anchors.map((f) => ({ ...f, where: 'file' as const }))]) {
    const key = `${anchorPayload(a)}\n${a.signature}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(a);
  }
  const lastSeq = (sql(db, 'SELECT MAX(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  const totalRows = sql(db, 'SELECT COUNT(*) FROM audit_log').pluck().get() as number;
  const problems: AnchorProblem[] = [];
  let best: Found | null = null;
  for (const a of all) {
    const p = anchorProblem(db, a, lastSeq);
    if (p) problems.push({ message: p.message, details: { ...p.details, where_zh: whereZh(a.where) } });
    else if (!best || a.auditSeq > best.auditSeq) best = a;
  }
  const unanchoredRows = best ? (sql(db, 'SELECT COUNT(*) FROM audit_log WHERE seq > ?').pluck().get(best.auditSeq) as number) : totalRows;
  const report: AnchorReport = {
    checkedToSeq: best?.auditSeq ?? null,
    anchorDate: best?.businessDate ?? null,
    unanchoredRows,
    summary_zh: best
      ? `审计链已核至 #${best.auditSeq}（${best.businessDate} 日结锚点），其后 ${unanchoredRows} 行未锚定`
      : `审计链尚无可用的日结锚点，全部 ${unanchoredRows} 行未锚定`,
    summary_en: best
      ? `Audit chain checked up to #${best.auditSeq} (anchor of the ${best.businessDate} close), ${unanchoredRows} later row(s) not anchored`
      : `No close-of-day anchor holds yet: all ${unanchoredRows} audit row(s) are not anchored`,
    notes: fileNotes(inFile, file, books),
  };
  return { report, problems };
}
