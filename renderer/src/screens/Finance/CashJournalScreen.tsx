// 现金日记账 (and the same for WeChat, Alipay, the bank): date, voucher, summary, contra, receipt,
// payment, running balance; opening row on top, period totals and closing below. F7 交回公司货款,
// F8 备用金拨入.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { Output } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid, moneyCol } from '../../components/grid';
import { Dialog } from '../../components/Dialog';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { ReasonDialog } from '../../components/dialogs';
import { useHotkeys } from '../../hooks/hotkeys';
import { localError, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ACCOUNTS, acctKey, fen, financeChanged, yuanToFen, type MoneyAccount } from './common';

type Journal = Output<'cash.journal'>;
type JRow = Journal['rows'][number];
type ViewRow = Partial<JRow> & { kind: 'row' | 'opening' | 'totals' | 'closing'; key: string };

export function CashJournalScreen() {
  const { t } = useI18n();
  const session = useSession();
  const [account, setAccount] = useState<MoneyAccount>('cash');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const [data, setData] = useState<Journal | null>(null);
  const [balances, setBalances] = useState<Output<'cash.accounts'>>([]);
  const [error, setError] = useState<DeskErr | null>(null);
  const [dialog, setDialog] = useState<'remit' | 'topUp' | 'reverse' | null>(null);
  const [sel, setSel] = useState<JRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const canWrite = session.can('cash.remit');
  // remittances, top-ups and collections are reversed here; money of slips and expenses through them
  const canReverse = canWrite && !!sel && !sel.reversedById && !sel.reversesId && ['remittance', 'topup', 'collection'].includes(sel.cause);

  const load = useCallback(async () => {
    const r = await call('cash.journal', { account, from: from || undefined, to: to || undefined, query: query.trim(), limit: 1000, offset: 0 });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
    const b = await call('cash.accounts', {});
    if (b.ok) setBalances(b.value);
  }, [account, from, to, query]);
  useEffect(() => {
    const h = setTimeout(() => void load(), 150);
    return () => clearTimeout(h);
  }, [load]);

  useHotkeys({
    F3: () => search.current?.focus(),
    F5: () => void load(),
    ...(canWrite ? { F7: () => setDialog('remit'), F8: () => setDialog('topUp') } : {}),
    ...(canReverse ? { F6: () => setDialog('reverse') } : {}),
  });

  const rows = useMemo<ViewRow[]>(() => (data ? data.rows.map((r) => ({ ...r, kind: 'row' as const, key: String(r.id) })) : []), [data]);
  const cols = useMemo<ColDef<ViewRow>[]>(
    () => [
      { field: 'date', headerName: t('fin.date'), width: 110 },
      { field: 'voucherNo', headerName: t('jr.voucher'), width: 150 },
      {
        field: 'summary',
        headerName: t('jr.summary'),
        flex: 2,
        minWidth: 180,
        valueGetter: (x) =>
          x.data?.kind === 'opening'
            ? t('jr.opening')
            : x.data?.kind === 'totals'
              ? t('jr.totals')
              : x.data?.kind === 'closing'
                ? t('jr.closing')
                : (x.data?.summary ?? '') + (x.data?.memo ? ` · ${x.data.memo}` : '') + (x.data?.reversedById ? ` (${t('jr.reversed')})` : ''),
        tooltipField: 'summary',
      },
      { colId: 'contra', headerName: t('jr.contra'), flex: 1, minWidth: 140, valueGetter: (x) => x.data?.contra?.label ?? '' },
      moneyCol<ViewRow>({ field: 'receiptFen', headerName: t('jr.receipt'), width: 120 }),
      moneyCol<ViewRow>({ field: 'paymentFen', headerName: t('jr.payment'), width: 120 }),
      moneyCol<ViewRow>({ field: 'balanceFen', headerName: t('jr.balance'), width: 130 }),
      { colId: 'user', headerName: t('fin.user'), width: 80, valueGetter: (x) => x.data?.user?.name ?? '' },
    ],
    [t],
  );

  return (
    <div className="screen-col">
      <Toolbar title={t('jr.title')} sub={data ? `${t('jr.opening')} ${fen(data.openingFen)} · ${t('jr.closing')} ${fen(data.closingFen)}` : undefined}>
        <span className="acct-tabs">
          {ACCOUNTS.map((a) => {
            const b = balances.find((x) => x.account === a);
            return (
              <button key={a} type="button" className={`btn ${account === a ? 'on' : ''}`} data-account={a} onClick={() => setAccount(a)}>
                {t(acctKey(a))} {b ? fen(b.balanceFen) : ''}
              </button>
            );
          })}
        </span>
      </Toolbar>
      <div className="filter-bar">
        <Field label={t('fin.from')}>
          <input className="input date" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('fin.to')}>
          <input className="input date" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <input ref={search} className="input search" placeholder={t('jr.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {canWrite ? (
          <>
            <Btn onClick={() => setDialog('remit')} hotkey="F7">
              {t('jr.remit')}
            </Btn>
            <Btn onClick={() => setDialog('topUp')} hotkey="F8">
              {t('jr.topUp')}
            </Btn>
            <Btn variant="danger" onClick={() => setDialog('reverse')} hotkey="F6" disabled={!canReverse}>
              {t('jr.reverse')}
            </Btn>
          </>
        ) : null}
      </div>
      <ErrorLine error={error} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      <div className="grid-fill">
        <Grid<ViewRow>
          rowData={rows}
          columnDefs={cols}
          getRowId={(x) => x.data.key}
          defaultColDef={{ sortable: false }}
          onCellFocused={(e) => {
            if (e.rowIndex == null || e.rowPinned) return setSel(null);
            const n = e.api.getDisplayedRowAtIndex(e.rowIndex);
            setSel(n?.data?.kind === 'row' ? (n.data as JRow) : null);
          }}
          getRowClass={(x) => (x.data && x.data.kind !== 'row' ? 'row-' + (x.data.kind === 'opening' ? 'opening' : 'closing') : x.data?.reversesId ? 'neg-amount' : '')}
          pinnedTopRowData={data ? [{ kind: 'opening', key: 'opening', date: data.from ?? '', balanceFen: data.openingFen }] : []}
          pinnedBottomRowData={
            data
              ? [
                  { kind: 'totals', key: 'totals', receiptFen: data.receiptsFen, paymentFen: data.paymentsFen },
                  { kind: 'closing', key: 'closing', date: data.to ?? '', balanceFen: data.closingFen },
                ]
              : []
          }
        />
      </div>
      <KeyHints
        items={[
          ['F3', t('keys.search')],
          ...(canWrite ? ([['F7', t('jr.remit')], ['F8', t('jr.topUp')], ['F6', t('jr.reverse')]] as [string, string][]) : []),
          ['F5', t('keys.refresh')],
        ]}
      />
      {dialog === 'reverse' && sel ? (
        <ReasonDialog
          title={t('jr.reverseTitle', { no: sel.voucherNo })}
          label={t('jr.reverseReason')}
          confirmText={t('jr.reverse')}
          onCancel={() => setDialog(null)}
          run={async (reason, requestId) => {
            const r = await call('cash.reverse', { entryId: sel.id, reason }, { requestId });
            if (r.ok) setDone(t('jr.reverseDone', { no: sel.voucherNo, red: r.value.reversal.voucherNo }));
            return r.ok ? null : r.error;
          }}
          onDone={() => {
            setDialog(null);
            setSel(null);
            financeChanged();
            void load();
          }}
        >
          <p className="dialog-text">
            {sel.date} · {sel.summary} · {fen(sel.receiptFen ?? sel.paymentFen ?? 0)}
          </p>
        </ReasonDialog>
      ) : null}
      {dialog === 'remit' || dialog === 'topUp' ? (
        <MoneyMoveDialog
          kind={dialog}
          account={account}
          onCancel={() => setDialog(null)}
          onDone={(row) => {
            setDialog(null);
            setDone(t(dialog === 'remit' ? 'jr.remitDone' : 'jr.topUpDone', { fen: fen(row.receiptFen ?? row.paymentFen ?? 0), no: row.voucherNo }));
            financeChanged();
            void load();
          }}
        />
      ) : null}
    </div>
  );
}

/** 交回公司货款 / 备用金拨入: an account, an amount in 元, a memo. */
function MoneyMoveDialog(p: { kind: 'remit' | 'topUp'; account: MoneyAccount; onCancel(): void; onDone(row: JRow): void }) {
  const { t } = useI18n();
  const [account, setAccount] = useState<MoneyAccount>(p.account);
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErr | null>(null);
  const requestId = useRef(newRequestId());
  const submit = async () => {
    if (busy) return;
    const f = yuanToFen(amount);
    if (f === null || f <= 0) {
      setError(localError('fin.badAmount'));
      return;
    }
    setBusy(true);
    const r = await call(p.kind === 'remit' ? 'cash.remit' : 'cash.topUp', { account, amountFen: f, memo: memo.trim() }, { requestId: requestId.current });
    setBusy(false);
    if (r.ok) p.onDone(r.value);
    else {
      setError(r.error);
      requestId.current = newRequestId();
    }
  };
  return (
    <Dialog
      title={t(p.kind === 'remit' ? 'jr.remit' : 'jr.topUp')}
      onCancel={p.onCancel}
      onConfirm={() => void submit()}
      footer={
        <>
          <Btn onClick={p.onCancel} hotkey="Esc">
            {t('common.cancel')}
          </Btn>
          <Btn variant="primary" onClick={() => void submit()} disabled={busy} hotkey="Enter">
            {t(p.kind === 'remit' ? 'jr.remit' : 'jr.topUp')}
          </Btn>
        </>
      }
    >
      <div className="form-grid">
        <Field label={t('dc.account')}>
          <select className="input" value={account} onChange={(e) => setAccount(e.target.value as MoneyAccount)}>
            {ACCOUNTS.map((a) => (
              <option key={a} value={a}>
                {t(acctKey(a))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fin.amountYuan')}>
          <input className="input num" autoFocus value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('fin.memo')} wide>
          <input className="input" value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} />
        </Field>
      </div>
      <ErrorLine error={error} />
    </Dialog>
  );
}
