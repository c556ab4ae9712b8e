// reports.*: the statistician's reports, read from the books (stockSummary.ts, sales.ts,
// slowMovers.ts); costs and margins only for who sees costs, sales only within the reader's reach.

import type { Handlers } from '../context';
import { readerOf } from '../reads/scope';
import { addMonths, requireReportPeriod } from './rules';
import { figuresOf, ledgerRowOf, monthSums, monthlyRows, saleLines, saleTotals } from './sales';
import { slowMovers } from './slowMovers';
import { stockSummary } from './stockSummary';

export const reportsHandlers = {
  'reports.stockSummary': (input, ctx) => {
    requireReportPeriod(input.from, input.to);
    return stockSummary(ctx.db, input.from, input.to, input.category);
  },
  'reports.salesMonthly': (input, ctx) => {
    const r = readerOf(ctx);
    const costs = r.scope.seesCosts;
    const previousMonth = addMonths(input.month, -1);
    const lastYearMonth = addMonths(input.month, -12);
    const [cur, prev, ly] = [input.month, previousMonth, lastYearMonth].map((m) => monthSums(ctx.db, r, m, input.by));
    return {
      month: input.month,
      previousMonth,
      lastYearMonth,
      rows: monthlyRows(cur, prev, ly, costs),
      totals: {
        current: figuresOf(cur.total, costs),
        previousMonth: prev.any ? figuresOf(prev.total, costs) : null,
        lastYear: ly.any ? figuresOf(ly.total, costs) : null,
      },
    };
  },
  'reports.salesLedger': (input, ctx) => {
    requireReportPeriod(input.from, input.to);
    const r = readerOf(ctx);
    const costs = r.scope.seesCosts;
    const t = saleTotals(ctx.db, r, input);
    return {
      rows: saleLines(ctx.db, r, input, input).map((l) => ledgerRowOf(l, costs)),
      total: t.n,
      totals: { qty: t.qty, amountFen: t.amount, costFen: costs ? t.cost : null },
    };
  },
  'reports.slowMovers': (input, ctx) => ({
    asOf: ctx.calendarDate,
    days: input.days,
    rows: slowMovers(ctx.db, ctx.calendarDate, input.days, readerOf(ctx).scope.seesCosts),
  }),
} satisfies Partial<Handlers>;
