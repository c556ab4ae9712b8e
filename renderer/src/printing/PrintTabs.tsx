// 打印设置's tabs: 单据打印 (paper and copies, DocSettingsScreen) | 扫描枪 (screens/Scanners). The
// devices of this desk live here so the navigation stays within its 20 keys; a tab is one line.

import { navigate } from '../hooks/router';
import { useI18n, type MsgKey } from '../i18n';

type Tab = 'docs' | 'scanners';
const TABS: readonly { k: Tab; path: string; label: MsgKey }[] = [
  { k: 'docs', path: '/print-settings', label: 'scn.tabDocs' },
  { k: 'scanners', path: '/print-settings/scanners', label: 'scn.tab' },
];

export function PrintTabs({ on }: { on: Tab }) {
  const { t } = useI18n();
  return (
    <span className="acct-tabs">
      {TABS.map((x) => (
        <button key={x.k} type="button" className={`btn ${on === x.k ? 'on' : ''}`} onClick={() => navigate(x.path)} data-testid={`print-tab-${x.k}`}>
          {t(x.label)}
        </button>
      ))}
    </span>
  );
}
