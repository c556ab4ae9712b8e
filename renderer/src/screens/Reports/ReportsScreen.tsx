// 报表 (#/aging, #/aging/stock, #/aging/sales, #/aging/ledger, #/aging/slow, #/aging/monthPack): the tab the route names.

import { useSession } from '../../session';
import { AgingScreen } from '../Finance/AgingScreen';
import { reportTabOf } from './tabs';
import { StockSummaryTab } from './StockSummaryTab';
import { SalesMonthlyTab } from './SalesMonthlyTab';
import { SalesLedgerTab } from './SalesLedgerTab';
import { SlowMoversTab } from './SlowMoversTab';
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
    case 'monthPack':
      return <MonthPackTab />;
    default:
      return null;
  }
}
