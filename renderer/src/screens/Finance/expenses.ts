// Expense claims: their states, what may be done to the selected one, and the list's columns.

import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import type { I18n, MsgKey } from '../../i18n';

export type Claims = Output<'expenses.list'>;
export type Claim = Claims['rows'][number];
export type State = Claim['state'];
export const STATES: State[] = ['claimed', 'approved', 'paid', 'void'];

export const stateName = (t: I18n['t'], s: State) => t(`ex.st.${s}` as MsgKey);

/** The manager approves a claim (F6), finance pays an approved one (F9), a paid one only finance voids (F8). */
export function claimActions(sel: Claim | null, canApprove: boolean, isFinance: boolean) {
  return {
    approve: !!sel && sel.state === 'claimed' && canApprove,
    pay: !!sel && sel.state === 'approved' && isFinance,
    void: !!sel && sel.state !== 'void' && (sel.state !== 'paid' || isFinance),
  };
}

export function expenseColumns(t: I18n['t']): ColDef<Claim>[] {
  return [
    { field: 'no', headerName: t('ex.no'), width: 150 },
    { field: 'date', headerName: t('fin.date'), width: 105 },
    { field: 'category', headerName: t('ex.category'), width: 100 },
    moneyCol<Claim>({ field: 'amountFen', headerName: t('fin.amountYuan'), width: 110 }),
    { field: 'attachments', headerName: t('ex.attachments'), width: 90, type: 'rightAligned' },
    { field: 'summary', headerName: t('ex.summary'), flex: 1, minWidth: 160, tooltipField: 'summary' },
    { colId: 'claimant', headerName: t('ex.claimant'), width: 80, valueGetter: (x) => x.data?.claimant.name },
    {
      field: 'state',
      headerName: t('fin.state'),
      width: 110,
      valueFormatter: (x) => (x.value ? stateName(t, x.value as State) : ''),
      cellClassRules: { 'bad-text': (x) => x.value === 'claimed', 'ok-text': (x) => x.value === 'paid', muted: (x) => x.value === 'void' },
    },
    { colId: 'appr', headerName: t('ex.approvedBy'), width: 80, valueGetter: (x) => x.data?.approvedBy?.name ?? '' },
    { colId: 'paid', headerName: t('ex.paidBy'), width: 180, valueGetter: (x) => (x.data?.paidBy ? `${x.data.paidBy.name} ${x.data.voucherNo ?? ''}` : '') },
    { field: 'createdAt', headerName: t('dc.closedAt'), width: 130, valueFormatter: (x) => formatDateTime(x.value), hide: true },
  ];
}
