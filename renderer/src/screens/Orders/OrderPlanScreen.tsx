// 月、周订货规划表: every active item with on hand, on order, the sales pace over the window, days of
// stock, safety stock, lead time and the suggested quantity (whole cases). The quantity to order
// starts as the suggestion and is changed in place; 保存规划 (F2) keeps the lines with a quantity as a
// draft; the manager signs it with the PIN (F6), and a requisition is made from the signed plan (F8).
// Keys: F2 保存规划 · F6 经理签字 · F8 生成要货单 · F5 refresh · ↓ into the list.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CellEditRequestEvent } from 'ag-grid-community';
import type { OrderPlan, OrderPlanFigures } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { Grid } from '../../components/grid';
import { downIntoGrid } from '../../components/gridKeys';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { localError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ItemsTabs } from '../Safety/ItemsTabs';
import { LeadDaysButton } from './LeadDaysDialog';
import { ManagerPinDialog } from './OrderDialogs';
import { planColumns, type PlanGridRow } from './orderColumns';

function usePlanTable() {
  const [windowText, setWindowText] = useState('30');
  const [coverText, setCoverText] = useState('7');
  const [query, setQuery] = useState('');
  const [needOnly, setNeedOnly] = useState(true);
  const [data, setData] = useState<{ asOf: string; windowDays: number; coverDays: number; leadDefault: number; rows: OrderPlanFigures[] } | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const load = useCallback(async () => {
    const r = await call('orderPlan.compute', { windowDays: Number(windowText), coverDays: Number(coverText), query: query.trim(), needOnly });
    if (!r.ok) return setError(r.error); // the table keeps what it showed
    setError(null);
    setData(r.value);
  }, [windowText, coverText, query, needOnly]);
  useEffect(() => {
    const h = setTimeout(() => void load(), 200);
    return () => clearTimeout(h);
  }, [load]);
  return { windowText, setWindowText, coverText, setCoverText, query, setQuery, needOnly, setNeedOnly, data, error, setError, load };
}

/** The latest plan (a draft goes on being edited; a signed one waits for its requisition). */
function useLatestPlan(onDraft: (p: OrderPlan) => void) {
  const [plan, setPlan] = useState<OrderPlan | null>(null);
  useEffect(() => {
    void call('orderPlan.list', { limit: 1 }).then(async (r) => {
      const last = r.ok ? r.value.rows[0] : undefined;
      if (!last) return;
      const p = await call('orderPlan.get', { planId: last.id });
      if (!p.ok) return;
      setPlan(p.value);
      if (p.value.state === 'draft') onDraft(p.value);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [plan, setPlan] as const;
}

export function OrderPlanScreen() {
  const { t } = useI18n();
  const session = useSession();
  const s = usePlanTable();
  const [edits, setEdits] = useState<Map<number, number>>(new Map());
  const [plan, setPlan] = useLatestPlan((p) => setEdits(new Map(p.lines.map((l) => [l.itemId, l.qty]))));
  const [signing, setSigning] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const grid = useRef<AgGridReact<PlanGridRow>>(null);
  const canSave = session.can('orderPlan.save');
  const canSign = session.can('orderPlan.sign');
  const canMake = session.can('requisitions.create');

  const rows = useMemo<PlanGridRow[]>(() => (s.data?.rows ?? []).map((r) => ({ ...r, qty: edits.get(r.itemId) ?? r.suggested })), [s.data, edits]);
  const cols = useMemo(() => planColumns(t, s.data?.windowDays ?? 30, canSave), [t, s.data?.windowDays, canSave]);
  const onEdit = (e: CellEditRequestEvent<PlanGridRow>) => {
    const q = Number(String(e.newValue).trim());
    if (!Number.isInteger(q) || q < 0) return s.setError(localError('opl.nothing'));
    setEdits((m) => new Map(m).set(e.data.itemId, q));
  };

  const save = async () => {
    if (!canSave || !s.data) return;
    const lines = rows.filter((r) => r.qty > 0).map((r) => ({ itemId: r.itemId, qty: r.qty }));
    if (lines.length === 0) return s.setError(localError('opl.nothing'));
    const planId = plan?.state === 'draft' ? plan.id : undefined;
    const r = await call('orderPlan.save', { planId, windowDays: s.data.windowDays, coverDays: s.data.coverDays, lines });
    if (!r.ok) return s.setError(r.error);
    s.setError(null);
    setPlan(r.value);
    setDone(t('opl.saved', { id: r.value.id, n: r.value.lines.length }));
  };
  const makeRequisition = async () => {
    if (!canMake || plan?.state !== 'signed') return;
    const r = await call('requisitions.create', { planId: plan.id });
    if (!r.ok) return s.setError(r.error);
    setDone(t('opl.made', { no: r.value.no }));
    window.location.hash = '#/items/requisitions';
  };
  useHotkeys({
    F2: () => void save(),
    F6: () => canSign && plan?.state === 'draft' && setSigning(true),
    F8: () => void makeRequisition(),
    F5: () => void s.load(),
  });
  const toOrder = rows.filter((r) => r.qty > 0);

  return (
    <div className="screen-col" data-testid="order-plan-screen">
      <Toolbar title={t('opl.title')} sub={s.data ? t('opl.sub', { date: s.data.asOf, n: s.data.rows.length, k: toOrder.length }) : ''}>
        <ItemsTabs on="plan" />
        <label className="inline-label">
          {t('opl.window')}
          <input
            className="input narrow"
            inputMode="numeric"
            value={s.windowText}
            onChange={(e) => s.setWindowText(e.target.value)}
            data-testid="plan-window"
          />
        </label>
        <label className="inline-label">
          {t('opl.cover')}
          <input className="input narrow" inputMode="numeric" value={s.coverText} onChange={(e) => s.setCoverText(e.target.value)} data-testid="plan-cover" />
        </label>
        <input
          className="input search"
          placeholder={t('opl.query')}
          value={s.query}
          onChange={(e) => s.setQuery(e.target.value)}
          onKeyDown={downIntoGrid(grid)}
        />
        <label className="inline-label">
          <input type="checkbox" checked={s.needOnly} onChange={(e) => s.setNeedOnly(e.target.checked)} /> {t('opl.needOnly')}
        </label>
        <ExportButton
          title={t('opl.title')}
          grid={grid}
          filters={[
            { label: t('opl.window'), value: s.windowText },
            { label: t('opl.cover'), value: s.coverText },
          ]}
        />
        <LeadDaysButton leadDefault={s.data?.leadDefault} onSaved={() => void s.load()} />
        {canSave ? (
          <Btn variant="primary" hotkey="F2" onClick={() => void save()} data-testid="plan-save">
            {t('opl.save')}
          </Btn>
        ) : null}
        {canSign ? (
          <Btn variant="primary" hotkey="F6" onClick={() => setSigning(true)} disabled={plan?.state !== 'draft'} data-testid="plan-sign">
            {t('opl.sign')}
          </Btn>
        ) : null}
        {canMake ? (
          <Btn hotkey="F8" onClick={() => void makeRequisition()} disabled={plan?.state !== 'signed'} data-testid="plan-make">
            {t('opl.makeReq')}
          </Btn>
        ) : null}
      </Toolbar>
      {plan ? (
        <p className="hint-line" data-testid="plan-state">
          {t('opl.current', { id: plan.id, state: t(plan.state === 'signed' ? 'opl.stateSigned' : 'opl.stateDraft') })}
        </p>
      ) : null}
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <ErrorLine error={s.error} />
      <div className="grid-fill">
        <Grid<PlanGridRow> ref={grid} rowData={rows} columnDefs={cols} getRowId={(x) => String(x.data.itemId)} readOnlyEdit onCellEditRequest={onEdit} />
      </div>
      <KeyHints
        items={[
          ['↓', t('keys.toList')],
          ['F2', t('opl.save')],
          ['F6', t('opl.sign')],
          ['F8', t('opl.makeReq')],
          ['F5', t('keys.refresh')],
        ]}
      />
      <p className="hint-line">{t('opl.hint')}</p>
      {signing && plan ? (
        <ManagerPinDialog<OrderPlan>
          title={t('opl.signTitle', { id: plan.id })}
          text={t('opl.signText', { n: plan.lines.length, qty: plan.lines.reduce((a, l) => a + l.qty, 0) })}
          confirmText={t('opl.sign')}
          send={(manager, _reason, requestId) => call('orderPlan.sign', { planId: plan.id, manager }, { requestId })}
          onCancel={() => setSigning(false)}
          onDone={(p) => {
            setSigning(false);
            setPlan(p);
            setDone(t('opl.signed', { id: p.id, name: p.signedBy?.name ?? '' }));
          }}
        />
      ) : null}
    </div>
  );
}
