// The tabs of 报表 and the method each one reads: the nav entry `aging` shows when the user may read
// any of them (nav.ts), and a tab shows only when the core would answer it (ReportTabs.tsx).

import type { MethodName } from '../../../../shared/contract';
import type { MsgKey } from '../../i18n/zh';

export type ReportTab = 'aging' | 'stock' | 'sales' | 'ledger' | 'slow' | 'journal' | 'expenses' | 'receivables' | 'monthPack';

export const TABS: readonly { k: ReportTab; path: string; label: MsgKey; method: MethodName }[] = [
  { k: 'aging', path: '/aging', label: 'rp.tab.aging', method: 'receivables.aging' },
  { k: 'stock', path: '/aging/stock', label: 'rp.tab.stock', method: 'reports.stockSummary' },
  { k: 'sales', path: '/aging/sales', label: 'rp.tab.sales', method: 'reports.salesMonthly' },
  { k: 'ledger', path: '/aging/ledger', label: 'rp.tab.ledger', method: 'reports.salesLedger' },
  { k: 'slow', path: '/aging/slow', label: 'rp.tab.slow', method: 'reports.slowMovers' },
  { k: 'journal', path: '/aging/journal', label: 'mr.tab.journal', method: 'monthReports.cashJournal' },
  { k: 'expenses', path: '/aging/expenses', label: 'mr.tab.expenses', method: 'monthReports.expenses' },
  { k: 'receivables', path: '/aging/receivables', label: 'mr.tab.receivables', method: 'monthReports.receivables' },
  { k: 'monthPack', path: '/aging/monthPack', label: 'rp.tab.monthPack', method: 'monthPack.status' },
];

/** The methods behind the tabs: the nav entry shows when the user may read any of them. */
export const REPORT_METHODS: readonly MethodName[] = TABS.map((x) => x.method);

/** The tab a route names, if the user may read it; else the first one he may. */
export function reportTabOf(s: { can(m: MethodName): boolean }, sub: string | undefined): ReportTab | null {
  const allowed = TABS.filter((x) => s.can(x.method));
  return (allowed.find((x) => x.k === sub) ?? allowed[0])?.k ?? null;
}
