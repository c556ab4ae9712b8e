// 报表 (#/aging, #/aging/stock, #/aging/sales, #/aging/ledger, #/aging/slow, and finance's monthly
// reports #/aging/journal, #/aging/expenses, #/aging/receivables, and the month pack #/aging/monthPack): the tab the route names.

import { useSession } from '../../session';
import { AgingScreen } from '../Finance/AgingScreen';
import { reportTabOf } from './tabs';
import { StockSummaryTab } from './StockSummaryTab';
import { SalesMonthlyTab } from './SalesMonthlyTab';
import { SalesLedgerTab } from './SalesLedgerTab';
import { SlowMoversTab } from './SlowMoversTab';
import { CashMonthTab } from './CashMonthTab';
import { ExpensesMonthTab } from './ExpensesMonthTab';
import { ReceivablesMonthTab } from './ReceivablesMonthTab';
import { MonthPackTab } from '../MonthPack/MonthPackTab';

export function ReportsScreen({ tab }: { tab: string | undefined }) {
  const session = useSession();
  switch (reportTabOf(session, tab)) {
    case 'aging':
      return <AgingScreen />;
    case 'stock':
      return <StockSummaryTab />;
    case 'sales':
      return <SalesMonthlyTab />;
    case 'ledger':
      return <SalesLedgerTab />;
    case 'slow':
      return <SlowMoversTab />;
    case 'journal':
      return <CashMonthTab />;
    case 'expenses':
      return <ExpensesMonthTab />;
    case 'receivables':
      return <ReceivablesMonthTab />;
    case 'monthPack':
      return <MonthPackTab />;
    default:
      return null;
  }
}
