// 报表: 账龄分析 | 进销存汇总 | 销售统计 | 销售明细账 | 呆滞商品 share the one navigation entry `aging`
// (the keys reach 20 screens, tests/renderer/key-scheme.test.ts); 账龄分析 stays /aging and each
// report is /aging/<tab>. A tab shows only when the core would answer it; with one tab, no tab row.

import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { TABS, type ReportTab } from './tabs';

export function ReportTabs({ on }: { on: ReportTab }) {
  const { t } = useI18n();
  const session = useSession();
  const shown = TABS.filter((x) => x.k === on || session.can(x.method));
  if (shown.length < 2) return null;
  return (
    <span className="acct-tabs">
      {shown.map((x) => (
        <button key={x.k} type="button" className={`btn ${on === x.k ? 'on' : ''}`} onClick={() => navigate(x.path)} data-testid={`report-tab-${x.k}`}>
          {t(x.label)}
        </button>
      ))}
    </span>
  );
}
