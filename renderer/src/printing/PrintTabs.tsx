// 打印设置 | 小票打印机 (| 扫描枪, appended by the scanner work): the print settings screens share one
// navigation entry (the keys reach 20 screens), as 用户管理 | 备份 do. 小票打印机 is
// /print-settings/receipts. A tab shows only when the core would answer its screen.

import { navigate } from '../hooks/router';
import { useI18n, type MsgKey } from '../i18n';
import { useSession } from '../session';
import type { MethodName } from '../../../shared/contract';

type Tab = 'docs' | 'receipts';
const TABS: readonly { k: Tab; path: string; label: MsgKey; method: MethodName }[] = [
  { k: 'docs', path: '/print-settings', label: 'rp.tab.docs', method: 'documents.settings' },
  { k: 'receipts', path: '/print-settings/receipts', label: 'rp.tab.receipts', method: 'receipts.printers' },
];

export function PrintTabs({ on }: { on: Tab }) {
  const { t } = useI18n();
  const session = useSession();
  const shown = TABS.filter((x) => x.k === on || session.can(x.method));
  if (shown.length < 2) return null;
  return (
    <span className="acct-tabs">
      {shown.map((x) => (
        <button key={x.k} type="button" className={`btn ${on === x.k ? 'on' : ''}`} onClick={() => navigate(x.path)} data-testid={`print-tab-${x.k}`}>
          {t(x.label)}
        </button>
      ))}
    </span>
  );
}
