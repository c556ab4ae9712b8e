// C 费用统计表: expenses by category for a month against the manager's budget (费用预算), with the
// variance and the year to date (1 January to the month's end). Actual = what was paid from the
// money journal for expense claims (cause 'expense'), by the date of payment, a red reversal of a
// payment (a paid claim voided) counting negative in its own month — as budgets.report counts it.
// Claims approved but not yet paid are shown beside it (已审批未付), not counted as actual.

import type { ReadableDB } from '../../store/db';
import { sql } from '../../store/db';
import { usedPct, type ExpenseMonth, type ExpenseMonthRow } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { categories, paidByCategory, pendingByCategory } from '../expenses/repo';
import { amountCell, reportCaption, reportNote, reportTable, reportWidth, say, type PaperLang, type ReportCell, type Words } from '../../printing/month-report';
import type { Node } from '../../printing/layout';
import { monthPeriod } from './period';

export const EXPENSES_TITLE: Words = ['费用统计表', 'Expenses by category'];

/** Budgets per category summed over months from–to (YYYY-MM). */
function budgetsBetween(db: ReadableDB, from: string, to: string): Map<string, number> {
  const rows = sql(db, 'SELECT category, SUM(amount_fen) AS amount FROM expense_budgets WHERE month >= ? AND month <= ? GROUP BY category').all(from, to) as {
    category: string;
    amount: number;
  }[];
  return new Map(rows.map((r) => [r.category, r.amount]));
}

const budgetActual = (budgetFen: number | null, actualFen: number) => ({
  budgetFen,
  actualFen,
  varianceFen: budgetFen === null ? null : budgetFen - actualFen,
});

export function buildExpensesMonth(db: ReadableDB, month: string): ExpenseMonth {
  const p = monthPeriod(month);
  const budget = budgetsBetween(db, month, month);
  const budgetYear = budgetsBetween(db, `${month.slice(0, 4)}-01`, month);
  const paid = paidByCategory(db, p.from, p.to);
  const paidYear = paidByCategory(db, p.yearFrom, p.to);
  const approved = new Map(pendingByCategory(db, p.from, p.to).flatMap((x) => (x.state === 'approved' ? [[x.category, x.amount] as const] : [])));
  const used = (c: string) => budgetYear.has(c) || paidYear.has(c) || approved.has(c);
  const rows: ExpenseMonthRow[] = categories(db)
    .filter((c) => c.active || used(c.name))
    .map(({ name }) => ({
      category: name,
      month: budgetActual(budget.get(name) ?? null, paid.get(name) ?? 0),
      year: budgetActual(budgetYear.get(name) ?? null, paidYear.get(name) ?? 0),
      approvedFen: approved.get(name) ?? 0,
    }));
  const sum = (f: (r: ExpenseMonthRow) => number | null) => rows.reduce((a, r) => a + (f(r) ?? 0), 0);
  const totals = {
    month: budgetActual(
      sum((r) => r.month.budgetFen),
      sum((r) => r.month.actualFen),
    ),
    year: budgetActual(
      sum((r) => r.year.budgetFen),
      sum((r) => r.year.actualFen),
    ),
    approvedFen: sum((r) => r.approvedFen),
  };
  return { month, rows, totals };
}

// ------------------------------------------------------------------ paper and sheet

const COLUMNS = [
  { head: ['费用类别', 'Category'] as Words, width: '*' as const },
  { head: ['本月预算', 'Budget'] as Words, width: 52, align: 'right' as const },
  { head: ['本月实际', 'Actual'] as Words, width: 52, align: 'right' as const },
  { head: ['差异', 'Variance'] as Words, width: 50, align: 'right' as const },
  { head: ['执行率', 'Used'] as Words, width: 36, align: 'right' as const },
  { head: ['本年预算', 'Budget YTD'] as Words, width: 54, align: 'right' as const },
  { head: ['本年实际', 'Actual YTD'] as Words, width: 54, align: 'right' as const },
  { head: ['本年差异', 'Variance YTD'] as Words, width: 50, align: 'right' as const },
  { head: ['已审批未付', 'Approved, unpaid'] as Words, width: 52, align: 'right' as const },
];

function cells(r: Omit<ExpenseMonthRow, 'category'>, bold = false): ReportCell[] {
  const a = (fen: number | null) => amountCell(fen, { bold });
  return [
    a(r.month.budgetFen),
    a(r.month.actualFen),
    a(r.month.varianceFen),
    usedPct(r.month.budgetFen, r.month.actualFen),
    a(r.year.budgetFen),
    a(r.year.actualFen),
    a(r.year.varianceFen),
    amountCell(r.approvedFen, { bold, blankZero: true }),
  ];
}

export function expensesMonthContent(data: ExpenseMonth, lang: PaperLang): Node[] {
  const W = reportWidth(false);
  const rows = [...data.rows.map((r) => [r.category, ...cells(r)]), [{ text: say(['合计', 'Total'], lang), bold: true }, ...cells(data.totals, true)]];
  return [
    reportCaption(W, say(['按费用类别', 'By category'], lang), say(['单位: 元', 'in yuan'], lang)),
    reportTable(W, COLUMNS, rows, lang),
    reportNote(
      W,
      say(
        [
          '实际 = 当月已付款的报销(按付款日期, 作废冲销在其当月冲减); 差异 = 预算 − 实际, 负数为超支; 已审批未付不计入实际。',
          'Actual = claims paid in the month (by payment date; a voided payment is taken off in its own month); variance = budget − actual, negative is over budget; approved unpaid claims are not actual.',
        ],
        lang,
      ),
    ),
  ];
}

export function expensesMonthSheet(data: ExpenseMonth) {
  const columns = [
    { header: '费用类别', format: 'text' as const },
    ...COLUMNS.slice(1).map((c) => ({ header: c.head[0], format: c.head[0] === '执行率' ? ('text' as const) : ('yuan' as const) })),
  ];
  const line = (name: string, r: Omit<ExpenseMonthRow, 'category'>): SheetCell[] => [
    name,
    r.month.budgetFen,
    r.month.actualFen,
    r.month.varianceFen,
    usedPct(r.month.budgetFen, r.month.actualFen),
    r.year.budgetFen,
    r.year.actualFen,
    r.year.varianceFen,
    r.approvedFen,
  ];
  const rows = [...data.rows.map((r) => line(r.category, r)), line('合计', data.totals)];
  return { title: `${EXPENSES_TITLE[0]} ${data.month}`, columns, rows, filters: [{ label: '月份', value: data.month }] };
}
