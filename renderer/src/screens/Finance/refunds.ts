// 待付退款: the list's types, the words of its states and causes, and its columns.

import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import type { I18n, MsgKey } from '../../i18n';
import { acctKey } from './common';

export type Refunds = Output<'refunds.list'>;
export type RefundRow = Refunds['rows'][number];
export type RefundState = RefundRow['state'];
export const REFUND_STATES: RefundState[] = ['pending', 'paid', 'cancelled'];

export const refundStateName = (t: I18n['t'], s: RefundState) => t(`rf.st.${s}` as MsgKey);
export const refundKindName = (t: I18n['t'], c: RefundRow['cause']) => t(`rf.kind.${c}` as MsgKey);

export function refundColumns(t: I18n['t']): ColDef<RefundRow>[] {
  return [
    { field: 'date', headerName: t('fin.date'), width: 105 },
    { field: 'slipNo', headerName: t('rf.slipNo'), width: 150, cellClass: 'mono' },
    { colId: 'cause', headerName: t('rf.kind'), width: 100, valueGetter: (x) => (x.data ? refundKindName(t, x.data.cause) : '') },
    { field: 'customerName', headerName: t('rf.customer'), flex: 1, minWidth: 160, tooltipField: 'customerName' },
    { colId: 'account', headerName: t('rf.account'), width: 90, valueGetter: (x) => (x.data ? t(acctKey(x.data.account)) : '') },
    moneyCol<RefundRow>({ field: 'amountFen', headerName: t('fin.amountYuan'), width: 110 }),
    {
      field: 'state',
      headerName: t('fin.state'),
      width: 110,
      valueFormatter: (x) => (x.value ? refundStateName(t, x.value as RefundState) : ''),
      cellClassRules: { 'bad-text': (x) => x.value === 'pending', 'ok-text': (x) => x.value === 'paid', muted: (x) => x.value === 'cancelled' },
    },
    { colId: 'postedBy', headerName: t('rf.postedBy'), width: 90, valueGetter: (x) => x.data?.createdBy.name ?? '' },
    {
      colId: 'paid',
      headerName: t('rf.paid'),
      width: 230,
      valueGetter: (x) =>
        x.data?.confirmedBy ? `${x.data.confirmedBy.name} ${x.data.voucherNo ?? ''} ${formatDateTime(x.data.confirmedAt)}` : (x.data?.cancelReason ?? ''),
    },
  ];
}
