// The monthly reports as paper and as a sheet: each report's body (its <report>.ts) in the finance
// papers' frame (printing/month-report.ts) as PDF, and its sheet through the export layer's XLSX
// writer — like report B (attendance/files.ts). Previews, not logged prints: print_log's doc kinds
// are the slips' and the stock card's (a new kind needs a migration; the month pack logs its own).

import type { MoneyAccount, MonthReportKind, PaperLang } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { dateTimeIn } from '../../../shared/time';
import { monthReportDoc, type Words } from '../../printing/month-report';
import type { Node } from '../../printing/layout';
import { renderPdf } from '../../printing/pdf';
import type { ReadableDB } from '../../store/db';
import { officeInfo } from '../documents/service';
import { sheetXlsx } from '../export/xlsx';
import { CASH_JOURNAL_TITLE, buildCashJournalMonth, cashJournalMonthContent, cashJournalMonthSheet } from './cashJournal';
import { EXPENSES_TITLE, buildExpensesMonth, expensesMonthContent, expensesMonthSheet } from './expenses';
import { RECEIVABLES_TITLE, buildReceivablesMonth, receivablesMonthContent, receivablesMonthSheet } from './receivables';

export interface MonthTarget {
  report: MonthReportKind;
  month: string;
  account?: MoneyAccount;
  lang: PaperLang;
}

interface Built {
  title: Words;
  landscape: boolean;
  content: Node[];
  sheet: { title: string; columns: { header: string; format: 'text' | 'int' | 'yuan' }[]; rows: SheetCell[][]; filters: { label: string; value: string }[] };
}

/** The report's data once, laid out both ways (the paper and the sheet show the same figures). */
function build(db: ReadableDB, t: MonthTarget, today: string): Built {
  switch (t.report) {
    case 'A': {
      const d = buildCashJournalMonth(db, t.month, t.account);
      return { title: CASH_JOURNAL_TITLE, landscape: false, content: cashJournalMonthContent(d, t.lang), sheet: cashJournalMonthSheet(d) };
    }
    case 'C': {
      const d = buildExpensesMonth(db, t.month);
      return { title: EXPENSES_TITLE, landscape: false, content: expensesMonthContent(d, t.lang), sheet: expensesMonthSheet(d) };
    }
    case 'D': {
      const d = buildReceivablesMonth(db, t.month, today);
      return { title: RECEIVABLES_TITLE, landscape: true, content: receivablesMonthContent(d, t.lang), sheet: receivablesMonthSheet(d) };
    }
  }
}

const fileStem = (b: Built, t: MonthTarget) => `${b.title[0]}_${t.month}${t.account ? `_${t.account}` : ''}`;

export async function monthReportPdf(
  db: ReadableDB,
  t: MonthTarget,
  today: string,
  madeBy: string,
): Promise<{ fileName: string; base64: string; pages: number }> {
  const b = build(db, t, today);
  const doc = monthReportDoc(
    { office: officeInfo(db), code: t.report, title: b.title, month: t.month, lang: t.lang, landscape: b.landscape, madeBy },
    b.content,
  );
  const pdf = await renderPdf(doc);
  return { fileName: `${fileStem(b, t)}.pdf`, base64: pdf.bytes.toString('base64'), pages: pdf.pages };
}

export function monthReportXlsx(db: ReadableDB, t: MonthTarget, today: string, now: Date, timezone: string): { fileName: string; base64: string } {
  const b = build(db, t, today);
  return { fileName: `${fileStem(b, t)}.xlsx`, base64: sheetXlsx(b.sheet, dateTimeIn(now, timezone)) };
}
