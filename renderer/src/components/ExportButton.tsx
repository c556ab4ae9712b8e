// 导出 Excel on any grid: the columns the grid shows (their headers) and the rows it shows after its
// filters and sort go to export.xlsx in the main process (exceljs stays out of the renderer).
// Columns whose field ends in Fen are yuan (written as numbers with two decimals).

import { useState, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { GridApi } from 'ag-grid-community';
import type { Input } from '../../../shared/contract';
import type { SheetCell } from '../../../shared/sheets';
import { call, downloadBlob, type DeskErr } from '../api';
import { useI18n } from '../i18n';
import { Btn, ErrorLine } from './ui';

type ExportInput = Input<'export.xlsx'>;
export type Sheet = Pick<ExportInput, 'columns' | 'rows'>;

const cell = (v: unknown): SheetCell => (v == null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));

/** What a grid shows: its displayed columns and its rows after filter and sort. */
export function gridSheet<T>(api: GridApi<T>): Sheet {
  const cols = api.getAllDisplayedColumns().filter((c) => c.getColDef().headerName);
  const columns = cols.map((c) => {
    const field = c.getColDef().field ?? c.getColId();
    return { header: c.getColDef().headerName ?? '', format: /Fen$/.test(field) ? ('yuan' as const) : ('text' as const) };
  });
  const rows: SheetCell[][] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) rows.push(cols.map((c) => cell(api.getCellValue({ rowNode: node, colKey: c }))));
  });
  return { columns, rows };
}

function xlsxBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Download an XLSX the core wrote (an export, a template). */
export function downloadXlsx(x: { base64: string; fileName: string }): void {
  downloadBlob(xlsxBlob(x.base64), x.fileName);
}

interface Props<T> {
  title: string;
  /** the grid to export, or the sheet itself (the items grid exports as its import sheet) */
  grid?: RefObject<AgGridReact<T> | null>;
  sheet?: () => Sheet;
  filters?: ExportInput['filters'];
}

export function ExportButton<T>({ title, grid, sheet, filters = [] }: Props<T>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const run = async () => {
    const api = grid?.current?.api;
    const s = sheet ? sheet() : api ? gridSheet(api) : null;
    if (!s) return;
    setBusy(true);
    const r = await call('export.xlsx', { title, filters: filters.filter((f) => f.value !== ''), ...s });
    setBusy(false);
    if (r.ok) downloadXlsx(r.value);
    setError(r.ok ? null : r.error);
  };
  return (
    <>
      <Btn onClick={() => void run()} disabled={busy}>
        {t('exp.button')}
      </Btn>
      {error ? <ErrorLine error={error} /> : null}
    </>
  );
}
