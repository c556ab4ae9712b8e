// 费用报销: claims newest first (staff see their own); F2 new claim, F6 the manager approves with
// the PIN, F9 finance pays from cash (现付), F8 void with a reason.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid, formatDateTime, moneyCol } from '../../components/grid';
import { Dialog } from '../../components/Dialog';
import { ConfirmDialog, ReasonDialog } from '../../components/dialogs';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { localError, useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import { fen, financeChanged, SignoffField, yuanToFen, type Signoff } from './common';

type Claim = Output<'expenses.list'>['rows'][number];
type State = Claim['state'];
const STATES: State[] = ['claimed', 'approved', 'paid', 'void'];

export function ExpensesScreen({ mine }: { mine: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  // the manager opens on the claims waiting for approval
  const [state, setState] = useState<State | ''>(() => (!mine && session.has('manager') && !session.has('finance') ? 'claimed' : ''));
  const [data, setData] = useState<Output<'expenses.list'> | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [sel, setSel] = useState<Claim | null>(null);
  const [dialog, setDialog] = useState<'new' | 'approve' | 'pay' | 'void' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [payErr, setPayErr] = useState<DeskErr | null>(null);
  const [busy, setBusy] = useState(false);
  const payId = useRef(newRequestId());
  const grid = useRef<AgGridReact<Claim>>(null);
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

  const can = {
    approve: !!sel && sel.state === 'claimed' && canApprove,
    pay: !!sel && sel.state === 'approved' && isFinance,
    void: !!sel && sel.state !== 'void' && (sel.state !== 'paid' || isFinance),
  };
  useHotkeys({
    F2: () => setDialog('new'),
    F5: () => void load(),
    ...(can.approve ? { F6: () => setDialog('approve') } : {}),
    ...(can.pay ? { F9: () => setDialog('pay') } : {}),
    ...(can.void ? { F8: () => setDialog('void') } : {}),
  });

  const stName = (s: State) => t(`ex.st.${s}` as MsgKey);
  const cols = useMemo<ColDef<Claim>[]>(
    () => [
      { field: 'no', headerName: t('ex.no'), width: 150 },
      { field: 'date', headerName: t('fin.date'), width: 105 },
      { field: 'category', headerName: t('ex.category'), width: 100 },
      moneyCol<Claim>({ field: 'amountFen', headerName: t('fin.amountYuan'), width: 110 }),
      { field: 'attachments', headerName: t('ex.attachments'), width: 90, type: 'rightAligned' },
      { field: 'summary', headerName: t('ex.summary'), flex: 1, minWidth: 160, tooltipField: 'summary' },
      { colId: 'claimant', headerName: t('ex.claimant'), width: 80, valueGetter: (x) => x.data?.claimant.name },
      {
        field: 'state',
        headerName: t('fin.state'),
        width: 110,
        valueFormatter: (x) => (x.value ? stName(x.value as State) : ''),
        cellClassRules: { 'bad-text': (x) => x.value === 'claimed', 'ok-text': (x) => x.value === 'paid', muted: (x) => x.value === 'void' },
      },
      { colId: 'appr', headerName: t('ex.approvedBy'), width: 80, valueGetter: (x) => x.data?.approvedBy?.name ?? '' },
      { colId: 'paid', headerName: t('ex.paidBy'), width: 180, valueGetter: (x) => (x.data?.paidBy ? `${x.data.paidBy.name} ${x.data.voucherNo ?? ''}` : '') },
      { field: 'createdAt', headerName: t('dc.closedAt'), width: 130, valueFormatter: (x) => formatDateTime(x.value), hide: true },
    ],
    [t], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const pay = async () => {
    if (!sel || busy) return;
    setBusy(true);
    const r = await call('expenses.pay', { expenseId: sel.id }, { requestId: payId.current });
    setBusy(false);
    payId.current = newRequestId();
    if (r.ok) {
      setDialog(null);
      setPayErr(null);
      setDone(`${r.value.claim.no} · ${stName('paid')} · ${r.value.voucher.voucherNo}`);
      financeChanged();
      void load();
    } else setPayErr(r.error);
  };

  return (
    <div className="screen-col">
      <Toolbar title={mine ? t('ex.my') : t('ex.title')} sub={data ? t('ex.sub', { n: data.total, fen: fen(data.totalAmountFen) }) : undefined}>
        <select className="input narrow-select" value={state} onChange={(e) => setState(e.target.value as State | '')}>
          <option value="">{t('ex.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {stName(s)}
            </option>
          ))}
        </select>
        <Btn variant="primary" hotkey="F2" onClick={() => setDialog('new')}>
          {t('ex.new')}
        </Btn>
        {canApprove ? (
          <Btn hotkey="F6" disabled={!can.approve} onClick={() => setDialog('approve')}>
            {t('ex.approve')}
          </Btn>
        ) : null}
        {isFinance ? (
          <Btn hotkey="F9" disabled={!can.pay} onClick={() => setDialog('pay')}>
            {t('ex.pay')}
          </Btn>
        ) : null}
        <Btn variant="danger" hotkey="F8" disabled={!can.void} onClick={() => setDialog('void')}>
          {t('ex.void')}
        </Btn>
      </Toolbar>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<Claim>
          ref={grid}
          rowData={data?.rows ?? []}
          columnDefs={cols}
          getRowId={(x) => String(x.data.id)}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onSelectionChanged={(e) => setSel(e.api.getSelectedRows()[0] ?? null)}
          onCellFocused={(e) => {
            if (e.rowIndex == null || e.rowPinned) return;
            const n = e.api.getDisplayedRowAtIndex(e.rowIndex);
            n?.setSelected(true, true);
          }}
        />
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
      {dialog === 'new' ? (
        <NewClaimDialog
          onCancel={() => setDialog(null)}
          onDone={(c) => {
            setDialog(null);
            setDone(`${c.no} · ${stName(c.state)}`);
            void load();
          }}
        />
      ) : null}
      {dialog === 'approve' && sel ? (
        <ApproveDialog
          claim={sel}
          onCancel={() => setDialog(null)}
          onDone={(c) => {
            setDialog(null);
            setDone(`${c.no} · ${stName(c.state)}`);
            void load();
          }}
        />
      ) : null}
      {dialog === 'pay' && sel ? (
        <ConfirmDialog title={t('ex.pay')} confirmText={t('ex.pay')} busy={busy} error={payErr} onCancel={() => { setDialog(null); setPayErr(null); }} onConfirm={() => void pay()}>
          <p className="dialog-text">{t('ex.payConfirm', { no: sel.no, fen: fen(sel.amountFen) })}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'void' && sel ? (
        <ReasonDialog
          title={t('ex.voidTitle', { no: sel.no })}
          label={t('ex.voidReason')}
          confirmText={t('ex.void')}
          onCancel={() => setDialog(null)}
          run={async (reason, requestId) => {
            const r = await call('expenses.void', { expenseId: sel.id, reason }, { requestId });
            return r.ok ? null : r.error;
          }}
          onDone={() => {
            setDialog(null);
            setDone(`${sel.no} · ${stName('void')}`);
            financeChanged();
            void load();
          }}
        >
          <p className="dialog-text">
            {sel.no} · {sel.category} · ¥{fen(sel.amountFen)} · {sel.summary}
          </p>
        </ReasonDialog>
      ) : null}
    </div>
  );
}

function NewClaimDialog(p: { onCancel(): void; onDone(c: Claim): void }) {
  const { t, lang } = useI18n();
  const [cats, setCats] = useState<Output<'expenses.categories'>>([]);
  const [category, setCategory] = useState('');
  const [amount, setAmount] = useState('');
  const [attachments, setAttachments] = useState('0');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());
  useEffect(() => {
    void call('expenses.categories', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      const act = r.value.filter((c) => c.active);
      setCats(act);
      setCategory((c) => c || act[0]?.name || '');
    });
  }, []);
  const submit = async () => {
    if (busy) return;
    const f = yuanToFen(amount);
    if (f === null || f <= 0) return setError(localError('fin.badAmount'));
    if (!summary.trim()) return setError(localError('reason.required'));
    setBusy(true);
    const r = await call(
      'expenses.create',
      { category, amountFen: f, attachments: Math.max(0, Math.floor(Number(attachments) || 0)), summary: summary.trim() },
      { requestId: requestId.current },
    );
    setBusy(false);
    if (r.ok) p.onDone(r.value);
    else {
      setError(r.error);
      requestId.current = newRequestId();
    }
  };
  return (
    <Dialog
      title={t('ex.new')}
      onCancel={p.onCancel}
      onConfirm={() => void submit()}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" onClick={() => void submit()} disabled={busy} hotkey="Enter">
            {t('common.save')}
          </Btn>
        </>
      }
    >
      <div className="form-grid">
        <Field label={t('ex.category')}>
          <select className="input" value={category} onChange={(e) => setCategory(e.target.value)}>
            {cats.map((c) => (
              <option key={c.name} value={c.name}>
                {lang === 'zh' || !c.nameEn ? c.name : c.nameEn}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fin.amountYuan')}>
          <input className="input num" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('ex.attachments')}>
          <input className="input num narrow" inputMode="numeric" value={attachments} onChange={(e) => setAttachments(e.target.value)} />
        </Field>
        <Field label={t('ex.summary')} wide>
          <input className="input" value={summary} maxLength={200} onChange={(e) => setSummary(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={error} />
    </Dialog>
  );
}

function ApproveDialog(p: { claim: Claim; onCancel(): void; onDone(c: Claim): void }) {
  const { t } = useI18n();
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());
  const submit = async () => {
    if (busy) return;
    if (mgr.user === null || mgr.pin.length < 4) return setError(localError('fin.needPin'));
    setBusy(true);
    const r = await call('expenses.approve', { expenseId: p.claim.id, manager: { user: mgr.user, pin: mgr.pin } }, { requestId: requestId.current });
    setBusy(false);
    if (r.ok) p.onDone(r.value);
    else {
      setError(r.error);
      setMgr((m) => ({ ...m, pin: '' }));
      requestId.current = newRequestId();
    }
  };
  return (
    <Dialog
      title={t('ex.approveTitle', { no: p.claim.no, fen: fen(p.claim.amountFen) })}
      onCancel={p.onCancel}
      onConfirm={() => void submit()}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" onClick={() => void submit()} disabled={busy} hotkey="Enter">
            {t('ex.approve')}
          </Btn>
        </>
      }
    >
      <p className="dialog-text">
        {p.claim.category} · {p.claim.summary} · {p.claim.claimant.name}
      </p>
      <SignoffField role="manager" label={t('dc.manager')} value={mgr} onChange={setMgr} id="ex-mgr-pin" />
      <ErrorLine error={error} />
    </Dialog>
  );
}
