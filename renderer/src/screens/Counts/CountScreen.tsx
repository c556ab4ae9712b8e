// One count: its entry grid (录入: scans add, a typed quantity sets the selected line) and its
// variance report (差异表: causes, problems, totals); 盘点完成, the manager's approval and the 红字
// are offered when the core would take them. Keys: scan · F3 差异表/录入 · F6 盘点完成 · F9 审批 · Esc back.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Count, CountLine } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { ReceiptButton } from '../../printing/receipts/ReceiptButton';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ApproveDialog, ReverseCountDialog } from './CountDialogs';
import { NamedPrint } from '../../printing/NamedPrint';
import { CountEntry } from './CountEntry';
import { VariancePanel } from './VariancePanel';

type Dialog = 'approve' | 'reverse' | null;

export function CountScreen({ countId }: { countId: number }) {
  const { t } = useI18n();
  const session = useSession();
  const [count, setCount] = useState<Count | null>(null);
  const [lines, setLines] = useState<CountLine[]>([]);
  // the entry grid shows each scan itself; the lines here catch up when the tab changes (no re-render per scan)
  const stale = useRef(false);
  const [tab, setTab] = useState<'entry' | 'variance'>('entry');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('counts.view', { countId });
    if (!r.ok) return setError(r.error);
    setCount(r.value.count);
    setLines(r.value.lines);
    stale.current = false;
    setError(null);
  }, [countId]);
  useEffect(() => {
    void load();
  }, [load]);

  const unposted = count?.state === 'open' || count?.state === 'counted';
  const canFinish = count?.state === 'open' && session.can('counts.finish');
  const canApprove = unposted && session.can('counts.approve');
  const canReverse = count?.state === 'posted' && session.can('counts.reverse');
  const finish = async () => {
    const r = await call('counts.finish', { countId });
    if (!r.ok) return setError(r.error);
    setTab('variance');
    void load();
  };
  const after = (key: 'ct.approved' | 'ct.reversed') => () => {
    setDialog(null);
    setDone(t(key, { no: count?.no ?? '' }));
    void load();
  };
  const showTab = (k: 'entry' | 'variance') => {
    setTab(k);
    if (stale.current) void load();
  };
  const onLine = (l: CountLine) => setLines((xs) => (xs.some((x) => x.id === l.id) ? xs.map((x) => (x.id === l.id ? l : x)) : [...xs, l]));
  useHotkeys({
    Escape: () => navigate('/counts'),
    F3: () => showTab(tab === 'entry' ? 'variance' : 'entry'),
    ...(canFinish ? { F6: () => void finish() } : {}),
    ...(canApprove ? { F9: () => setDialog('approve') } : {}),
  });
  if (!count) return <ErrorLine error={error} />;

  return (
    <div className="screen-col">
      <Toolbar
        title={`${t('ct.title')} ${count.no}`}
        sub={`${t(`ct.kind.${count.kind}`)} · ${count.scope} · ${t(count.blind ? 'ct.blind' : 'ct.open')} · ${t(`ct.st.${count.state}`)}`}
      >
        <span className="acct-tabs">
          {(['entry', 'variance'] as const).map((k) => (
            <button key={k} type="button" className={`btn ${tab === k ? 'on' : ''}`} data-tab={k} onClick={() => showTab(k)}>
              {t(k === 'entry' ? 'ct.entry' : 'ct.variance')}
            </button>
          ))}
        </span>
        {/* the sheet on the entry tab; the report on the variance tab, for whoever may see it */}
        {tab === 'variance' && (count.state !== 'open' || !count.blind || session.has('manager')) ? (
          <NamedPrint name={t('ct.report')} target={{ doc: 'countReport', countId: count.id }} testId="count-report" />
        ) : (
          <NamedPrint name={t('ct.sheet')} target={{ doc: 'countSheet', countId: count.id }} testId="count-sheet" />
        )}
        {count.state !== 'open' ? <ReceiptButton kind="countVariance" id={count.id} /> : null}
        {canFinish ? (
          <Btn hotkey="F6" onClick={() => void finish()}>
            {t('ct.finish')}
          </Btn>
        ) : null}
        {canApprove ? (
          <Btn variant="primary" hotkey="F9" onClick={() => setDialog('approve')} data-testid="count-approve">
            {t('ct.approve')}
          </Btn>
        ) : null}
        {canReverse ? (
          <Btn variant="danger" onClick={() => setDialog('reverse')}>
            {t('ct.reverse')}
          </Btn>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {tab === 'entry' ? (
        <CountEntry key={`${count.id}-${count.state}`} count={count} lines={lines} onLine={() => (stale.current = true)} />
      ) : (
        <VariancePanel count={count} lines={lines} onLine={onLine} />
      )}
      <KeyHints
        items={[
          ['F3', t(tab === 'entry' ? 'ct.variance' : 'ct.entry')],
          ...(canFinish ? ([['F6', t('ct.finish')]] as [string, string][]) : []),
          ...(canApprove ? ([['F9', t('ct.approve')]] as [string, string][]) : []),
          ['Esc', t('ct.back')],
        ]}
      />
      {dialog === 'approve' ? <ApproveDialog count={count} onClose={() => setDialog(null)} onDone={after('ct.approved')} /> : null}
      {dialog === 'reverse' ? <ReverseCountDialog count={count} onClose={() => setDialog(null)} onDone={after('ct.reversed')} /> : null}
    </div>
  );
}
