// The items list's columns; with the right to see stock, on hand (flagged below safety stock) and
// the last move too.

import type { ColDef } from 'ag-grid-community';
import type { Item } from '../../../../shared/contract';
import { moneyCol, qtyCol } from '../../components/grid';
import { formatDateTime } from '../../i18n/clock';
import type { I18n } from '../../i18n';

export interface ItemRow extends Item {
  onHand: number | null;
  below: boolean;
  lastMoveAt: string | null;
}

function onHandCol(t: I18n['t']): ColDef<ItemRow> {
  return qtyCol<ItemRow>({
    field: 'onHand',
    headerName: t('stock.onHand'),
    width: 140,
    cellRenderer: (p: { data?: ItemRow; valueFormatted?: string | null }) =>
      p.data?.below ? (
        <span className="below-safety">
          {p.valueFormatted} <span className="tag-warn">{t('stock.belowTag')}</span>
        </span>
      ) : (
        p.valueFormatted
      ),
  });
}

/** `seesPrices`: the selling price column (保密制度: not for the driver and the shipper). */
export function itemColumns(t: I18n['t'], canStock: boolean, seesPrices: boolean): ColDef<ItemRow>[] {
  return [
    { field: 'code', headerName: t('item.code'), width: 120, pinned: 'left' },
    { field: 'name', headerName: t('item.name'), flex: 2, minWidth: 170 },
    { field: 'spec', headerName: t('item.spec'), width: 120, tooltipField: 'spec' },
    { field: 'unit', headerName: t('item.unit'), width: 60 },
    { field: 'category', headerName: t('item.category'), width: 90 },
    ...(seesPrices ? [moneyCol<ItemRow>({ field: 'priceFen', headerName: t('item.price'), width: 110 })] : []),
    qtyCol<ItemRow>({ field: 'safetyStock', headerName: t('item.safetyStock'), width: 100 }),
    { field: 'location', headerName: t('item.location'), width: 90, cellClass: 'mono' },
    ...(canStock ? [onHandCol(t)] : []),
    {
      colId: 'barcodes',
      headerName: t('item.barcodes'),
      flex: 2,
      minWidth: 180,
      valueGetter: (p) => (p.data?.barcodes ?? []).map((b) => (b.packQty > 1 ? `${b.code} (${t('item.caseOf', { n: b.packQty })})` : b.code)).join('  '),
      cellClass: 'mono',
    },
    ...(canStock
      ? [
          {
            field: 'lastMoveAt' as const,
            headerName: t('stock.lastMove'),
            width: 130,
            valueFormatter: (p: { value: string | null }) => formatDateTime(p.value),
          },
        ]
      : []),
  ];
}
