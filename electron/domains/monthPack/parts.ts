// The parts of the month pack (财务主管: A 现金日记帐, B 人员考勤表, C 费用统计表, D 客户应收款月报表),
// one registry. Each part says how to build its data for a month from the books, how to lay that
// data out on paper (pdfmake content) and as a sheet. The pack holds every part registered here,
// in key order, and nothing else cares how many there are: signing builds each part's data into the
// payload; the PDF and the workbook lay out what was signed, never the books as they are today.

import type { AttendanceMonth } from '../../../shared/contract';
import { buildAttendanceDoc } from '../../printing/attendance-doc';
import type { OfficeInfo } from '../../printing/finance-form';
import type { Node } from '../../printing/layout';
import type { ReadableDB } from '../../store/db';
import { attendanceSheet } from '../attendance/files';
import { monthReport } from '../attendance/report';
import type { Sheet } from '../export/xlsx';
import { dateIn } from '../../../shared/time';
import { monthReportSection, type Words } from '../../printing/month-report';
import type { CashJournalMonth, ExpenseMonth, ReceivableMonth } from '../../../shared/contract';
import { officeTimezone } from '../attendance/repo';
import { OPEN_ADVANCES_TITLE, buildOpenAdvancesMonth, openAdvancesMonthContent, openAdvancesMonthSheet, type OpenAdvancesMonth } from './advancesPart';
import { CASH_JOURNAL_TITLE, buildCashJournalMonth, cashJournalMonthContent, cashJournalMonthSheet } from '../monthReports/cashJournal';
import { EXPENSES_TITLE, buildExpensesMonth, expensesMonthContent, expensesMonthSheet } from '../monthReports/expenses';
import { RECEIVABLES_TITLE, buildReceivablesMonth, receivablesMonthContent, receivablesMonthSheet } from '../monthReports/receivables';

/** HQ's four reports, and E: the advances still open at the month's end (issue #14: the pack lists them). */
export type PartKey = 'A' | 'B' | 'C' | 'D' | 'E';
export type Lang = 'zh' | 'en';

/** What a part's paper is laid out with besides its data: the office as signed, who made the paper. */
export interface PackFrame {
  office: OfficeInfo;
  month: string;
  /** 制表: who prints the pack */
  madeBy: string;
}

export interface MonthPackPart<D> {
  key: PartKey;
  title: { zh: string; en: string };
  /** its pages' orientation in the one PDF (the cover is portrait) */
  orientation: 'portrait' | 'landscape';
  build(db: ReadableDB, month: string, now: Date): D;
  content(data: D, lang: Lang, frame: PackFrame): Node[];
  sheet(data: D): Sheet;
}

/** A part of any data type in the one list (its data only ever goes back to its own functions). */
function part<D>(p: MonthPackPart<D>): MonthPackPart<unknown> {
  return p as MonthPackPart<unknown>;
}

/** Report B reads everyone's attendance, as the manager does. */
const PACK_READER = { id: 0, name: '', roles: ['manager' as const] };

const attendance = part<AttendanceMonth>({
  key: 'B',
  title: { zh: '人员考勤表', en: 'Attendance' },
  orientation: 'landscape',
  build: (db, month, now) => monthReport(db, PACK_READER, { month }, now),
  content: (report, _lang, frame) => buildAttendanceDoc({ office: frame.office, report, madeBy: frame.madeBy, footer: false }).doc.content as Node[],
  sheet: attendanceSheet,
});

/** Finance's reports A, C, D (domains/monthReports): each body with its heading and signed boxes. */
function financeReport<D>(
  key: PartKey,
  title: Words,
  orientation: 'portrait' | 'landscape',
  build: (db: ReadableDB, month: string, now: Date) => D,
  body: (data: D, lang: Lang) => Node[],
  sheet: (data: D) => Sheet,
): MonthPackPart<unknown> {
  return part<D>({
    key,
    title: { zh: title[0], en: title[1] },
    orientation,
    build,
    content: (data, lang, frame) =>
      monthReportSection(
        { office: frame.office, code: key, title, month: frame.month, lang, landscape: orientation === 'landscape', madeBy: frame.madeBy },
        body(data, lang),
      ),
    sheet,
  });
}

/** A: every money account's journal for the month. */
const cashJournal = financeReport<CashJournalMonth>(
  'A',
  CASH_JOURNAL_TITLE,
  'portrait',
  (db, month) => buildCashJournalMonth(db, month),
  cashJournalMonthContent,
  cashJournalMonthSheet,
);
const expenses = financeReport<ExpenseMonth>(
  'C',
  EXPENSES_TITLE,
  'portrait',
  (db, month) => buildExpensesMonth(db, month),
  expensesMonthContent,
  expensesMonthSheet,
);
/** D: aging at the month's end, read against the office's calendar date when the pack is built. */
const receivables = financeReport<ReceivableMonth>(
  'D',
  RECEIVABLES_TITLE,
  'landscape',
  (db, month, now) => buildReceivablesMonth(db, month, dateIn(now, officeTimezone(db))),
  receivablesMonthContent,
  receivablesMonthSheet,
);

const advances = financeReport<OpenAdvancesMonth>(
  'E',
  OPEN_ADVANCES_TITLE,
  'portrait',
  buildOpenAdvancesMonth,
  openAdvancesMonthContent,
  openAdvancesMonthSheet,
);

/** The registered parts, by key. */
export const PARTS: MonthPackPart<unknown>[] = [cashJournal, attendance, expenses, receivables, advances].sort((a, b) => a.key.localeCompare(b.key));
