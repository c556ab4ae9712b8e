// The customer ledger's figures and columns: the ledger (应收明细账) or statement (对账单) rows
// between an opening row and the closing balance (the statement with its period totals), the
// slips still open, and how a collection spreads over them oldest first.

import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import { today } from '../../i18n/clock';
import type { I18n } from '../../i18n';

export type Ledger = Output<'receivables.ledger'>;
export type Statement = Output<'receivables.statement'>;
export type LedgerView = 'ledger' | 'statement';
type RRow = Ledger['rows'][number];
export type VRow = Partial<RRow> & { key: string; label?: string };
export type OpenSlip = Statement['openSlips'][number];

export function monthStart(): string {
  return today().slice(0, 8) + '01';
}

export function ledgerColumns(t: I18n['t']): ColDef<VRow>[] {
  return [
    { field: 'date', headerName: t('fin.date'), width: 110 },
    { field: 'docNo', headerName: t('cu.doc'), width: 160 },
    { colId: 'summary', headerName: t('jr.summary'), flex: 1, minWidth: 200, valueGetter: (x) => x.data?.label ?? x.data?.summary ?? '' },
    moneyCol<VRow>({ field: 'debitFen', headerName: t('cu.debit'), width: 120 }),
    moneyCol<VRow>({ field: 'creditFen', headerName: t('cu.credit'), width: 120 }),
    moneyCol<VRow>({ field: 'balanceFen', headerName: t('ag.balance'), width: 120 }),
    { colId: 'ovr', headerName: t('cu.override'), width: 90, valueGetter: (x) => x.data?.overrideBy?.name ?? '' },
    { colId: 'user', headerName: t('fin.user'), width: 80, valueGetter: (x) => x.data?.user?.name ?? '' },
  ];
}

export function openSlipColumns(t: I18n['t']): ColDef<OpenSlip>[] {
  return [
    { field: 'slipNo', headerName: t('cu.slip'), width: 160 },
    { field: 'date', headerName: t('fin.date'), width: 110 },
    moneyCol<OpenSlip>({ field: 'amountFen', headerName: t('cu.slipAmount') }),
    moneyCol<OpenSlip>({ field: 'settledFen', headerName: t('cu.settled') }),
    moneyCol<OpenSlip>({ field: 'openFen', headerName: t('cu.openAmt') }),
    { field: 'ageDays', headerName: t('cu.age'), width: 100, type: 'rightAligned' },
    { field: 'dueDate', headerName: t('pt.dueDate'), width: 110 },
    { field: 'overdueDays', headerName: t('pt.overdueDays'), width: 100, type: 'rightAligned', valueFormatter: (p) => (p.value ? String(p.value) : '') },
  ];
}

interface Shown {
  view: LedgerView;
  src: Ledger | Statement | null;
  st: Statement | null;
  from: string;
  to: string;
}

/** The opening row on top; the statement's totals and the closing balance below. */
export function pinnedRows(t: I18n['t'], { view, src, st, from, to }: Shown): { top: VRow[]; bottom: VRow[] } {
  if (!src) return { top: [], bottom: [] };
  const statement = view === 'statement';
  return {
    top: [{ key: 'o', label: t('jr.opening'), date: statement ? (st?.from ?? '') : from, balanceFen: src.openingFen }],
    bottom: [
      ...(statement && st ? [{ key: 't', label: t('jr.totals'), debitFen: st.salesFen, creditFen: st.collectionsFen + st.creditNotesFen } as VRow] : []),
      { key: 'c', label: t('jr.closing'), date: statement ? (st?.to ?? '') : to, balanceFen: src.closingFen },
    ],
  };
}

/** Oldest first — what the core will do, shown before it is done: fen per open entry, and what is left. */
export function oldestFirst(open: { entryId: number; openFen: number }[], totalFen: number): { byEntry: Map<number, number>; leftFen: number } {
  const byEntry = new Map<number, number>();
  let left = totalFen;
  for (const s of open) {
    const a = Math.max(0, Math.min(left, s.openFen));
    byEntry.set(s.entryId, a);
    left -= a;
  }
  return { byEntry, leftFen: left };
}
