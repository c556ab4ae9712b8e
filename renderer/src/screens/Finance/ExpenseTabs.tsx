// 费用报销 | 费用预算: the budgets are the expenses screen's second tab (#/expenses/budgets), so the
// navigation stays within the keys' 20 screens (tests/renderer/key-scheme.test.ts); the old
// #/budgets leads there (App.tsx).

import { ScreenTabs } from '../../components/ScreenTabs';

export function ExpenseTabs({ on }: { on: 'expenses' | 'budgets' }) {
  return (
    <ScreenTabs
      on={on}
      tabs={[
        { key: 'expenses', path: '/expenses', label: 'nav.expenses', show: true },
        { key: 'budgets', path: '/expenses/budgets', label: 'nav.budgets', show: true },
      ]}
    />
  );
}
