// One customer's receivables: the ledger (应收明细账) or the statement (对账单) for a period, and a
// collection (回款, F2) into an account, oldest slips first or allocated by hand.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid, moneyCol, todayStr } from '../../components/grid';
import { Dialog } from '../../components/Dialog';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { localError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PrintButtons } from '../../printing/PrintButtons';
import { ACCOUNTS, acctKey, fen, financeChanged, yuanToFen, type MoneyAccount } from './common';

type Ledger = Output<'receivables.ledger'>;
type Statement = Output<'receivables.statement'>;
type RRow = Ledger['rows'][number];
type VRow = Partial<RRow> & { key: string; label?: string };
type OpenSlip = Statement['openSlips'][number];

function monthStart(): string {
  return todayStr().slice(0, 8) + '01';
}

export function CustomerLedgerScreen({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const session = useSession();
  const [view, setView] = useState<'ledger' | 'statement'>('ledger');
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(todayStr());
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [st, setSt] = useState<Statement | null>(null);
  const [error, setError] = useState<DeskErr | null>(null);
  const [collecting, setCollecting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canCollect = session.can('receivables.collect');

  const load = useCallback(async () => {
    const [l, s] = await Promise.all([
      call('receivables.ledger', { customerId, from: from || undefined, to: to || undefined, limit: 1000, offset: 0 }),
      from && to ? call('receivables.statement', { customerId, from, to }) : Promise.resolve(null),
    ]);
    if (l.ok) setLedger(l.value);
    if (s?.ok) setSt(s.value);
    setError(!l.ok ? l.error : s && !s.ok ? s.error : null);
  }, [customerId, from, to]);
  useEffect(() => {
    void load();
  }, [load]);
  useHotkeys({
    Escape: () => navigate('/aging'),
    F5: () => void load(),
    F6: () => setView((v) => (v === 'ledger' ? 'statement' : 'ledger')),
    ...(canCollect ? { F2: () => setCollecting(true) } : {}),
  });

  const cols = useMemo<ColDef<VRow>[]>(
    () => [
      { field: 'date', headerName: t('fin.date'), width: 110 },
      { field: 'docNo', headerName: t('cu.doc'), width: 160 },
      { colId: 'summary', headerName: t('jr.summary'), flex: 1, minWidth: 200, valueGetter: (x) => x.data?.label ?? x.data?.summary ?? '' },
      moneyCol<VRow>({ field: 'debitFen', headerName: t('cu.debit'), width: 120 }),
      moneyCol<VRow>({ field: 'creditFen', headerName: t('cu.credit'), width: 120 }),
      moneyCol<VRow>({ field: 'balanceFen', headerName: t('ag.balance'), width: 120 }),
      { colId: 'ovr', headerName: t('cu.override'), width: 90, valueGetter: (x) => x.data?.overrideBy?.name ?? '' },
      { colId: 'user', headerName: t('fin.user'), width: 80, valueGetter: (x) => x.data?.user?.name ?? '' },
    ],
    [t],
  );
  const openCols = useMemo<ColDef<OpenSlip>[]>(
    () => [
      { field: 'slipNo', headerName: t('cu.slip'), width: 160 },
      { field: 'date', headerName: t('fin.date'), width: 110 },
      moneyCol<OpenSlip>({ field: 'amountFen', headerName: t('cu.slipAmount') }),
      moneyCol<OpenSlip>({ field: 'settledFen', headerName: t('cu.settled') }),
      moneyCol<OpenSlip>({ field: 'openFen', headerName: t('cu.openAmt') }),
      { field: 'ageDays', headerName: t('cu.age'), width: 100, type: 'rightAligned' },
    ],
    [t],
  );

  const src = view === 'ledger' ? ledger : st;
  const rows: VRow[] = (src?.rows ?? []).map((r) => ({ ...r, key: String(r.id) }));
  const cust = ledger?.customer ?? st?.customer;
  return (
    <div className="screen-col">
      <Toolbar
        title={`${t(view === 'ledger' ? 'cu.ledger' : 'cu.statement')} · ${cust ? `${cust.code} ${cust.name}` : ''}`}
        sub={cust && ledger ? t('cu.sub', { limit: fen(cust.creditLimitFen), bal: fen(ledger.closingFen) }) : undefined}
      >
        <span className="acct-tabs">
          <button type="button" className={`btn ${view === 'ledger' ? 'on' : ''}`} onClick={() => setView('ledger')}>
            {t('cu.ledger')}
          </button>
          <button type="button" className={`btn ${view === 'statement' ? 'on' : ''}`} onClick={() => setView('statement')}>
            {t('cu.statement')}
          </button>
        </span>
        {canCollect ? (
          <Btn variant="primary" hotkey="F2" onClick={() => setCollecting(true)}>
            {t('cu.collect')}
          </Btn>
        ) : null}
        <Btn hotkey="Esc" onClick={() => navigate('/aging')}>
          {t('cu.back')}
        </Btn>
      </Toolbar>
      <div className="filter-bar">
        <Field label={t('fin.from')}>
          <input className="input date" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('fin.to')}>
          <input className="input date" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        {/* 客户对账单 for the period (a finance paper: previewed and printed, not logged) */}
        {from && to ? <PrintButtons target={{ doc: 'statement', customerId, from, to }} unlogged /> : null}
        {view === 'statement' && st ? (
          <span className="fin-figs">
            <span>
              {t('jr.opening')} {fen(st.openingFen)}
            </span>
            <span>
              {t('cu.sales')} {fen(st.salesFen)}
            </span>
            <span>
              {t('cu.collections')} {fen(st.collectionsFen)}
            </span>
            <span>
              {t('cu.creditNotes')} {fen(st.creditNotesFen)}
            </span>
            <span>
              <b>
                {t('jr.closing')} {fen(st.closingFen)}
              </b>
            </span>
          </span>
        ) : null}
      </div>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<VRow>
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => x.data.key}
          defaultColDef={{ sortable: false }}
          getRowClass={(x) => (x.data?.label ? 'row-opening' : x.data?.reversesId ? 'neg-amount' : '')}
          pinnedTopRowData={src ? [{ key: 'o', label: t('jr.opening'), date: view === 'statement' ? (st?.from ?? '') : from, balanceFen: src.openingFen }] : []}
          pinnedBottomRowData={
            src
              ? [
                  ...(view === 'statement' && st
                    ? [{ key: 't', label: t('jr.totals'), debitFen: st.salesFen, creditFen: st.collectionsFen + st.creditNotesFen } as VRow]
                    : []),
                  { key: 'c', label: t('jr.closing'), date: view === 'statement' ? (st?.to ?? '') : to, balanceFen: src.closingFen },
                ]
              : []
          }
        />
      </div>
      {view === 'statement' && st ? (
        <>
          <div className="subhead">
            {t('cu.stillOpen')} {st.prepaymentFen ? `· ${t('ag.prepaid')} ${fen(st.prepaymentFen)}` : ''}
          </div>
          <Grid<OpenSlip> className="grid-half" height={180} rowData={st.openSlips} columnDefs={openCols} getRowId={(x) => String(x.data.entryId)} />
        </>
      ) : null}
      <KeyHints
        items={[
          ...(canCollect ? ([['F2', t('cu.collect')]] as [string, string][]) : []),
          ['F6', `${t('cu.ledger')} / ${t('cu.statement')}`],
          ['F5', t('keys.refresh')],
          ['Esc', t('cu.back')],
        ]}
      />
      {collecting && cust ? (
        <CollectDialog
          customerId={customerId}
          name={cust.name}
          onCancel={() => setCollecting(false)}
          onDone={(msg) => {
            setCollecting(false);
            setDone(msg);
            financeChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

/** 回款: account, amount in 元, oldest-first or allocated by hand over the open slips. */
function CollectDialog(p: { customerId: number; name: string; onCancel(): void; onDone(msg: string): void }) {
  const { t } = useI18n();
  const [account, setAccount] = useState<MoneyAccount>('bank');
  const [amount, setAmount] = useState('');
  const [mode, setMode] = useState<'oldest' | 'manual'>('oldest');
  const [open, setOpen] = useState<Output<'receivables.open'> | null>(null);
  const [alloc, setAlloc] = useState<Record<number, string>>({});
  const [memo, setMemo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());

  useEffect(() => {
    void call('receivables.open', { customerId: p.customerId }).then((r) => (r.ok ? setOpen(r.value) : setError(r.error)));
  }, [p.customerId]);

  const total = yuanToFen(amount);
  const manualSum = Object.values(alloc).reduce((a, v) => a + (yuanToFen(v) ?? 0), 0);
  // oldest first: what the core will do, shown before it is done
  const oldest = new Map<number, number>();
  let left = total ?? 0;
  for (const s of open?.openSlips ?? []) {
    const a = Math.max(0, Math.min(left, s.openFen));
    oldest.set(s.entryId, a);
    left -= a;
  }
  const unallocated = mode === 'manual' ? Math.max(0, (total ?? 0) - manualSum) : Math.max(0, left);
  const submit = async () => {
    if (busy) return;
    if (total === null || total <= 0) {
      setError(localError('fin.badAmount'));
      return;
    }
    let allocations: { slipId: number; amountFen: number }[] | undefined;
    if (mode === 'manual') {
      allocations = [];
      for (const s of open?.openSlips ?? []) {
        const v = alloc[s.entryId];
        if (!v?.trim() || !s.slipId) continue;
        const f = yuanToFen(v);
        if (f === null || f < 0) {
          setError(localError('fin.badAmount'));
          return;
        }
        if (f > 0) allocations.push({ slipId: s.slipId, amountFen: f });
      }
    }
    setBusy(true);
    const r = await call('receivables.collect', { customerId: p.customerId, account, amountFen: total, allocations, memo: memo.trim() }, { requestId: requestId.current });
    setBusy(false);
    if (r.ok) p.onDone(t('co.done', { fen: fen(total), no: r.value.voucher.voucherNo }));
    else {
      setError(r.error);
      requestId.current = newRequestId();
    }
  };

  return (
    <Dialog
      width={640}
      title={t('co.title', { name: p.name })}
      onCancel={p.onCancel}
      onConfirm={() => void submit()}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" onClick={() => void submit()} disabled={busy} hotkey="Enter">
            {t('cu.collect')}
          </Btn>
        </>
      }
    >
      <div className="form-grid">
        <Field label={t('co.account')}>
          <select className="input" value={account} onChange={(e) => setAccount(e.target.value as MoneyAccount)}>
            {ACCOUNTS.map((a) => (
              <option key={a} value={a}>
                {t(acctKey(a))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fin.amountYuan')} hint={open ? `${t('ag.balance')} ${fen(open.balanceFen)}` : undefined}>
          <input className="input num" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('co.mode')}>
          <select className="input" value={mode} onChange={(e) => setMode(e.target.value as 'oldest' | 'manual')}>
            <option value="oldest">{t('co.oldest')}</option>
            <option value="manual">{t('co.manual')}</option>
          </select>
        </Field>
        <Field label={t('fin.memo')}>
          <input className="input" value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} />
        </Field>
      </div>
      <table className="fin-table">
        <thead>
          <tr>
            <th>{t('cu.slip')}</th>
            <th>{t('fin.date')}</th>
            <th className="num">{t('cu.openAmt')}</th>
            <th className="num">{t('cu.age')}</th>
            <th className="num">{t('co.allocate')}</th>
          </tr>
        </thead>
        <tbody>
          {(open?.openSlips ?? []).map((s) => (
            <tr key={s.entryId}>
              <td>{s.slipNo}</td>
              <td>{s.date}</td>
              <td className="num">{fen(s.openFen)}</td>
              <td className="num">{s.ageDays}</td>
              {mode === 'manual' ? (
                <td className="num">
                  <input className="input num" value={alloc[s.entryId] ?? ''} onChange={(e) => setAlloc((a) => ({ ...a, [s.entryId]: e.target.value }))} />
                </td>
              ) : (
                <td className="num">{oldest.get(s.entryId) ? fen(oldest.get(s.entryId)) : ''}</td>
              )}
            </tr>
          ))}
          <tr className="sum">
            <td colSpan={4}>{t('co.unallocated')}</td>
            <td className="num">{fen(unallocated)}</td>
          </tr>
        </tbody>
      </table>
      <ErrorLine error={error} />
    </Dialog>
  );
}
