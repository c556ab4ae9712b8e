// 客户退货 | 报损单 | 退回总部: the returns screen's tabs (issue #12), one navigation entry as 用户管理's
// tabs are (the keys reach 20 screens, tests/renderer/key-scheme.test.ts): the customer returns at
// /returns, the write-offs at /returns/writeoffs, the returns to HQ at /returns/hq. A tab shows to
// whoever may make that kind of slip, the manager (who signs them) and the keeper (who posts them).

import type { CreatableSlipKind } from '../../../../shared/contract';
import { navigate } from '../../hooks/router';
import { useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';

type Tab = 'return' | 'writeoff' | 'hqReturn';
const TABS: readonly { k: Tab; path: string; label: MsgKey }[] = [
  { k: 'return', path: '/returns', label: 'adj.tab.returns' },
  { k: 'writeoff', path: '/returns/writeoffs', label: 'adj.tab.writeoffs' },
  { k: 'hqReturn', path: '/returns/hq', label: 'adj.tab.hqReturns' },
];

export const isReturnsTab = (kind: CreatableSlipKind): kind is Tab => TABS.some((x) => x.k === kind);

export function ReturnsTabs({ on }: { on: Tab }) {
  const { t } = useI18n();
  const session = useSession();
  const shown = TABS.filter((x) => x.k === on || session.canCreate(x.k) || session.has('manager') || session.can('slips.post'));
  if (shown.length < 2) return null;
  return (
    <span className="acct-tabs">
      {shown.map((x) => (
        <button key={x.k} type="button" className={`btn ${on === x.k ? 'on' : ''}`} onClick={() => navigate(x.path)} data-testid={`returns-tab-${x.k}`}>
          {t(x.label)}
        </button>
      ))}
    </span>
  );
}
