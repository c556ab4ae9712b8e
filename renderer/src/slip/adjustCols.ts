// The line grid's column of a write-off (报损单): 报损原因, chosen from the five causes (其他: the
// line's memo says what; red while missing). A write-off's or return to HQ's lines have no price and
// no amount: their cost is taken FIFO when the keeper posts them (shown on the slip afterwards).

import type { CellClassParams, ColDef } from 'ag-grid-community';
import { WRITEOFF_CAUSES, type WriteoffCause } from '../../../shared/contract';
import type { MsgKey } from '../i18n';
import type { EditLine } from './lines';

export const isAdjustmentLines = (kind: string): kind is 'writeoff' | 'hqReturn' => kind === 'writeoff' || kind === 'hqReturn';

/** The cause as typed into the grid's select, or null when it is none of the five. */
export function causeOf(v: unknown): WriteoffCause | null {
  return (WRITEOFF_CAUSES as readonly unknown[]).includes(v) ? (v as WriteoffCause) : null;
}

export function causeCol(t: (k: MsgKey) => string, edit: boolean): ColDef<EditLine> {
  return {
    field: 'cause',
    headerName: t('adj.cause'),
    width: 110,
    editable: edit,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [...WRITEOFF_CAUSES] },
    valueFormatter: (x) => (causeOf(x.value) ? t(`adj.cause.${causeOf(x.value)!}`) : ''),
    cellClass: edit ? 'cell-editable' : undefined,
    cellClassRules: {
      'cell-missing': (x: CellClassParams<EditLine>) => !!x.data && (!x.data.cause || (x.data.cause === 'other' && !x.data.memo.trim())),
    },
  };
}
