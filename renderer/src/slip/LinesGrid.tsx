// The lines of a slip in an editable ag-grid: quantities and money typed in place (money in 元,
// kept in fen), read by renderer/src/numbers.ts. Edits come back through onEdit (readOnlyEdit: the
// grid never mutates state); a refused edit through onInvalid, the cell keeping its old value. A
// barcode typed into a quantity is refused with a warning on its line (and named when it is known).

import { forwardRef, useMemo, useRef } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent, ColDef, GridApi, RowClassParams, CellClassParams } from 'ag-grid-community';
import { call } from '../api';
import { Grid, LINE_ORDER, moneyCol, qtyCol } from '../components/grid';
import { useI18n } from '../i18n';
import { formatFenSafe, parseMoney, parseQty, refusalText } from '../numbers';
import { lineAmountFen, lineAmountOver, lineCostMissing, lineUnitCostFen, type EditLine } from './lines';
import { asTyped, preGoLiveCols } from './preGoLiveCols';
import { causeCol, isAdjustmentLines } from './adjustCols';

export type LinesKind = 'inbound' | 'dispatch' | 'return' | 'writeoff' | 'hqReturn';

export interface LinesGridProps {
  kind: LinesKind;
  lines: EditLine[];
  editable: boolean;
  onEdit(index: number, patch: Partial<EditLine>): void;
  /** a refused edit: the message (without its line number) is about that line */
  onInvalid(message: string, line: EditLine): void;
  /** lines in red: named by the core's refusal, or above what is on hand */
  erroredKeys?: Set<string>;
  /** lines showing a warning (a refused edit) */
  warnedKeys?: Set<string>;
  onHand?: Map<number, number>;
  /** a return without a dispatch (无原单退货): the manager's unit cost and the refund price */
  preGoLive?: { costEditable: boolean };
}

let editStartedAt = 0;

const memoCol = (headerName: string, edit: boolean): ColDef<EditLine> => ({
  field: 'memo',
  headerName,
  flex: 1,
  minWidth: 120,
  editable: edit,
  cellClass: edit ? 'cell-editable' : undefined,
});

/**
 * A scan arrived: a cell editor opened by the scan's own first keys (type-to-edit) is cancelled —
 * it opened just now, or what it holds is the start of this very code (the page was busy while
 * the keys came) —; one the user was typing in before is committed.
 */
export function settleEditingForScan(api: GridApi | undefined | null, code?: string): void {
  if (!api || api.getEditingCells().length === 0) return;
  const typed = api.getCellEditorInstances().map((e) => String((e as { getValue?: () => unknown }).getValue?.() ?? '').trim());
  const scanKeys = !!code && typed.some((v) => v !== '' && code.startsWith(v));
  api.stopEditing(scanKeys || performance.now() - editStartedAt < 400);
}

/** Show the line a scan changed; when focus is not in a text field, put it on that line's `col`. */
export function flashRow(api: GridApi | undefined | null, index: number, col?: string): void {
  if (!api || index < 0) return;
  api.ensureIndexVisible(index);
  const node = api.getDisplayedRowAtIndex(index);
  if (node) api.flashCells({ rowNodes: [node] });
  const a = document.activeElement;
  const inField = a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement || a instanceof HTMLSelectElement;
  // a dialog opened meanwhile (the leave prompt, the log-in) keeps the focus
  const dialogOpen = !!document.querySelector('.dialog');
  if (col && !inField && !dialogOpen && api.getEditingCells().length === 0) api.setFocusedCell(index, col);
}

/** F7: into the lines (the focused line, else the first). */
export function focusLines(api: GridApi | undefined | null, col = 'qty'): void {
  if (!api || api.getDisplayedRowCount() === 0) return;
  const cell = api.getFocusedCell();
  api.setFocusedCell(cell?.rowIndex ?? 0, col);
}

/** A barcode typed as a quantity: when it is a known one, say whose (the scan path adds it). */
async function nameKnownBarcode(code: string, say: (item: string) => void): Promise<void> {
  const r = await call('items.findByBarcode', { code });
  if (r.ok) say(`${r.value.item.code} ${r.value.item.name}`);
}

export const LinesGrid = forwardRef<AgGridReact<EditLine>, LinesGridProps>(function LinesGrid(p, ref) {
  const { t } = useI18n();
  // the cause list in a write-off's cell edits through the latest onEdit (the columns are memoised)
  const onEdit = useRef(p.onEdit);
  onEdit.current = p.onEdit;
  const cols = useMemo<ColDef<EditLine>[]>(() => {
    const edit = p.editable;
    const c: ColDef<EditLine>[] = [
      { colId: 'no', headerName: '#', width: 52, valueGetter: (x) => (x.node?.rowIndex ?? 0) + 1, cellClass: 'muted num-cell' },
      { field: 'itemCode', headerName: t('item.code'), width: 110 },
      { field: 'itemName', headerName: t('item.name'), flex: 2, minWidth: 150 },
      { field: 'spec', headerName: t('item.spec'), width: 110 },
      { field: 'unit', headerName: t('item.unit'), width: 64 },
    ];
    if ((p.kind === 'dispatch' || isAdjustmentLines(p.kind)) && p.onHand)
      c.push(
        qtyCol<EditLine>({
          colId: 'onHand',
          headerName: t('stock.onHand'),
          width: 84,
          valueGetter: (x) => (x.data ? (p.onHand?.get(x.data.itemId) ?? null) : null),
          cellClass: 'muted',
          cellClassRules: {
            'cell-error': (x: CellClassParams<EditLine>) => !!x.data && !!p.erroredKeys?.has(x.data.key) && x.value != null && x.data.qty > x.value,
          },
        }),
      );
    if (p.kind === 'return' && !p.preGoLive) {
      c.push(qtyCol<EditLine>({ field: 'shippedQty', headerName: t('ret.shipped'), width: 90 }));
      c.push(qtyCol<EditLine>({ field: 'returnableQty', headerName: t('ret.returnable'), width: 90 }));
    }
    c.push(
      qtyCol<EditLine>({
        field: 'qty',
        headerName: p.kind === 'return' ? t('ret.qty') : t('slip.qty'),
        width: 112, // room for the core's largest, 1,000,000,000
        editable: edit,
        // a text editor, and no parsing by the grid (its number parser makes ４５ or 1,000 NaN):
        // what was typed reaches renderer/src/numbers.ts as typed
        cellEditor: 'agTextCellEditor',
        valueParser: asTyped,
        cellClass: edit ? 'cell-editable' : undefined,
      }),
    );
    if (p.kind === 'writeoff') c.push(causeCol(t, edit, (i, cause) => i >= 0 && onEdit.current(i, { cause })));
    if (isAdjustmentLines(p.kind)) return [...c, memoCol(t('slip.memo'), edit)]; // out at FIFO cost: no price, no amount
    if (p.preGoLive) c.push(...preGoLiveCols(t, edit, p.preGoLive.costEditable));
    else if (p.kind === 'inbound')
      c.push(
        moneyCol<EditLine>({
          field: 'unitCostFen',
          headerName: t('slip.unitCostYuan'),
          width: 120,
          // a line entered by its amount shows amount ÷ qty, rounded, greyed: the amount is what counts
          valueGetter: (x) => (x.data ? lineUnitCostFen(x.data) : null),
          editable: edit,
          cellEditor: 'agTextCellEditor',
          cellEditorParams: { useFormatter: true },
          valueParser: asTyped,
          cellClass: edit ? 'cell-editable' : undefined,
          cellClassRules: {
            'cell-missing': (x: CellClassParams<EditLine>) => !!x.data && lineCostMissing(x.data),
            'cell-derived': (x: CellClassParams<EditLine>) => x.data?.enteredAmountFen != null,
          },
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
          valueParser: asTyped,
          cellClass: edit && p.kind === 'dispatch' ? 'cell-editable' : undefined,
        }),
      );
    const amountEditable = edit && p.kind === 'inbound'; // HQ's 金额, typed instead of the unit cost
    c.push(
      moneyCol<EditLine>({
        colId: 'amount',
        headerName: amountEditable ? t('inb.amountYuan') : t('slip.amount'),
        width: 130,
        valueGetter: (x) => (x.data ? lineAmountFen(x.data) : null),
        valueFormatter: (x) => (x.data && lineAmountOver(x.data) ? t('num.amountOver') : typeof x.value === 'number' ? formatFenSafe(x.value) : ''),
        editable: amountEditable,
        cellEditor: 'agTextCellEditor',
        cellEditorParams: { useFormatter: true }, // the editor opens on 10.00, not on the fen
        valueParser: asTyped,
        cellClass: amountEditable ? 'cell-editable' : undefined,
        cellClassRules: {
          'cell-error': (x: CellClassParams<EditLine>) => !!x.data && lineAmountOver(x.data),
          'cell-derived': (x: CellClassParams<EditLine>) => p.kind === 'inbound' && !!x.data && x.data.unitCostFen != null,
        },
      }),
    );
    c.push(memoCol(t('slip.memo'), edit));
    return c;
  }, [t, p.kind, p.editable, p.onHand, p.erroredKeys, p.preGoLive]);

  const onRequest = (e: CellEditRequestEvent<EditLine>) => {
    const index = e.rowIndex ?? -1;
    const line = e.data;
    if (index < 0 || !line) return;
    const col = e.colDef.field ?? e.column.getColId();
    const v = e.newValue;
    if (col === 'qty') {
      const text = String(v ?? '');
      const q = parseQty(text, { field: p.kind === 'return' ? 'returnQty' : 'qty', min: p.kind === 'return' ? 0 : 1 });
      if (!q.ok) {
        const msg = refusalText(q.refusal, t);
        p.onInvalid(msg, line);
        if (q.refusal.reason === 'barcode') void nameKnownBarcode(q.refusal.text, (item) => p.onInvalid(`${msg} ${t('num.barcodeKnown', { item })}`, line));
        return;
      }
      if (p.kind === 'return' && line.returnableQty != null && q.value > line.returnableQty)
        return p.onInvalid(t('msg.maxReturnable', { n: line.returnableQty }), line);
      p.onEdit(index, { qty: q.value });
    } else if (col === 'unitCostFen' || col === 'priceFen' || col === 'amount') {
      const text = String(v ?? '');
      // an inbound line has its unit cost or its amount, whichever was typed last; the other is derived
      if (col !== 'priceFen' && text.trim() === '') return p.preGoLive ? undefined : p.onEdit(index, { unitCostFen: null, enteredAmountFen: null });
      const m = parseMoney(text, { field: col === 'unitCostFen' ? 'unitCost' : col === 'amount' ? 'amount' : 'price' });
      if (!m.ok) return p.onInvalid(refusalText(m.refusal, t), line);
      if (col === 'amount') p.onEdit(index, { enteredAmountFen: m.value, unitCostFen: null });
      else if (col === 'unitCostFen') p.onEdit(index, { unitCostFen: m.value, enteredAmountFen: null, ...(p.preGoLive ? { costByManager: true } : {}) });
      else p.onEdit(index, { priceFen: m.value });
    } else if (col === 'memo') p.onEdit(index, { memo: String(v ?? '').slice(0, 100) });
  };

  return (
    <Grid<EditLine>
      ref={ref}
      rowData={p.lines}
      columnDefs={cols}
      defaultColDef={LINE_ORDER}
      getRowId={(x) => x.data.key}
      readOnlyEdit
      onCellEditRequest={onRequest}
      onCellEditingStarted={() => (editStartedAt = performance.now())}
      singleClickEdit={false}
      stopEditingWhenCellsLoseFocus
      rowClassRules={{
        'row-error': (x: RowClassParams<EditLine>) => !!x.data && (!!p.erroredKeys?.has(x.data.key) || lineAmountOver(x.data)),
        'row-warn': (x: RowClassParams<EditLine>) => !!x.data && !!p.warnedKeys?.has(x.data.key),
      }}
    />
  );
});
