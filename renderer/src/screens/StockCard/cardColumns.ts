// The stock card's columns as on the paper ledger: date, slip no., 摘要, then 收入 / 发出 / 结存 as
// column groups, each with 数量 / 单价 / 金额, narrow enough that all of them fit at 1366×768 with
// the navigation open. Move rows show their figures; a layer row (a FIFO take behind a merged
// row) its take on its row's side; 本月合计 / 本年累计 their in / out totals (no unit cost) and the
// balance; 期初 / 期末结存 only the balance. 结存 also says 其中次品 (defective units kept apart).

import type { ColDef, ColGroupDef, ValueGetterParams } from 'ag-grid-community';
import { moneyCol, qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';
import type { CardRow } from '../../slip/card';

type V = ValueGetterParams<CardRow>;
type Side = 'in' | 'out';
type Fig = 'qty' | 'unit' | 'amount';

const KEYS: Record<Side, Record<Fig, 'inQty' | 'inUnitCostFen' | 'inAmountFen' | 'outQty' | 'outUnitCostFen' | 'outAmountFen'>> = {
  in: { qty: 'inQty', unit: 'inUnitCostFen', amount: 'inAmountFen' },
  out: { qty: 'outQty', unit: 'outUnitCostFen', amount: 'outAmountFen' },
};

/** 收入 or 发出: quantity, unit cost, amount of a row. */
const figure = (side: Side, fig: Fig) => (x: V) => {
  const d = x.data;
  if (!d) return null;
  if (d.type === 'move') return d[KEYS[side][fig]];
  if (d.type === 'layer') return d.side !== side ? null : fig === 'qty' ? d.qty : fig === 'unit' ? d.unitCostFen : d.amountFen;
  if ((d.type === 'month' || d.type === 'year') && fig !== 'unit')
    return d[side === 'in' ? (fig === 'qty' ? 'inQty' : 'inAmountFen') : fig === 'qty' ? 'outQty' : 'outAmountFen'];
  return null;
};

/** 结存: every row but a layer row has one. */
const balance = (fig: Fig) => (x: V) => {
  const d = x.data;
  if (!d || d.type === 'layer') return null;
  return fig === 'qty' ? d.balanceQty : fig === 'unit' ? d.balanceUnitCostFen : d.balanceAmountFen;
};

/** 其中次品: of a move row's balance, the defective units (blank when none). */
const defective = (x: V) => (x.data?.type === 'move' && x.data.defectiveQty > 0 ? x.data.defectiveQty : null);

/** 摘要: the move's own summary in Chinese; in English its kind, counterparty and reference. */
function summaryOf(i18n: Pick<I18n, 't' | 'lang' | 'kind'>, d: CardRow | undefined): string {
  const { t, lang, kind } = i18n;
  if (!d) return '';
  switch (d.type) {
    case 'month':
      return t('card.monthTotal', { month: d.month });
    case 'year':
      return t('card.yearTotal', { year: d.month.slice(0, 4) });
    case 'opening':
      return t('card.opening');
    case 'closing':
      return t('card.closing');
    case 'layer':
      return t('card.layer', { layer: d.layerId });
  }
  if (lang === 'zh') return d.summary;
  return [kind(d.slipKind), d.counterparty, d.refNo ? `(${d.refNo})` : ''].filter(Boolean).join(' ');
}

/** with 其中次品 (an item that has had defective stock) the unit costs narrow to leave it room at 1366×768 */
function group(t: I18n['t'], side: Side | 'bal', title: string, withDefective: boolean): ColGroupDef<CardRow> {
  const get = (fig: Fig) => (side === 'bal' ? balance(fig) : figure(side, fig));
  return {
    headerName: title,
    marryChildren: true,
    headerClass: `group-${side}`,
    children: [
      qtyCol<CardRow>({ colId: `${side}Qty`, headerName: t('card.qty'), width: 68, valueGetter: get('qty') }),
      moneyCol<CardRow>({ colId: `${side}Unit`, headerName: t('card.unit'), width: withDefective ? 64 : 72, valueGetter: get('unit') }),
      // 116: a year's total of 100 million yuan in bold (999,999,999.99) still fits
      moneyCol<CardRow>({ colId: `${side}Amount`, headerName: t('card.amount'), width: 116, valueGetter: get('amount') }),
      ...(side === 'bal' && withDefective
        ? [qtyCol<CardRow>({ colId: 'balDefective', headerName: t('card.defective'), width: 64, valueGetter: defective })]
        : []),
    ],
  };
}

export function cardColumns(i18n: Pick<I18n, 't' | 'lang' | 'kind'>, withDefective = false): (ColDef<CardRow> | ColGroupDef<CardRow>)[] {
  const { t } = i18n;
  const summary = (x: V): string => summaryOf(i18n, x.data);
  return [
    {
      colId: 'date',
      headerName: t('card.date'),
      width: 88,
      valueGetter: (x) => (x.data?.type === 'move' || x.data?.type === 'opening' ? x.data.date : ''),
    },
    {
      colId: 'slipNo',
      headerName: t('slip.no'),
      width: 124,
      cellClass: 'mono link-cell',
      valueGetter: (x) => (x.data?.type === 'move' ? x.data.slipNo : ''),
    },
    { colId: 'summary', headerName: t('card.summary'), flex: 1, minWidth: 110, valueGetter: summary, tooltipValueGetter: (x) => summary(x as unknown as V) },
    group(t, 'in', t('card.in'), withDefective),
    group(t, 'out', t('card.out'), withDefective),
    group(t, 'bal', t('card.balance'), withDefective),
  ];
}
