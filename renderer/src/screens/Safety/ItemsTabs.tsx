// 商品档案 | 安全库存定额 | 订货规划 | 要货单: one navigation entry (商品), four tabs (/items/safety, /items/plan, /items/requisitions).

import { ScreenTabs } from '../../components/ScreenTabs';
import { useSession } from '../../session';

export function ItemsTabs({ on }: { on: 'items' | 'safety' | 'plan' | 'requisitions' }) {
  const session = useSession();
  return (
    <ScreenTabs
      on={on}
      tabs={[
        { key: 'items', path: '/items', label: 'sf.tabItems', show: true },
        { key: 'safety', path: '/items/safety', label: 'nav.safety', show: session.can('safety.table') },
        { key: 'plan', path: '/items/plan', label: 'opl.tab', show: session.can('orderPlan.compute') },
        { key: 'requisitions', path: '/items/requisitions', label: 'rq.tab', show: session.can('requisitions.list') },
      ]}
    />
  );
}
