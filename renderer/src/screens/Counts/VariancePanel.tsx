// 差异表: the lines off the book (or not counted) with their FIFO value, 盘盈/盘亏 totals, and every
// problem before approval at once; Enter or a double click sets the focused line's cause.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Count, CountVariance, VarianceLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, Notice } from '../../components/ui';
import { useI18n, type MsgKey } from '../../i18n';
import { formatFenSafe } from '../../numbers';
import { useSession } from '../../session';
import { CauseDialog } from './CountDialogs';
import { varianceColumns } from './countColumns';

export function VariancePanel({ count }: { count: Count }) {
  const { t } = useI18n();
  const session = useSession();
  const [v, setV] = useState<CountVariance | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [sel, setSel] = useState<VarianceLine | null>(null);
  const [editing, setEditing] = useState<VarianceLine | null>(null);
  const canCause = (count.state === 'open' || count.state === 'counted') && session.can('counts.setCause');

  const load = useCallback(async () => {
    const r = await call('counts.variance', { countId: count.id });
    if (!r.ok) return setError(r.error);
    setV(r.value);
    setError(null);
  }, [count.id, count.state]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void load();
  }, [load]);
  const cols = useMemo(() => varianceColumns(t), [t]);
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
        <Grid<VarianceLine>
          rowData={v.lines}
          columnDefs={cols}
          getRowId={(x) => String(x.data.lineId)}
          {...selectFollowsFocus<VarianceLine>(setSel)}
          onRowDoubleClicked={(x) => canCause && x.data && setEditing(x.data)}
        />
      </div>
      {editing ? <CauseDialog countId={count.id} line={editing} onClose={() => setEditing(null)} onDone={() => (setEditing(null), void load())} /> : null}
    </>
  );
}
