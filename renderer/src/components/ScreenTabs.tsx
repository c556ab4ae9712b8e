// Screens that share one navigation entry show their siblings as tabs in the toolbar (the keys
// reach 20 screens: tests/renderer/key-scheme.test.ts). A tab shows when the core would answer its
// screen (`show`); the current one always; with no second tab there is no tab row.

import type { MsgKey } from '../i18n';
import { navigate } from '../hooks/router';
import { useI18n } from '../i18n';

export interface ScreenTab<K extends string> {
  key: K;
  path: string;
  label: MsgKey;
  show: boolean;
}

export function ScreenTabs<K extends string>({ on, tabs, testIdPrefix = 'tab-' }: { on: K; tabs: readonly ScreenTab<K>[]; testIdPrefix?: string }) {
  const { t } = useI18n();
  const shown = tabs.filter((x) => x.key === on || x.show);
  if (shown.length < 2) return null;
  return (
    <span className="acct-tabs">
      {shown.map((x) => (
        <button
          key={x.key}
          type="button"
          className={`btn ${on === x.key ? 'on' : ''}`}
          onClick={() => navigate(x.path)}
          data-testid={`${testIdPrefix}${x.key}`}
        >
          {t(x.label)}
        </button>
      ))}
    </span>
  );
}
