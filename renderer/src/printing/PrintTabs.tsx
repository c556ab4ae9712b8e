// 打印设置 | 小票打印机 | 扫描枪: the print settings and this desk's devices share one navigation entry
// (the keys reach 20 screens), as 用户管理 | 备份 do. 小票打印机 is /print-settings/receipts, 扫描枪
// /print-settings/scanners. A tab shows only when the core would answer its screen (the scanners
// are this PC's own: whoever reaches 打印设置 sees them).

import { ScreenTabs } from '../components/ScreenTabs';
import { useSession } from '../session';

type Tab = 'docs' | 'receipts' | 'scanners';

export function PrintTabs({ on }: { on: Tab }) {
  const session = useSession();
  return (
    <ScreenTabs
      on={on}
      testIdPrefix="print-tab-"
      tabs={[
        { key: 'docs', path: '/print-settings', label: 'rp.tab.docs', show: session.can('documents.settings') },
        { key: 'receipts', path: '/print-settings/receipts', label: 'rp.tab.receipts', show: session.can('receipts.printers') },
        { key: 'scanners', path: '/print-settings/scanners', label: 'scn.tab', show: true },
      ]}
    />
  );
}
