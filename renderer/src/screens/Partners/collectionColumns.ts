// The columns of the collection list (催收清单) and of the call log under it.

import type { ColDef } from 'ag-grid-community';
import type { Chase, DueRow } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import type { I18n } from '../../i18n';

export function dueColumns(t: I18n['t']): ColDef<DueRow>[] {
  return [
    { field: 'dueDate', headerName: t('pt.dueDate'), width: 110, pinned: 'left' },
    { field: 'overdueDays', headerName: t('pt.overdueDays'), width: 90, type: 'rightAligned', valueFormatter: (p) => (p.value ? String(p.value) : '') },
    {
      colId: 'customer',
      headerName: t('co.customer'),
      flex: 2,
      minWidth: 160,
      valueGetter: (p) => `${p.data?.customerCode ?? ''} ${p.data?.customerName ?? ''}`,
    },
    { field: 'phone', headerName: t('pt.phone'), width: 120 },
    { field: 'slipNo', headerName: t('co.slip'), width: 150 },
    { field: 'date', headerName: t('co.date'), width: 105 },
    moneyCol<DueRow>({ field: 'openFen', headerName: t('co.open'), width: 115 }),
    {
      colId: 'last',
      headerName: t('co.lastChase'),
      flex: 2,
      minWidth: 160,
      valueGetter: (p) =>
        p.data?.lastChase ? `${p.data.lastChase.date} ${p.data.lastChase.user.name}→${p.data.lastChase.contacted} ${p.data.lastChase.note}` : '',
    },
    { colId: 'promised', headerName: t('co.promised'), width: 105, valueGetter: (p) => p.data?.lastChase?.promisedDate ?? '' },
  ];
}

export function chaseColumns(t: I18n['t']): ColDef<Chase>[] {
  return [
    { field: 'chasedAt', headerName: t('co.when'), width: 140, valueFormatter: (p) => formatDateTime(p.value as string) },
    { colId: 'who', headerName: t('co.who'), width: 90, valueGetter: (p) => p.data?.user.name ?? '' },
    { field: 'contacted', headerName: t('co.contacted'), width: 110 },
    { field: 'note', headerName: t('co.note'), flex: 1, minWidth: 200 },
    { field: 'promisedDate', headerName: t('co.promised'), width: 110 },
  ];
}
