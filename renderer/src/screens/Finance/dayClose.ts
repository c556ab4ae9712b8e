// 日结 figures and columns, pure: the count sheet by denomination, each channel's statement against
// what the books expect, whether the manager must approve, and the grids' columns.

import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol, qtyCol } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import type { DeskErr } from '../../api';
import { refusalError, type I18n, type MsgKey } from '../../i18n';
import { parseQty } from '../../numbers';
import { yuanToFen, type MoneyAccount } from './common';

export type Preview = Output<'dayClose.preview'>;
export type Rec = Output<'dayClose.list'>['rows'][number];
export const DENOMS = ['10000', '5000', '2000', '1000', '500', '100', '50', '10'] as const;
export type Denom = (typeof DENOMS)[number];
export type Counts = Record<Denom, number>;

export interface CountRow {
  denom: Denom | 'total';
  count: number | null;
  amountFen: number;
}

export interface ChannelDiff {
  account: MoneyAccount;
  expectedFen: number;
  confirmedFen: number | null;
  diffFen: number | null;
}

export const emptyCounts = (): Counts => Object.fromEntries(DENOMS.map((d) => [d, 0])) as Counts;

export const countedFenOf = (counts: Counts): number => DENOMS.reduce((a, d) => a + Number(d) * (counts[d] || 0), 0);

/** The sheet's rows: the counts being typed, or those of a closed day. */
export function countRowsOf(counts: Partial<Record<Denom, number>>): CountRow[] {
  return DENOMS.map((d) => {
    const n = counts[d] ?? 0;
    return { denom: d, count: n, amountFen: Number(d) * n };
  });
}

/** Each channel: the statement figure typed (元) against what the books expect. */
export function channelDiffs(pv: Preview | null, stmt: Record<string, string>): ChannelDiff[] {
  return (pv?.channels ?? []).map((c) => {
    const v = yuanToFen(stmt[c.account] ?? '');
    return { account: c.account as MoneyAccount, expectedFen: c.expectedFen, confirmedFen: v, diffFen: v === null ? null : v - c.expectedFen };
  });
}

/** `onRefused`: a count typed that is not a whole number ≥ 0 (the cell keeps its old count). */
export function countColumns(t: I18n['t'], closed: boolean | undefined, onRefused?: (e: DeskErr | null) => void): ColDef<CountRow>[] {
  return [
    {
      colId: 'denom',
      headerName: t('dc.denom'),
      flex: 1,
      valueGetter: (x) => (x.data?.denom === 'total' ? t('dc.counted') : x.data ? t(`dc.d.${x.data.denom}` as MsgKey) : ''),
    },
    qtyCol<CountRow>({
      field: 'count',
      headerName: t('dc.count'),
      width: 110,
      editable: (x) => !x.node.rowPinned && !closed,
      // typed text read by renderer/src/numbers.ts: ４５ is 45, 3.5 is refused, not floored
      cellEditor: 'agTextCellEditor',
      valueParser: (x) => {
        const q = parseQty(String(x.newValue ?? ''), { field: 'count', min: 0 });
        onRefused?.(q.ok ? null : refusalError(q.refusal));
        return q.ok ? q.value : x.oldValue;
      },
      cellClass: 'editable-cell',
    }),
    moneyCol<CountRow>({ field: 'amountFen', headerName: t('dc.amount'), width: 140 }),
  ];
}

export function historyColumns(t: I18n['t']): ColDef<Rec>[] {
  return [
    { field: 'date', headerName: t('fin.date'), width: 110 },
    {
      colId: 'state',
      headerName: t('ro.state'),
      width: 100,
      valueGetter: (x) => (x.data?.reopened ? t('ro.reopened') : t('ro.inForce')),
      tooltipValueGetter: (x) => (x.data?.reopened ? `${x.data.reopened.by.name}: ${x.data.reopened.reason}` : undefined),
      cellClassRules: { 'bad-text': (x) => !!x.data?.reopened },
    },
    moneyCol<Rec>({ field: 'expectedCashFen', headerName: t('dc.expected'), width: 120 }),
    moneyCol<Rec>({ field: 'countedCashFen', headerName: t('dc.counted'), width: 120 }),
    moneyCol<Rec>({ field: 'differenceFen', headerName: t('dc.diff'), width: 110 }),
    {
      field: 'result',
      headerName: t('dc.result'),
      width: 100,
      valueFormatter: (x) => (x.value === 'over' ? t('dc.over') : x.value === 'short' ? t('dc.short') : t('dc.even')),
      cellClassRules: { 'diff-over': (x) => x.value === 'over', 'diff-short': (x) => x.value === 'short' },
    },
    { colId: 'fin', headerName: t('dc.finance'), width: 90, valueGetter: (x) => x.data?.finance.name },
    { colId: 'stat', headerName: t('dc.statistician'), width: 100, valueGetter: (x) => x.data?.statistician.name },
    { colId: 'mgr', headerName: t('dc.manager'), width: 90, valueGetter: (x) => x.data?.manager?.name ?? '' },
    { field: 'adjustmentVoucherNo', headerName: t('dc.voucher'), width: 150 },
    {
      colId: 'failed',
      headerName: t('dc.failed'),
      width: 120,
      valueGetter: (x) => x.data?.failedChecks.length ?? 0,
      cellClassRules: { 'bad-text': (x) => x.value > 0 },
    },
    { field: 'reason', headerName: t('dc.reason'), flex: 1, minWidth: 120 },
    { field: 'closedAt', headerName: t('dc.closedAt'), width: 140, valueFormatter: (x) => formatDateTime(x.value) },
  ];
}

/** A closed day of a month whose pack is signed: its month-locked refusal (the core reopens no such day, so 反日结 is not offered). */
export function monthLockOf(pv: Pick<Preview, 'closed' | 'blockers'> | null): Preview['blockers'][number] | undefined {
  return pv?.closed ? pv.blockers.find((b) => b.code === 'month_locked') : undefined;
}
