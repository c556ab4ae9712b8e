// The pick grid's columns: ordered (to receive), picked (received, editable while the slip is
// ready), left, a status word per line, and on a return the line's quality (次品, F7 or a click).

import type { ColDef } from 'ag-grid-community';
import { qtyCol } from '../../components/grid';
import type { I18n } from '../../i18n';
import type { PickLine } from '../../slip/pick';
import { pickWord } from './words';

export interface PickRow extends PickLine {
  spec: string;
  unit: string;
  /** 库位: where the keeper finds the item */
  location: string;
  /** the oldest goods on the shelf (先进先出): the inbound date and slip number of the item's oldest layer */
  oldest: string;
}

function status(t: I18n['t'], isReturn: boolean, r: PickRow | undefined): string {
  if (!r) return '';
  if (r.picked === r.ordered) return t(pickWord(isReturn, 'lineDone'));
  return r.picked === 0 ? t(pickWord(isReturn, 'lineTodo')) : t(pickWord(isReturn, 'lineShort'), { n: r.ordered - r.picked });
}

/** A return line's quality: 次品 when the keeper marked it. */
function qualityCol(t: I18n['t']): ColDef<PickRow> {
  return {
    colId: 'defective',
    headerName: t('recv.quality'),
    width: 80,
    valueGetter: (x) => (x.data?.defective ? t('recv.defective') : ''),
    cellClass: 'cell-toggle',
    cellClassRules: { 'neg-amount': (x) => !!x.data?.defective },
  };
}

export function pickColumns(t: I18n['t'], isReturn: boolean, ready: boolean): ColDef<PickRow>[] {
  const cols: ColDef<PickRow>[] = [
    { colId: 'no', headerName: '#', width: 52, valueGetter: (x) => (x.node?.rowIndex ?? 0) + 1, cellClass: 'muted' },
    { field: 'itemCode', headerName: t('item.code'), width: 110 },
    { field: 'itemName', headerName: t('item.name'), flex: 2, minWidth: 160 },
    { field: 'spec', headerName: t('item.spec'), width: 110 },
    { field: 'unit', headerName: t('item.unit'), width: 64 },
    { field: 'location', headerName: t('item.location'), width: 90, cellClass: 'mono' },
    ...(isReturn ? [] : [{ field: 'oldest', headerName: t('adj.oldest'), width: 190, cellClass: 'mono muted', tooltipField: 'oldest' } as ColDef<PickRow>]),
    qtyCol<PickRow>({ field: 'ordered', headerName: isReturn ? t('pick.toReceive') : t('pick.ordered'), width: 100 }),
    qtyCol<PickRow>({
      field: 'picked',
      headerName: isReturn ? t('pick.received') : t('pick.picked'),
      width: 100,
      editable: ready,
      // the text as typed, read in PickScreen by renderer/src/numbers.ts (3.5 is refused, ４ is 4)
      cellEditor: 'agTextCellEditor',
      valueParser: (x) => String(x.newValue ?? ''),
      cellClass: 'cell-editable pick-count',
    }),
    qtyCol<PickRow>({ colId: 'left', headerName: t('pick.left'), width: 90, valueGetter: (x) => (x.data ? x.data.ordered - x.data.picked : null) }),
    {
      colId: 'status',
      headerName: t('pick.status'),
      width: 120,
      valueGetter: (x) => status(t, isReturn, x.data),
      cellClassRules: {
        'ok-text': (x) => !!x.data && x.data.picked === x.data.ordered,
        'warn-text': (x) => !!x.data && x.data.picked > 0 && x.data.picked < x.data.ordered,
      },
    },
  ];
  return isReturn ? [...cols, qualityCol(t)] : cols;
}
