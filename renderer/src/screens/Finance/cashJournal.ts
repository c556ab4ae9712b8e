// The cash journal's rows and columns: the period's rows between an opening row (pinned on top)
// and the period totals and closing balance (pinned below); a reversed row says so, a red row is red.

import type { ColDef, RowClassParams } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { moneyCol } from '../../components/grid';
import type { I18n } from '../../i18n';

export type Journal = Output<'cash.journal'>;
export type JRow = Journal['rows'][number];
export type ViewRow = Partial<JRow> & { kind: 'row' | 'opening' | 'totals' | 'closing'; key: string };

/** Remittances, top-ups and collections are reversed here; money of slips and expenses through them. */
export function reversible(row: JRow | null): row is JRow {
  return !!row && !row.reversedById && !row.reversesId && ['remittance', 'topup', 'collection'].includes(row.cause);
}

export function viewRows(data: Journal | null): ViewRow[] {
  return data ? data.rows.map((r) => ({ ...r, kind: 'row' as const, key: String(r.id) })) : [];
}

export function openingRows(data: Journal | null): ViewRow[] {
  return data ? [{ kind: 'opening', key: 'opening', date: data.from ?? '', balanceFen: data.openingFen }] : [];
}

export function closingRows(data: Journal | null): ViewRow[] {
  return data
    ? [
        { kind: 'totals', key: 'totals', receiptFen: data.receiptsFen, paymentFen: data.paymentsFen },
        { kind: 'closing', key: 'closing', date: data.to ?? '', balanceFen: data.closingFen },
      ]
    : [];
}

export function journalRowClass(x: RowClassParams<ViewRow>): string {
  if (x.data && x.data.kind !== 'row') return 'row-' + (x.data.kind === 'opening' ? 'opening' : 'closing');
  return x.data?.reversesId ? 'neg-amount' : '';
}

function summary(t: I18n['t'], d: ViewRow | undefined): string {
  if (d?.kind === 'opening') return t('jr.opening');
  if (d?.kind === 'totals') return t('jr.totals');
  if (d?.kind === 'closing') return t('jr.closing');
  return (d?.summary ?? '') + (d?.memo ? ` · ${d.memo}` : '') + (d?.reversedById ? ` (${t('jr.reversed')})` : '');
}

export function journalColumns(t: I18n['t']): ColDef<ViewRow>[] {
  return [
    { field: 'date', headerName: t('fin.date'), width: 110 },
    { field: 'voucherNo', headerName: t('jr.voucher'), width: 150 },
    { field: 'summary', headerName: t('jr.summary'), flex: 2, minWidth: 180, valueGetter: (x) => summary(t, x.data), tooltipField: 'summary' },
    { colId: 'contra', headerName: t('jr.contra'), flex: 1, minWidth: 140, valueGetter: (x) => x.data?.contra?.label ?? '' },
    moneyCol<ViewRow>({ field: 'receiptFen', headerName: t('jr.receipt'), width: 120 }),
    moneyCol<ViewRow>({ field: 'paymentFen', headerName: t('jr.payment'), width: 120 }),
    moneyCol<ViewRow>({ field: 'balanceFen', headerName: t('jr.balance'), width: 130 }),
    { colId: 'user', headerName: t('fin.user'), width: 80, valueGetter: (x) => x.data?.user?.name ?? '' },
  ];
}
