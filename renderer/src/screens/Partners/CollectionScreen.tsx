// 催收: the open credit sales due by a day (default: Sunday of this week), overdue ones first and
// marked; under them the calls logged on the chosen slip. F2 logs a call.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { Chase, DueRow, Output } from '../../../../shared/contract';
import { formatFen } from '../../../../shared/money';
import { call, type DeskErr } from '../../api';
import { focusedRow, Grid } from '../../components/grid';
import { Btn, ErrorLine, Field, KeyHints, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ChaseDialog } from './ChaseDialog';
import { chaseColumns, dueColumns } from './collectionColumns';

function useDueList() {
  const [due, setDue] = useState<Output<'receivables.due'> | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async (dueBy: string) => {
    const r = await call('receivables.due', dueBy ? { dueBy } : {});
    if (!r.ok) return setError(r.error);
    setError(null);
    setDue(r.value);
  }, []);
  return { due, error, load };
}

export function CollectionScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [dueBy, setDueBy] = useState('');
  const [chosen, setChosen] = useState<DueRow | null>(null);
  const [log, setLog] = useState<Chase[]>([]);
  const [chasing, setChasing] = useState<DueRow | null>(null);
  const grid = useRef<AgGridReact<DueRow>>(null);
  const { due, error, load } = useDueList();
  const canChase = session.can('receivables.chase');

  useEffect(() => void load(dueBy), [dueBy, load]);
  const showLog = useCallback(async (row: DueRow | null) => {
    setChosen(row);
    const r = row ? await call('receivables.chases', { slipId: row.slipId }) : null;
    setLog(r?.ok ? r.value : []);
  }, []);

  const chase = () => {
    const row = focusedRow(grid) ?? chosen;
    if (row && canChase) setChasing(row);
  };
  useHotkeys({ F2: chase, F5: () => void load(dueBy) });
  const cols = useMemo(() => dueColumns(t), [t]);
  const logCols = useMemo(() => chaseColumns(t), [t]);
  const sub = due ? t('co.sub', { today: due.today, dueBy: due.dueBy, n: due.rows.length, total: formatFen(due.totalFen) }) : undefined;

  return (
    <div className="screen-col">
      <Toolbar title={t('co.title')} sub={sub}>
        <Field label={t('co.dueBy')}>
          <input className="input" type="date" name="dueBy" value={dueBy || (due?.dueBy ?? '')} onChange={(e) => setDueBy(e.target.value)} />
        </Field>
        {canChase ? (
          <Btn variant="primary" hotkey="F2" onClick={chase} disabled={!chosen}>
            {t('co.chase')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      <div className="grid-fill">
        <Grid<DueRow>
          ref={grid}
          rowData={due?.rows ?? []}
          columnDefs={cols}
          getRowId={(p) => String(p.data.entryId)}
          rowClassRules={{ 'row-warn': (p) => (p.data?.overdueDays ?? 0) > 0 }}
          overlayNoRowsTemplate={t('co.none')}
          onCellFocused={(e) => e.rowIndex != null && void showLog(grid.current?.api.getDisplayedRowAtIndex(e.rowIndex)?.data ?? null)}
          onRowDoubleClicked={(e) => e.data && canChase && setChasing(e.data)}
        />
      </div>
      <h3 className="subhead">{chosen ? t('co.log', { slip: chosen.slipNo }) : t('co.lastChase')}</h3>
      <div style={{ height: 170 }}>
        <Grid<Chase> rowData={log} columnDefs={logCols} getRowId={(p) => String(p.data.id)} overlayNoRowsTemplate={t('co.logEmpty')} />
      </div>
      <KeyHints items={[...(canChase ? ([['F2', t('co.chase')]] as [string, string][]) : []), ['F5', t('keys.refresh')]]} />
      {chasing ? (
        <ChaseDialog
          row={chasing}
          contact={chasing.lastChase?.contacted ?? ''}
          onCancel={() => setChasing(null)}
          onSaved={() => {
            setChasing(null);
            void load(dueBy);
            void showLog(chasing);
          }}
        />
      ) : null}
    </div>
  );
}
