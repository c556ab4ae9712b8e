// The stock card's columns: date, slip no., summary, then 收入 / 发出 (quantity, unit cost, amount)
// and 结存 (quantity, amount) as column groups. Month rows show their in / out totals (no unit cost);
// the opening and closing rows only their balance.

import type { ColDef, ColGroupDef, ValueGetterParams } from 'ag-grid-community';
import { moneyCol, qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';
import type { CardRow } from '../../slip/card';

type V = ValueGetterParams<CardRow>;
type Figure = 'inQty' | 'inAmountFen' | 'outQty' | 'outAmountFen' | 'inUnitCostFen' | 'outUnitCostFen';

const num = (key: Figure) => (x: V) => {
  const d = x.data;
  if (!d) return null;
  if (d.type === 'move') return d[key];
  if (d.type === 'month' && key !== 'inUnitCostFen' && key !== 'outUnitCostFen') return d[key];
  return null;
};

/** 摘要: the move's own summary in Chinese; in English its kind, counterparty and reference. */
function summaryOf(i18n: Pick<I18n, 't' | 'lang' | 'kind'>, d: CardRow | undefined): string {
  const { t, lang, kind } = i18n;
  if (!d) return '';
  if (d.type === 'month') return t('card.monthTotal', { month: d.month });
  if (d.type !== 'move') return d.type === 'opening' ? t('card.opening') : t('card.closing');
  if (lang === 'zh') return d.summary;
  return [kind(d.slipKind), d.counterparty, d.refNo ? `(${d.refNo})` : ''].filter(Boolean).join(' ');
}

export function cardColumns(i18n: Pick<I18n, 't' | 'lang' | 'kind'>): (ColDef<CardRow> | ColGroupDef<CardRow>)[] {
  const { t } = i18n;
  const summary = (x: V): string => summaryOf(i18n, x.data);
  return [
    {
      colId: 'date',
      headerName: t('card.date'),
      width: 100,
      valueGetter: (x) => (x.data?.type === 'move' ? x.data.date : x.data?.type === 'opening' ? x.data.date : ''),
    },
    {
      colId: 'slipNo',
      headerName: t('slip.no'),
      width: 146,
      cellClass: 'mono link-cell',
      valueGetter: (x) => (x.data?.type === 'move' ? x.data.slipNo : ''),
    },
    { colId: 'summary', headerName: t('card.summary'), flex: 1, minWidth: 150, valueGetter: summary, tooltipValueGetter: (x) => summary(x as unknown as V) },
    {
      headerName: t('card.in'),
      marryChildren: true,
      headerClass: 'group-in',
      children: [
        qtyCol<CardRow>({ colId: 'inQty', headerName: t('card.qty'), width: 66, valueGetter: num('inQty') }),
        moneyCol<CardRow>({ colId: 'inUnit', headerName: t('card.unitCost'), width: 84, valueGetter: num('inUnitCostFen') }),
        moneyCol<CardRow>({ colId: 'inAmount', headerName: t('card.amount'), width: 104, valueGetter: num('inAmountFen') }),
      ],
    },
    {
      headerName: t('card.out'),
      marryChildren: true,
      headerClass: 'group-out',
      children: [
        qtyCol<CardRow>({ colId: 'outQty', headerName: t('card.qty'), width: 66, valueGetter: num('outQty') }),
        moneyCol<CardRow>({ colId: 'outUnit', headerName: t('card.unitCost'), width: 84, valueGetter: num('outUnitCostFen') }),
        moneyCol<CardRow>({ colId: 'outAmount', headerName: t('card.amount'), width: 104, valueGetter: num('outAmountFen') }),
      ],
    },
    {
      headerName: t('card.balance'),
      marryChildren: true,
      headerClass: 'group-bal',
      children: [
        qtyCol<CardRow>({ colId: 'balQty', headerName: t('card.qty'), width: 72, valueGetter: (x) => x.data?.balanceQty ?? null }),
        moneyCol<CardRow>({ colId: 'balAmount', headerName: t('card.amount'), width: 112, valueGetter: (x) => x.data?.balanceAmountFen ?? null }),
      ],
    },
  ];
}
