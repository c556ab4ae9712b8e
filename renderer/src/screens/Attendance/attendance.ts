// 考勤: the month grid's columns (report B: a column per day, the counts, the deduction), the leave
// list's columns, and the texts of a sign-in and a leave's state.

import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import type { I18n, MsgKey } from '../../i18n';

export type Month = Output<'attendance.month'>;
export type MonthRow = Month['rows'][number];
export type Leave = Output<'attendance.leaves'>['rows'][number];
export type ClockRecord = Output<'attendance.clock'>;

const BAD = new Set(['旷', '迟', '早', '迟早']);
const LEAVE = new Set(['事', '病', '假']);

function dayColumns(t: I18n['t'], m: Month): ColDef<MonthRow>[] {
  return m.days.map((d, i) => ({
    colId: `d${i + 1}`,
    headerName: String(i + 1),
    headerTooltip: `${d.date} ${t(`att.wd.${d.weekday}` as MsgKey)}${d.special ? ` ${d.special}` : ''}`,
    headerClass: d.workday ? 'att-day' : 'att-day att-rest',
    width: 25,
    minWidth: 20,
    resizable: false,
    wrapHeaderText: false,
    autoHeaderHeight: false,
    suppressHeaderMenuButton: true,
    sortable: false,
    valueGetter: (x) => x.data?.marks[i] ?? '',
    valueFormatter: (x) => (x.value ? t(`att.mark.${x.value as string}` as MsgKey) : ''),
    cellClass: d.workday ? 'att-day' : 'att-day att-rest',
    cellClassRules: { 'att-bad': (x) => BAD.has(x.value as string), 'att-leave': (x) => LEAVE.has(x.value as string) },
  }));
}

const COUNT_KEYS = [
  ['present', 'att.short.present', 'att.present'],
  ['late', 'att.short.late', 'att.late'],
  ['early', 'att.short.early', 'att.early'],
] as const;

/** A whole month fits 1366 px: the name (its post as the tooltip), 31 narrow days, the counts (leave as one, its kinds as the tooltip). */
export function monthColumns(t: I18n['t'], m: Month): ColDef<MonthRow>[] {
  const num = (def: ColDef<MonthRow>): ColDef<MonthRow> => ({
    width: 40,
    type: 'rightAligned',
    pinned: 'right',
    wrapHeaderText: false,
    autoHeaderHeight: false,
    headerClass: ['att-num', 'ag-right-aligned-header'],
    cellClass: ['att-num', 'ag-right-aligned-cell'],
    ...def,
  });
  return [
    { colId: 'name', headerName: t('att.name'), width: 66, pinned: 'left', valueGetter: (x) => x.data?.user.name, tooltipValueGetter: (x) => x.data?.title },
    ...dayColumns(t, m),
    ...COUNT_KEYS.map(([k, short, label]) => num({ field: k, headerName: t(short), headerTooltip: t(label) })),
    num({
      colId: 'leave',
      headerName: t('att.short.leave'),
      headerTooltip: t('att.leave'),
      valueGetter: (x) => (x.data ? x.data.personal + x.data.sick + x.data.otherLeave : null),
      tooltipValueGetter: (x) =>
        x.data ? `${t('att.personal')} ${x.data.personal} · ${t('att.sick')} ${x.data.sick} · ${t('att.otherLeave')} ${x.data.otherLeave}` : '',
    }),
    num({ field: 'absent', headerName: t('att.short.absent'), headerTooltip: t('att.absent') }),
    moneyCol<MonthRow>({
      field: 'deductionFen',
      headerName: t('att.deduction'),
      headerTooltip: t('att.deduction'),
      width: 74,
      pinned: 'right',
      wrapHeaderText: false,
      autoHeaderHeight: false,
    }),
  ];
}

export const leaveStateName = (t: I18n['t'], s: Leave['state']) => t(`att.st.${s}` as MsgKey);
export const leaveKindName = (t: I18n['t'], k: Leave['kind']) => t(`att.kind.${k}` as MsgKey);

export function leaveColumns(t: I18n['t']): ColDef<Leave>[] {
  return [
    { colId: 'name', headerName: t('att.name'), width: 80, valueGetter: (x) => x.data?.user.name },
    { field: 'kind', headerName: t('att.kind'), width: 84, valueFormatter: (x) => (x.value ? leaveKindName(t, x.value as Leave['kind']) : '') },
    { field: 'from', headerName: t('att.from'), width: 105 },
    { field: 'to', headerName: t('att.to'), width: 105 },
    { field: 'days', headerName: t('att.days'), width: 60, type: 'rightAligned' },
    { field: 'reason', headerName: t('att.reason'), flex: 1, minWidth: 140, tooltipField: 'reason' },
    {
      field: 'state',
      headerName: t('att.state'),
      width: 84,
      valueFormatter: (x) => (x.value ? leaveStateName(t, x.value as Leave['state']) : ''),
      cellClassRules: { 'bad-text': (x) => x.value === 'pending', muted: (x) => x.value === 'rejected' },
    },
    {
      colId: 'decided',
      headerName: t('att.decidedBy'),
      width: 190,
      valueGetter: (x) => (x.data?.decidedBy ? `${x.data.decidedBy.name}${x.data.hqRef ? ` · ${t('att.byHq', { ref: x.data.hqRef })}` : ''}` : ''),
    },
  ];
}

/** 王强 08:47 签到 · 迟到 17 分钟 */
export function clockText(t: I18n['t'], r: ClockRecord): string {
  const done = t(r.kind === 'in' ? 'att.inDone' : 'att.outDone', { name: r.user.name, time: r.time });
  const how = r.lateMinutes > 0 ? t('att.lateBy', { n: r.lateMinutes }) : r.earlyMinutes > 0 ? t('att.earlyBy', { n: r.earlyMinutes }) : t('att.onTime');
  return `${done} · ${how}`;
}
