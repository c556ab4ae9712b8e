// 商品档案 | 安全库存定额: one navigation entry (商品), two tabs; 安全库存定额 is /items/safety.

import { ScreenTabs } from '../../components/ScreenTabs';
import { useSession } from '../../session';

export function ItemsTabs({ on }: { on: 'items' | 'safety' }) {
  const session = useSession();
  return (
    <ScreenTabs
      on={on}
      tabs={[
        { key: 'items', path: '/items', label: 'sf.tabItems', show: true },
        { key: 'safety', path: '/items/safety', label: 'nav.safety', show: session.can('safety.table') },
      ]}
    />
  );
}
