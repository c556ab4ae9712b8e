// 导出 Excel on any grid. A grid the renderer holds whole sends the columns it shows (their headers)
// and its rows after its filters and sort to export.xlsx; columns whose field ends in Fen are yuan
// (written as numbers with two decimals). A paged or long grid (stock card, slips, cash journal,
// customer ledger) sends only its filters to export.grid, and the core reads every row itself.
// Electron saves the file through a save dialog; a browser downloads it.

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

/** Electron: a save dialog; a browser: a download. Returns why it could not, or null. */
export async function saveXlsx(x: { base64: string; fileName: string }): Promise<DeskErr | null> {
  if (!window.desk?.saveXlsx) {
    downloadXlsx(x);
    return null;
  }
  const r = await window.desk.saveXlsx(x);
  return r.ok ? null : r.error;
}

type Props<T> =
  | {
      title: string;
      /** the grid to export, or the sheet itself (the items grid exports as its import sheet) */
      grid?: RefObject<AgGridReact<T> | null>;
      sheet?: () => Sheet;
      filters?: ExportInput['filters'];
      query?: undefined;
    }
  | {
      /** a paged grid: its filters, read whole by the core (null: nothing to export yet) */
      query: () => Input<'export.grid'> | null;
      title?: undefined;
      grid?: undefined;
      sheet?: undefined;
      filters?: undefined;
    };

/** What the button asks the core for: the rows it sends, or the grid's query. */
function exportCall<T>(p: Props<T>) {
  if (p.query) {
    const q = p.query();
    return q ? call('export.grid', q) : null;
  }
  const api = p.grid?.current?.api;
  const s = p.sheet ? p.sheet() : api ? gridSheet(api) : null;
  return s ? call('export.xlsx', { title: p.title, filters: (p.filters ?? []).filter((f) => f.value !== ''), ...s }) : null;
}

export function ExportButton<T>(p: Props<T>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const run = async () => {
    const pending = exportCall(p);
    if (!pending) return;
    setBusy(true);
    const r = await pending;
    const saveError = r.ok ? await saveXlsx(r.value) : r.error;
    setBusy(false);
    setError(saveError);
  };
  return (
    <>
      <Btn onClick={() => void run()} disabled={busy}>
        {busy ? t('exp.busy') : t('exp.button')}
      </Btn>
      {error ? <ErrorLine error={error} /> : null}
    </>
  );
}
