// 费用报销 | 费用预算: the budgets are the expenses screen's second tab (#/expenses/budgets), so the
// navigation stays within the keys' 20 screens (tests/renderer/key-scheme.test.ts); the old
// #/budgets leads there (App.tsx).

import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';

export function ExpenseTabs({ on }: { on: 'expenses' | 'budgets' }) {
  const { t } = useI18n();
  const tab = (k: 'expenses' | 'budgets', path: string) => (
    <button type="button" className={`btn ${on === k ? 'on' : ''}`} data-tab={k} onClick={() => navigate(path)}>
      {t(k === 'expenses' ? 'nav.expenses' : 'nav.budgets')}
    </button>
  );
  return (
    <span className="acct-tabs">
      {tab('expenses', '/expenses')}
      {tab('budgets', '/expenses/budgets')}
    </span>
  );
}
