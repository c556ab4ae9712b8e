// The line grid's column of a write-off (报损单): 报损原因, a list in the cell of the five causes
// (其他: the line's memo says what; marked while missing). A write-off's or return to HQ's lines have
// no price and no amount: their cost is taken FIFO when the keeper posts them (shown on the slip after).

import type { CellClassParams, ColDef, ICellRendererParams } from 'ag-grid-community';
import { WRITEOFF_CAUSES, type WriteoffCause } from '../../../shared/contract';
import type { MsgKey } from '../i18n';
import type { EditLine } from './lines';

export const isAdjustmentLines = (kind: string): kind is 'writeoff' | 'hqReturn' => kind === 'writeoff' || kind === 'hqReturn';

/** The cause chosen, or null when it is none of the five. */
export function causeOf(v: unknown): WriteoffCause | null {
  return (WRITEOFF_CAUSES as readonly unknown[]).includes(v) ? (v as WriteoffCause) : null;
}

const causeMissing = (l: EditLine) => !l.cause || (l.cause === 'other' && !l.memo.trim());

function CauseSelect(p: ICellRendererParams<EditLine> & { t(k: MsgKey): string; edit: boolean; onCause(index: number, cause: WriteoffCause | null): void }) {
  const index = p.node.rowIndex ?? -1;
  const value = p.data?.cause ?? '';
  if (!p.edit) return <span>{value ? p.t(`adj.cause.${value}`) : ''}</span>;
  return (
    <select className="cell-select" value={value} data-testid={`cause-${index}`} onChange={(e) => p.onCause(index, causeOf(e.target.value))}>
      <option value="">—</option>
      {WRITEOFF_CAUSES.map((c) => (
        <option key={c} value={c}>
          {p.t(`adj.cause.${c}`)}
        </option>
      ))}
    </select>
  );
}

export function causeCol(t: (k: MsgKey) => string, edit: boolean, onCause: (index: number, cause: WriteoffCause | null) => void): ColDef<EditLine> {
  return {
    field: 'cause',
    headerName: t('adj.cause'),
    width: 110,
    cellRenderer: CauseSelect,
    cellRendererParams: { t, edit, onCause },
    cellClassRules: { 'cell-missing': (x: CellClassParams<EditLine>) => !!x.data && causeMissing(x.data) },
  };
}
