// The finance screens behind one route switch (#/dayclose/2026-11-28, #/journal, #/journal/refunds, #/aging/12,
// #/expenses/budgets, …).

import { DayCloseScreen } from './DayCloseScreen';
import { CashJournalScreen } from './CashJournalScreen';
import { AgingScreen } from './AgingScreen';
import { CustomerLedgerScreen } from './CustomerLedgerScreen';
import { ExpensesScreen } from './ExpensesScreen';
import { BudgetsScreen } from './BudgetsScreen';
import { RefundsScreen } from './RefundsScreen';

export function FinanceScreen({ route }: { route: string[] }) {
  const [a, b] = route;
  const id = b && /^\d+$/.test(b) ? Number(b) : null;
  switch (a) {
    case 'dayclose':
      return <DayCloseScreen date={b && /^\d{4}-\d{2}-\d{2}$/.test(b) ? b : null} />;
    case 'journal':
      return b === 'refunds' ? <RefundsScreen /> : <CashJournalScreen />;
    case 'aging':
      return id ? <CustomerLedgerScreen key={id} customerId={id} /> : <AgingScreen />;
    case 'expenses':
      return b === 'budgets' ? <BudgetsScreen /> : <ExpensesScreen mine={false} />;
    case 'my-expenses':
      return <ExpensesScreen mine />;
    default:
      return null;
  }
}
