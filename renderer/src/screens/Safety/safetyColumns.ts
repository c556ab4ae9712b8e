// The columns of 安全库存定额表. Figures are integers; the average per day comes in thousandths and
// shows with two decimals (half up) — display only.

import type { ColDef } from 'ag-grid-community';
import type { SafetyRow } from '../../../../shared/contract';
import { qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';

type Translate = I18n['t'];

/** thousandths → "1.23" (two decimals, half up) */
export function milliText(milli: number): string {
  const c = Math.floor((milli + 5) / 10);
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

export function safetyColumns(t: Translate, windowDays: number): ColDef<SafetyRow>[] {
  return [
    { field: 'itemCode', headerName: t('sf.code'), width: 120, cellClass: 'mono' },
    { field: 'itemName', headerName: t('sf.name'), flex: 2, minWidth: 140 },
    { field: 'unit', headerName: t('sf.unit'), width: 64 },
    { field: 'location', headerName: t('sf.location'), width: 90, cellClass: 'mono' },
    qtyCol<SafetyRow>({ field: 'onHand', headerName: t('sf.onHand'), width: 90 }),
    qtyCol<SafetyRow>({ field: 'safetyStock', headerName: t('sf.safety'), width: 90 }),
    qtyCol<SafetyRow>({ colId: 'sold', headerName: t('sf.sold', { n: windowDays }), width: 110, valueGetter: (x) => x.data?.usage.soldQty }),
    { colId: 'avg', headerName: t('sf.avg'), width: 96, type: 'rightAligned', valueGetter: (x) => (x.data ? milliText(x.data.usage.avgDailyMilli) : '') },
    { colId: 'pack', headerName: t('sf.pack'), width: 70, type: 'rightAligned', valueGetter: (x) => (x.data && x.data.packQty > 1 ? x.data.packQty : '') },
    {
      colId: 'suggested',
      headerName: t('sf.suggested'),
      width: 100,
      type: 'rightAligned',
      valueGetter: (x) => x.data?.usage.suggested,
      cellClassRules: { 'safety-differs': (x) => !!x.data && x.data.usage.suggested !== x.data.safetyStock },
    },
    {
      colId: 'pending',
      headerName: t('sf.pending'),
      width: 130,
      valueGetter: (x) => (x.data?.pending ? t('sf.pendingBy', { qty: x.data.pending.qty, name: x.data.pending.proposedBy.name }) : ''),
    },
  ];
}
