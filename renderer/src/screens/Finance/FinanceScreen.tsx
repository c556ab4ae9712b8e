// The finance screens behind one route switch (#/dayclose/2026-11-28, #/journal, #/journal/refunds,
// #/journal/delivery, #/journal/advances, #/aging/12, #/aging/stock, #/expenses/budgets, #/my-expenses/attendance, …).

import { DayCloseScreen } from './DayCloseScreen';
import { CashJournalScreen } from './CashJournalScreen';
import { CustomerLedgerScreen } from './CustomerLedgerScreen';
import { ExpensesScreen } from './ExpensesScreen';
import { BudgetsScreen } from './BudgetsScreen';
import { RefundsScreen } from './RefundsScreen';
import { DeliveryCashScreen } from './DeliveryCashScreen';
import { AdvancesScreen } from './AdvancesScreen';
import { AttendanceScreen } from '../Attendance/AttendanceScreen';
import { ReportsScreen } from '../Reports/ReportsScreen';

export function FinanceScreen({ route }: { route: string[] }) {
  const [a, b] = route;
  const id = b && /^\d+$/.test(b) ? Number(b) : null;
  switch (a) {
    case 'dayclose':
      return <DayCloseScreen date={b && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : null} />;
    case 'journal':
      if (b === 'advances') return <AdvancesScreen />;
      return b === 'refunds' ? <RefundsScreen /> : b === 'delivery' ? <DeliveryCashScreen /> : <CashJournalScreen />;
    case 'aging':
      // 报表: 账龄分析 first, the statistician's reports as its tabs (#/aging/stock …); #/aging/12 a customer's ledger
      return id ? <CustomerLedgerScreen key={id} customerId={id} /> : <ReportsScreen tab={b} />;
    case 'expenses':
      return b === 'budgets' ? <BudgetsScreen /> : <ExpensesScreen mine={false} />;
    case 'my-expenses':
      return b === 'attendance' ? <AttendanceScreen mine /> : <ExpensesScreen mine />;
    default:
      return null;
  }
}
