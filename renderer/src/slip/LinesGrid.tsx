// The lines of a slip in an editable ag-grid: quantities and money typed in place (money in 元,
// kept in fen). Edits come back through onEdit (readOnlyEdit: the grid never mutates state).

import { forwardRef, useMemo } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GridApi, RowClassParams, CellClassParams } from 'ag-grid-community';
import { parseYuanToFen } from '../../../shared/money';
import { Grid, moneyCol, qtyCol } from '../components/grid';
import { useI18n } from '../i18n';
import { lineAmountFen, type EditLine } from './lines';

export type LinesKind = 'inbound' | 'dispatch' | 'return';

export interface LinesGridProps {
  kind: LinesKind;
  lines: EditLine[];
  editable: boolean;
  onEdit(index: number, patch: Partial<EditLine>): void;
  onInvalid(message: string): void;
  erroredCodes?: Set<string>;
  onHand?: Map<number, number>;
}

let editStartedAt = 0;

/**
 * A scan arrived: a cell editor opened by the scan's own first keys (type-to-edit) is cancelled;
 * one the user was typing in before is committed.
 */
export function settleEditingForScan(api: GridApi | undefined | null): void {
  if (!api || api.getEditingCells().length === 0) return;
  api.stopEditing(performance.now() - editStartedAt < 400);
}

/** Show the line a scan changed; when focus is not in a text field, put it on that line's `col`. */
export function flashRow(api: GridApi | undefined | null, index: number, col?: string): void {
  if (!api || index < 0) return;
  api.ensureIndexVisible(index);
  const node = api.getDisplayedRowAtIndex(index);
  if (node) api.flashCells({ rowNodes: [node] });
  const a = document.activeElement;
  const inField = a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement || a instanceof HTMLSelectElement;
  if (col && !inField && api.getEditingCells().length === 0) api.setFocusedCell(index, col);
}

/** F7: into the lines (the focused line, else the first). */
export function focusLines(api: GridApi | undefined | null, col = 'qty'): void {
  if (!api || api.getDisplayedRowCount() === 0) return;
  const cell = api.getFocusedCell();
  api.setFocusedCell(cell?.rowIndex ?? 0, col);
}

export const LinesGrid = forwardRef<AgGridReact<EditLine>, LinesGridProps>(function LinesGrid(p, ref) {
  const { t } = useI18n();
  const cols = useMemo<ColDef<EditLine>[]>(() => {
    const edit = p.editable;
    const c: ColDef<EditLine>[] = [
      { colId: 'no', headerName: '#', width: 52, valueGetter: (x) => (x.node?.rowIndex ?? 0) + 1, cellClass: 'muted num-cell' },
      { field: 'itemCode', headerName: t('item.code'), width: 110 },
      { field: 'itemName', headerName: t('item.name'), flex: 2, minWidth: 150 },
      { field: 'spec', headerName: t('item.spec'), width: 110 },
      { field: 'unit', headerName: t('item.unit'), width: 64 },
    ];
    if (p.kind === 'dispatch' && p.onHand)
      c.push(
        qtyCol<EditLine>({
          colId: 'onHand',
          headerName: t('stock.onHand'),
          width: 84,
          valueGetter: (x) => (x.data ? (p.onHand?.get(x.data.itemId) ?? null) : null),
          cellClass: 'muted',
        }),
      );
    if (p.kind === 'return') {
      c.push(qtyCol<EditLine>({ field: 'shippedQty', headerName: t('ret.shipped'), width: 90 }));
      c.push(qtyCol<EditLine>({ field: 'returnableQty', headerName: t('ret.returnable'), width: 90 }));
    }
    c.push(
      qtyCol<EditLine>({
        field: 'qty',
        headerName: p.kind === 'return' ? t('ret.qty') : t('slip.qty'),
        width: 96,
        editable: edit,
        cellEditor: 'agNumberCellEditor',
        cellEditorParams: { min: p.kind === 'return' ? 0 : 1, precision: 0, showStepperButtons: false },
        cellClass: edit ? 'cell-editable' : undefined,
      }),
    );
    if (p.kind === 'inbound')
      c.push(
        moneyCol<EditLine>({
          field: 'unitCostFen',
          headerName: t('slip.unitCostYuan'),
          width: 120,
          editable: edit,
          cellEditor: 'agTextCellEditor',
          cellEditorParams: { useFormatter: true },
          cellClass: edit ? 'cell-editable' : undefined,
          cellClassRules: { 'cell-missing': (x: CellClassParams<EditLine>) => x.value == null },
        }),
      );
    else
      c.push(
        moneyCol<EditLine>({
          field: 'priceFen',
          headerName: t('slip.priceYuan'),
          width: 120,
          editable: edit && p.kind === 'dispatch',
          cellEditor: 'agTextCellEditor',
          cellEditorParams: { useFormatter: true },
          cellClass: edit && p.kind === 'dispatch' ? 'cell-editable' : undefined,
        }),
      );
    c.push(moneyCol<EditLine>({ colId: 'amount', headerName: t('slip.amount'), width: 130, valueGetter: (x) => (x.data ? lineAmountFen(x.data) : null) }));
    c.push({ field: 'memo', headerName: t('slip.memo'), flex: 1, minWidth: 120, editable: edit, cellClass: edit ? 'cell-editable' : undefined });
    return c;
  }, [t, p.kind, p.editable, p.onHand]);

  const onRequest = (e: CellEditRequestEvent<EditLine>) => {
    const index = e.rowIndex ?? -1;
    const line = e.data;
    if (index < 0 || !line) return;
    const col = e.colDef.field ?? e.column.getColId();
    const v = e.newValue;
    if (col === 'qty') {
      const n = typeof v === 'number' ? v : Number(String(v ?? '').trim());
      const min = p.kind === 'return' ? 0 : 1;
      if (!Number.isInteger(n) || n < min) return p.onInvalid(t('slip.badQty', { line: index + 1, min }));
      if (p.kind === 'return' && line.returnableQty != null && n > line.returnableQty)
        return p.onInvalid(t('ret.overReturnable', { line: index + 1, n: line.returnableQty }));
      p.onEdit(index, { qty: n });
    } else if (col === 'unitCostFen' || col === 'priceFen') {
      const text = String(v ?? '').trim();
      if (col === 'unitCostFen' && text === '') return p.onEdit(index, { unitCostFen: null });
      const fen = parseYuanToFen(text);
      if (fen === null || fen < 0) return p.onInvalid(t('slip.badMoney', { line: index + 1 }));
      p.onEdit(index, { [col]: fen });
    } else if (col === 'memo') p.onEdit(index, { memo: String(v ?? '').slice(0, 100) });
  };

  return (
    <Grid<EditLine>
      ref={ref}
      rowData={p.lines}
      columnDefs={cols}
      getRowId={(x) => x.data.key}
      readOnlyEdit
      onCellEditRequest={onRequest}
      onCellEditingStarted={() => (editStartedAt = performance.now())}
      singleClickEdit={false}
      enterNavigatesVerticallyAfterEdit
      stopEditingWhenCellsLoseFocus
      rowClassRules={{ 'row-error': (x: RowClassParams<EditLine>) => !!x.data && !!p.erroredCodes?.has(x.data.itemCode) }}
    />
  );
});
