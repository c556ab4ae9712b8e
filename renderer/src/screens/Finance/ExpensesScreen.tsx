// 费用报销: claims newest first (staff see their own); F2 new claim, F6 the manager approves with
// the PIN, F9 finance pays from cash (现付), F8 void with a reason.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { call, type DeskErr } from '../../api';
import { Grid, selectFollowsFocus } from '../../components/grid';
import { Btn, ErrorLine, KeyHints, Notice, Toolbar } from '../../components/ui';
import { ExpenseTabs } from './ExpenseTabs';
import { useHotkeys } from '../../hooks/hotkeys';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { fen, financeChanged } from './common';
import { MyTabs } from '../Attendance/AttendanceTabs';
import { ApproveDialog, NewClaimDialog, PayDialog, VoidClaimDialog } from './ExpenseDialogs';
import { claimActions, expenseColumns, stateName, STATES, type Claim, type Claims, type State } from './expenses';

type DialogKind = 'new' | 'approve' | 'pay' | 'void';

export function ExpensesScreen({ mine }: { mine: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  // the manager opens on the claims waiting for approval
  const [state, setState] = useState<State | ''>(() => (!mine && session.has('manager') && !session.has('finance') ? 'claimed' : ''));
  const [data, setData] = useState<Claims | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [sel, setSel] = useState<Claim | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const isFinance = session.has('finance');
  const canApprove = session.can('expenses.approve');

  const load = useCallback(async () => {
    const r = await call('expenses.list', { state: state || undefined, claimantId: mine ? session.user?.id : undefined, limit: 500, offset: 0 });
    if (r.ok) {
      setData(r.value);
      setError(null);
      setSel((s) => (s ? (r.value.rows.find((x) => x.id === s.id) ?? null) : null));
    } else setError(r.error);
  }, [state, mine, session.user?.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const can = claimActions(sel, canApprove, isFinance);
  useHotkeys({
    F2: () => setDialog('new'),
    F5: () => void load(),
    ...(can.approve ? { F6: () => setDialog('approve') } : {}),
    ...(can.pay ? { F9: () => setDialog('pay') } : {}),
    ...(can.void ? { F8: () => setDialog('void') } : {}),
  });

  const cols = useMemo(() => expenseColumns(t), [t]);
  /** a claim changed: the dialog closes, the notice says so, the list reloads */
  const changed = (msg: string, books = false) => {
    setDialog(null);
    setDone(msg);
    if (books) financeChanged();
    void load();
  };
  const close = () => setDialog(null);

  return (
    <div className="screen-col">
      <Toolbar title={mine ? t('ex.my') : t('ex.title')} sub={data ? t('ex.sub', { n: data.total, fen: fen(data.totalAmountFen) }) : undefined}>
        {mine ? <MyTabs on="expenses" /> : <ExpenseTabs on="expenses" />}
        <select className="input narrow-select" value={state} onChange={(e) => setState(e.target.value as State | '')}>
          <option value="">{t('ex.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {stateName(t, s)}
            </option>
          ))}
        </select>
        <ClaimButtons can={can} canApprove={canApprove} isFinance={isFinance} onDialog={setDialog} />
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<Claim> rowData={data?.rows ?? []} columnDefs={cols} getRowId={(x) => String(x.data.id)} {...selectFollowsFocus<Claim>(setSel)} />
      </div>
      <KeyHints
        items={[
          ['F2', t('ex.new')],
          ...(canApprove ? ([['F6', t('ex.approve')]] as [string, string][]) : []),
          ...(isFinance ? ([['F9', t('ex.pay')]] as [string, string][]) : []),
          ['F8', t('ex.void')],
          ['F5', t('keys.refresh')],
        ]}
      />
      {dialog === 'new' ? <NewClaimDialog onCancel={close} onDone={(c) => changed(`${c.no} · ${stateName(t, c.state)}`)} /> : null}
      {dialog === 'approve' && sel ? <ApproveDialog claim={sel} onCancel={close} onDone={(c) => changed(`${c.no} · ${stateName(t, c.state)}`)} /> : null}
      {dialog === 'pay' && sel ? (
        <PayDialog claim={sel} onCancel={close} onDone={(v) => changed(`${v.claim.no} · ${stateName(t, 'paid')} · ${v.voucher.voucherNo}`, true)} />
      ) : null}
      {dialog === 'void' && sel ? <VoidClaimDialog claim={sel} onCancel={close} onDone={() => changed(`${sel.no} · ${stateName(t, 'void')}`, true)} /> : null}
    </div>
  );
}

/** 新建 F2 · 审批 F6 (who may approve) · 现付 F9 (finance) · 作废 F8 */
function ClaimButtons(p: { can: ReturnType<typeof claimActions>; canApprove: boolean; isFinance: boolean; onDialog(d: DialogKind): void }) {
  const { t } = useI18n();
  return (
    <>
      <Btn variant="primary" hotkey="F2" onClick={() => p.onDialog('new')}>
        {t('ex.new')}
      </Btn>
      {p.canApprove ? (
        <Btn hotkey="F6" disabled={!p.can.approve} onClick={() => p.onDialog('approve')}>
          {t('ex.approve')}
        </Btn>
      ) : null}
      {p.isFinance ? (
        <Btn hotkey="F9" disabled={!p.can.pay} onClick={() => p.onDialog('pay')}>
          {t('ex.pay')}
        </Btn>
      ) : null}
      <Btn variant="danger" hotkey="F8" disabled={!p.can.void} onClick={() => p.onDialog('void')}>
        {t('ex.void')}
      </Btn>
    </>
  );
}
