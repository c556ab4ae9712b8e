// 待处理财产损溢 on the 日结 screen: the 长款/短款 of past closes waiting for the manager's decision
// (finance and the manager see them), and the manager's decision dialog: only the decisions that
// fit the side (DECISIONS_FOR), a memo, the manager's PIN (dayClose.settleDifference).

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { DECISIONS_FOR, type Output, type SuspenseDecision } from '../../../../shared/contract';
import { call, type DeskErr } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { Grid, moneyCol } from '../../components/grid';
import { Btn, ErrorLine, Field } from '../../components/ui';
import { useWrite } from '../../hooks/useWrite';
import { localError, useI18n, type I18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import { fen, SignoffField, type Signoff } from './common';

type Item = Output<'dayClose.differences'>['rows'][number];
const decisionKey = (d: SuspenseDecision) => `ro.dec.${d}` as MsgKey;
const sideText = (t: I18n['t'], i: Item) => (i.result === 'over' ? t('dc.over') : t('dc.short'));

function columns(t: I18n['t']): ColDef<Item>[] {
  return [
    { field: 'date', headerName: t('fin.date'), width: 110 },
    {
      colId: 'side',
      headerName: t('dc.result'),
      width: 90,
      valueGetter: (x) => (x.data ? sideText(t, x.data) : ''),
      cellClass: (x) => `diff-${x.data?.result}`,
    },
    moneyCol<Item>({ field: 'amountFen', headerName: t('ro.amount'), width: 110 }),
    { field: 'voucherNo', headerName: t('dc.voucher'), width: 150 },
    { field: 'reason', headerName: t('dc.reason'), flex: 1, minWidth: 140 },
  ];
}

export function SuspensePanel({ refreshKey, onDecided }: { refreshKey: unknown; onDecided(msg: string): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [data, setData] = useState<Output<'dayClose.differences'> | null>(null);
  const [err, setErr] = useState<DeskErr | null>(null);
  const [picked, setPicked] = useState<Item | null>(null);
  const [deciding, setDeciding] = useState<Item | null>(null);
  const cols = useMemo(() => columns(t), [t]);
  const load = useCallback(async () => {
    const r = await call('dayClose.differences', { state: 'open', limit: 100, offset: 0 });
    setErr(r.ok ? null : r.error);
    if (r.ok) setData(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  const canDecide = session.can('dayClose.settleDifference');
  return (
    <div className="suspense-panel">
      <div className="subhead">
        {t('ro.suspense')} · {t('ro.balance')} {fen(data?.balanceFen ?? 0)}
        {canDecide ? (
          <Btn disabled={!picked} style={{ marginLeft: 12 }} onClick={() => picked && setDeciding(picked)}>
            {t('ro.decide')}
          </Btn>
        ) : null}
      </div>
      <ErrorLine error={err} />
      <Grid<Item>
        className="grid-half"
        height={150}
        rowData={data?.rows ?? []}
        columnDefs={cols}
        getRowId={(x) => String(x.data.id)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onSelectionChanged={(e) => setPicked(e.api.getSelectedRows()[0] ?? null)}
        onRowDoubleClicked={(e) => canDecide && e.data && setDeciding(e.data)}
        overlayNoRowsTemplate={t('ro.none')}
      />
      {deciding ? (
        <DecideDialog
          item={deciding}
          onCancel={() => setDeciding(null)}
          onDone={(r) => {
            setDeciding(null);
            setPicked(null);
            onDecided(t('ro.decided', { date: r.date, side: sideText(t, r), decision: t(decisionKey(r.decision!.decision)) }));
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

function DecideDialog(p: { item: Item; onCancel(): void; onDone(r: Item): void }) {
  const { t } = useI18n();
  const choices = DECISIONS_FOR[p.item.result];
  const [decision, setDecision] = useState<SuspenseDecision>(choices[0]);
  const [memo, setMemo] = useState('');
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const w = useWrite();
  const submit = async () => {
    if (w.busy) return;
    if (!memo.trim()) return w.setError(localError('ro.memoRequired'));
    if (mgr.user === null || mgr.pin.length < 4) return w.setError(localError('fin.needPin'));
    const manager = { user: mgr.user, pin: mgr.pin };
    await w.run(
      (requestId) => call('dayClose.settleDifference', { differenceId: p.item.id, decision, memo: memo.trim(), manager }, { requestId }),
      p.onDone,
      () => setMgr((m) => ({ ...m, pin: '' })),
    );
  };
  const title = t('ro.decideTitle', { date: p.item.date, side: sideText(t, p.item), fen: fen(p.item.amountFen) });
  return (
    <FormDialog title={title} confirmText={t('ro.decide')} busy={w.busy} onConfirm={() => void submit()} onCancel={p.onCancel}>
      <p className="dialog-text">{p.item.reason}</p>
      <Field label={t('ro.decision')}>
        <select className="input" data-autofocus value={decision} onChange={(e) => setDecision(e.target.value as SuspenseDecision)}>
          {choices.map((d) => (
            <option key={d} value={d}>
              {t(decisionKey(d))}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('ro.memo')} wide>
        <input className="input" value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} />
      </Field>
      <SignoffField role="manager" label={t('dc.manager')} value={mgr} onChange={setMgr} id="ro-decide-pin" />
      <ErrorLine error={w.error} />
    </FormDialog>
  );
}
