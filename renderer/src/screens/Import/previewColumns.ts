// The preview grid of an import: the row number, the row's problems in words, and the sheet's
// columns (a cell with a problem in red).

import type { ColDef, CellClassParams } from 'ag-grid-community';
import type { ImportRow } from '../../../../shared/contract';
import { SHEET_COLUMNS, type ImportKind } from '../../../../shared/sheets';

const hasProblem = (key: string) => (p: CellClassParams<ImportRow>) => (p.data?.problems ?? []).some((x) => x.field === key);

export function previewColumns(kind: ImportKind, lang: 'zh' | 'en', t: (k: 'imp.row' | 'imp.problems') => string): ColDef<ImportRow>[] {
  return [
    { headerName: t('imp.row'), field: 'rowNo', width: 70, pinned: 'left', cellClassRules: { 'cell-bad': (p) => (p.data?.problems.length ?? 0) > 0 } },
    {
      headerName: t('imp.problems'),
      colId: 'problems',
      width: 320,
      valueGetter: (p) => (p.data?.problems ?? []).map((x) => (lang === 'zh' ? x.message_zh : x.message_en)).join('\n'),
      cellClass: 'problems-text',
    },
    ...SHEET_COLUMNS[kind].map((c): ColDef<ImportRow> => ({
      headerName: lang === 'zh' ? c.zh : c.en,
      colId: c.key,
      valueGetter: (p) => p.data?.cells[c.key] ?? '',
      width: c.key === 'name' || c.key === 'address' ? 180 : 120,
      cellClassRules: { 'cell-bad': hasProblem(c.key) },
    })),
  ];
}

/** One line per problem (the problems cell keeps its line breaks), so none is cut off. */
export const previewRowHeight = (p: { data?: ImportRow }): number => 12 + 20 * Math.max(1, p.data?.problems.length ?? 0);
