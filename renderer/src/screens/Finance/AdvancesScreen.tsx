// 借支: advances to staff, open first (oldest first), with what each person still owes; below, the
// settlements of the advance picked. Finance pays a new one (F2, the manager's PIN), settles the one
// picked (F9: an approved claim of the person, or cash returned) and reverses (F6: the settlement
// picked below, else the advance). The cash journal's fourth tab. Keys: F2 · F9 · F6 · F5 refresh.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fen, financeChanged } from './common';
import { JournalTabs } from './RefundParts';
import { advanceColumns, balancesText, settlementColumns, type AdvanceRow, type Advances, type SettlementRow } from './advances';
import { NewAdvanceDialog, ReverseAdvanceDialog, SettleAdvanceDialog } from './AdvanceDialogs';

type Dialog = 'new' | 'settle' | 'reverse' | null;

export function AdvancesScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [data, setData] = useState<Advances | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [sel, setSel] = useState<AdvanceRow | null>(null);
  const [settlements, setSettlements] = useState<SettlementRow[]>([]);
  const [pickedS, setPickedS] = useState<SettlementRow | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const canWrite = session.can('advances.create');
  const canSettle = canWrite && sel?.state === 'open';
  const undoable = pickedS && !pickedS.reversesId && !pickedS.reversedById ? pickedS : null;
  const canReverse = canWrite && !!sel && sel.state !== 'reversed';

  const load = useCallback(async () => {
    const r = await call('advances.list', { limit: 1000, offset: 0 });
    if (!r.ok) return setError(r.error);
    setData(r.value);
    setError(null);
    setSel((s) => (s ? (r.value.rows.find((x) => x.id === s.id) ?? null) : null));
  }, []);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    setPickedS(null);
    if (!sel) return setSettlements([]);
    void call('advances.get', { advanceId: sel.id }).then((r) => (r.ok ? setSettlements(r.value.settlements) : setError(r.error)));
  }, [sel]);
  const finished = (msg: string) => {
    setDialog(null);
    setDone(msg);
    financeChanged();
    void load();
  };
  useHotkeys({
    F5: () => void load(),
    ...(canWrite ? { F2: () => setDialog('new') } : {}),
    ...(canSettle ? { F9: () => setDialog('settle') } : {}),
    ...(canReverse ? { F6: () => setDialog('reverse') } : {}),
  });
  const cols = useMemo(() => advanceColumns(t), [t]);
  const sCols = useMemo(() => settlementColumns(t), [t]);
  const n = data?.balances.reduce((s, x) => s + x.count, 0) ?? 0;
  const total = data?.balances.reduce((s, x) => s + x.openFen, 0) ?? 0;

  return (
    <div className="screen-col" data-testid="advances-screen">
      <Toolbar title={t('adv.title')} sub={data ? t('adv.sub', { n, fen: fen(total) }) : undefined}>
        <JournalTabs on="advances" />
        {canWrite ? (
          <>
            <Btn variant="primary" hotkey="F2" onClick={() => setDialog('new')}>
              {t('adv.new')}
            </Btn>
            <Btn hotkey="F9" disabled={!canSettle} onClick={() => setDialog('settle')}>
              {t('adv.settle')}
            </Btn>
            <Btn variant="danger" hotkey="F6" disabled={!canReverse} onClick={() => setDialog('reverse')}>
              {undoable ? t('adv.undo') : t('adv.reverse')}
            </Btn>
          </>
        ) : null}
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {data ? <Notice kind={n ? 'warn' : 'info'}>{n ? balancesText(t, data.balances) : t('adv.none')}</Notice> : null}
      <div className="grid-fill">
        <Grid<AdvanceRow>
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<AdvanceRow>(setSel)}
          onRowDoubleClicked={(e) => e.data?.state === 'open' && canWrite && setDialog('settle')}
        />
      </div>
      <section className="fin-panel">
        <h2>
          {t('adv.settlements')}
          {sel ? ` · ${sel.no} ${sel.person.name} · ${t('adv.approvedBy')} ${sel.approvedBy.name} · ${t('adv.voucher')} ${sel.voucherNo}` : ''}
        </h2>
        <Grid<SettlementRow>
          height={150}
          rowData={settlements}
          columnDefs={sCols}
          getRowId={(x) => String(x.data.id)}
          {...selectFollowsFocus<SettlementRow>(setPickedS)}
          rowClassRules={{ 'neg-amount': (x) => !!x.data?.reversesId }}
        />
      </section>
      <KeyHints
        items={[
          ...(canWrite
            ? ([
                ['F2', t('adv.new')],
                ['F9', t('adv.settle')],
                ['F6', t('adv.reverse')],
              ] as [string, string][])
            : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      {dialog === 'new' ? (
        <NewAdvanceDialog
          onCancel={() => setDialog(null)}
          onDone={(v) =>
            finished(t('adv.created', { no: v.advance.no, name: v.advance.person.name, fen: fen(v.advance.amountFen), voucher: v.voucher.voucherNo }))
          }
        />
      ) : null}
      {dialog === 'settle' && sel ? <SettleAdvanceDialog advance={sel} onCancel={() => setDialog(null)} onDone={finished} /> : null}
      {dialog === 'reverse' && sel ? <ReverseAdvanceDialog advance={sel} settlement={undoable} onCancel={() => setDialog(null)} onDone={finished} /> : null}
    </div>
  );
}
