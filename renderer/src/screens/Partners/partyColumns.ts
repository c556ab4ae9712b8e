// The columns of the customers and suppliers lists.

import type { ColDef } from 'ag-grid-community';
import type { Customer, Supplier } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import type { I18n } from '../../i18n';

export type PartyRow = Supplier & Partial<Pick<Customer, 'paymentTermsDays' | 'creditLimitFen' | 'salesperson'>>;

export function partyColumns(t: I18n['t'], customer: boolean): ColDef<PartyRow>[] {
  return [
    { field: 'code', headerName: t('pt.code'), width: 110, pinned: 'left' },
    { field: 'name', headerName: t('pt.name'), flex: 2, minWidth: 180 },
    { field: 'contact', headerName: t('pt.contact'), width: 100 },
    { field: 'phone', headerName: t('pt.phone'), width: 130 },
    ...(customer
      ? [
          { colId: 'salesperson', headerName: t('pt.salesperson'), width: 90, valueGetter: (p: { data?: PartyRow }) => p.data?.salesperson?.name ?? '' },
          { field: 'paymentTermsDays' as const, headerName: t('pt.terms'), width: 90, type: 'rightAligned' },
          moneyCol<PartyRow>({ field: 'creditLimitFen', headerName: t('pt.creditLimit'), width: 120 }),
        ]
      : []),
    { field: 'address', headerName: t('pt.address'), flex: 2, minWidth: 160, tooltipField: 'address' },
    { field: 'notes', headerName: t('pt.notes'), flex: 1, minWidth: 100, tooltipField: 'notes' },
    { colId: 'active', headerName: t('pt.active'), width: 80, valueGetter: (p) => (p.data?.active ? '' : t('pt.inactive')) },
  ];
}
