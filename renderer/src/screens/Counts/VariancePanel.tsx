// 差异表: the lines off the book (or not counted) with their FIFO value, 盘盈/盘亏 totals, and every
// problem before approval at once; Enter or a double click sets the focused line's cause. The
// selected line is recounted (复核) by another person, and the manager sets a gain line's unit cost.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Count, CountLine, CountVariance, VarianceLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n, type MsgKey } from '../../i18n';
import { formatFenSafe } from '../../numbers';
import { useSession } from '../../session';
import { CauseDialog } from './CountDialogs';
import { GainCostDialog, RecountDialog } from './CountMoreDialogs';
import { varianceColumns, type VarianceRow } from './countColumns';

export function VariancePanel({ count, lines, onLine }: { count: Count; lines: CountLine[]; onLine(l: CountLine): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [v, setV] = useState<CountVariance | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [editing, setEditing] = useState<VarianceLine | null>(null);
  const [more, setMore] = useState<'recount' | 'cost' | null>(null);
  const rows = useMemo<VarianceRow[]>(() => {
    const byId = new Map(lines.map((l) => [l.id, l]));
    return (v?.lines ?? []).map((x) => ({ ...x, line: byId.get(x.lineId) }));
  }, [v, lines]);
  const unposted = count.state === 'open' || count.state === 'counted';
  const canCause = unposted && session.can('counts.setCause');
  const sel = rows.find((r) => r.lineId === picked) ?? null; // as it is now, after a recount or a cost
  const canRecount = unposted && session.can('counts.recount') && sel?.line?.countedQty != null;
  const canCost = unposted && session.can('counts.setCost') && !!sel && sel.diffQty > 0;
  const changed = () => (setMore(null), void load());

  const load = useCallback(async () => {
    const r = await call('counts.variance', { countId: count.id });
    if (!r.ok) return setError(r.error);
    setV(r.value);
    setError(null);
  }, [count.id, count.state]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void load();
  }, [load]);
  const showRecount = count.recount || lines.some((l) => l.recountQty !== null);
  const cols = useMemo(() => varianceColumns(t, showRecount), [t, showRecount]);
  if (!v) return <ErrorLine error={error} />;

  return (
    <>
      <div className="inline-field">
        <span data-testid="count-loss">{t('ct.loss', { qty: v.lossQty, fen: formatFenSafe(v.lossFen) })}</span>
        <span data-testid="count-gain">{t('ct.gain', { qty: v.gainQty, fen: formatFenSafe(v.gainFen) })}</span>
        {canCause ? (
          <Btn disabled={!sel} onClick={() => sel && setEditing(sel)} data-testid="count-set-cause">
            {t('ct.setCause')}
          </Btn>
        ) : null}
        {unposted && session.can('counts.recount') ? (
          <Btn disabled={!canRecount} onClick={() => setMore('recount')} data-testid="count-recount">
            {t('ctm.recount')}
          </Btn>
        ) : null}
        {unposted && session.can('counts.setCost') ? (
          <Btn disabled={!canCost} onClick={() => setMore('cost')} data-testid="count-set-cost">
            {t('ctm.cost')}
          </Btn>
        ) : null}
      </div>
      <ErrorLine error={error} />
      {v.problems.length ? (
        <Notice kind="warn">
          {t('ct.problems', { n: v.problems.length })} {v.problems.map((p) => `${p.itemCode} ${t(`ct.prob.${p.problem}` as MsgKey)}`).join('; ')}
        </Notice>
      ) : count.state === 'open' || count.state === 'counted' ? (
        <Notice kind="ok">{t('ct.noProblems')}</Notice>
      ) : null}
      <div className="grid-fill">
        <Grid<VarianceRow>
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => String(x.data.lineId)}
          {...selectFollowsFocus<VarianceRow>((r) => setPicked(r?.lineId ?? null))}
          onRowDoubleClicked={(x) => canCause && x.data && setEditing(x.data)}
        />
      </div>
      {editing ? <CauseDialog countId={count.id} line={editing} onClose={() => setEditing(null)} onDone={() => (setEditing(null), void load())} /> : null}
      {more === 'recount' && sel?.line ? (
        <RecountDialog countId={count.id} line={sel.line} onClose={() => setMore(null)} onDone={(l) => (onLine(l), changed())} />
      ) : null}
      {more === 'cost' && sel ? (
        <GainCostDialog
          countId={count.id}
          line={sel}
          unitCostFen={sel.line?.unitCostFen ?? null}
          onClose={() => setMore(null)}
          onDone={(l) => (onLine(l), changed())}
        />
      ) : null}
    </>
  );
}
