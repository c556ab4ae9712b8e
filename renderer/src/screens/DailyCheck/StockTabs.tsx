// 库存总览 | 每日对账: one navigation entry (库存总览), two tabs; 每日对账 is /stock/daily.

import { ScreenTabs } from '../../components/ScreenTabs';
import { useSession } from '../../session';

export function StockTabs({ on }: { on: 'stock' | 'daily' }) {
  const session = useSession();
  return (
    <ScreenTabs
      on={on}
      tabs={[
        { key: 'stock', path: '/stock', label: 'nav.stock', show: true },
        { key: 'daily', path: '/stock/daily', label: 'dk.tab', show: session.can('dailyCheck.day') },
      ]}
    />
  );
}
