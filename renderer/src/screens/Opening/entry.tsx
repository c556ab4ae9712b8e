// What the three opening tabs share: number cells typed as on paper (parsed by numbers.ts, a
// refused value keeps the old one and says why), the totals row, the sign-and-post dialog, and
// the grid with Enter moving down and Delete removing the focused line.

import { useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { Grid, moneyCol, qtyCol } from '../../components/grid';
import { ErrorLine, Field } from '../../components/ui';
import { refusalError, useI18n } from '../../i18n';
import { parseMoney, parseQty } from '../../numbers';

export interface EntryRow {
  key: string;
  total?: boolean;
  /** already booked: shown, not editable */
  booked?: boolean;
}

/** A cell may be typed into: the tab is open for entry and the line is a new one. */
export const canType = <T extends EntryRow>(editable: boolean, r: T | undefined): boolean => editable && !!r && !r.total && !r.booked;

/** An editable quantity column (whole units). */
export function qtyEntry<T extends EntryRow>(field: keyof T & string, headerName: string, editable: boolean, onError: (e: DeskErr | null) => void): ColDef<T> {
  return qtyCol<T>({
    field: field as ColDef<T>['field'],
    headerName,
    editable: (x) => canType(editable, x.data),
    cellClass: editable ? 'editable-cell' : undefined,
    valueParser: (x) => {
      const r = parseQty(String(x.newValue ?? ''), { field: 'qty' });
      onError(r.ok ? null : refusalError(r.refusal));
      return r.ok ? r.value : x.oldValue;
    },
  });
}

/** An editable money column (yuan typed, fen kept). */
export function moneyEntry<T extends EntryRow>(
  field: keyof T & string,
  headerName: string,
  editable: boolean,
  onError: (e: DeskErr | null) => void,
): ColDef<T> {
  return moneyCol<T>({
    field: field as ColDef<T>['field'],
    headerName,
    editable: (x) => canType(editable, x.data),
    cellClass: editable ? 'editable-cell' : undefined,
    valueParser: (x) => {
      const r = parseMoney(String(x.newValue ?? ''), { field: 'amount', min: 1 });
      onError(r.ok ? null : refusalError(r.refusal));
      return r.ok ? r.value : x.oldValue;
    },
  });
}

/** The entry grid: rows plus a pinned totals row; Delete removes the focused line (while editable). */
export function EntryGrid<T extends EntryRow>(p: { rows: T[]; cols: ColDef<T>[]; total: T; editable: boolean; onChange(rows: T[]): void; gridId: string }) {
  const grid = useRef<AgGridReact<T>>(null);
  return (
    <div className="grid-fill" id={p.gridId}>
      <Grid<T>
        ref={grid}
        rowData={p.rows}
        columnDefs={p.cols}
        getRowId={(x) => x.data.key}
        singleClickEdit
        stopEditingWhenCellsLoseFocus
        pinnedBottomRowData={[p.total]}
        onCellValueChanged={(e) => e.data && !e.data.total && p.onChange(p.rows.map((r) => (r.key === e.data!.key ? { ...e.data! } : r)))}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | undefined)?.key;
          if (key === 'Delete' && canType(p.editable, e.data ?? undefined) && !e.api.getEditingCells().length)
            p.onChange(p.rows.filter((r) => r.key !== e.data!.key));
        }}
      />
    </div>
  );
}

/** The manager's name and PIN, asked before the opening stock is posted. */
export function ManagerSignDialog(p: { title: string; busy: boolean; error: DeskErr | null; onSign(user: string, pin: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');
  return (
    <FormDialog title={p.title} confirmText={t('op.post')} busy={p.busy} onConfirm={() => p.onSign(user.trim(), pin)} onCancel={p.onCancel}>
      <div className="form-grid">
        <Field label={t('op.manager')}>
          <input className="input" id="op-manager" autoFocus value={user} onChange={(e) => setUser(e.target.value)} />
        </Field>
        <Field label={t('op.pin')}>
          <input className="input" id="op-pin" type="password" value={pin} onChange={(e) => setPin(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={p.error} />
    </FormDialog>
  );
}

let seq = 0;
/** A key for a new line of an entry grid. */
export const newKey = (): string => `n${++seq}`;
