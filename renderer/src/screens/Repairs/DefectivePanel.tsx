// 次品: the items with defective units on hand, how many drafts already take and how many a repair
// may take; 维修 (Enter or F2) opens the repair dialog for the row in focus (the keeper's).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { DefectiveRow, Repair } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, focusedRow } from '../../components/grid';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { RepairDialog } from './RepairDialog';
import { defectiveColumns } from './repairColumns';

export function DefectivePanel({ onSaved }: { onSaved(r: Repair): void }) {
  const { t } = useI18n();
  const session = useSession();
  const grid = useRef<AgGridReact<DefectiveRow>>(null);
  const [rows, setRows] = useState<DefectiveRow[] | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [open, setOpen] = useState<DefectiveRow | null>(null);
  const load = useCallback(async () => {
    const r = await call('repairs.defective', {});
    if (!r.ok) return setError(r.error);
    setRows(r.value.rows);
    setError(null);
  }, []);
  useEffect(() => void load(), [load]);
  const cols = useMemo(() => defectiveColumns(t), [t]);
  const canRepair = session.can('repairs.create');
  const repair = () => {
    const row = focusedRow(grid) ?? rows?.[0];
    if (row && row.availableQty > 0) setOpen(row);
  };
  useHotkeys({ F5: () => void load(), ...(canRepair && !open ? { F2: repair } : {}) });

  return (
    <>
      {canRepair ? (
        <div className="filter-bar">
          <Btn variant="primary" hotkey="F2" onClick={repair} disabled={!rows?.some((r) => r.availableQty > 0)} data-testid="repair-open">
            {t('rep.repair')}
          </Btn>
        </div>
      ) : null}
      <ErrorLine error={error} />
      {rows && rows.length === 0 ? <Notice kind="info">{t('rep.none')}</Notice> : null}
      <div className="grid-fill">
        <Grid<DefectiveRow>
          ref={grid}
          rowData={rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.itemId)}
          onRowDoubleClicked={(e) => canRepair && e.data && e.data.availableQty > 0 && setOpen(e.data)}
        />
      </div>
      {open ? (
        <RepairDialog
          row={open}
          onClose={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null);
            void load();
            onSaved(r);
          }}
        />
      ) : null}
    </>
  );
}
