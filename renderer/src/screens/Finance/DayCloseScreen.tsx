// 日结: the day's expected cash (opening + receipts − payments), the count sheet by denomination,
// each channel's statement figure, the reconciliation checks, then the sign-offs (finance, the
// statistician's countersign, the manager when something does not agree) → dayClose.close; the day
// is locked afterwards. Below: the past closes.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import type { Output } from '../../../../shared/contract';
import { call, newRequestId, type DeskErr } from '../../api';
import { Grid, formatDateTime, moneyCol, qtyCol, todayStr } from '../../components/grid';
import { Btn, ErrorLine, Field, KeyHints, Notice, Toolbar } from '../../components/ui';
import { useHotkeys } from '../../hooks/hotkeys';
import { navigate } from '../../hooks/router';
import { localError, useI18n, type MsgKey } from '../../i18n';
import { useSession } from '../../session';
import { PrintButtons } from '../../printing/PrintButtons';
import { acctKey, fen, financeChanged, SignoffField, useDayStatus, yuanToFen, type MoneyAccount, type Signoff } from './common';

type Preview = Output<'dayClose.preview'>;
type Rec = Output<'dayClose.list'>['rows'][number];
const DENOMS = ['10000', '5000', '2000', '1000', '500', '100', '50', '10'] as const;
type Denom = (typeof DENOMS)[number];
interface CountRow {
  denom: Denom | 'total';
  count: number | null;
  amountFen: number;
}

export function DayCloseScreen({ date: routeDate }: { date: string | null }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const status = useDayStatus();
  const [date, setDate] = useState<string>(routeDate ?? todayStr());
  const [pv, setPv] = useState<Preview | null>(null);
  const [rec, setRec] = useState<Rec | null>(null);
  const [history, setHistory] = useState<Rec[]>([]);
  const [loadErr, setLoadErr] = useState<DeskErr | null>(null);
  const [counts, setCounts] = useState<Record<Denom, number>>(() => Object.fromEntries(DENOMS.map((d) => [d, 0])) as Record<Denom, number>);
  const [stmt, setStmt] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [mgr, setMgr] = useState<Signoff>({ user: null, pin: '' });
  const [fin, setFin] = useState<Signoff>({ user: null, pin: '' });
  const [stat, setStat] = useState<Signoff>({ user: null, pin: '' });
  const [busy, setBusy] = useState(false);
  const [closeErr, setCloseErr] = useState<DeskErr | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const requestId = useRef(newRequestId());

  useEffect(() => {
    if (routeDate) setDate(routeDate);
  }, [routeDate]);
  // without a day in the route: the oldest day still open, else today
  const defaulted = useRef(false);
  useEffect(() => {
    if (routeDate || defaulted.current || !status) return;
    defaulted.current = true;
    setDate(status.openDays[0] ?? status.today);
  }, [routeDate, status]);
  const countGrid = useRef<AgGridReact<CountRow>>(null);

  const load = useCallback(async () => {
    const r = await call('dayClose.preview', { date });
    if (!r.ok) {
      setLoadErr(r.error);
      setPv(null);
      return;
    }
    setLoadErr(null);
    setPv(r.value);
    setStmt((s) => {
      const n: Record<string, string> = {};
      for (const c of r.value.channels) n[c.account] = s[c.account] ?? '';
      return n;
    });
    const h = await call('dayClose.list', { limit: 100, offset: 0 });
    if (h.ok) {
      setHistory(h.value.rows);
      setRec(h.value.rows.find((x) => x.date === date) ?? null);
    }
  }, [date]);
  // another day: a fresh count sheet
  useEffect(() => {
    setCounts(Object.fromEntries(DENOMS.map((d) => [d, 0])) as Record<Denom, number>);
    setStmt({});
    setReason('');
    setCloseErr(null);
    requestId.current = newRequestId();
  }, [date]);
  useEffect(() => {
    void load();
  }, [load]);

  const countedFen = DENOMS.reduce((a, d) => a + Number(d) * (counts[d] || 0), 0);
  const expectedFen = pv?.cash.expectedFen ?? 0;
  const diffFen = countedFen - expectedFen;
  const chanDiff = (pv?.channels ?? []).map((c) => {
    const v = yuanToFen(stmt[c.account] ?? '');
    return { account: c.account as MoneyAccount, expectedFen: c.expectedFen, confirmedFen: v, diffFen: v === null ? null : v - c.expectedFen };
  });
  const anyChanDiff = chanDiff.some((c) => c.diffFen !== null && c.diffFen !== 0);
  const needManager = !!pv && (diffFen !== 0 || anyChanDiff || !pv.allPass);

  const countRows = useMemo<CountRow[]>(() => DENOMS.map((d) => ({ denom: d, count: counts[d], amountFen: Number(d) * (counts[d] || 0) })), [counts]);
  const countCols = useMemo<ColDef<CountRow>[]>(
    () => [
      { colId: 'denom', headerName: t('dc.denom'), flex: 1, valueGetter: (x) => (x.data?.denom === 'total' ? t('dc.counted') : x.data ? t(`dc.d.${x.data.denom}` as MsgKey) : '') },
      qtyCol<CountRow>({
        field: 'count',
        headerName: t('dc.count'),
        width: 110,
        editable: (x) => !x.node.rowPinned && !pv?.closed,
        cellEditor: 'agNumberCellEditor',
        cellEditorParams: { min: 0, precision: 0, showStepperButtons: false },
        cellClass: 'editable-cell',
      }),
      moneyCol<CountRow>({ field: 'amountFen', headerName: t('dc.amount'), width: 140 }),
    ],
    [t, pv?.closed],
  );

  const close = async () => {
    if (!pv || busy || pv.closed) return;
    const ch: Record<'wechat' | 'alipay' | 'bank', number> = { wechat: 0, alipay: 0, bank: 0 };
    for (const c of chanDiff) {
      if (c.account === 'cash') continue;
      if (c.confirmedFen === null) {
        setCloseErr(localError('dc.needStatement', { account: t(acctKey(c.account)) }));
        document.querySelector<HTMLInputElement>(`input[data-account="${c.account}"]`)?.focus();
        return;
      }
      ch[c.account] = c.confirmedFen;
    }
    if (fin.user === null || fin.pin.length < 4 || stat.user === null || stat.pin.length < 4 || (needManager && (mgr.user === null || mgr.pin.length < 4))) {
      setCloseErr(localError('fin.needPin'));
      return;
    }
    setBusy(true);
    setCloseErr(null);
    const r = await call(
      'dayClose.close',
      {
        date: pv.date,
        counts,
        channels: ch,
        differenceReason: reason.trim(),
        managerApproval: needManager && mgr.user !== null ? { user: mgr.user, pin: mgr.pin } : undefined,
        finance: { user: fin.user, pin: fin.pin },
        statistician: { user: stat.user, pin: stat.pin },
      },
      { requestId: requestId.current },
    );
    setBusy(false);
    if (!r.ok) {
      setCloseErr(r.error);
      requestId.current = newRequestId();
      return;
    }
    requestId.current = newRequestId();
    setDone(t('dc.closedOk', { date: r.value.date }));
    setFin({ ...fin, pin: '' });
    setStat({ ...stat, pin: '' });
    setMgr({ ...mgr, pin: '' });
    financeChanged();
    await load();
  };

  useHotkeys({
    F5: () => void load(),
    F9: () => void close(),
    F7: () => {
      if (pv?.closed) return;
      countGrid.current?.api.setFocusedCell(0, 'count');
      countGrid.current?.api.startEditingCell({ rowIndex: 0, colKey: 'count' });
    },
  });

  const histCols = useMemo<ColDef<Rec>[]>(
    () => [
      { field: 'date', headerName: t('fin.date'), width: 110 },
      moneyCol<Rec>({ field: 'expectedCashFen', headerName: t('dc.expected'), width: 120 }),
      moneyCol<Rec>({ field: 'countedCashFen', headerName: t('dc.counted'), width: 120 }),
      moneyCol<Rec>({ field: 'differenceFen', headerName: t('dc.diff'), width: 110 }),
      {
        field: 'result',
        headerName: t('dc.result'),
        width: 100,
        valueFormatter: (x) => (x.value === 'over' ? t('dc.over') : x.value === 'short' ? t('dc.short') : t('dc.even')),
        cellClassRules: { 'diff-over': (x) => x.value === 'over', 'diff-short': (x) => x.value === 'short' },
      },
      { colId: 'fin', headerName: t('dc.finance'), width: 90, valueGetter: (x) => x.data?.finance.name },
      { colId: 'stat', headerName: t('dc.statistician'), width: 100, valueGetter: (x) => x.data?.statistician.name },
      { colId: 'mgr', headerName: t('dc.manager'), width: 90, valueGetter: (x) => x.data?.manager?.name ?? '' },
      { field: 'adjustmentVoucherNo', headerName: t('dc.voucher'), width: 150 },
      { colId: 'failed', headerName: t('dc.failed'), width: 120, valueGetter: (x) => x.data?.failedChecks.length ?? 0, cellClassRules: { 'bad-text': (x) => x.value > 0 } },
      { field: 'reason', headerName: t('dc.reason'), flex: 1, minWidth: 120 },
      { field: 'closedAt', headerName: t('dc.closedAt'), width: 140, valueFormatter: (x) => formatDateTime(x.value) },
    ],
    [t],
  );

  const dayOptions = Array.from(new Set([...(status?.openDays ?? []), status?.today ?? todayStr(), date])).sort();
  const figLabel = (k: string) => {
    const key = `dc.fig.${k}` as MsgKey;
    const v = t(key);
    return v === key ? k : v;
  };
  const canClose = session.can('dayClose.close');

  return (
    <div className="screen-col">
      <Toolbar title={t('dc.title')} sub={pv ? t('dc.sales', { n: pv.sales.dispatchCount, fen: fen(pv.sales.salesDetailFen) }) : undefined}>
        <Field label={t('dc.day')}>
          <select
            className="input"
            value={date}
            onChange={(e) => {
              setDone(null);
              navigate(`/dayclose/${e.target.value}`);
            }}
          >
            {dayOptions.map((d) => (
              <option key={d} value={d}>
                {d}
                {d === status?.today ? ` (${t('dc.today')})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Btn onClick={() => void load()} hotkey="F5">
          {t('keys.refresh')}
        </Btn>
        {/* 现金盘点表: the day's count sheet (a finance paper: previewed and printed, not logged) */}
        <PrintButtons target={{ doc: 'cashCount', date }} unlogged />
      </Toolbar>
      <ErrorLine error={loadErr} />
      {done ? <Notice kind="ok">{done}</Notice> : null}
      {pv?.closed ? (
        <div className="locked-box">
          {t('dc.closed')}
          {rec
            ? ' · ' +
              t('dc.closedBy', {
                date: rec.date,
                at: formatDateTime(rec.closedAt),
                finance: rec.finance.name,
                stat: rec.statistician.name,
                mgr: rec.manager ? t('dc.closedMgr', { name: rec.manager.name }) : '',
              })
            : ''}
        </div>
      ) : null}
      {pv && !pv.canClose && !pv.closed ? (
        <Notice kind="warn">
          {t('dc.cannotClose')}: {pv.blockers.map((b) => (lang === 'zh' ? b.message_zh : b.message_en)).join('; ')}
        </Notice>
      ) : null}
      <div className="fin-scroll">
      {pv ? (
        <div className="fin-cols">
          <div className="fin-panel">
            <h2>{t('dc.cashTitle')}</h2>
            <div className="fin-kv">
              <span>{t('dc.opening')}</span>
              <span className="num">{fen(pv.cash.openingFen)}</span>
              <span>+ {t('dc.receipts')}</span>
              <span className="num">{fen(pv.cash.receiptsFen)}</span>
              <span>− {t('dc.payments')}</span>
              <span className="num">{fen(pv.cash.paymentsFen)}</span>
              <b>= {t('dc.expected')}</b>
              <b className="num">{fen(pv.cash.expectedFen)}</b>
            </div>
            <h2>{t('dc.countTitle')}</h2>
            <Grid<CountRow>
              ref={countGrid}
              height={330}
              rowData={rec && pv.closed ? DENOMS.map((d) => ({ denom: d, count: rec.counts[d] ?? 0, amountFen: Number(d) * (rec.counts[d] ?? 0) })) : countRows}
              columnDefs={countCols}
              getRowId={(x) => x.data.denom}
              singleClickEdit
              stopEditingWhenCellsLoseFocus
              pinnedBottomRowData={[{ denom: 'total', count: null, amountFen: pv.closed && rec ? rec.countedCashFen : countedFen }]}
              onCellValueChanged={(e) => {
                const d = e.data?.denom;
                if (!d || d === 'total') return;
                const n = Math.max(0, Math.floor(Number(e.newValue) || 0));
                setCounts((c) => ({ ...c, [d]: n }));
              }}
            />
            <div className="fin-kv">
              <span>{t('dc.counted')}</span>
              <b className="num">{fen(pv.closed && rec ? rec.countedCashFen : countedFen)}</b>
              <span>{t('dc.diff')}</span>
              <DiffText fen={pv.closed && rec ? rec.differenceFen : diffFen} />
            </div>
          </div>
          <div className="fin-panel">
            <h2>{t('dc.channels')}</h2>
            <table className="fin-table">
              <thead>
                <tr>
                  <th>{t('dc.account')}</th>
                  <th className="num">{t('dc.expectedAmt')}</th>
                  <th className="num">{t('dc.statement')}</th>
                  <th className="num">{t('dc.diff')}</th>
                </tr>
              </thead>
              <tbody>
                {chanDiff.map((c) => {
                  const closedCh = rec?.channels.find((x) => x.account === c.account);
                  return (
                    <tr key={c.account}>
                      <td>{t(acctKey(c.account))}</td>
                      <td className="num">{fen(c.expectedFen)}</td>
                      <td className="num">
                        {pv.closed ? (
                          fen(closedCh?.confirmedFen ?? null)
                        ) : (
                          <input
                            className="input num"
                            data-account={c.account}
                            value={stmt[c.account] ?? ''}
                            placeholder={fen(c.expectedFen)}
                            onChange={(e) => setStmt((s) => ({ ...s, [c.account]: e.target.value }))}
                          />
                        )}
                      </td>
                      <td className="num">{pv.closed ? <DiffText fen={closedCh?.differenceFen ?? 0} /> : c.diffFen === null ? '—' : <DiffText fen={c.diffFen} />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h2>{t('dc.checks')}</h2>
            <table className="fin-table">
              <thead>
                <tr>
                  <th>{t('dc.check')}</th>
                  <th>{t('fin.state')}</th>
                  <th>{t('dc.figures')}</th>
                </tr>
              </thead>
              <tbody>
                {pv.checks.map((c) => (
                  <tr key={c.code}>
                    <td>{lang === 'zh' ? c.title_zh : c.title_en}</td>
                    <td className={`nowrap ${c.pass ? 'check-pass' : 'check-fail'}`}>{c.pass ? '✔ ' + t('dc.pass') : '✘ ' + t('dc.fail')}</td>
                    <td>
                      <div className="fin-figs">
                        {Object.entries(c.figures).map(([k, v]) => (
                          <span key={k}>
                            {figLabel(k)} {k.endsWith('Fen') ? fen(v) : v}
                          </span>
                        ))}
                      </div>
                      {c.slips.length ? (
                        <div>
                          {t('dc.slipsNamed')}:{' '}
                          {c.slips.map((s) => (
                            <span key={s.slipId + s.problem_zh}>
                              <a href={`#/slips/${s.slipId}`}>{s.no}</a> {lang === 'zh' ? s.problem_zh : s.problem_en} ({fen(s.expectedFen)} / {fen(s.recordedFen)}){' '}
                            </span>
                          ))}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!pv.closed && canClose && pv.canClose ? (
              <>
                <h2>{t('dc.signoff')}</h2>
                {needManager && (countedFen > 0 || Object.values(stmt).some((v) => v.trim()) || !pv.allPass) ? <Notice kind="warn">{t('dc.managerNeeded')}</Notice> : null}
                <Field label={t('dc.reason')} wide>
                  <input className="input" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
                </Field>
                <div className="signoff-row">
                  <SignoffField role="finance" label={t('dc.finance')} value={fin} onChange={setFin} id="dc-fin-pin" />
                  <SignoffField role="statistician" label={t('dc.statistician')} value={stat} onChange={setStat} id="dc-stat-pin" />
                  {needManager ? <SignoffField role="manager" label={t('dc.manager')} value={mgr} onChange={setMgr} id="dc-mgr-pin" /> : null}
                </div>
                <div>
                  <Btn variant="primary" hotkey="F9" disabled={busy || !pv.canClose} onClick={() => void close()}>
                    {t('dc.close')}
                  </Btn>
                </div>
                <ErrorLine error={closeErr} />
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="subhead">{t('dc.history')}</div>
      <Grid<Rec> className="grid-half" height={200} rowData={history} columnDefs={histCols} getRowId={(x) => x.data.date} onRowDoubleClicked={(e) => e.data && navigate(`/dayclose/${e.data.date}`)} />
      </div>
      <KeyHints
        items={[
          ...(pv && !pv.closed ? ([['F7', t('dc.countTitle')], ['Enter', t('keys.editCell')]] as [string, string][]) : []),
          ...(pv && !pv.closed && pv.canClose && canClose ? ([['F9', t('dc.close')]] as [string, string][]) : []),
          ['F5', t('keys.refresh')],
        ]}
      />
    </div>
  );
}

export function DiffText({ fen: f }: { fen: number }) {
  const { t } = useI18n();
  if (f === 0) return <span className="check-pass num">{fen(0)} {t('dc.even')}</span>;
  return (
    <span className={`num ${f > 0 ? 'diff-over' : 'diff-short'}`}>
      {f > 0 ? '+' : ''}
      {fen(f)} {f > 0 ? t('dc.over') : t('dc.short')}
    </span>
  );
}
