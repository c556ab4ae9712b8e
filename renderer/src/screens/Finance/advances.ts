// 借支's rows and columns: the advances (open first) and the settlements of the one picked.

import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import type { I18n, MsgKey } from '../../i18n';
import { fen } from './common';

export type Advances = Output<'advances.list'>;
export type AdvanceRow = Advances['rows'][number];
export type SettlementRow = Output<'advances.get'>['settlements'][number];

export const advanceStateName = (t: I18n['t'], s: AdvanceRow['state']) => t(`adv.st.${s}` as MsgKey);

export function advanceColumns(t: I18n['t']): ColDef<AdvanceRow>[] {
  return [
    { field: 'date', headerName: t('adv.date'), width: 100 },
    { field: 'no', headerName: t('adv.no'), width: 140, cellClass: 'mono' },
    { colId: 'person', headerName: t('adv.person'), width: 80, valueGetter: (x) => x.data?.person.name ?? '' },
    { field: 'purpose', headerName: t('adv.purpose'), flex: 1, minWidth: 130, tooltipField: 'purpose' },
    moneyCol<AdvanceRow>({ field: 'amountFen', headerName: t('adv.amount'), width: 100 }),
    moneyCol<AdvanceRow>({ field: 'appliedFen', headerName: t('adv.applied'), width: 100 }),
    moneyCol<AdvanceRow>({ field: 'returnedFen', headerName: t('adv.returned'), width: 100 }),
    moneyCol<AdvanceRow>({ field: 'openFen', headerName: t('adv.open'), width: 100 }),
    {
      field: 'state',
      headerName: t('adv.state'),
      width: 80,
      valueFormatter: (x) => (x.value ? advanceStateName(t, x.value as AdvanceRow['state']) : ''),
      cellClassRules: { 'bad-text': (x) => x.value === 'open', 'ok-text': (x) => x.value === 'settled', muted: (x) => x.value === 'reversed' },
    },
    { field: 'ageDays', headerName: t('adv.age'), width: 60, type: 'rightAligned', valueFormatter: (x) => (x.data?.state === 'open' ? String(x.value) : '') },
    { field: 'voucherNo', headerName: t('adv.voucher'), width: 140, cellClass: 'mono' },
  ];
}

export function settlementColumns(t: I18n['t']): ColDef<SettlementRow>[] {
  return [
    { field: 'date', headerName: t('fin.date'), width: 105 },
    { field: 'kind', headerName: t('adv.s.kind'), width: 90, valueFormatter: (x) => (x.value ? t(`adv.s.kind.${x.value as string}` as MsgKey) : '') },
    { colId: 'ref', headerName: t('adv.s.ref'), width: 150, cellClass: 'mono', valueGetter: (x) => x.data?.claimNo ?? x.data?.voucherNo ?? '' },
    {
      colId: 'summary',
      headerName: t('adv.s.summary'),
      flex: 1,
      minWidth: 200,
      valueGetter: (x) => `${x.data?.summary ?? ''}${x.data?.reversesId ? ` ${t('adv.s.red')}` : x.data?.reversedById ? ` ${t('adv.s.reversed')}` : ''}`,
    },
    moneyCol<SettlementRow>({ field: 'amountFen', headerName: t('adv.s.amount'), width: 110 }),
    { colId: 'by', headerName: t('adv.s.by'), width: 80, valueGetter: (x) => x.data?.by.name ?? '' },
  ];
}

/** What each person still owes, one line. */
export function balancesText(t: I18n['t'], rows: Advances['balances']): string {
  return rows.map((b) => t('adv.byPerson', { name: b.person.name, n: b.count, fen: fen(b.openFen), date: b.oldestDate })).join('; ');
}

/** The close of day's line of open advances by person (information: the cash already holds them). */
export function openAdvancesText(t: I18n['t'], open: readonly { person: { id: number; name: string }; openFen: number; ageDays: number }[]): string {
  const by = new Map<number, { name: string; n: number; fen: number; age: number }>();
  for (const a of open) {
    const p = by.get(a.person.id) ?? { name: a.person.name, n: 0, fen: 0, age: 0 };
    by.set(a.person.id, { ...p, n: p.n + 1, fen: p.fen + a.openFen, age: Math.max(p.age, a.ageDays) });
  }
  return [...by.values()].map((p) => t('adv.dayPerson', { name: p.name, n: p.n, fen: fen(p.fen), days: p.age })).join('; ');
}
