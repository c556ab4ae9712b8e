// 日常要货订单: the requisitions to HQ, newest first (or only the late ones), and below the one chosen:
// ordered / received / outstanding per line and what is late (the core reckons it in office time),
// the inbound slips received against it, and the manager's 签发 / 取消 / 短收结案 with the PIN.
// Keys: F5 refresh · ↓ into the list.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { RequisitionSummary } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ItemsTabs } from '../Safety/ItemsTabs';
import { requisitionListColumns } from './orderColumns';
import { RequisitionDetail } from './RequisitionDetail';
import { RequisitionEditDialog } from './RequisitionEditDialog';

function useRequisitionList() {
  const [lateOnly, setLateOnly] = useState(false);
  const [rows, setRows] = useState<RequisitionSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const r = await call('requisitions.list', { lateOnly, limit: 200 });
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value.rows);
    setTotal(r.value.total);
  }, [lateOnly]);
  useEffect(() => void load(), [load]);
  return { lateOnly, setLateOnly, rows, total, error, load };
}

export function RequisitionsScreen() {
  const { t } = useI18n();
  const list = useRequisitionList();
  const [chosen, setChosen] = useState<number | null>(null);
  const [making, setMaking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canMake = useSession().can('requisitions.create');
  const grid = useRef<AgGridReact<RequisitionSummary>>(null);
  const cols = useMemo(() => requisitionListColumns(t), [t]);
  useEffect(() => {
    if (chosen === null && list.rows.length) setChosen(list.rows[0].id);
  }, [list.rows, chosen]);
  useHotkeys({ F5: () => void list.load(), F2: () => canMake && setMaking(true) });
  const late = list.rows.filter((r) => r.lateLines > 0).length;

  return (
    <div className="screen-col" data-testid="requisitions-screen">
      <Toolbar title={t('rq.title')} sub={t('rq.sub', { n: list.total, late })}>
        <ItemsTabs on="requisitions" />
        <label className="inline-label">
          <input type="checkbox" checked={list.lateOnly} onChange={(e) => list.setLateOnly(e.target.checked)} /> {t('rq.lateOnly')}
        </label>
        {canMake ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setMaking(true)} data-testid="requisition-new">
            {t('rqh.new')}
          </Btn>
        ) : null}
      </Toolbar>
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <ErrorLine error={list.error} />
      <div className="requisition-list" style={{ height: 210 }}>
        <Grid<RequisitionSummary>
          ref={grid}
          rowData={list.rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onRowClicked={(e) => e.data && setChosen(e.data.id)}
          onCellFocused={(e) => {
            const d = e.rowIndex == null ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
            if (d) setChosen(d.id);
          }}
          rowClassRules={{ 'row-below': (x) => !!x.data && x.data.lateLines > 0, 'row-chosen': (x) => x.data?.id === chosen }}
        />
      </div>
      {chosen ? <RequisitionDetail key={chosen} requisitionId={chosen} onChanged={() => void list.load()} /> : <p className="hint-line">{t('rq.pick')}</p>}
      <KeyHints
        items={[
          ['↓', t('keys.toList')],
          ['F2', t('rqh.new')],
          ['F5', t('keys.refresh')],
        ]}
      />
      {making ? (
        <RequisitionEditDialog
          onCancel={() => setMaking(false)}
          onDone={(r) => {
            setMaking(false);
            setDone(t('rqh.saved', { no: r.no, n: r.lines.length }));
            setChosen(r.id);
            void list.load();
          }}
        />
      ) : null}
    </div>
  );
}
