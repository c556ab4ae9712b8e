// 报表: 账龄分析 | 进销存汇总 | 销售统计 | 销售明细账 | 呆滞商品 share the one navigation entry `aging`
// (the keys reach 20 screens, tests/renderer/key-scheme.test.ts); 账龄分析 stays /aging and each
// report is /aging/<tab>. A tab shows only when the core would answer it; with one tab, no tab row.

import { useSession } from '../../session';
import { TABS, type ReportTab } from './tabs';
import { ScreenTabs } from '../../components/ScreenTabs';

export function ReportTabs({ on }: { on: ReportTab }) {
  const session = useSession();
  return <ScreenTabs on={on} testIdPrefix="report-tab-" tabs={TABS.map((x) => ({ key: x.k, path: x.path, label: x.label, show: session.can(x.method) }))} />;
}
