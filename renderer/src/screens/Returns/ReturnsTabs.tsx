// 客户退货 | 报损单 | 退回总部: the returns screen's tabs (issue #12), one navigation entry as 用户管理's
// tabs are (the keys reach 20 screens, tests/renderer/key-scheme.test.ts): the customer returns at
// /returns, the write-offs at /returns/writeoffs, the returns to HQ at /returns/hq, the repairs of
// defective goods (维修) at /returns/repairs. A tab shows to
// whoever may make that kind of slip, the manager (who signs them) and the keeper (who posts them).

import type { CreatableSlipKind } from '../../../../shared/contract';
import { useSession } from '../../session';
import { ScreenTabs } from '../../components/ScreenTabs';
import type { MsgKey } from '../../i18n';

type SlipTab = 'return' | 'writeoff' | 'hqReturn';
type Tab = SlipTab | 'repairs';
const TABS: readonly { k: Tab; path: string; label: MsgKey }[] = [
  { k: 'return', path: '/returns', label: 'adj.tab.returns' },
  { k: 'writeoff', path: '/returns/writeoffs', label: 'adj.tab.writeoffs' },
  { k: 'hqReturn', path: '/returns/hq', label: 'adj.tab.hqReturns' },
  { k: 'repairs', path: '/returns/repairs', label: 'rep.tab' },
];

export const isReturnsTab = (kind: CreatableSlipKind): kind is SlipTab => TABS.some((x) => x.k === kind);

export function ReturnsTabs({ on }: { on: Tab }) {
  const session = useSession();
  const may = (k: Tab) => (k === 'repairs' ? session.can('repairs.defective') : session.canCreate(k) || session.has('manager') || session.can('slips.post'));
  return <ScreenTabs on={on} testIdPrefix="returns-tab-" tabs={TABS.map((x) => ({ key: x.k, path: x.path, label: x.label, show: may(x.k) }))} />;
}
