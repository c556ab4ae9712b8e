// monthReports.*: finance's monthly reports to HQ — A 现金日记帐 (cashJournal.ts), C 费用统计表
// (expenses.ts), D 客户应收款月报表 (receivables.ts) — as data, as PDF and as XLSX (files.ts).

import { actor, type Handlers } from '../context';
import { officeInfo } from '../documents/service';
import { buildCashJournalMonth } from './cashJournal';
import { buildExpensesMonth } from './expenses';
import { buildReceivablesMonth } from './receivables';
import { monthReportPdf, monthReportXlsx } from './files';
import { requireMayRead } from './rules';

export const monthReportsHandlers = {
  'monthReports.cashJournal': (input, ctx) => buildCashJournalMonth(ctx.db, input.month, input.account),
  'monthReports.expenses': (input, ctx) => buildExpensesMonth(ctx.db, input.month),
  'monthReports.receivables': (input, ctx) => buildReceivablesMonth(ctx.db, input.month, ctx.calendarDate),
  'monthReports.pdf': (input, ctx) => {
    requireMayRead(input.report, actor(ctx).roles);
    return monthReportPdf(ctx.db, input, ctx.calendarDate, actor(ctx).name);
  },
  'monthReports.xlsx': (input, ctx) => {
    requireMayRead(input.report, actor(ctx).roles);
    return monthReportXlsx(ctx.db, input, ctx.calendarDate, ctx.now, officeInfo(ctx.db).timezone);
  },
} satisfies Partial<Handlers>;
