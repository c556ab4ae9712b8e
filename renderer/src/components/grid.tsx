// Every grid in the desk: ag-grid with the Quartz theme (Theming API), CJK fonts, the desk's
// locale text, and a container that always has a height (a zero-height grid renders no rows).

import { forwardRef, useMemo, type RefObject } from 'react';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { themeQuartz, type ColDef, type ValueFormatterParams, type CellClassParams } from 'ag-grid-community';
import { useI18n } from '../i18n';
import { formatFenSafe } from '../numbers';

export const FONT_STACK = ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'sans-serif'];

export const deskTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 6,
  accentColor: '#1f5fbf',
  headerBackgroundColor: '#eef2f7',
  oddRowBackgroundColor: '#fafbfd',
  borderColor: '#d6dce5',
  wrapperBorderRadius: 4,
  cellHorizontalPadding: 10,
});

type Props<T> = AgGridReactProps<T> & { height?: number | string; className?: string };

function GridInner<T>(props: Props<T>, ref: React.ForwardedRef<AgGridReact<T>>) {
  const { height = '100%', className, defaultColDef, ...rest } = props;
  const colDefaults = useMemo(
    () => ({
      // long English headers wrap instead of being cut
      wrapHeaderText: true,
      autoHeaderHeight: true,
      suppressMovable: true,
      // the infinite row model sorts on the server; ours do not
      sortable: props.rowModelType !== 'infinite',
      ...defaultColDef,
    }),
    [defaultColDef, props.rowModelType],
  );
  const { t } = useI18n();
  const localeText = useMemo(
    () => ({
      noRowsToShow: t('grid.noRows'),
      loadingOoo: t('grid.loading'),
      loadingError: t('grid.loadError'),
      page: t('grid.page'),
      to: '–',
      of: '/',
      more: '…',
    }),
    [t],
  );
  return (
    <div className={`grid-box ${className ?? ''}`} style={{ height }}>
      <AgGridReact<T>
        ref={ref}
        theme={deskTheme}
        localeText={localeText}
        defaultColDef={colDefaults}
        suppressCellFocus={false}
        // rows of an infinite list arrive after the columns are laid out: keep the scrollbar's room from the start
        alwaysShowVerticalScroll={props.rowModelType === 'infinite'}
        enableCellTextSelection={false}
        // every entry grid: Enter after typing a cell moves down to the next row's cell (as on paper)
        enterNavigatesVerticallyAfterEdit
        {...rest}
      />
    </div>
  );
}

export const Grid = forwardRef(GridInner) as <T>(p: Props<T> & { ref?: React.Ref<AgGridReact<T>> }) => ReturnType<typeof GridInner>;

// ------------------------------------------------------------------ column helpers

/** Right alignment survives a column's own cellClass (a colDef's cellClass replaces its type's). */
function rightClasses<T>(def: ColDef<T>): string[] {
  const own = def.cellClass;
  const extra = typeof own === 'string' ? [own] : Array.isArray(own) ? own : [];
  return ['ag-right-aligned-cell', 'num-cell', ...extra];
}

function negRule<T>(def: ColDef<T>) {
  return { 'neg-amount': (p: CellClassParams<T>) => typeof p.value === 'number' && p.value < 0, ...def.cellClassRules };
}

/** A money column in fen: right-aligned, two decimals, red when negative (红字). */
export function moneyCol<T>(def: ColDef<T>): ColDef<T> {
  return {
    type: 'rightAligned',
    width: 120,
    valueFormatter: (p: ValueFormatterParams<T>) => (typeof p.value === 'number' ? formatFenSafe(p.value) : ''),
    ...def,
    cellClass: rightClasses(def),
    cellClassRules: negRule(def),
  };
}

/** A quantity column: right-aligned integers, red when negative. */
export function qtyCol<T>(def: ColDef<T>): ColDef<T> {
  return {
    type: 'rightAligned',
    width: 90,
    valueFormatter: (p: ValueFormatterParams<T>) => (typeof p.value === 'number' ? p.value.toLocaleString('en-US') : ''),
    ...def,
    cellClass: rightClasses(def),
    cellClassRules: negRule(def),
  };
}

/** A slip's line grids (editors, pick screen, slip view): no header sorts, the lines stay in the slip's order. */
export const LINE_ORDER: ColDef = { sortable: false };

/** The data of the row that holds the grid's focused cell (F4 edit, F5 stock card …). */
export function focusedRow<T>(grid: RefObject<AgGridReact<T> | null>): T | undefined {
  const api = grid.current?.api;
  const cell = api?.getFocusedCell();
  const node = cell ? api?.getDisplayedRowAtIndex(cell.rowIndex) : null;
  return node?.data;
}

/**
 * One selected row that follows the keyboard: a click or the focused cell selects its row, and
 * `onSelect` hears of it (the list screens whose F-keys act on the selected row).
 */
export function selectFollowsFocus<T>(onSelect: (row: T | null) => void): Pick<AgGridReactProps<T>, 'rowSelection' | 'onSelectionChanged' | 'onCellFocused'> {
  return {
    rowSelection: { mode: 'singleRow', checkboxes: false, enableClickSelection: true },
    onSelectionChanged: (e) => onSelect((e.api.getSelectedRows()[0] as T | undefined) ?? null),
    onCellFocused: (e) => {
      if (e.rowIndex == null || e.rowPinned) return;
      e.api.getDisplayedRowAtIndex(e.rowIndex)?.setSelected(true, true);
    },
  };
}
