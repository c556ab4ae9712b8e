// Keys between a screen's search box and its grid, one helper for every screen: ↓ in the search
// box enters the grid at its first row (the first shown column), scrolled into view.

import type { KeyboardEvent, RefObject } from 'react';

/** The part of ag-grid's GridApi the helper uses (a test hands in a fake). */
export interface FocusableGridApi {
  isDestroyed?(): boolean;
  getDisplayedRowCount(): number;
  getAllDisplayedColumns(): { getColId(): string }[];
  ensureIndexVisible(index: number): void;
  setFocusedCell(rowIndex: number, colKey: string): void;
}

/**
 * Whether a screen may move the focus now, e.g. into its grid once its rows have loaded: not while
 * a dialog holds it (the 切换用户 PIN typed into a grid behind the dialog is a PIN lost, or worse).
 */
export function screenMayTakeFocus(doc: Pick<Document, 'activeElement'> = document): boolean {
  return !doc.activeElement?.closest('[role="dialog"]');
}

/** Focus the grid's first row at its first shown column; false when there is no row or column. */
export function focusFirstRow(api: FocusableGridApi | null | undefined): boolean {
  if (!api || api.isDestroyed?.()) return false;
  if (api.getDisplayedRowCount() < 1) return false;
  const col = api.getAllDisplayedColumns()[0];
  if (!col) return false;
  api.ensureIndexVisible(0);
  api.setFocusedCell(0, col.getColId());
  return true;
}

/** onKeyDown of a search box above a grid: a plain ↓ moves into the grid's first row. */
export function downIntoGrid(grid: RefObject<{ api: FocusableGridApi } | null>) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.nativeEvent.isComposing) return;
    if (focusFirstRow(grid.current?.api)) e.preventDefault();
  };
}
